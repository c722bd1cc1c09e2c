"""How robust the motion's verdict is: what flips it, how far weights move it, other semantics.

- **Flip by removal**: claims whose removal alone changes the verdict (from the removal
  contributions of `argmap.contributions`).
- **Flip by weight**: claims whose weight, moved one step (±1 within 1–5; a claim without
  `weight` counts as 3), changes the verdict.
- **Range**: the lowest and highest strength of the motion when every weight may move one
  step. Each claim reaches the motion along links whose signs multiply to +1 or −1 (an
  attack is −1); the semantics here are monotone (a stronger supporter never lowers its
  target, a stronger attacker never raises it), so a claim that reaches the motion with one
  sign only pushes the motion one way, whatever the other weights are, and its extreme
  weight gives the extremes. Claims that reach it with both signs (cross-links, odd cycles)
  are tried in every combination when there are at most `MIXED_LIMIT` of them; otherwise
  the range is reported as not exact.
- **Agreement**: the verdict under every semantics of `argmap.gradual`.

On a debate of more than `LARGE_DEBATE` claims, the flip sets try only the claims within
`NEAR_MOTION` links of the motion, and say so (`note`).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from argmap.collector import collector_paused
from argmap.contributions import contributions, reaching, with_bases, with_weight
from argmap.contributions_cycles import solve_settling_pairs
from argmap.contributions_tree import chains_of
from argmap.gradual import SEMANTICS, solve
from argmap.graph import ArgumentGraph
from argmap.model import MOTION_ID
from argmap.strength import (
    DEFAULT_SEMANTICS,
    QBAF,
    Verdict,
    Weighing,
    verdict_for,
)

#: A claim without `weight` counts as this weight; weights run from 1 to 5.
NEUTRAL_WEIGHT = 3
LIGHTEST, HEAVIEST = 1, 5
#: Claims reaching the motion with both signs tried in every combination up to this many.
MIXED_LIMIT = 4
#: Above this many claims, only claims near the motion are tried for the flip sets.
LARGE_DEBATE = 5_000
NEAR_MOTION = 2


@dataclass(frozen=True)
class Robustness:
    """How robust the verdict is; see the module's description."""

    verdict: Verdict
    strength: float
    #: (claim id, verdict without it), largest removal contribution first.
    flip_by_removal: list[tuple[str, Verdict]]
    #: (claim id, new weight, verdict with it), in document order.
    flip_by_weight: list[tuple[str, int, Verdict]]
    low: float
    high: float
    #: Whether `low` and `high` are the true extremes (see `MIXED_LIMIT`).
    exact_range: bool = True
    #: Semantics name -> (motion strength, verdict) under it.
    semantics: dict[str, tuple[float, Verdict]] = field(default_factory=dict)
    #: The semantics the verdict itself comes from.
    chosen: str = DEFAULT_SEMANTICS
    #: Said when only part of the debate was tried.
    note: str | None = None

    @property
    def robust(self) -> bool:
        """No single removal and no single weight step changes the verdict."""
        return not self.flip_by_removal and not self.flip_by_weight

    @property
    def range_verdicts(self) -> tuple[Verdict, Verdict]:
        """The verdicts at the two ends of the range."""
        return verdict_for(self.low), verdict_for(self.high)

    def disagreeing(self) -> list[str]:
        """Names of the semantics whose verdict differs from this one's."""
        return [name for name, (_, v) in self.semantics.items() if v is not self.verdict]

    def to_json(self) -> dict[str, object]:
        """The `robustness` object of `argmap stats --json`."""
        return {
            "flip_by_removal": [claim for claim, _ in self.flip_by_removal],
            "flip_by_weight": sorted({claim for claim, _, _ in self.flip_by_weight}),
            "range": [round(self.low, 4), round(self.high, 4)],
            "range_exact": self.exact_range,
            "semantics": {
                name: {"strength": round(value, 4), "verdict": v.value}
                for name, (value, v) in self.semantics.items()
            },
            "note": self.note,
        }


def weight_of(graph: ArgumentGraph, claim_id: str) -> int:
    """A claim's weight, a claim without one counting as `NEUTRAL_WEIGHT`."""
    claim = graph.nodes[claim_id].claim
    return NEUTRAL_WEIGHT if claim is None or claim.weight is None else claim.weight


def steps(weight: int) -> list[int]:
    """The weights one step from `weight`, within 1–5."""
    return [w for w in (weight - 1, weight + 1) if LIGHTEST <= w <= HEAVIEST]


def robustness(
    graph: ArgumentGraph,
    weighing: Weighing,
    amounts: Sequence[tuple[str, float]] | None = None,
) -> Robustness:
    """How robust the motion's verdict is. `amounts` are the motion's removal
    contributions when already at hand (`argmap.contributions.contributions`)."""
    qbaf = weighing.qbaf if weighing.qbaf is not None else QBAF.build(graph)
    large = len(graph) > LARGE_DEBATE
    within = NEAR_MOTION if large else None
    with collector_paused():
        if amounts is None:
            amounts = contributions(graph, weighing, within=within)
        strength = weighing.motion_strength
        verdict = weighing.verdict
        by_removal = [
            (claim, v)
            for claim, amount in amounts
            if (v := verdict_for(strength - amount)) != verdict
        ]
        signs = reach_signs(qbaf)
        low, high, exact = strength_range(graph, qbaf, weighing, signs)
        by_weight: list[tuple[str, int, Verdict]] = []
        if not (exact and verdict_for(low) == verdict == verdict_for(high)):
            by_weight = _flips_by_weight(graph, qbaf, weighing, signs, within)
        others = {
            name: (value, verdict_for(value))
            for name in SEMANTICS
            for value in [
                strength
                if name == weighing.semantics
                else solve(qbaf, name)[0][qbaf.index[MOTION_ID]]
            ]
        }
    note = (
        f"only claims within {NEAR_MOTION} links of the motion were tried for what flips it"
        if large
        else None
    )
    return Robustness(
        verdict,
        strength,
        by_removal,
        by_weight,
        low,
        high,
        exact,
        others,
        weighing.semantics,
        note,
    )


