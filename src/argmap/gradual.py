"""The gradual semantics argmap can weigh a debate with, by name.

Every semantics here gives a claim's strength from its base score τ and the strengths of
its supporters and attackers; they differ in how they add up several of them:

- `quadratic-energy` (the default; Potyka, "Continuous dynamical systems for weighted
  bipolar argumentation", KR 2018): energy E = Σ supporters − Σ attackers, and
  σ = τ − τ·h(−E) + (1 − τ)·h(E) with h(x) = max(0, x)² / (1 + max(0, x)²). Every
  further claim counts.
- `df-quad` (Rago, Toni, Aurisicchio, Baroni, "Discontinuity-free decision support with
  quantitative argumentation debates", KR 2016): each side aggregates as
  F = 1 − Π(1 − σᵢ); with a = F(attackers), s = F(supporters), σ = τ − τ·(a − s) when
  a ≥ s, else σ = τ + (1 − τ)·(s − a). One full-strength claim saturates its side.
- `max-based`: the weighted max-based semantics (Amgoud, Ben-Naim, Doder, Vesic,
  "Acceptability semantics for weighted argumentation frameworks", IJCAI 2017),
  σ = τ / (1 + max σ(attackers)), extended to support as a modular semantics (Mossakowski
  and Neuhaus 2018; Potyka, AAMAS 2019) with *top* aggregation
  α = max σ(supporters) − max σ(attackers) and the 1-max influence
  σ = τ − τ·h(−α) + (1 − τ)·h(α), h(x) = max(0, x) / (1 + max(0, x)). Only the strongest
  claim on each side counts, so adding weaker claims never moves it: it does not reward
  counting. Without supporters it is exactly the weighted max-based semantics.

Under each of them a link that undercuts attack counts its source's strength times
Π(1 − σ(u)) over its undercuts u (weighted edges, Potyka, AAMAS 2019; `argmap.weakening`).

Claims off any cycle are evaluated once each in the framework's evaluation order. A cycle
is solved with the continuous form dσ/dt = f(σ) − σ, here with Euler steps of `STEP`,
until nothing moves by more than `TOLERANCE`; after `MAX_STEPS` the cycle is reported as
unsettled. Quadratic energy keeps its own faster solver (`argmap.strength.QBAF.solve`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from argmap.strength import MAX_STEPS, QBAF, TOLERANCE, influence
from argmap.weakening import keep

#: Euler step for a cycle under the semantics solved here.
STEP = 0.5

#: A semantics' step: base score and (sign, strength) of each supporter (+1) and attacker
#: (−1) to the claim's strength.
Update = Callable[[float, Sequence[tuple[float, float]]], float]


def quadratic_energy(base: float, inputs: Sequence[tuple[float, float]]) -> float:
    """Quadratic energy (Potyka 2018): sum the inputs, then the quadratic influence."""
    return influence(base, sum(sign * value for sign, value in inputs))


def df_quad(base: float, inputs: Sequence[tuple[float, float]]) -> float:
    """DF-QuAD (Rago et al. 2016): probabilistic-sum aggregation per side, linear combination."""
    keep_attack = keep_support = 1.0
    for sign, value in inputs:
        if sign < 0:
            keep_attack *= 1.0 - value
        else:
            keep_support *= 1.0 - value
    attack, support = 1.0 - keep_attack, 1.0 - keep_support
    if attack >= support:
        return base - base * (attack - support)
    return base + (1.0 - base) * (support - attack)


def max_based(base: float, inputs: Sequence[tuple[float, float]]) -> float:
    """Weighted max-based (Amgoud et al. 2017), with top aggregation for supporters."""
    attack = support = 0.0
    for sign, value in inputs:
        if sign < 0:
            if value > attack:
                attack = value
        elif value > support:
            support = value
    balance = support - attack
    if balance >= 0.0:
        return base + (1.0 - base) * balance / (1.0 + balance)
    return base - base * -balance / (1.0 - balance)


@dataclass(frozen=True)
class Semantics:
    """A gradual semantics: its name in files and options, how it reads, and its paper."""

    name: str
    title: str
    paper: str
    update: Update
    #: Whether many weaker claims add up (sum or product aggregation).
    counts: bool


#: Every semantics by name; the first is the default.
SEMANTICS: dict[str, Semantics] = {
    s.name: s
    for s in (
        Semantics(
            "quadratic-energy",
            "quadratic energy",
            "Potyka, KR 2018",
            quadratic_energy,
            counts=True,
        ),
        Semantics(
            "df-quad",
            "DF-QuAD",
            "Rago, Toni, Aurisicchio, Baroni, KR 2016",
            df_quad,
            counts=True,
        ),
        Semantics(
            "max-based",
            "max-based",
            "Amgoud, Ben-Naim, Doder, Vesic, IJCAI 2017",
            max_based,
            counts=False,
        ),
    )
}
DEFAULT_SEMANTICS = "quadratic-energy"


def semantics_named(name: str) -> Semantics:
    """The semantics called `name`; ValueError naming the known ones otherwise."""
    try:
        return SEMANTICS[name]
    except KeyError:
        known = ", ".join(SEMANTICS)
        raise ValueError(f"unknown semantics {name!r}; choose one of {known}") from None


def solve(
    qbaf: QBAF,
    name: str = DEFAULT_SEMANTICS,
    *,
    removed: int | None = None,
    base: Sequence[float] | None = None,
) -> tuple[list[float], list[int]]:
    """(strengths, unsettled claim indices) of every claim of `qbaf` under a semantics.

    `removed` takes one claim out (it carries nothing; as an undercut it no longer weakens
    the link it attacks); `base` replaces the base scores.
    """
    update = semantics_named(name).update
    bases = list(base if base is not None else qbaf.base)
    sigma = list(bases)
    if removed is not None:
        sigma[removed] = 0.0  # never evaluated again: it carries nothing
    incoming = qbaf.incoming
    cuttable = qbaf.cuttable

    def step(i: int, state: list[float]) -> float:
        if i in cuttable:
            weakened = cuttable[i]
            return update(
                bases[i],
                [
                    (sign, state[j] * keep(qbaf.undercuts, j, state))
                    if (j, sign) in weakened
                    else (sign, state[j])
                    for j, sign in incoming[i]
                ],
            )
        return update(bases[i], [(sign, state[j]) for j, sign in incoming[i]])

    unsettled: list[int] = []
    for i in qbaf.order:
        # A claim nothing links to keeps its base score under every semantics here.
        if incoming[i] and i != removed:
            sigma[i] = step(i, sigma)
    for part, cyclic in zip(qbaf.rest, qbaf.rest_cyclic, strict=True):
        members = [i for i in part if i != removed]
        if not cyclic:
            for i in members:
                sigma[i] = step(i, sigma)
            continue
        for _ in range(MAX_STEPS):
            moves = [step(i, sigma) - sigma[i] for i in members]
            for i, move in zip(members, moves, strict=True):
                sigma[i] = min(1.0, max(0.0, sigma[i] + STEP * move))
            if max((abs(m) for m in moves), default=0.0) < TOLERANCE:
                break
        else:
            unsettled.extend(members)
    return sigma, unsettled
