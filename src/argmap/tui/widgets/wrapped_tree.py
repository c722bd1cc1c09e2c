"""A Textual `Tree` whose rows may take several lines, so a long label wraps instead of
being cut.

Textual's tree draws one line per node. Here each node may take `row_height` lines: the
tree's line list holds the node's line once per part, the first part is drawn by the tree
as usual (its label is the first part of the row), the later parts by `_continuation`,
with the guides of the levels above and the rest of the label. The cursor always rests on
a node's first line; moving down skips the rest of the row.

This leans on the tree's line list (`_tree_lines_cached`, `_TreeLine`), which is not part
of Textual's public API: the tests in tests/tui/test_reading.py pin what it must do.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widgets import Tree
from textual.widgets._tree import _TreeLine
from textual.widgets.tree import TreeNode


class WrappedTree(Tree[str]):
    """A tree whose rows are `row_parts(node, room)` lines tall."""

    def __init__(self, label: str, *, id: str | None = None) -> None:
        super().__init__(label, id=id)
        #: For each line of the tree: which part of its node's row it draws (0 = first).
        self._parts: list[int] = []
        #: The width the rows were wrapped for.
        self._built_width = -1

    # --- what subclasses say -------------------------------------------------------------

    def row_parts(self, node: TreeNode[str], room: int) -> list[Text]:
        """The lines of a node's row, each at most `room` cells wide."""
        return [self.process_label(node.label)]

    def row_size(self, node: TreeNode[str], room: int) -> int:
        """How many lines `row_parts(node, room)` holds (a subclass may count them
        without drawing them)."""
        return len(self.row_parts(node, room))

    # --- layout --------------------------------------------------------------------------

    def label_room(self, node: TreeNode[str], depth: int) -> int:
        """The cells left for a node's label at `depth` (the root is 0)."""
        icon = 2 if node.allow_expand else 0
        room = self.scrollable_content_region.width - depth * self.guide_depth - icon - 1
        return max(room, 16)

    def _build(self) -> None:
        lines: list[_TreeLine[str]] = []
        parts: list[int] = []
        # The room of a row depends only on its depth and whether it expands: work the
        # width out once, not for each of the thousands of rows of a big debate.
        width = self.scrollable_content_region.width - 1
        step = self.guide_depth
        row_size = self.row_size

        def add(path: list[TreeNode[str]], node: TreeNode[str], last: bool) -> None:
            child_path = [*path, node]
            node._line = len(lines)
            line = _TreeLine(child_path, last)
            room = max(width - len(path) * step - (2 if node._allow_expand else 0), 16)
            height = max(row_size(node, room), 1)
            lines.extend([line] * height)
            parts.extend(range(height))
            if node._expanded:
                children = node._children
                for index, child in enumerate(children):
                    add(child_path, child, index == len(children) - 1)

        if self.show_root:
            add([], self.root, True)
        else:
            for index, node in enumerate(self.root._children):
                add([], node, index == len(self.root._children) - 1)
        self._tree_lines_cached = lines
        self._parts = parts
        self._built_width = self.scrollable_content_region.width
        self._resize_virtually(Size(self.size.width, len(lines)))
        if self.cursor_line != -1:
            if self.cursor_node is not None:
                self.cursor_line = self.cursor_node._line
            if self.cursor_line >= len(lines):
                self.cursor_line = -1

    def _resize_virtually(self, size: Size) -> None:
        """Take `size` as the scrollable size. When the vertical scroll bar stays as it
        is (a row opened in a map already taller than the pane), only the tree and its
        bar change: update them without laying out the whole screen again."""
        old = self.virtual_size
        steady = (
            self.show_vertical_scrollbar
            and size.width == old.width
            and min(size.height, old.height) > self.container_size.height
        )
        if not steady:
            self.virtual_size = size
            return
        self.set_reactive(Tree.virtual_size, size)
        self._scroll_update(size)
        self.refresh()

    def _row_height(self, line: int) -> int:
        lines = self._tree_lines
        end = line + 1
        while end < len(lines) and self._parts[end] > 0:
            end += 1
        return end - line

    # --- the cursor rests on a row's first line ------------------------------------------

    def validate_cursor_line(self, value: int) -> int:
        value = super().validate_cursor_line(value)
        if 0 < value < len(self._parts) and len(self._parts) == len(self._tree_lines):
            value -= self._parts[value]
        return value

    def action_cursor_down(self) -> None:
        if self.cursor_line == -1:
            self.cursor_line = 0
        else:
            following = self.cursor_line + self._row_height(self.cursor_line)
            if following < len(self._tree_lines):
                self.cursor_line = following
        self.scroll_to_line(self.cursor_line, animate=False)

    def _get_label_region(self, line: int) -> Region | None:
        region = super()._get_label_region(line)
        if region is None:
            return None
        return Region(region.x, region.y, max(region.width, 1), self._row_height(line))

    # --- drawing -------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        if self._built_width != self.scrollable_content_region.width:
            # The room changed (a scroll bar came or went): wrap the rows again.
            self._clear_line_cache()
            self._updates += 1
        return super().render_lines(crop)

    def _render_line(self, y: int, x1: int, x2: int, base_style: Style) -> Strip:
        if y >= len(self._tree_lines) or y >= len(self._parts) or self._parts[y] == 0:
            return super()._render_line(y, x1, x2, base_style)
        return self._continuation(y, self._parts[y], base_style).crop(x1, x2)

    def _continuation(self, y: int, part: int, base_style: Style) -> Strip:
        line = self._tree_lines[y]
        node = line.node
        line_style = base_style + Style(meta={"line": y})
        guide_style = self.get_component_rich_style("tree--guides", partial=True)
        out = Text(style=line_style)
        pad = " " * max(self.guide_depth - 1, 1)
        for step in line.path[1:]:
            out.append(" " + pad if step.is_last else "│" + pad, style=guide_style)
        if node.allow_expand:
            out.append("  ")
        depth = len(line.path) - 1
        parts = self.row_parts(node, self.label_room(node, depth))
        label = parts[part].copy() if part < len(parts) else Text()
        label_style = self.get_component_rich_style("tree--label", partial=True)
        if self.cursor_line == node._line:
            label_style += self.get_component_rich_style("tree--cursor", partial=False)
        label.stylize(label_style)
        label.stylize(Style(meta={"node": node._id}))
        out.append_text(label)
        width = max(self.virtual_size.width, self.size.width)
        strip = Strip(list(out.render(self.app.console)))
        return strip.adjust_cell_length(width, line_style)
