"""Weighing a debate under other weights than its author's: a ballot's, or the class's.

The debate's framework (`argmap.strength.QBAF`) is built once, with its links and
evaluation order; a ballot changes only base scores, so each ballot's weighing copies the
framework with its own base scores and solves it. Grounded labels do not depend on
weights, so the labelling (which links undercuts cut) is shared too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from argmap.ballots.format import DEFAULT_WEIGHT
from argmap.graph import ArgumentGraph
from argmap.semantics import Labelling, grounded
from argmap.strength import QBAF, Weighing, weigh_qbaf


def author_weight(graph: ArgumentGraph, claim_id: str) -> int:
    """The author's weight of a claim; a claim without one counts as 3 (base score 0.5)."""
    claim = graph.nodes[claim_id].claim
    if claim is None or claim.weight is None:
        return DEFAULT_WEIGHT
    return claim.weight


@dataclass(slots=True)
class Weigher:
    """Weighs one debate under any weights, sharing its framework and labelling."""

    graph: ArgumentGraph
    labelling: Labelling
    qbaf: QBAF

    @classmethod
    def of(cls, graph: ArgumentGraph) -> Weigher:
        """The weigher of a debate (labels it and builds its framework once)."""
        labelling = grounded(graph)
        return cls(graph, labelling, QBAF.build(graph))

    def weigh(self, weights: Mapping[str, float]) -> Weighing:
        """Strengths and verdict with these weights (1–5, fractions allowed for medians);
        a claim not in `weights` keeps the author's weight."""
        base = list(self.qbaf.base)
        index = self.qbaf.index
        for claim_id, weight in weights.items():
            position = index.get(claim_id)
            if position is not None:
                base[position] = weight / 6  # weight / 6, fractions allowed
        weighing = weigh_qbaf(replace(self.qbaf, base=base, energies=[]))
        return replace(weighing, cut_by=self.labelling.cut)
