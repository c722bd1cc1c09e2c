"""Two authoring rules for `argmap check`: weights with reasons, and reasons that answer.

`weights_have_reasons`: a claim weighted other than the neutral 3 is a judgement the reader
should be able to follow, so its note says `Weight N` (or `weighted N`) with the claim's own
weight N and the reason next to it. The number must match: a note left behind when the
weight changed is reported too.

`top_level_answers_motion`: a top-level claim is a reason for or against the motion itself.
A figure (`kind: evidence`) is not a reason until a claim draws a conclusion from it, so it
belongs under the claim it supports. A proposal often says how to do something rather than
whether to, so a top-level `kind: proposal` says in its note how it bears on the motion
(the note names the motion).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from argmap.graph import ArgumentGraph, ClaimNode
from argmap.model import Kind

__all__ = ["NEUTRAL_WEIGHT", "motion_answer_breaches", "weight_reason_breaches"]

#: The default weight; any other weight needs a stated reason.
NEUTRAL_WEIGHT = 3

_WEIGHT_IN_NOTE = re.compile(r"\bweight(?:ed)?\s*(?:of\s+)?\(?([1-5])\b", re.IGNORECASE)


def stated_weights(note: str) -> set[int]:
    """The weights a note names ("Weight 4: ...", "weighted 2 because ...")."""
    return {int(match.group(1)) for match in _WEIGHT_IN_NOTE.finditer(note)}


def weight_reason_breaches(graph: ArgumentGraph) -> Iterator[tuple[ClaimNode, str]]:
    """Each claim weighted other than 3 whose note does not give the weight's reason."""
    for node in graph.claims():
        claim = node.claim
        if claim is None or claim.weight is None or claim.weight == NEUTRAL_WEIGHT:
            continue
        named = stated_weights(claim.note or "")
        if claim.weight in named:
            continue
        if named:
            shown = ", ".join(str(n) for n in sorted(named))
            yield (
                node,
                f"'{node.id}' has weight {claim.weight} but its note gives the reason for "
                f"weight {shown}; update the note or the weight",
            )
        else:
            yield (
                node,
                f"'{node.id}' has weight {claim.weight}; say why in its note "
                f"(e.g. 'Weight {claim.weight}: ...')",
            )


def motion_answer_breaches(graph: ArgumentGraph) -> Iterator[tuple[ClaimNode, str]]:
    """Each top-level claim that is not, on its face, a reason for or against the motion."""
    for node_id in graph.motion.children:
        node = graph.nodes[node_id]
        if node.kind is Kind.EVIDENCE:
            yield (
                node,
                f"top-level '{node.id}' is evidence; put it under the claim that draws "
                "a conclusion about the motion from it",
            )
        elif node.kind is Kind.PROPOSAL:
            note = node.claim.note if node.claim is not None else None
            if not note or "motion" not in note.lower():
                yield (
                    node,
                    f"top-level proposal '{node.id}' does not say how it answers the "
                    "motion; say in its note which side of the motion it argues and why",
                )
