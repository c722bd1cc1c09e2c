"""The verdict a deck states: the title slide's line and the closing slide's movers.

Every deck takes its verdict from this module alone. The balance comes from the gradual
strengths of `argmap.strength` (the motion's strength and which way it leans); the
grounded labels of `argmap.semantics` are named beside it. The claims that move the
verdict most are those whose removal changes the motion's strength most
(`argmap.strength.contributions`).
"""

from __future__ import annotations

from argmap.export.deck_text import claim_line
from argmap.graph import ArgumentGraph
from argmap.model import MOTION_ID
from argmap.semantics import Label, Labelling
from argmap.strength import Weighing, contributions

_BY_LABELS = {
    Label.STANDING: "by labels alone the motion stands",
    Label.DEFEATED: "by labels alone the motion is defeated",
    Label.UNDECIDED: "by labels alone the motion is undecided",
}


def verdict_line(labels: Labelling, weighing: Weighing) -> str:
    """One line saying where the motion ends up: its balance, then its grounded label."""
    return f"Verdict: {weighing.headline()}; {_BY_LABELS[labels.motion]}"


def verdict_movers(graph: ArgumentGraph, weighing: Weighing, limit: int) -> list[str]:
    """Lines naming the claims that move the motion's strength most, with the amount
    (negative: the claim pulls the motion down)."""
    return [
        f"{claim_line(graph, claim_id, 60)} ({amount:+.2f})"
        for claim_id, amount in contributions(graph, weighing, MOTION_ID, limit)
    ]
