"""How much a deck may draw before `argmap slides` refuses to start it.

Every branch slide is laid out by Graphviz, several times while the planner looks for a
layout that fits, and drawn again for the file: a debate of 2,000 claims makes hundreds
of slides and minutes of work. The budget counts the claims the deck would draw (what
`--depth` and `--side` leave in) before any of that starts, so a deck that cannot finish
in reasonable time is refused at once with the options that make it smaller.
"""

from __future__ import annotations

from argmap.export import ExportError
from argmap.export.deck import DeckOptions
from argmap.graph import ArgumentGraph
from argmap.model import Side

#: Claims a deck draws at most unless `--max-claims` says otherwise: a few hundred slides,
#: about a minute of work on a laptop.
DEFAULT_MAX_DECK_CLAIMS = 500


def deck_claims(graph: ArgumentGraph, options: DeckOptions) -> int:
    """How many claims the deck of `graph` under `options` draws (the motion not counted)."""
    count = 0
    for top in graph.motion.children:
        if options.side is not None and graph.nodes[top].side is not Side(options.side):
            continue
        count += len(graph.subtree(top, options.depth))
    return count


def check_budget(graph: ArgumentGraph, options: DeckOptions, limit: int) -> int:
    """The number of claims the deck draws; ExportError when it is more than `limit`.

    A `limit` of 0 means no limit.
    """
    count = deck_claims(graph, options)
    if limit and count > limit:
        hints = []
        if options.depth is None or options.depth > 1:
            hints.append("fewer levels with --depth N (e.g. --depth 2)")
        if options.side is None:
            hints.append("one side with --side pro or --side con")
        hints.append("one branch as a diagram with `argmap export --root CLAIM`")
        raise ExportError(
            f"this deck would draw {count:,} claims, more than the {limit:,} a deck draws "
            f"by default (each slide is laid out by Graphviz; this would take minutes); "
            f"draw less: {'; '.join(hints)}; or raise the limit with --max-claims {count}"
        )
    return count
