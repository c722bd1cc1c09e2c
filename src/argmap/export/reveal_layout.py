"""Reveal steps laid out for the boxes they show, boxes already shown kept in place.

A reveal shows a diagram one level at a time. Laying every step out with the last step's
layout keeps boxes still but leaves an early step a few boxes lost in the final
drawing's space; laying each step out afresh fills the space but moves every box. This
module does neither:

- **One layered layout, built level by level.** The root's level is a row of boxes; each
  next level is the row of the children of the level above, in order (so no two links
  cross). A parent's children form a block packed `nodesep` apart; the blocks of a level
  are placed in order, never closer than `nodesep`, as near under their parents as they
  can be (the order-keeping placement nearest in the least-squares sense, found by pool
  adjacent violators in linear time). A level is placed from the levels above it alone,
  so the boxes of step k sit exactly where step k + 1 and the last step put them.
  `see` and cross-link stubs travel beside their claim in its row; a level under a link
  marked "✂ cut" is far enough below the one above to hold the mark.
- **Each step's canvas is its own drawing.** A step is drawn with only its shown boxes,
  pinned (Graphviz's `nop2` engine: positions as given, links routed round the boxes,
  or straight in a step of more than `ROUTED_BOXES`), on a canvas round them: an early
  step fills the slide instead of a corner of it.
- **A box never jumps.** Between one step and the next the same boxes are at the same
  places up to one scale and one shift. The scale a slide or a fixed-size image shows a
  step at grows as the step's canvas shrinks, so a canvas is never smaller than the next
  step's divided by `GROWTH` in either direction: from one step to the next the text
  shrinks by at most a fifth (1 / 1.25). On a deck slide the last step holds the 18 pt
  rule (`argmap.export.fit`) and every earlier step is shown at least as large.

The builder (`argmap.export.dot_builder`) tells a `Layered` every box, link and
side-by-side pair as it writes them, and `Layered.pin` writes the positions. Box sizes
come from one Graphviz run over the last step that lays nothing out (`node_sizes`), or
are estimated from the labels (`argmap.export.tidy.label_size`) when `dot` is missing.
A deck slide whose last step, laid out so, would break the 18 pt rule keeps `dot`'s
layout for every step (`deck_steps`).
"""

from __future__ import annotations

import itertools
import subprocess
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from argmap.export.pinned import CORNER
from argmap.export.render import MISSING_DOT, RenderError
from argmap.export.tidy import label_size

if TYPE_CHECKING:
    from argmap.export import ExportOptions
    from argmap.export.dot_layout import Drawing
    from argmap.export.dot_scope import Scope
    from argmap.export.dot_theme import Theme
    from argmap.graph import ArgumentGraph

#: How much larger than the next step a step may be shown, at most (see the module's text).
GROWTH = 1.25
#: Boxes in a step, at most, whose links are routed round the boxes; above, straight.
ROUTED_BOXES = 60
#: Points between a link's label and the boxes above and below it.
CLEAR = 8.0
#: The line that marks a reveal step's DOT as pinned (`pinned_last`); a label never
#: holds a line break, so no text of the debate can make it.
PINNED_MARK = "\t// pinned by argmap.export.reveal_layout\n"
#: Name of the legend's box, as the builder writes it.
LEGEND = "legend"

#: A box's width and height, points.
BoxSize = tuple[float, float]


@dataclass(slots=True)
class _Box:
    name: str
    line: int
    visible: bool
    role: str  # claim | stub | legend
    step: int
    size: BoxSize


@dataclass(slots=True)
class _Link:
    line: int
    tail: str
    head: str
    visible: bool
    tree: bool