def reach_signs(qbaf: QBAF) -> dict[int, set[float]]:
    """For every claim that reaches the motion, the signs (+1, −1) of its paths to it.

    A walk along links multiplies their signs (support +1, attack −1); cycles are walked
    too, so a claim on a cycle with an odd number of attacks reaches with both signs. An
    undercut reaches the claim whose link it weakens with the sign opposite to the link's
    (an undercut of its undercut with the link's own sign).
    """
    target = qbaf.index[MOTION_ID]
    found: dict[int, set[float]] = {target: {1.0}}
    stack: list[tuple[int, float]] = [(target, 1.0)]
    undercut_links = qbaf.through_in
    while stack:
        node, sign = stack.pop()
        for j, link in (*qbaf.incoming[node], *undercut_links.get(node, ())):
            through = sign * (1.0 if link > 0 else -1.0)
            seen = found.setdefault(j, set())
            if through not in seen:
                seen.add(through)
                stack.append((j, through))
    del found[target]
    return found


def _motion(qbaf: QBAF, weighing: Weighing, bases: list[float]) -> float:
    return _solved(qbaf, weighing, bases)[0][qbaf.index[MOTION_ID]]


def _solved(qbaf: QBAF, weighing: Weighing, bases: list[float]) -> tuple[list[float], list[float]]:
    """(strengths, energies) of every claim with base scores `bases`; energies only
    under quadratic energy, which has its own faster solver (`QBAF.solve`)."""
    if weighing.semantics == DEFAULT_SEMANTICS:
        return solve_settling_pairs(replace(qbaf, base=bases, energies=[]))
    return solve(qbaf, weighing.semantics, base=bases)[0], []


def strength_range(
    graph: ArgumentGraph,
    qbaf: QBAF,
    weighing: Weighing,
    signs: dict[int, set[float]],
) -> tuple[float, float, bool]:
    """(low, high, exact): the motion's strength when every weight may move one step."""
    lows, highs = list(qbaf.base), list(qbaf.base)
    mixed: list[int] = []
    for i, found in signs.items():
        if graph.nodes[qbaf.ids[i]].claim is None:
            continue
        options = steps(weight_of(graph, qbaf.ids[i]))
        lighter, heavier = min(options) / 6, max(options) / 6
        if len(found) > 1:
            mixed.append(i)
        elif 1.0 in found:
            lows[i], highs[i] = min(lighter, qbaf.base[i]), max(heavier, qbaf.base[i])
        else:
            lows[i], highs[i] = max(heavier, qbaf.base[i]), min(lighter, qbaf.base[i])
    if not mixed:
        return _motion(qbaf, weighing, lows), _motion(qbaf, weighing, highs), True
    if len(mixed) > MIXED_LIMIT:
        # Only the one-signed claims moved: a range inside the true one.
        return _motion(qbaf, weighing, lows), _motion(qbaf, weighing, highs), False
    choices = [
        sorted({qbaf.base[i], *(w / 6 for w in steps(weight_of(graph, qbaf.ids[i])))})
        for i in mixed
    ]
    target = qbaf.index[MOTION_ID]
    low, high = 1.0, 0.0
    for bases, keep in ((lows, min), (highs, max)):
        # Every combination differs from `bases` in the mixed claims only: under quadratic
        # energy each is recomputed from the settled state of `bases`, only where it moves.
        framework = replace(qbaf, base=list(bases), energies=[])
        sigma, energies = _solved(framework, weighing, framework.base)
        region = reaching(qbaf, target)
        for combination in itertools.product(*choices):
            if energies:
                changes = dict(zip(mixed, combination, strict=True))
                got = with_bases(framework, sigma, energies, changes, target, region)
            else:
                trial = list(bases)
                for i, value in zip(mixed, combination, strict=True):
                    trial[i] = value
                got = _motion(qbaf, weighing, trial)
            if keep is min:
                low = min(low, got)
            else:
                high = max(high, got)
    return low, high, True


def _flips_by_weight(
    graph: ArgumentGraph,
    qbaf: QBAF,
    weighing: Weighing,
    signs: dict[int, set[float]],
    within: int | None,
) -> list[tuple[str, int, Verdict]]:
    target = qbaf.index[MOTION_ID]
    chains = chains_of(weighing, qbaf) if weighing.semantics == DEFAULT_SEMANTICS else None
    region = chains.region(target) if chains is not None else reaching(qbaf, target)
    tried = region if within is None else reaching(qbaf, target, within)
    found: list[tuple[str, int, Verdict]] = []
    for i in sorted(tried & signs.keys()):
        claim_id = qbaf.ids[i]
        if graph.nodes[claim_id].claim is None:
            continue
        for weight in steps(weight_of(graph, claim_id)):
            if chains is not None:
                value = with_weight(qbaf, chains, i, weight / 6, target, region)
            else:
                bases = list(qbaf.base)
                bases[i] = weight / 6
                value = _motion(qbaf, weighing, bases)
            if (v := verdict_for(value)) != weighing.verdict:
                found.append((claim_id, weight, v))
    return found
