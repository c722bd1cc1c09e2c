"""The verdict a deck states: the title slide's line and the closing slide's movers.

Every deck takes its verdict from this module alone, so a better measure of the verdict
changes one place. Today it reads the grounded labels (argmap.semantics): the motion's
label, and the standing claims that defeat the motion or a top-level claim.
"""

from __future__ import annotations

from argmap.export.deck_text import claim_line
from argmap.graph import ArgumentGraph
from argmap.model import MOTION_ID
from argmap.semantics import Label, Labelling


def verdict_line(graph: ArgumentGraph, labels: Labelling) -> str:
    """One line saying where the motion ends up."""
    return {
        Label.STANDING: "Verdict: the motion stands (grounded semantics)",
        Label.DEFEATED: "Verdict: the motion is defeated (grounded semantics)",
        Label.UNDECIDED: "Verdict: the motion is undecided (grounded semantics)",
    }[labels.motion]


def verdict_movers(graph: ArgumentGraph, labels: Labelling, limit: int) -> list[str]:
    """Lines naming the claims that decide the verdict most, strongest first.

    With the grounded labels these are the standing claims that defeat the motion or a
    top-level claim, ordered by how many claims they defeat directly.
    """
    deciders: dict[str, int] = {}
    for target in [MOTION_ID, *graph.motion.children]:
        for edge in graph.attackers(target):
            if labels[edge.source] is Label.STANDING:
                deciders.setdefault(edge.source, 0)
    for claim_id in deciders:
        deciders[claim_id] = sum(
            1
            for e in graph.targets(claim_id)
            if e.relation.is_attack and labels[e.target] is Label.DEFEATED
        )
    ranked = sorted(deciders, key=lambda c: -deciders[c])
    return [claim_line(graph, c) for c in ranked[:limit]]
