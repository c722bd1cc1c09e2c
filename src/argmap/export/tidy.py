"""A tidy tree layout in linear time, for diagrams too big for `dot` to lay out.

`dot` places boxes sideways by network simplex, whose cost grows faster than the number of
boxes: a 50,000-claim debate takes over a minute and more than a gigabyte. A debate is a
tree of claims (cross-links aside), and a tree has a classic layout that costs time in
proportion to its size: Reingold and Tilford, "Tidier drawings of trees" (IEEE Trans.
Software Eng. 7(2), 1981). Each subtree is laid out on its own; siblings are then pushed
apart, left to right, just far enough that their contours (the outermost box on every
level) keep a gap; a parent sits centred over its first and last child. Contours are lists
taken over by the parent, and each merge walks only the shorter of the two, so the whole
layout is linear (the argument of Walker's and Buchheim et al.'s refinements).

Boxes have sizes of their own here (a claim's wrapped text), measured from its label with
`label_size`. Graphviz then only draws: `neato -n2` keeps every position as given and
draws cross-links as straight lines over the tree.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from argmap.export.pinned import CORNER

#: Average advance of a character of the diagram's sans-serif fonts, in ems. Generous:
#: a box estimated too small can overlap its neighbour, one too large only wastes space.
CHAR_EM = 0.56
LINE_EM = 1.22
#: Points a table cell adds round its text (padding, spacing, border), each way.
TABLE_CELL = 16.0
_TOKEN = re.compile(r"<(/?)([A-Za-z]+)([^>]*)>|([^<]+)")
_POINT_SIZE = re.compile(r'POINT-SIZE="([0-9.]+)"')


def label_size(label: str, fontsize: float, margin: tuple[float, float]) -> tuple[float, float]:
    """Width and height in points of a box around an HTML-like `label` (`<...>` as the
    exporter writes it: FONT elements with POINT-SIZE, lines split by BR).

    `margin` is the box's inner margin in inches (Graphviz's `margin`), each side.
    """
    sizes = [fontsize]
    widths: list[float] = []
    heights: list[float] = []
    width = 0.0
    height = 0.0
    for match in _TOKEN.finditer(label):
        closing, tag, attrs, text = match.groups()
        if text is not None:
            width += len(html.unescape(text)) * sizes[-1] * CHAR_EM
            height = max(height, sizes[-1] * LINE_EM)
            continue
        tag = tag.upper()
        if tag == "TD" and not closing:
            width += TABLE_CELL  # a table cell's padding and spacing
        elif tag == "BR" or (tag == "TR" and closing):
            widths.append(width)
            heights.append((height or sizes[-1] * LINE_EM) + (TABLE_CELL if tag == "TR" else 0))
            width = height = 0.0
        elif tag == "FONT":
            if closing:
                if len(sizes) > 1:
                    sizes.pop()
            else:
                found = _POINT_SIZE.search(attrs)
                sizes.append(float(found.group(1)) if found else sizes[-1])
    widths.append(width)
    heights.append(height or sizes[-1] * LINE_EM)
    across, down = margin
    return max(widths) + 2 * across * 72 + 4, sum(heights) + 2 * down * 72 + 4


def tidy_layout(
    parents: Sequence[int],
    breadths: Sequence[float],
    depths: Sequence[float],
    *,
    gap: float,
    level_gap: float,
) -> list[tuple[float, float]]:
    """Centres (along a level, across levels) of a forest's boxes, each box `breadths[i]`
    wide along its level and `depths[i]` deep across levels.

    `parents[i]` is box i's parent, or -1 for a root; children keep their order in the
    list (a parent's index need not come first). Roots are laid out side by side as the
    children of one invisible root. The first coordinate starts at 0; the second is the
    distance of the box's level centre from the top level's, levels `level_gap` apart.
    """
    count = len(parents)
    children: list[list[int]] = [[] for _ in range(count + 1)]
    top = count  # the invisible root over every root
    for index, parent in enumerate(parents):
        children[top if parent < 0 else parent].append(index)
    breadth = [*breadths, 0.0]
    # Levels, and the order to visit boxes in (parents before children), without recursion.
    level = [0] * (count + 1)
    order = [top]
    for box in order:
        for child in children[box]:
            level[child] = level[box] + 1
            order.append(child)
    # Contours, bottom level first (so a parent adds its own level by `append`); each is
    # a list of offsets plus one shift for the whole list: position = stored + shift.
    left: list[list[float]] = [[] for _ in range(count + 1)]
    right: list[list[float]] = [[] for _ in range(count + 1)]
    left_shift = [0.0] * (count + 1)
    right_shift = [0.0] * (count + 1)
    offset = [0.0] * (count + 1)  # a box's centre relative to its parent's
    for box in reversed(order):
        kids = children[box]
        half = breadth[box] / 2
        if not kids:
            left[box], right[box] = [-half], [half]
            continue
        first = kids[0]
        forest_left, forest_right = left[first], right[first]
        fl_shift, fr_shift = left_shift[first], right_shift[first]
        place = [0.0]
        for child in kids[1:]:
            child_left, child_right = left[child], right[child]
            cl_shift, cr_shift = left_shift[child], right_shift[child]
            # How far right of the first child the child's centre must go: on every level
            # both have, its left edge a gap clear of the forest's right edge.
            shared = min(len(forest_right), len(child_left))
            need = float("-inf")
            for k in range(1, shared + 1):
                clearance = forest_right[-k] + fr_shift - (child_left[-k] + cl_shift)
                if clearance > need:
                    need = clearance
            at = need + gap
            place.append(at)
            # The forest's left contour: its own where it reaches, the child's below.
            if len(child_left) > len(forest_left):
                reach = len(forest_left)
                new_shift = cl_shift + at
                for k in range(1, reach + 1):
                    child_left[-k] = forest_left[-k] + fl_shift - new_shift
                forest_left, fl_shift = child_left, new_shift
            # The right contour: the child's where it reaches, the forest's below.
            if len(child_right) >= len(forest_right):
                forest_right, fr_shift = child_right, cr_shift + at
            else:
                for k in range(1, len(child_right) + 1):
                    forest_right[-k] = child_right[-k] + cr_shift + at - fr_shift
            left[child] = right[child] = []  # taken over
        middle = (place[0] + place[-1]) / 2
        for child, at in zip(kids, place, strict=True):
            offset[child] = at - middle
        fl_shift -= middle
        fr_shift -= middle
        forest_left.append(-half - fl_shift)
        forest_right.append(half - fr_shift)
        left[box], right[box] = forest_left, forest_right
        left_shift[box], right_shift[box] = fl_shift, fr_shift
        left[first] = right[first] = []
    # Absolute positions, parents first; levels stacked by their deepest box.
    along = [0.0] * (count + 1)
    for box in order[1:]:
        parent = parents[box]
        along[box] = along[top if parent < 0 else parent] + offset[box]
    deepest: dict[int, float] = {}
    for box in range(count):
        deepest[level[box]] = max(deepest.get(level[box], 0.0), depths[box])
    centre: dict[int, float] = {}
    at = 0.0
    for lvl in sorted(deepest):
        if centre:
            at += level_gap + deepest[lvl] / 2
        centre[lvl] = at
        at += deepest[lvl] / 2
    start = min((along[box] - breadths[box] / 2 for box in range(count)), default=0.0)
    return [(along[box] - start, centre[level[box]]) for box in range(count)]


class Pins:
    """The boxes of a diagram as the exporter writes them, and their tree, to be pinned.

    The exporter calls `box` for every node statement it appends to the digraph's body and
    `link` for every parent-child link of the tree (claims and the stubs hung from them);
    `pin` then lays the tree out and writes each box's `pos` into its statement.
    """

    def __init__(self, fontsize: float) -> None:
        self.fontsize = fontsize
        self.lines: list[int] = []
        self.sizes: list[tuple[float, float]] = []
        self.index: dict[str, int] = {}
        self.parent: dict[int, int] = {}

    def box(self, line: int, name: str, label: str, margin: str) -> None:
        """The node statement at `line` of the body draws box `name` with `label`."""
        across, _, down = margin.partition(",")
        size = label_size(label, self.fontsize, (float(across), float(down or across)))
        self.index[name] = len(self.lines)
        self.lines.append(line)
        self.sizes.append(size)

    def link(self, parent: str, child: str) -> None:
        """Box `child` hangs below box `parent` in the tree."""
        if child in self.index and parent in self.index:
            self.parent.setdefault(self.index[child], self.index[parent])

    def pin(self, body: list[str], rankdir: str, *, gap: float, level_gap: float) -> None:
        """Lay the boxes out and write `pos="x,y!"` (points) into their statements."""
        count = len(self.lines)
        parents = [self.parent.get(box, -1) for box in range(count)]
        across_levels = rankdir in ("LR", "RL")
        widths = [w for w, _ in self.sizes]
        heights = [h for _, h in self.sizes]
        breadths, depths = (heights, widths) if across_levels else (widths, heights)
        placed = tidy_layout(parents, breadths, depths, gap=gap, level_gap=level_gap)
        far = max((along for along, _ in placed), default=0.0)
        deep = max((centre for _, centre in placed), default=0.0)
        low_x = low_y = float("inf")
        high_x = high_y = float("-inf")
        for box, (along, centre) in enumerate(placed):
            if across_levels:
                x, y = centre, far - along
            else:
                x, y = along, deep - centre
            line = self.lines[box]
            statement = body[line]
            # Every node statement ends in its attribute list: "... ]\n".
            body[line] = f'{statement[:-2]} pos="{x:.1f},{y:.1f}!"]\n'
            width, height = self.sizes[box]
            low_x, high_x = min(low_x, x - width / 2), max(high_x, x + width / 2)
            low_y, high_y = min(low_y, y - height / 2), max(high_y, y + height / 2)
        # Two invisible points at the corners of the estimated drawing, with a margin: a
        # drawing in pieces has the same bounds in every piece.
        margin = 36 + 0.02 * max(high_x - low_x, high_y - low_y, 0)
        low_x, low_y, high_x, high_y = (
            low_x - margin,
            low_y - margin,
            high_x + margin,
            high_y + margin,
        )
        for index, (x, y) in enumerate(((low_x, low_y), (high_x, high_y)) if count else ()):
            body.append(
                f'\t{CORNER}{index} [height=0 label="" pos="{x:.1f},{y:.1f}!" shape=point '
                "style=invis width=0]\n"
            )
