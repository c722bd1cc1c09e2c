"""Why a claim is as strong as it is: removal contributions, and strengths after one change.

Contributions are removal contributions (Kampik, Potyka, Yin, Čyras, Toni, "Contribution
functions for quantitative bipolar argumentation graphs", KR 2024):
ctrb(x → y) = σ(y) − σ(y in the debate without x); without an undercut, the link it weakened
counts whole. Only claims that can reach y are tried, and each removal recomputes only the
claims on its way to y, stopping where nothing changes: up each claim's paths
(`argmap.contributions_tree`), else in evaluation order. The same recomputation gives y's
strength after one claim's base score changes (`with_weight`), which `argmap.robustness`
uses for weight steps. Under a semantics other than quadratic energy each removal is a full
recomputation (`argmap.gradual`).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from argmap.collector import collector_paused
from argmap.contributions_cycles import resettle
from argmap.contributions_tree import Chains, Climbed, chains_of, reach
from argmap.gradual import solve
from argmap.graph import ArgumentGraph
from argmap.model import MOTION_ID
from argmap.strength import (
    DEFAULT_SEMANTICS,
    NEGLIGIBLE,
    QBAF,
    Weighing,
    influence,
)
from argmap.weakening import Overlay, keep


def contributions(
    graph: ArgumentGraph,
    weighing: Weighing,
    claim_id: str = MOTION_ID,
    limit: int | None = None,
    *,
    within: int | None = None,
    only: Iterable[str] | None = None,
) -> list[tuple[str, float]]:
    """Signed contributions to `claim_id`'s strength, largest |amount| first.

    The method is removal: the contribution of x is the strength of `claim_id` minus its
    strength in the debate without x (removing an undercut gives back what it took from
    the link it attacks). Negative amounts lowered the strength.
    Claims whose removal changes nothing are left out; ties keep document order.
    `within` tries only claims at most that many links away (each is still exact);
    `only` tries only the claims it names.
    """
    qbaf = weighing.qbaf if weighing.qbaf is not None else QBAF.build(graph)
    target = qbaf.index[claim_id]
    with collector_paused():
        if weighing.semantics == DEFAULT_SEMANTICS:
            chains = chains_of(weighing, qbaf)
            region = chains.region(target)
            sigma = chains.sigma
        else:
            chains = None
            region = reaching(qbaf, target)
            sigma = [weighing.strengths[i] for i in qbaf.ids]
        tried = region
        if within is not None:
            tried = tried & reaching(qbaf, target, within)
        if only is not None:
            tried = tried & {qbaf.index[c] for c in only if c in qbaf.index}
        amounts: list[tuple[str, float]] = []
        before = sigma[target]
        ids = qbaf.ids
        for x in sorted(tried):
            if x == target:
                continue
            if chains is None:
                without = solve(qbaf, weighing.semantics, removed=x)[0][target]
            else:
                without = _without(qbaf, chains, x, target, region)
            amount = before - without
            if abs(amount) > NEGLIGIBLE:
                amounts.append((ids[x], amount))
    amounts.sort(key=lambda item: -abs(item[1]))
    return amounts if limit is None else amounts[:limit]


def reaching(qbaf: QBAF, target: int, within: int | None = None) -> set[int]:
    """The target and every claim whose strength can reach it along links (at most
    `within` links away when given).

    An undercut reaches the claim whose incoming link it weakens.
    """
    if within is None:
        return reach(qbaf, target)
    through = qbaf.through_in
    seen = {target}
    level = [target]
    steps = 0
    while level and (within is None or steps < within):
        steps += 1
        following: list[int] = []
        for node in level:
            for j in (*(j for j, _ in qbaf.incoming[node]), *(u for u, _ in through.get(node, ()))):
                if j not in seen:
                    seen.add(j)
                    following.append(j)
        level = following
    return seen


def _without(qbaf: QBAF, chains: Chains, removed: int, target: int, region: set[int]) -> float:
    """The target's strength with claim `removed` taken out, recomputing only what changes.

    Up the one path of its change while it has one (`Chains`); then along the paths from
    the claim to the target where they keep apart (`PathWalk`); else changes travel along
    links in evaluation order (a heap of part positions), and a cycle that is reached is
    settled again as a whole.
    """
    climbed = _finish(
        qbaf, chains, chains.without(removed, target, region), removed, target, region
    )
    if climbed is not None:
        return climbed
    walked = chains.path_walk().without(removed, target, region)
    if walked is not None:
        return walked
    return _propagate(qbaf, chains.sigma, chains.energies, target, region, removed)


def _finish(
    qbaf: QBAF, chains: Chains, climbed: Climbed, start: int, target: int, region: set[int]
) -> float | None:
    """The target's strength from a climb: its answer, or recomputed in evaluation order
    from where it stopped; None where it stopped at once, at `start`."""
    if isinstance(climbed, float):
        return climbed
    if climbed[0] == start:
        return None
    return _propagate(qbaf, chains.sigma, chains.energies, target, region, -1, shift=climbed)


def with_base(
    qbaf: QBAF,
    sigma: list[float],
    energies: list[float],
    claim: int,
    base: float,
    target: int,
    region: set[int],
) -> float:
    """The target's strength with claim `claim`'s base score set to `base` (quadratic
    energy), recomputing only what changes; `region` is `reaching(qbaf, target)`."""
    return with_bases(qbaf, sigma, energies, {claim: base}, target, region)


def with_weight(
    qbaf: QBAF, chains: Chains, claim: int, base: float, target: int, region: set[int]
) -> float:
    """The target's strength with claim `claim`'s base score set to `base` (quadratic
    energy): up the one path of its change while it has one (`Chains`), then in
    evaluation order."""
    climbed = _finish(
        qbaf, chains, chains.with_base(claim, base, target, region), claim, target, region
    )
    if climbed is not None:
        return climbed
    return with_base(qbaf, chains.sigma, chains.energies, claim, base, target, region)


def with_bases(
    qbaf: QBAF,
    sigma: list[float],
    energies: list[float],
    bases: dict[int, float],
    target: int,
    region: set[int],
) -> float:
    """The target's strength with the base scores of some claims changed (quadratic
    energy), from the settled `sigma` and `energies` of `qbaf`; only what changes is
    recomputed. `region` is `reaching(qbaf, target)`."""
    starts = [claim for claim in bases if claim in region]
    if not starts:
        return sigma[target]
    old = {claim: qbaf.base[claim] for claim in starts}
    for claim in starts:
        qbaf.base[claim] = bases[claim]
    try:
        return _propagate(qbaf, sigma, energies, target, region, -1, starts=starts)
    finally:
        for claim, value in old.items():
            qbaf.base[claim] = value


def _propagate(
    qbaf: QBAF,
    sigma: list[float],
    energies: list[float],
    target: int,
    region: set[int],
    removed: int,
    starts: Iterable[int] = (),
    shift: tuple[int, float] | None = None,
) -> float:
    """Carry a change to the target: claim `removed` taken out (or none, -1), the claims
    `starts` recomputed from their own base scores, or one claim moved to a new strength (`shift`)
    (everything else that changed only reaching the target through it).

    A claim's energy is its old energy plus the changes pushed along its links, except
    along a link an undercut weakens: that link is not linear in what changed, so its part
    is worked out again from the current strengths (`_weakened_change`)."""
    changed: dict[int, float] = {} if removed < 0 else {removed: 0.0}  # removed: carries nothing
    current = Overlay(sigma, changed)
    pending: dict[int, float] = {}  # energy deltas waiting at each claim
    cuttable, through_out = qbaf.cuttable, qbaf.through_out
    heap: list[int] = []

    def push(node: int, delta: float) -> None:
        if node not in region or node == removed:
            return
        if node not in pending:
            pending[node] = 0.0
            heapq.heappush(heap, qbaf.part_of[node])
        pending[node] += delta

    def carry(source: int, step: float) -> None:
        """Push a change of `source` along its links (undercut links are worked out again)."""
        for t, sign in qbaf.outgoing[source]:
            if qbaf.part_of[t] not in done_parts:
                push(t, 0.0 if (source, sign) in cuttable.get(t, ()) else sign * step)
        for t, _ in through_out.get(source, ()):
            if qbaf.part_of[t] not in done_parts:
                push(t, 0.0)

    done_parts: set[int] = set()
    if shift is not None:
        changed[shift[0]] = shift[1]
        carry(shift[0], shift[1] - sigma[shift[0]])
    elif removed < 0:
        for start in starts:
            push(start, 0.0)
    else:
        carry(removed, -sigma[removed])
    while heap:
        position = heapq.heappop(heap)
        if position in done_parts:
            continue
        done_parts.add(position)
        part = qbaf.part(position)
        if not qbaf.is_cyclic(position):
            node = part[0]
            delta = pending.pop(node)
            energy = energies[node] + delta
            if node in cuttable:
                energy += _weakened_change(qbaf, sigma, current, node)
            new = influence(qbaf.base[node], energy)
            moved = {node: new} if abs(new - sigma[node]) > NEGLIGIBLE else {}
        else:
            for node in part:
                pending.pop(node, None)
            moved = resettle(qbaf, sigma, changed, part, removed)
        for node, new in moved.items():
            changed[node] = new
            carry(node, new - sigma[node])
    return changed.get(target, sigma[target])


def _weakened_change(qbaf: QBAF, sigma: list[float], current: Overlay, node: int) -> float:
    """How much the links into `node` that undercuts weaken now bring, minus what they
    brought."""
    undercuts, links, changed = qbaf.undercuts, qbaf.cuttable[node], current.changed
    if not any(u in changed for u, _ in qbaf.through_in.get(node, ())):
        # No undercut moved: only the links whose source moved bring anything new.
        links = {(p, s) for p in changed for s in (1.0, -1.0) if (p, s) in links}
    total = 0.0
    for p, sign in links:
        now = current[p] * keep(undercuts, p, current)
        before = sigma[p] * keep(undercuts, p, sigma)
        total += sign * (now - before)
    return total
