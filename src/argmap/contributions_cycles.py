"""A cycle settled again after some strengths around it changed, for removals and weight steps.

`resettle` starts from the cycle's old strengths; a cycle of two claims that rebut or
support each other (the usual one, two cross-links between the sides) is settled by
iterating its fixed point (`_settle_pair`), any other with `QBAF.settle`.
"""

from __future__ import annotations

from typing import cast

from argmap.strength import NEGLIGIBLE, QBAF, TOLERANCE, influence
from argmap.weakening import keep


def resettle(
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
    cross-links), False where one of them undercuts a link into the cycle.

    A link into a or b that undercuts weaken counts σ·keep; its undercuts sit outside the
    cycle, so keep is fixed while the cycle settles and the link is one more weight ≤ 1.

    Its fixed point is σ(a) = f(σ(a)), f(x) = σa(σb(x)), each one claim's strength from
    its energy: every influence moves a strength by at most 0.65 times the energy's
    change, so f shrinks distances by 0.65² at least and iterating it from the old
    strength converges to the one fixed point, the point the cycle's dynamics settle at.
    As for any cycle, nothing moves unless f moves a strength by `TOLERANCE` or more."""
    through = qbaf.through_in
    if any(u in (a, b) for node in (a, b) for u, _ in through.get(node, ())):
        return False
    outside = {a: 0.0, b: 0.0}
    between = {a: 0.0, b: 0.0}
    for node, other in ((a, b), (b, a)):
        weakened = qbaf.cuttable.get(node, ())
        for j, sign in qbaf.incoming[node]:
            share = keep(qbaf.undercuts, j, view) if (j, sign) in weakened else 1.0
            if j == other:
                between[node] += sign * share
            elif j == node:
                return False
            else:
                outside[node] += sign * view[j] * share
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


def solve_settling_pairs(qbaf: QBAF) -> tuple[list[float], list[float]]:
    """(strengths, energies) of every claim under quadratic energy, as `QBAF.solve` gives
    them, with each cycle of two settled by iterating its fixed point (`_settle_pair`), which
    lands on the point the cycle's dynamics settle at in a few dozen evaluations instead of
    integrating them."""
    sigma = list(qbaf.base)
    energies = [0.0] * len(qbaf.ids)
    evaluate = qbaf._evaluate  # one claim off any cycle
    for i in qbaf.order:
        evaluate(i, sigma, energies)
    for part, cyclic in zip(qbaf.rest, qbaf.rest_cyclic, strict=True):
        if not cyclic:
            evaluate(part[0], sigma, energies)
            continue
        view = Scratch(sigma, {})
        if len(part) == 2 and _settle_pair(qbaf, view, *part):
            for node in part:
                sigma[node] = view[node]
        else:
            qbaf.settle(part, sigma)
        for node in part:
            energies[node] = qbaf.energy(node, sigma)
    return sigma, energies
