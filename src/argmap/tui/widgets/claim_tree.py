"""The map: a tree from the motion (or a focused claim) down through rebuttals and support.

Children are added only when a claim is expanded, so a 10,000-claim debate opens as fast
as a small one. Each node keeps only a claim id in `data`; cross-links are leaves that
point at a claim shown elsewhere, so no claim is ever expanded twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Protocol

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from argmap.graph import ClaimNode
from argmap.semantics import Label
from argmap.tui.model import DebateEntry, FilterResult, cross_links_below
from argmap.tui.widgets.labels import (
    claim_lines,
    claim_prefix_cells,
    claim_row,
    link_lines,
    link_row,
    words_of,
    wrapped_height,
)
from argmap.tui.widgets.search_marks import mark_hits
from argmap.tui.widgets.wrapped_tree import WrappedTree

ClaimNodeT = TreeNode[str]

#: At most this many claims are opened again after a reload (each costs a little).
MAX_REOPENED = 400

#: A claim's row wraps onto at most this many lines (past them its text ends in "…").
ROW_LINES = 3


class ClaimTree(WrappedTree):
    """The claims of one debate as an outline; the cursor is identified by claim id."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("right,l", "expand", "Expand", show=False),
        Binding("left,h", "collapse", "Collapse", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.guide_depth = 2
        self.entry: DebateEntry | None = None
        self.root_id = "motion"
        self.shown: FilterResult | None = None
        self._populated: set[int] = set()
        self._links: set[int] = set()  # tree node ids of cross-link leaves
        self._by_claim: dict[str, ClaimNodeT] = {}
        #: How each row is drawn for a given width: wrapped at words, "…" past its lines.
        self._rows: dict[int, _Row] = {}
        #: The lines of rows already drawn, by node and width.
        self._drawn: dict[tuple[int, int], list[Text]] = {}
        #: List a claim's answers strongest first instead of in file order.
        self.by_strength = False
        #: The debate and claim a search jumped to, and the words to mark in its row.
        self.hit: tuple[str, str, tuple[str, ...]] | None = None

    def mark_hit(self, debate_id: str, claim_id: str, words: Sequence[str]) -> None:
        """Mark the words of a search in the row of the claim it found."""
        self.hit = (debate_id, claim_id, tuple(words))
        self._drawn.clear()
        self._invalidate()

    # --- building ------------------------------------------------------------------------

    def show(
        self,
        entry: DebateEntry,
        root_id: str = "motion",
        shown: FilterResult | None = None,
        expanded: Sequence[str] = (),
    ) -> None:
        """Show a debate from `root_id` down, keeping only claims a filter made visible.

        `expanded` names claims to open again (after a reload, the ones that were open).
        """
        self.entry = entry
        self.root_id = root_id
        self.shown = shown
        self._populated.clear()
        self._links.clear()
        self._by_claim.clear()
        self._rows.clear()
        self._drawn.clear()
        self.clear()
        graph = entry.graph
        node = graph.nodes[root_id]
        root_label, root_strength = entry.label(root_id), entry.strength(root_id)
        self.root.set_label(claim_row(node, root_label, strength=root_strength))
        self._rows[self.root.id] = _ClaimRow(node, root_label, strength=root_strength)
        self.root.data = root_id
        self._by_claim[root_id] = self.root
        self._populate(self.root)
        self.root.expand()
        if shown is not None and len(shown.visible) <= 2000:
            # A filter keeps few claims: open the way to every match at once.
            for claim_id in shown.matches:
                self.reveal(claim_id)
        again = [c for c in expanded if c in graph.nodes]
        for claim_id in sorted(again, key=lambda c: graph.nodes[c].depth)[:MAX_REOPENED]:
            opened = self._by_claim.get(claim_id)
            if opened is not None and opened.allow_expand:
                self._populate(opened)
                opened.expand()
        self.move_cursor(self.root)

    def expanded_claims(self) -> list[str]:
        """The claims now open in the map (to open them again after a reload)."""
        return [
            claim_id
            for claim_id, node in self._by_claim.items()
            if node.is_expanded and node is not self.root
        ]

    def _populate(self, node: ClaimNodeT) -> None:
        if node.id in self._populated or node.id in self._links or self.entry is None:
            return
        self._populated.add(node.id)
        entry = self.entry
        graph = entry.graph
        claim_id = node.data
        assert claim_id is not None
        visible = self.shown.visible if self.shown is not None else None
        matches = self.shown.matches if self.shown is not None else None
        children = graph.children(claim_id)
        if self.by_strength:
            # Stable: equal strengths keep file order.
            children = sorted(children, key=lambda child: -entry.strength(child.id))
        for child in children:
            if visible is not None and child.id not in visible:
                continue
            expandable = bool(child.children) or bool(cross_links_below(graph, child.id))
            dim = matches is not None and child.id not in matches
            label = entry.label(child.id)
            strength, cut = entry.strength(child.id), entry.is_cut(child.id)
            added = node.add(
                claim_row(child, label, dim=dim, strength=strength, cut=cut),
                data=child.id,
                allow_expand=expandable,
            )
            self._by_claim[child.id] = added
            self._rows[added.id] = _ClaimRow(child, label, dim, strength, cut)
        if visible is None:
            for verb, other in cross_links_below(graph, claim_id):
                target = graph.nodes.get(other)
                leaf = node.add_leaf(link_row(verb, target, other, width=100), data=other)
                self._links.add(leaf.id)
                self._rows[leaf.id] = _LinkRow(verb, target, other)

    # --- drawing -------------------------------------------------------------------------

    def row_parts(self, node: ClaimNodeT, room: int) -> list[Text]:
        make = self._rows.get(node.id)
        if make is None:
            return super().row_parts(node, room)
        key = (node.id, room)
        drawn = self._drawn.get(key)
        if drawn is None:
            if len(self._drawn) > 20_000:
                self._drawn.clear()
            drawn = self._drawn[key] = make.lines(room)
            hit = self.hit
            if (
                hit is not None
                and self.entry is not None
                and (self.entry.debate_id, node.data) == hit[:2]
                and node.id not in self._links
            ):
                for line in drawn:
                    mark_hits(line, hit[2])
        return drawn

    def process_label(self, label: str | Text) -> Text:
        # The rows made here are Text of one line already: skip splitting each of the
        # thousand top-level claims of a big debate into lines again.
        if isinstance(label, Text):
            return label
        return super().process_label(label)

    def row_size(self, node: ClaimNodeT, room: int) -> int:
        row = self._rows.get(node.id)
        if row is None:
            return super().row_size(node, room)
        return row.height(room)

    def render_label(self, node: ClaimNodeT, base_style: Style, style: Style) -> Text:
        """The first line of the row (the tree draws the others, see WrappedTree)."""
        if node.id not in self._rows:
            return super().render_label(node, base_style, style)
        depth = 0
        parent = node.parent
        while parent is not None:
            depth += 1
            parent = parent.parent
        label = self.row_parts(node, self.label_room(node, depth))[0].copy()
        label.stylize(style)
        prefix = self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE
        if node.allow_expand:
            return Text.assemble((prefix, base_style + Style(bold=True)), label)
        return label

    def get_label_width(self, node: ClaimNodeT) -> int:
        # Rows are cut to fit the width, so the tree never scrolls sideways (and no row
        # needs drawing just to learn its width).
        return 0

    def on_resize(self) -> None:
        self._invalidate()

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[str]) -> None:
        self._populate(event.node)

    # --- queries -------------------------------------------------------------------------

    @property
    def cursor_claim(self) -> str | None:
        """The id of the claim under the cursor (for a link leaf, the claim it points at)."""
        node = self.cursor_node
        return node.data if node is not None else None

    @property
    def cursor_is_link(self) -> bool:
        node = self.cursor_node
        return node is not None and node.id in self._links

    def contains(self, claim_id: str) -> bool:
        """Whether the claim is part of what the tree shows (focus and filter counted)."""
        if self.entry is None or claim_id not in self.entry.graph.nodes:
            return False
        path = [n.id for n in self.entry.graph.path_from_motion(claim_id)]
        if self.root_id not in path:
            return False
        return self.shown is None or claim_id in self.shown.visible

    # --- moving --------------------------------------------------------------------------

    def reveal(self, claim_id: str) -> ClaimNodeT | None:
        """Expand the way down to a claim and return its node (None when not shown)."""
        if not self.contains(claim_id) or self.entry is None:
            return None
        path = [n.id for n in self.entry.graph.path_from_motion(claim_id)]
        path = path[path.index(self.root_id) :]
        node = self.root
        for step in path[1:]:
            self._populate(node)
            if not node.is_expanded:
                node.expand()
            found = self._by_claim.get(step)
            if found is None:
                return None
            node = found
        return node

    def select_claim(self, claim_id: str) -> bool:
        """Put the cursor on a claim, expanding what leads to it."""
        node = self.reveal(claim_id)
        if node is None:
            return False
        self.get_node_at_line(0)  # lay the lines out again so the node's line is known
        self.move_cursor(node)
        self.scroll_to_node(node, animate=False)
        return True

    def select_link(self, parent_id: str, target_id: str) -> bool:
        """Put the cursor on the ↪ leaf under `parent_id` that points at `target_id`."""
        parent = self.reveal(parent_id)
        if parent is None:
            return False
        self._populate(parent)
        parent.expand()
        for child in parent.children:
            if child.id in self._links and child.data == target_id:
                self.get_node_at_line(0)
                self.move_cursor(child)
                self.scroll_to_node(child, animate=False)
                return True
        return False

    def action_expand(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and not node.is_expanded:
            self._populate(node)  # now, so a second `l` finds the children at once
            node.expand()
        elif node.is_expanded and node.children:
            self.move_cursor(node.children[0])

    def action_collapse(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            node.collapse()
        elif node.parent is not None:
            self.move_cursor(node.parent)


class _Row(Protocol):
    def lines(self, width: int) -> list[Text]:
        """The row's lines, each at most `width` cells."""
        ...

    def height(self, width: int) -> int:
        """How many lines `lines(width)` holds, without drawing them."""
        ...


@dataclass(slots=True)
class _ClaimRow:
    """A claim's row: drawn only when on screen, its height counted for every row."""

    node: ClaimNode
    label: Label
    dim: bool = False
    strength: float | None = None
    cut: bool = False
    _prefix_cells: int = -1
    _words: list[str] | None = None
    #: The last width asked for and the lines the row takes at it.
    _counted: tuple[int, int] = (-1, 0)

    def lines(self, width: int) -> list[Text]:
        return claim_lines(
            self.node, self.label, width, ROW_LINES, self.dim, self.strength, self.cut
        )

    def height(self, width: int) -> int:
        if self._counted[0] == width:
            return self._counted[1]
        if self._words is None:
            self._prefix_cells = claim_prefix_cells(self.node, self.label, self.strength, self.cut)
            self._words = words_of(self.node.text)
        height = wrapped_height(self._prefix_cells, self._words, width, ROW_LINES)
        self._counted = (width, height)
        return height


@dataclass(slots=True)
class _LinkRow:
    """A cross-link leaf: one line."""

    verb: str
    node: ClaimNode | None
    claim_id: str

    def lines(self, width: int) -> list[Text]:
        return link_lines(self.verb, self.node, self.claim_id, width, 1)

    def height(self, width: int) -> int:
        return 1
