"""The overview slides of a deck: every top-level claim as a line of readable text.

One slide when the claims fit it, else one for the claims for the motion and one for
those against (more only for a debate with very many top-level claims). Each line gives
the claim's grounded mark, its strength, a short form of its text and the slide where
its branch is shown, or that it is told in the speaker notes.
"""

from __future__ import annotations

from argmap.export.deck import Section, Slide
from argmap.export.deck_text import plain, slide_notes
from argmap.graph import ArgumentGraph
from argmap.model import MOTION_ID, Side
from argmap.reading import short_text
from argmap.semantics import Label, Labelling
from argmap.strength import Weighing

#: Lines of 20 pt text an overview slide holds below its title, headings included.
OVERVIEW_LINES = 14
#: Characters of a claim's text on its overview line (a 20 pt line holds about 80).
OVERVIEW_CHARS = 56
OVERVIEW_POINTS = 20.0
MARKS = {Label.STANDING: "✓", Label.DEFEATED: "✗", Label.UNDECIDED: "?"}


def overview_groups(graph: ArgumentGraph, tops: list[str]) -> list[list[tuple[str, list[str]]]]:
    """The overview slides: each a list of (heading, claims); one slide if all fit."""
    sides = []
    for side, heading in ((Side.PRO, "For the motion"), (Side.CON, "Against the motion")):
        claims = [c for c in tops if graph.nodes[c].side is side]
        if claims:
            sides.append((heading, claims))
    if len(tops) + 2 * len(sides) <= OVERVIEW_LINES:
        return [sides]
    slides: list[list[tuple[str, list[str]]]] = []
    room = OVERVIEW_LINES - 2
    for heading, claims in sides:
        for start in range(0, len(claims), room):
            slides.append([(heading, claims[start : start + room])])
    return slides


def overview_line(
    graph: ArgumentGraph,
    labels: Labelling,
    weighing: Weighing,
    claim_id: str,
    slide: int | None,
) -> str:
    """`✓ 0.62  Short text of the claim… (slide 7)`."""
    text = plain(short_text(graph.nodes[claim_id].text, OVERVIEW_CHARS))
    where = f"slide {slide}" if slide is not None else "in the notes"
    return f"{MARKS[labels[claim_id]]} {weighing.strength(claim_id):.2f}  {text} ({where})"


def overview_slides(
    graph: ArgumentGraph,
    labels: Labelling,
    weighing: Weighing,
    groups: list[list[tuple[str, list[str]]]],
    first_slide: dict[str, int],
) -> list[Slide]:
    """The overview slides of `groups`, each line naming where its branch is shown."""
    slides = []
    for index, group in enumerate(groups, start=1):
        title = "Overview: the claims on the motion"
        if len(groups) > 1:
            word = "for" if group[0][0].startswith("For") else "against"
            title = f"Overview: the claims {word} the motion"
            if sum(1 for g in groups if g[0][0] == group[0][0]) > 1:
                title += f" ({index}/{len(groups)})"
        sections = tuple(
            Section(
                heading,
                tuple(
                    overview_line(graph, labels, weighing, c, first_slide.get(c)) for c in claims
                ),
                OVERVIEW_POINTS,
            )
            for heading, claims in group
        )
        claims = tuple(c for _, members in group for c in members)
        slides.append(
            Slide(
                "overview",
                title,
                "✓ stands · ✗ falls · ? undecided · strength from 0 to 1",
                sections=sections,
                claims=(MOTION_ID, *claims),
                notes=slide_notes(graph, labels, (MOTION_ID, *claims), weighing),
            )
        )
    return slides