@dataclass(slots=True)
class Layered:
    """The boxes and links of one reveal step as the builder writes them, to be pinned.

    `sizes` (points, by box name) come from `node_sizes`; a box without one is estimated
    from its label at `fontsize`. `growth`: how much larger than the next step this one
    may be shown (None: the canvas is the step's own drawing, for a diagram whose text
    is never scaled).
    """

    sizes: Mapping[str, BoxSize]
    fontsize: float
    growth: float | None = GROWTH
    boxes: list[_Box] = field(default_factory=list)
    links: list[_Link] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    #: Boxes whose link from above carries a label, and the label's room (top-down,
    #: left to right) between the levels.
    marked: list[tuple[str, tuple[float, float]]] = field(default_factory=list)

    def box(
        self, line: int, name: str, label: str, margin: str, *, visible: bool, role: str, step: int
    ) -> None:
        """The node statement at `line` of the body draws box `name`; `step`: the reveal
        step a claim first shows in (stubs take their claim's)."""
        size = self.sizes.get(name)
        if size is None:
            across, _, down = margin.partition(",")
            size = label_size(label, self.fontsize, (float(across), float(down or across)))
        self.boxes.append(_Box(name, line, visible, role, step, size))

    def link(self, line: int, tail: str, head: str, *, visible: bool, tree: bool) -> None:
        """The edge statement at `line`; `tree`: a link of the tree (not a cross-link)."""
        self.links.append(_Link(line, tail, head, visible, tree))

    def label(self, head: str, text: str, fontsize: float) -> None:
        """The tree link into box `head` carries `text`, in every step (shown or not)."""
        width, height = label_size(text, fontsize, (0.0, 0.0))
        # Placed on the link's middle: the gap between the levels must hold it whole.
        self.marked.append((head, (height + 2 * CLEAR, width + 2 * CLEAR)))

    def beside(self, anchor: str, stub: str) -> None:
        """Box `stub` goes on `anchor`'s level, beside it."""
        self.pairs.append((anchor, stub))

    def pin(self, body: list[str], rankdir: str, *, gap: float, level_gap: float) -> None:
        """Write the shown boxes' positions into the body, drop everything hidden, and
        add the corners of the step's canvas."""
        across_levels = rankdir in ("LR", "RL")
        index = {b.name: i for i, b in enumerate(self.boxes)}
        drawn = [b for b in self.boxes if b.role != LEGEND]
        beside = {stub: anchor for anchor, stub in self.pairs if {anchor, stub} <= index.keys()}
        parents: dict[str, str] = {}
        for link in self.links:
            if link.tree and link.head in index and link.tail in index and link.head != LEGEND:
                parents.setdefault(link.head, link.tail)
        # A stub shows from the step its claim shows in.
        for box in drawn:
            if box.role == "stub":
                owner = beside.get(box.name) or parents.get(box.name)
                if owner is not None:
                    box.step = self.boxes[index[owner]].step

        def breadth(b: _Box) -> float:
            return b.size[1] if across_levels else b.size[0]

        def depth(b: _Box) -> float:
            return b.size[0] if across_levels else b.size[1]

        along, level = layered(
            [b.name for b in drawn],
            {n: p for n, p in parents.items() if n not in beside},
            beside,
            {b.name: (breadth(b), depth(b)) for b in drawn},
            gap=gap,
            level_gap=level_gap,
            room={n: extent[1] if across_levels else extent[0] for n, extent in self.marked},
        )
        # Graphviz's y grows upwards: levels go down (TB) or right (LR), rows down (LR).
        where = {
            name: ((level[name], -along[name]) if across_levels else (along[name], -level[name]))
            for name in along
        }
        shown = [b for b in self.boxes if b.visible]
        current = max((b.step for b in shown if b.role == "claim"), default=0)
        last = max((b.step for b in drawn), default=0)
        canvases: dict[int, tuple[float, float, float, float]] = {}
        floor = (0.0, 0.0)
        for step in range(last, current - 1, -1):
            boxes = [b for b in drawn if b.step <= step]
            bounds, _ = self._with_legend(_bounds(boxes, where), across_levels, gap)
            canvas = _grown(bounds, floor, across_levels)
            canvases[step] = canvas
            if self.growth is not None:
                floor = (
                    (canvas[2] - canvas[0]) / self.growth,
                    (canvas[3] - canvas[1]) / self.growth,
                )
        frame, legend_at = self._with_legend(
            _bounds([b for b in drawn if b.step <= current], where), across_levels, gap
        )
        if legend_at is not None:
            where[LEGEND] = legend_at
        canvas = canvases.get(current, frame) if self.growth is not None else frame
        dropped = {b.name for b in self.boxes if not b.visible}
        for box in self.boxes:
            if box.name in dropped:
                body[box.line] = ""
                continue
            x, y = where[box.name]
            statement = body[box.line]
            # Every node statement ends in its attribute list: "... ]\n".
            body[box.line] = f'{statement[:-2]} pos="{x:.1f},{y:.1f}!"]\n'
        for link in self.links:
            if not link.visible or link.tail in dropped or link.head in dropped:
                body[link.line] = ""
        # Links routed round the boxes; straight over a big step, where routing takes
        # Graphviz seconds a step.
        routed = "true" if len(self.boxes) - len(dropped) <= ROUTED_BOXES else "line"
        body[:] = [PINNED_MARK, *(statement for statement in body if statement)]
        body.append(f"\tgraph [splines={routed}]\n")
        if canvas == frame:
            return  # the drawing is its own canvas: Graphviz bounds it so
        # Two invisible points at the corners of a canvas larger than the drawing. (A
        # point touching a box would make Graphviz draw that step's links straight.)
        low_x, low_y, high_x, high_y = canvas
        for number, (x, y) in enumerate(((low_x, low_y), (high_x, high_y))):
            body.append(
                f'\t{CORNER}{number} [height=0 label="" pos="{x:.1f},{y:.1f}!" shape=point '
                "style=invis width=0]\n"
            )

    def _with_legend(
        self, bounds: tuple[float, float, float, float], across_levels: bool, gap: float
    ) -> tuple[tuple[float, float, float, float], tuple[float, float] | None]:
        """The bounds grown by the legend, put under the drawing (top-down) or to its
        right (left to right), and the legend's centre."""
        legend = next((b for b in self.boxes if b.role == LEGEND), None)
        if legend is None:
            return bounds, None
        low_x, low_y, high_x, high_y = bounds
        width, height = legend.size
        if across_levels:
            centre = (high_x + 2 * gap + width / 2, high_y - height / 2)
        else:
            centre = ((low_x + high_x) / 2, low_y - 2 * gap - height / 2)
        x, y = centre
        return (
            (
                min(low_x, x - width / 2),
                min(low_y, y - height / 2),
                max(high_x, x + width / 2),
                max(high_y, y + height / 2),
            ),
            centre,
        )


