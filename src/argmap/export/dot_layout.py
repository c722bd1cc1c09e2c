"""How a diagram is laid out and drawn: rank direction, layout choice by size, and the
drawing options slide decks and reveal steps use."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from argmap.export.dot_scope import (
    Scope,
)
from argmap.graph import ArgumentGraph

if TYPE_CHECKING:
    from argmap.semantics import Labelling
    from argmap.strength import Weighing


RANKDIRS = ("TB", "LR", "auto")
#: With rankdir "auto", a diagram wider than this many claims on one level is drawn LR.
AUTO_LR_WIDTH = 7
#: "auto" lays a diagram out with the detailed settings up to `LARGE_DIAGRAM` boxes, with
#: `fast_layout` above, and as a tidy tree (`argmap.export.tidy`) above `TREE_DIAGRAM`;
#: "full", "fast" and "tree" choose one for any size.
LAYOUTS = ("auto", "full", "fast", "tree")
#: Above this many boxes the detailed layout takes tens of seconds: `dot` spends almost
#: all of it placing boxes sideways (network simplex), whose passes grow with the boxes.
LARGE_DIAGRAM = 2000
#: The sideways placement's pass budget in the quicker layout. Measured on a generated
#: 10,000-claim debate: 400 passes lay it out in about a quarter of the detailed time;
#: branches drift further from their parents, ranks and edges stay as they were.
FAST_LAYOUT_PASSES = 400
#: Above this many boxes even the quicker `dot` layout grows faster than the diagram (a
#: 50,000-claim debate: over a minute and a gigabyte); the tidy tree is linear.
TREE_DIAGRAM = 5000


def fast_layout(boxes: int) -> dict[str, str]:
    """Graphviz settings that bound the sideways placement of `boxes` boxes.

    `nslimit` bounds network simplex to nslimit × (its node count) passes; that count is
    about 2.3 × the boxes once `dot` adds its virtual nodes for long edges.
    """
    return {"nslimit": f"{FAST_LAYOUT_PASSES / (2.3 * max(boxes, 1)):.4g}"}


def uses_fast_layout(claims: int, layout: str) -> bool:
    """Whether a diagram of `claims` claims is laid out with `FAST_LAYOUT`."""
    return layout == "fast" or (layout == "auto" and LARGE_DIAGRAM < claims <= TREE_DIAGRAM)


def uses_tree_layout(claims: int, layout: str) -> bool:
    """Whether a diagram of `claims` claims is laid out as a tidy tree, `dot` only drawing."""
    return layout == "tree" or (layout == "auto" and claims > TREE_DIAGRAM)


@dataclass(frozen=True, slots=True)
class Drawing:
    """How a diagram is drawn beyond `ExportOptions`: what slide decks and reveal steps need.

    The defaults draw exactly what `argmap export` always drew.
    """

    #: Draw the debate's title above the diagram (a slide has its own title instead).
    titled: bool = True
    #: Claims laid out but drawn invisible, with everything attached to them: a reveal step
    #: keeps every box where the full diagram puts it.
    hidden: frozenset[str] = frozenset()
    #: Claims drawn with their label (mark, fading) and, for the motion, its verdict in the
    #: background colour: a reveal step before what decides them is shown. The text stays
    #: in the layout, so nothing moves when it appears.
    unsettled: frozenset[str] = frozenset()
    #: Text of the "+N more" stub under a claim, replacing the count alone.
    more_text: Mapping[str, str] = field(default_factory=dict)
    #: A last line in a claim's box replacing its state mark (e.g. "✓ standing").
    marks: Mapping[str, str] = field(default_factory=dict)
    #: Claims wrapped at `wide_wrap` characters instead of the options' wrap (a slide's
    #: root sits alone on its level and has the whole width).
    wide: frozenset[str] = frozenset()
    wide_wrap: int = 44
    wide_max_chars: int = 240
    #: Lay the root's children out in rows of at most this many (an overview grid).
    columns: int | None = None
    #: Longest claim text drawn; longer text ends in "…" (the full text is elsewhere).
    max_chars: int | None = None
    #: Draw `see` and cross-link stubs (an overview leaves them to the branch slides).
    stubs: bool = True
    #: Put `see` and cross-link stubs beside their claim instead of a level below it.
    stubs_beside: bool = False
    #: Put a claim's state mark in its header line ("CON · ✗ defeated"): one line less.
    mark_in_header: bool = False
    #: Padding around the drawing, inches.
    pad: float = 0.3
    #: The page margin `dot` adds round PDF output, inches (None: Graphviz's default).
    page_margin: float | None = None
    #: Sizes of every box (points, by node name) of the last reveal step: the step is
    #: laid out level by level and drawn with its shown boxes only, pinned
    #: (`argmap.export.reveal_layout`). None: laid out by `dot`.
    reveal_sizes: Mapping[str, tuple[float, float]] | None = field(default=None, compare=False)
    #: How much larger than the next reveal step a step may be shown (None: its canvas
    #: is its own drawing); see `reveal_layout.GROWTH`.
    reveal_growth: float | None = None
    #: The debate's labels and strengths when the caller has them already (a slide deck
    #: draws hundreds of diagrams of one debate); None: worked out for this diagram.
    labels: Labelling | None = field(default=None, compare=False)
    weighing: Weighing | None = field(default=None, compare=False)


def choose_rankdir(graph: ArgumentGraph, scope: Scope, rankdir: str) -> str:
    """`rankdir`, with "auto" resolved: top-down unless one level is too wide for a page."""
    if rankdir != "auto":
        return rankdir
    per_level: dict[int, int] = {}
    for claim_id in scope.shown:
        level = graph.nodes[claim_id].depth
        per_level[level] = per_level.get(level, 0) + 1
    widest = max(per_level.values(), default=1)
    return "LR" if widest > AUTO_LR_WIDTH else "TB"
