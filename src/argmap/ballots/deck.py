"""The class's vote on a deck's closing slide: the split and the most contested claims.

The closing slide is full: with ballots, the class's vote takes the place of the claims
that move the verdict most (they stay in the speaker notes, with the class's lines).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from argmap.ballots.summary import TEXT_WIDTH, class_lines, class_tally
from argmap.ballots.tally import TOP, Tally
from argmap.export.deck import Deck, Section
from argmap.export.dot import shorten
from argmap.graph import ArgumentGraph
from argmap.strength import Verdict
from argmap.verdict import weighed_title

#: The section the class's vote takes the place of.
REPLACED = "Claims that move the verdict most"


def class_section(graph: ArgumentGraph, result: Tally) -> Section:
    """The split and median verdict on one line, then a line a contested claim."""
    split = result.split
    lines = [
        # Words, not the split's bar: a deck's font may lack its marks.
        f"{split[Verdict.LEANS_PRO]} lean pro, "
        f"{split[Verdict.BALANCED]} balanced, {split[Verdict.LEANS_CON]} lean con; "
        f"median weights: {weighed_title(result.median)}"
    ]
    lines += [
        f"Contested: '{shorten(graph.nodes[c.claim_id].text, TEXT_WIDTH)}' "
        f"(weights {c.low:g}-{c.high:g})"
        for c in result.contested_weights[:TOP]
    ]
    count = len(result.results)
    return Section(f"The class's vote ({count} ballot{'s' * (count != 1)})", tuple(lines), 20.0)


def with_class_vote(deck: Deck, graph: ArgumentGraph, folder: Path) -> Deck:
    """The deck with the class's split and most contested claims on its closing slide
    (unchanged when the folder holds no valid ballot for the debate)."""
    result = class_tally(graph, folder)
    if result is None:
        return deck
    section = class_section(graph, result)
    notes = class_lines(graph, result)
    slides = [
        replace(
            slide,
            sections=(*(s for s in slide.sections if s.heading != REPLACED), section),
            notes="\n\n".join(filter(None, (slide.notes, *notes))),
        )
        if slide.kind == "closing"
        else slide
        for slide in deck.slides
    ]
    return replace(deck, slides=slides)