def _bounds(
    boxes: list[_Box], where: Mapping[str, tuple[float, float]]
) -> tuple[float, float, float, float]:
    """The smallest rectangle round the boxes (left, bottom, right, top), points."""
    if not boxes:
        return (0.0, 0.0, 0.0, 0.0)
    lefts = [where[b.name][0] - b.size[0] / 2 for b in boxes]
    rights = [where[b.name][0] + b.size[0] / 2 for b in boxes]
    bottoms = [where[b.name][1] - b.size[1] / 2 for b in boxes]
    tops = [where[b.name][1] + b.size[1] / 2 for b in boxes]
    return (min(lefts), min(bottoms), max(rights), max(tops))


def _grown(
    bounds: tuple[float, float, float, float], floor: tuple[float, float], across_levels: bool
) -> tuple[float, float, float, float]:
    """`bounds` grown to at least `floor` (width, height): top-down drawings grow
    sideways about their middle and downwards from their top; left-to-right ones
    rightwards from their left and up and down about their middle."""
    low_x, low_y, high_x, high_y = bounds
    more_x = max(0.0, floor[0] - (high_x - low_x))
    more_y = max(0.0, floor[1] - (high_y - low_y))
    if across_levels:
        return (low_x, low_y - more_y / 2, high_x + more_x, high_y + more_y / 2)
    return (low_x - more_x / 2, low_y - more_y, high_x + more_x / 2, high_y)


