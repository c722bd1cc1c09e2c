"""Why a claim is as strong as it is: removal contributions, and strengths after one change.

Contributions are removal contributions (Kampik, Potyka, Yin, Čyras, Toni, "Contribution
functions for quantitative bipolar argumentation graphs", KR 2024):
ctrb(x → y) = σ(y) − σ(y in the debate without x); without an undercut, the link it weakened
counts whole. Only claims that can reach y are tried, and each removal recomputes only the
claims on its way to y, stopping where nothing changes. The same recomputation gives y's
strength after one claim's base score changes (`with_base`), which `argmap.robustness` uses
for weight steps. Under a semantics other than quadratic energy each removal is a full
recomputation (`argmap.gradual`).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from typing import cast

from argmap.collector import collector_paused
from argmap.contributions_paths import PathWalk
from argmap.gradual import solve
from argmap.graph import ArgumentGraph
from argmap.model import MOTION_ID
from argmap.strength import (
    DEFAULT_SEMANTICS,
    NEGLIGIBLE,
    QBAF,
    TOLERANCE,
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
    sigma = [weighing.strengths[i] for i in qbaf.ids]
    energies = qbaf.energies or [qbaf.energy(i, sigma) for i in range(len(qbaf.ids))]
    target = qbaf.index[claim_id]
    fast = weighing.semantics == DEFAULT_SEMANTICS
    paths = PathWalk(qbaf, sigma, energies)
    with collector_paused():
        region = reaching(qbaf, target)
        tried = set(region)
        if within is not None:
            tried &= reaching(qbaf, target, within)
        if only is not None:
            tried &= {qbaf.index[c] for c in only if c in qbaf.index}
        amounts: list[tuple[str, float]] = []
        for x in sorted(tried):
            if x == target:
                continue
            without = (
                _without(qbaf, sigma, energies, x, target, region, paths)
                if fast
                else solve(qbaf, weighing.semantics, removed=x)[0][target]
            )
            amount = sigma[target] - without
            if abs(amount) > NEGLIGIBLE:
                amounts.append((qbaf.ids[x], amount))
    amounts.sort(key=lambda item: -abs(item[1]))
    return amounts if limit is None else amounts[:limit]


def reaching(qbaf: QBAF, target: int, within: int | None = None) -> set[int]:
    """The target and every claim whose strength can reach it along links (at most
    `within` links away when given).

    An undercut reaches the claim whose incoming link it weakens.
    """
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


def _without(
    qbaf: QBAF,
    sigma: list[float],
    energies: list[float],
    removed: int,
    target: int,
    region: set[int],
    paths: PathWalk,
) -> float:
    """The target's strength with claim `removed` taken out, recomputing only what changes.

    Along the paths from the claim to the target where they keep apart (`PathWalk`);
    else changes travel along links in evaluation order (a heap of part positions), and a
    cycle that is reached is settled again as a whole.
    """
    walked = paths.without(removed, target, region)
    if walked is not None:
        return walked
    return _propagate(qbaf, sigma, energies, target, region, removed)


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
    if claim not in region:
        return sigma[target]
    old = qbaf.base[claim]
    qbaf.base[claim] = base
    try:
        return _propagate(qbaf, sigma, energies, target, region, -1, start=claim)
    finally:
        qbaf.base[claim] = old


def _propagate(
    qbaf: QBAF,
    sigma: list[float],
    energies: list[float],
    target: int,
    region: set[int],
    removed: int,
    start: int | None = None,
) -> float:
    """Carry a change to the target: claim `removed` taken out (or none, -1), or claim
    `start` recomputed from its own base score.

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
    if start is not None:
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
            moved = _resettle(qbaf, sigma, changed, part, removed)
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


def _resettle(
    qbaf: QBAF,
    sigma: list[float],
    changed: dict[int, float],
    part: list[int],
    removed: int,
) -> dict[int, float]:
    """Settle a cycle again with some claims changed or removed; the members that moved."""
    view = Scratch(sigma, changed)
    members = [m for m in part if m != removed]
    if removed in part:
        view[removed] = 0.0
    # The cycle reads and writes strengths by index: a scratch overlay, not a copy of all.
    if len(members) != 2 or not _settle_pair(qbaf, view, *members):
        qbaf.settle(members, cast(list[float], view))
    return {m: view[m] for m in members if abs(view[m] - sigma[m]) > NEGLIGIBLE}


def _settle_pair(qbaf: QBAF, view: Scratch, a: int, b: int) -> bool:
    """Settle a cycle of two claims that rebut or support each other (the usual cycle, two
    cross-links), False where undercuts weaken their links.

    Its fixed point is σ(a) = f(σ(a)), f(x) = σa(σb(x)), each one claim's strength from
    its energy: every influence moves a strength by at most 0.65 times the energy's
    change, so f shrinks distances by 0.65² at least and iterating it from the old
    strength converges to the one fixed point, the point the cycle's dynamics settle at.
    As for any cycle, nothing moves unless f moves a strength by `TOLERANCE` or more."""
    if a in qbaf.cuttable or b in qbaf.cuttable:
        return False
    outside = {a: 0.0, b: 0.0}
    between = {a: 0.0, b: 0.0}
    for node, other in ((a, b), (b, a)):
        for j, sign in qbaf.incoming[node]:
            if j == other:
                between[node] += sign
            elif j == node:
                return False
            else:
                outside[node] += sign * view[j]
    if abs(between[a]) > 1.0 or abs(between[b]) > 1.0:
        return False  # a link counted twice: the bound below does not hold
    base_a, base_b = qbaf.base[a], qbaf.base[b]

    def of_b(x: float) -> float:
        return influence(base_b, outside[b] + between[b] * x)

    def f(x: float) -> float:
        return influence(base_a, outside[a] + between[a] * of_b(x))

    x = view[a]
    if abs(f(x) - x) < TOLERANCE and abs(of_b(x) - view[b]) < TOLERANCE:
        return True
    for _ in range(200):
        following = f(x)
        done = abs(following - x) <= NEGLIGIBLE
        x = following
        if done:
            break
    view[a] = x
    view[b] = of_b(x)
    return True


class Scratch(dict[int, float]):
    """Strengths by index, written here and read through to `base` where not written."""

    def __init__(self, base: list[float], changed: dict[int, float]) -> None:
        super().__init__(changed)
        self.base = base

    def __missing__(self, i: int) -> float:
        return self.base[i]
