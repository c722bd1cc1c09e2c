"""Which branch slides a deck keeps within its slide budget, and where the rest go.

A lecture has room for about thirty slides, and a small debate needs half of that
(`lecture_slides`). The planner lays out every branch; this
module keeps the parts that move the verdict: each part's weight is the removal
contribution of its root claim to the motion's strength (`argmap.contributions`), divided
among the slides its answers are split over (`weight`). Parts
whose root moves the motion by less than `MATERIAL` are left out, and of the rest the
biggest movers are kept until the budget is spent, in their planned order. A claim left
out is still in the deck: its speaker-note paragraph goes on the slide that shows its
nearest shown ancestor (the overview for a top-level claim's branch), and `--appendix`
adds the left-out parts as slides after the branches.

`argmap.export.deck_budget` limits the claims a deck may plan (the work); this module
limits the slides it shows (the lecture). Both apply: the first refuses, the second chooses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from argmap.graph import ArgumentGraph

#: Slides in a deck of a big debate unless `--max-slides` says otherwise: a 50-minute
#: lecture at about a minute and a half a slide.
DEFAULT_MAX_SLIDES = 30
#: A debate of up to `SMALL_DEBATE` claims is told in `SMALL_DECK` slides (half a lecture);
#: a bigger one gets a slide more for every `CLAIMS_PER_SLIDE` claims, up to the lecture.
SMALL_DEBATE = 60
SMALL_DECK = 15
CLAIMS_PER_SLIDE = 3
#: A part gets a slide of its own when its root moves the motion's strength by at least
#: this much (on the 0–1 scale); smaller movers are told in the notes.
MATERIAL = 0.05


def lecture_slides(claims: int) -> int:
    """The slides a deck of a debate of `claims` claims takes when `--max-slides` is not
    given: `SMALL_DECK` up to `SMALL_DEBATE` claims, one more for every `CLAIMS_PER_SLIDE`
    claims beyond, at most `DEFAULT_MAX_SLIDES`."""
    extra = max(0, claims - SMALL_DEBATE) // CLAIMS_PER_SLIDE
    return min(DEFAULT_MAX_SLIDES, SMALL_DECK + extra)


class Planned(Protocol):
    """What the selection needs of a planned part: its root and the claims it draws."""

    @property
    def root(self) -> str: ...

    @property
    def shown(self) -> list[str]: ...

    @property
    def chunk(self) -> tuple[int, int]: ...


def weight(part: Planned, moves: dict[str, float]) -> float:
    """How much a part's slide is worth: its root's move, shared by the slides a claim's
    answers are split over (the second of them worth half, the third a third, ...), so a
    claim with many answers does not take the slides of the next biggest movers."""
    return abs(moves.get(part.root, 0.0)) / part.chunk[0]


@dataclass(frozen=True, slots=True)
class Selection:
    """The parts kept (indexes into the planned list, in order) and the parts left out."""

    kept: tuple[int, ...]
    left_out: tuple[int, ...]


def select_parts(
    parts: Sequence[Planned], moves: dict[str, float], room: int, steps: Sequence[int]
) -> Selection:
    """Keep the parts whose root moves the motion most, within `room` slides.

    `moves` is each claim's contribution to the motion; `steps[i]` the slides part i takes.
    A part whose root is drawn by a kept part and which draws nothing new is dropped.
    """
    order = sorted(range(len(parts)), key=lambda i: (-weight(parts[i], moves), i))
    kept: set[int] = set()
    used = 0
    for index in order:
        if weight(parts[index], moves) < MATERIAL:
            break
        if used + steps[index] > room:
            continue
        kept.add(index)
        used += steps[index]
    return Selection(tuple(sorted(kept)), tuple(i for i in range(len(parts)) if i not in kept))


def homes(graph: ArgumentGraph, shown: set[str], claims: Sequence[str]) -> dict[str, str]:
    """For each claim of `claims` not in `shown`, its nearest ancestor in `shown`."""
    found: dict[str, str] = {}
    for claim_id in claims:
        if claim_id in shown:
            continue
        path = graph.path_from_motion(claim_id)
        for node in reversed(path[:-1]):
            if node.id in shown:
                found[claim_id] = node.id
                break
    return found