def layered(
    names: list[str],
    parents: Mapping[str, str],
    beside: Mapping[str, str],
    sizes: Mapping[str, tuple[float, float]],
    *,
    gap: float,
    level_gap: float,
    room: Mapping[str, float] | None = None,
) -> tuple[dict[str, float], dict[str, float]]:
    """Centres of boxes along their level and across levels (see the module's text).

    `names` in drawing order; `parents[n]`: the box `n` hangs under; `beside[n]`: the box
    `n` sits beside on its level (after it, with any others beside it); `sizes[n]`: its
    breadth along its level and its depth across levels. Boxes with no parent are the
    top level, side by side. `room[n]`: the gap the link into `n` needs between its
    level and the one above, when more than `level_gap` (for its label). Returns
    (centre along its level, centre across levels).
    """
    order = {name: i for i, name in enumerate(names)}
    children: dict[str, list[str]] = {}
    companions: dict[str, list[str]] = {}
    for name in names:
        if name in beside:
            companions.setdefault(beside[name], []).append(name)
        elif name in parents and parents[name] in order:
            children.setdefault(parents[name], []).append(name)

    def unit_breadth(name: str) -> float:
        return sum(sizes[n][0] for n in [name, *companions.get(name, [])]) + gap * len(
            companions.get(name, [])
        )

    rows: list[list[str]] = [
        [n for n in names if n not in beside and (n not in parents or parents[n] not in order)]
    ]
    if not rows[0]:
        return {}, {}
    placed = set(rows[0])
    while True:
        # Each box once, whatever the links say (they come from a tree).
        below = [c for p in rows[-1] for c in children.get(p, []) if c not in placed]
        if not below:
            break
        placed.update(below)
        rows.append(below)
    along: dict[str, float] = {}
    # The top row: one block about 0.
    blocks: list[list[str]] = [rows[0]]
    targets = [0.0]
    for number in range(len(rows)):
        if number:
            blocks, targets = [], []
            for parent in rows[number - 1]:
                kids = children.get(parent, [])
                if kids:
                    blocks.append(kids)
                    targets.append(along[parent])
        widths = [sum(unit_breadth(n) for n in block) + gap * (len(block) - 1) for block in blocks]
        centres = place(widths, targets, [float(len(b)) for b in blocks], gap)
        for block, width, centre in zip(blocks, widths, centres, strict=True):
            at = centre - width / 2
            for name in block:
                at += sizes[name][0] / 2
                along[name] = at
                at += sizes[name][0] / 2
                for companion in companions.get(name, []):
                    at += gap + sizes[companion][0] / 2
                    along[companion] = at
                    at += sizes[companion][0] / 2
                at += gap
    across: dict[str, float] = {}
    at = 0.0
    for number, row in enumerate(rows):
        members = [m for n in row for m in [n, *companions.get(n, [])]]
        deepest = max(sizes[m][1] for m in members)
        if number:
            at += max([level_gap, *((room or {}).get(m, 0.0) for m in members)])
        for member in members:
            across[member] = at + deepest / 2
        at += deepest
    return along, across


def place(
    widths: list[float], targets: list[float], weights: list[float], gap: float
) -> list[float]:
    """Centres of blocks in a row, in order, at least `gap` apart, nearest their targets:
    the weighted least-squares placement keeping the order, by pool adjacent violators.

    With `offset[i]` the least distance from the first block's centre to block i's, the
    centres are `offset[i] + v[i]` for the nondecreasing `v` nearest `target[i] - offset[i]`.
    """
    offsets = [0.0]
    for before, after in itertools.pairwise(widths):
        offsets.append(offsets[-1] + (before + after) / 2 + gap)
    # Pools of adjacent blocks sharing one value: (weighted sum, weight, blocks).
    pools: list[list[float]] = []
    for target, offset, weight in zip(targets, offsets, weights, strict=True):
        pools.append([(target - offset) * weight, weight, 1.0])
        while len(pools) > 1 and pools[-2][0] / pools[-2][1] > pools[-1][0] / pools[-1][1]:
            total, mass, count = pools.pop()
            pools[-1][0] += total
            pools[-1][1] += mass
            pools[-1][2] += count
    values: list[float] = []
    for total, mass, count in pools:
        values += [total / mass] * int(count)
    return [offset + value for offset, value in zip(offsets, values, strict=True)]


_SIZE_ONLY = '\tgraph [layout=nop splines=false]\n\tnode [pos="0,0"]\n'


