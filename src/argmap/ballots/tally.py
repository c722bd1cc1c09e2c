"""The class's tally: the motion under every ballot, the split, and the most contested claims.

Each ballot weighs the debate with its own weights (a claim it leaves out keeps the
author's weight). The class is summed up as:

- the split: how many ballots lean pro, are balanced, lean con (`argmap.strength`'s
  verdict of each ballot's motion strength);
- the median and interquartile range of the motion's strength over the ballots
  (quartiles by the inclusive method; one ballot has a range of 0);
- the verdict under the median weights: every claim weighed at the median of the
  ballots' weights for it (a fraction when the count is even);
- the most contested weights: the claims whose weights vary most between ballots (by
  population standard deviation);
- the most contested contributions: the claims whose removal contribution to the
  motion varies most between ballots (highest minus lowest). Contributions are worked
  out only for candidates: the top-level claims, the claims with contested weights and
  the claims above those, so a big debate tallies quickly;
- where the class disagrees with the author: the claims whose median weight is furthest
  from the author's.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from argmap.ballots.format import MAX_WEIGHT, MIN_WEIGHT, LoadedBallot
from argmap.ballots.weights import Weigher, author_weight
from argmap.contributions import contributions
from argmap.graph import ArgumentGraph
from argmap.model import MOTION_ID
from argmap.strength import Verdict, Weighing

#: How many claims each list of the class's summary names by default.
TOP = 3
#: Contested weights looked at for contributions, beyond the top-level claims.
CANDIDATES = 12


@dataclass(frozen=True, slots=True)
class BallotResult:
    """The motion under one ballot's weights."""

    path: Path
    name: str
    #: How many claims the ballot weighs (that its debate has).
    weighed: int
    strength: float
    verdict: Verdict
    #: Claim ids the ballot weighs that the debate does not have (left out).
    unknown: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Contested:
    """A claim the class is split on: `spread`, and its lowest and highest value."""

    claim_id: str
    spread: float
    low: float
    high: float


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A claim whose class median weight is away from the author's weight."""

    claim_id: str
    author: int
    median: float


@dataclass(slots=True)
class Tally:
    """The class's verdict on one debate, from its ballots."""

    graph: ArgumentGraph
    author: Weighing
    results: list[BallotResult]
    #: Claim id → the weight each ballot gives it (the author's where a ballot is silent),
    #: for every claim some ballot weighs.
    votes: dict[str, list[int]]
    median_weights: dict[str, float]
    median: Weighing
    contested_weights: list[Contested] = field(default_factory=list)
    contested_contributions: list[Contested] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)

    @property
    def split(self) -> dict[Verdict, int]:
        """How many ballots lean pro, are balanced, lean con."""
        counts = dict.fromkeys(Verdict, 0)
        for result in self.results:
            counts[result.verdict] += 1
        return counts

    @property
    def quartiles(self) -> tuple[float, float, float]:
        """(lower quartile, median, upper quartile) of the motion's strength."""
        values = [r.strength for r in self.results]
        if len(values) == 1:
            return values[0], values[0], values[0]
        q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
        return q1, q2, q3

    def histogram(self, claim_id: str) -> list[int]:
        """How many ballots give the claim each weight 1–5 (the author's where silent)."""
        counts = [0] * (MAX_WEIGHT - MIN_WEIGHT + 1)
        weights = self.votes.get(claim_id)
        if weights is None:
            counts[author_weight(self.graph, claim_id) - MIN_WEIGHT] = len(self.results)
            return counts
        for weight in weights:
            counts[weight - MIN_WEIGHT] += 1
        return counts


def tally(graph: ArgumentGraph, ballots: Sequence[LoadedBallot], top: int = TOP) -> Tally:
    """The class's tally of valid ballots (checked against `graph`); at least one ballot."""
    if not ballots:
        raise ValueError("no ballots to tally")
    weigher = Weigher.of(graph)
    author = weigher.weigh({})
    weighings: list[Weighing] = []
    results: list[BallotResult] = []
    for loaded in ballots:
        assert loaded.ballot is not None, "tally takes checked ballots"
        weights = loaded.ballot.weights
        weighing = weigher.weigh(weights)
        weighings.append(weighing)
        results.append(
            BallotResult(
                loaded.path,
                loaded.name,
                len(weights),
                weighing.motion_strength,
                weighing.verdict,
                tuple(loaded.unknown),
            )
        )
    order = {node.id: i for i, node in enumerate(graph.claims())}
    weighed = sorted(
        {c for b in ballots if b.ballot for c in b.ballot.weights}, key=order.__getitem__
    )
    votes = {
        claim_id: [
            b.ballot.weights.get(claim_id, author_weight(graph, claim_id))
            for b in ballots
            if b.ballot is not None
        ]
        for claim_id in weighed
    }
    median_weights = {c: float(statistics.median(v)) for c, v in votes.items()}
    result = Tally(graph, author, results, votes, median_weights, weigher.weigh(median_weights))
    spread_of_weights = sorted(
        (Contested(c, _spread(v), min(v), max(v)) for c, v in votes.items() if min(v) != max(v)),
        key=lambda item: (-item.spread, order[item.claim_id]),
    )
    result.contested_weights = spread_of_weights[:top]
    candidates = _candidates(graph, [item.claim_id for item in spread_of_weights[:CANDIDATES]])
    result.contested_contributions = _contested_contributions(graph, weighings, candidates, order)[
        :top
    ]
    result.disagreements = sorted(
        (
            Disagreement(c, author_weight(graph, c), m)
            for c, m in median_weights.items()
            if m != author_weight(graph, c)
        ),
        key=lambda item: (-abs(item.median - item.author), order[item.claim_id]),
    )[:top]
    return result


def _candidates(graph: ArgumentGraph, contested: list[str]) -> set[str]:
    """The top-level claims, the contested claims, and every claim above those."""
    chosen = set(graph.motion.children)
    for claim_id in contested:
        current: str | None = claim_id
        while current is not None and current != MOTION_ID and current not in chosen:
            chosen.add(current)
            current = graph.nodes[current].parent
    return chosen


def _contested_contributions(
    graph: ArgumentGraph,
    weighings: list[Weighing],
    candidates: set[str],
    order: dict[str, int],
) -> list[Contested]:
    amounts: dict[str, list[float]] = {c: [] for c in candidates}
    for weighing in weighings:
        found = dict(contributions(graph, weighing, MOTION_ID, only=candidates))
        for claim_id, values in amounts.items():
            values.append(found.get(claim_id, 0.0))
    spread = [
        Contested(c, max(v) - min(v), min(v), max(v))
        for c, v in amounts.items()
        if max(v) - min(v) > 0.005  # below what two decimals show
    ]
    spread.sort(key=lambda item: (-item.spread, order[item.claim_id]))
    return spread


def _spread(values: list[int]) -> float:
    """Population standard deviation, in floats (`statistics.pstdev` works in exact
    fractions, many times slower over a big debate's claims)."""
    mean = sum(values) / len(values)
    return math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))
