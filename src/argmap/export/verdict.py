"""The verdict a deck states: the title slide's line and the closing slide's movers.

Every deck takes its verdict from `argmap.verdict`, the one headline every surface shows:
which way the motion leans, its strength, how robust that is, whether other semantics
agree. The grounded labels come after it, as the strict reading. The claims that move the
verdict most are those whose removal changes the motion's strength most
(`argmap.contributions`).
"""

from __future__ import annotations

from argmap.export.deck_text import claim_line, plain
from argmap.graph import ArgumentGraph
from argmap.verdict import DebateVerdict


def verdict_line(graph: ArgumentGraph, reading: DebateVerdict) -> str:
    """One line saying where the motion ends up: verdict, strength, robustness."""
    return "Verdict: " + plain(reading.line(graph))


def verdict_movers(graph: ArgumentGraph, reading: DebateVerdict, limit: int) -> list[str]:
    """Lines naming the `limit` claims that move the motion's strength most, with the
    amount (negative: the claim pulls the motion down), raised first. A claim whose
    amount rounds to 0.00 moves nothing a reader could see and is left out."""
    most = reading.visible_movers(limit)
    return [f"{claim_line(graph, claim_id, 60)} ({amount:+.2f})" for claim_id, amount in most]