def node_sizes(sources: list[str]) -> list[dict[str, BoxSize]]:
    """Every box's width and height in points, by name, for each DOT source: one
    `dot -Tplain` run for all. Raises RenderError when `dot` is missing or fails."""
    if not sources:
        return []
    # Every box at one place for Graphviz's `nop` engine: it sizes the boxes and lays
    # nothing out (`dot`'s layout of a big diagram takes tens of seconds).
    sized = [source.replace("{\n", "{\n" + _SIZE_ONLY, 1) for source in sources]
    try:
        done = subprocess.run(
            ["dot", "-Tplain"], input="\n".join(sized).encode("utf-8"), capture_output=True
        )
    except FileNotFoundError as exc:
        raise RenderError(MISSING_DOT.format(fmt="a reveal step")) from exc
    except OSError as exc:
        raise RenderError(f"could not run Graphviz `dot`: {exc}") from exc
    found: list[dict[str, BoxSize]] = []
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        if line.startswith("graph "):
            found.append({})
        elif line.startswith("node ") and found:
            # node NAME X Y WIDTH HEIGHT LABEL ...: the builder's names hold no spaces.
            parts = line.split(" ", 6)
            found[-1][parts[1]] = (float(parts[4]) * 72, float(parts[5]) * 72)
    if done.returncode != 0 or len(found) != len(sources):
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = detail[-1] if detail else f"exit status {done.returncode}"
        raise RenderError(f"Graphviz `dot` could not measure a reveal step: {reason}")
    return found


def reveal_drawing(
    graph: ArgumentGraph, options: ExportOptions, scope: Scope, theme: Theme
) -> Drawing:
    """How `argmap export --reveal` draws step `options.reveal`: the claims below it
    hidden, the labels they decide unsettled, laid out level by level (sizes measured
    on the last step). A diagram too big for `dot`'s detailed layout keeps the last
    step's layout, drawn with the hidden boxes invisible."""
    from argmap.export.dot_builder import _Builder
    from argmap.export.dot_layout import Drawing, uses_fast_layout, uses_tree_layout
    from argmap.export.dot_scope import hidden_below_level, unsettled
    from argmap.semantics import grounded
    from argmap.strength import weigh

    assert options.reveal is not None
    hidden = hidden_below_level(graph, scope, options.reveal)
    labels = grounded(graph)
    drawing = Drawing(
        hidden=frozenset(hidden),
        unsettled=frozenset(unsettled(graph, scope.shown, hidden)),
        labels=labels,
        weighing=weigh(graph, labels, options.semantics),
    )
    claims = len(scope.shown)
    if uses_fast_layout(claims, options.layout) or uses_tree_layout(claims, options.layout):
        return drawing
    last = replace(drawing, hidden=frozenset(), unsettled=frozenset())
    source = str(_Builder(graph, options, theme, last).build(scope).source)
    try:
        sizes = node_sizes([source])[0]
    except RenderError:
        sizes = {}  # estimated from the labels
    # A fixed-size picture scales each step to fit it: the growth rule keeps boxes still.
    growth = GROWTH if theme.size else None
    return replace(drawing, reveal_sizes=sizes, reveal_growth=growth)


#: Draws a deck part's step: the claims hidden, and the box sizes to lay it out level by
#: level with (None: the last step's `dot` layout, hidden boxes invisible).
StepDrawer = Callable[[frozenset[str], "Mapping[str, BoxSize] | None"], str]


def deck_steps(draw: StepDrawer, hidden: list[frozenset[str]]) -> list[str]:
    """The DOT of each reveal step of a deck slide, `hidden[i]` hidden at step i (the
    last hides nothing): laid out level by level when the last step then keeps the
    18 pt rule, else every step with the last step's `dot` layout (which the planner
    chose because it keeps it)."""
    from argmap.export.fit import fits, measure

    sizes = node_sizes([draw(frozenset(), None)])[0]
    steps = [draw(claims, sizes) for claims in hidden]
    if fits(steps[-1], measure(steps[-1:])[0]):
        return steps
    return [draw(claims, None) for claims in hidden]


def pinned_last(sources: Iterable[str]) -> list[str]:
    """`sources` in order, reveal steps pinned by this module last. One `dot` run over
    several graphs keeps the layout engine a graph names (`nop2` here) for every graph
    after it, so a graph laid out by `dot` must come before any pinned one."""
    ordered = list(sources)
    return sorted(ordered, key=lambda source: "\n" + PINNED_MARK in source)
