"""The class's vote in a few lines of plain text, for pages and decks under the verdict.

For example:

    Class vote, 5 ballots: ▮▮▮··▯▯ 3 lean pro, 0 balanced, 2 lean con; under the class's
    median weights: Leans pro — strength 0.56
    Most contested: 'If research outputs are shared freely…' (weights 1-5), ...
"""

from __future__ import annotations

from pathlib import Path

from argmap.ballots.folder import load_ballots
from argmap.ballots.tally import TOP, Tally, tally
from argmap.export.dot import shorten
from argmap.graph import ArgumentGraph
from argmap.strength import Verdict
from argmap.verdict import weighed_title

#: Claim texts in the lines are cut to this many characters.
TEXT_WIDTH = 50


def class_tally(graph: ArgumentGraph, folder: Path) -> Tally | None:
    """The tally of the valid ballots for this debate in `folder`; None without any."""
    ballots = [b for b in load_ballots([folder], graph) if b.ok] if folder.is_dir() else []
    return tally(graph, ballots) if ballots else None


def split_bar(result: Tally) -> str:
    """One mark a ballot: ▮ leans pro, · balanced, ▯ leans con."""
    split = result.split
    return (
        "▮" * split[Verdict.LEANS_PRO]
        + "·" * split[Verdict.BALANCED]
        + "▯" * split[Verdict.LEANS_CON]
    )


def class_lines(graph: ArgumentGraph, result: Tally, top: int = TOP) -> list[str]:
    """The class's split and median verdict, then its most contested claims."""
    split = result.split
    count = len(result.results)
    lines = [
        f"Class vote, {count} ballot{'s' * (count != 1)}: {split_bar(result)} "
        f"{split[Verdict.LEANS_PRO]} lean pro, {split[Verdict.BALANCED]} balanced, "
        f"{split[Verdict.LEANS_CON]} lean con; under the class's median weights: "
        f"{weighed_title(result.median)}"
    ]
    contested = [
        f"'{shorten(graph.nodes[c.claim_id].text, TEXT_WIDTH)}' (weights {c.low:g}-{c.high:g})"
        for c in result.contested_weights[:top]
    ]
    if contested:
        lines.append("Most contested: " + ", ".join(contested))
    return lines
