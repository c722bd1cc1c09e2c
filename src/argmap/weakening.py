"""How much of a claim's link its undercuts leave: the factor Π(1 − σ(u)).

An undercut attacks the link from its parent to what the parent answers, not the parent
itself. In the gradual semantics the link's influence is multiplied by Π(1 − σ(u)) over its
undercuts u, as with weighted edges in modular semantics (Potyka, "Extending modular
semantics for bipolar weighted argumentation", AAMAS 2019), where a link's weight scales
what its source brings to the aggregate. An undercut at strength 0 leaves the link whole,
one at strength 1 removes it. An undercut's own link is weakened by its undercuts the same
way, so u counts σ(u)·keep(u) and keep(x) = Π over x's undercuts u of (1 − σ(u)·keep(u)).
The rule is argmap's own reading of weighted edges for undercuts, not a published semantics.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol


class Values(Protocol):
    """Strengths by claim index: a list, or an `Overlay`."""

    def __getitem__(self, i: int, /) -> float: ...


def keep(undercuts: Mapping[int, list[int]], claim: int, sigma: Values) -> float:
    """The share of `claim`'s cuttable link left by its undercuts (1.0 without any).

    `undercuts` maps a claim to its direct undercuts; nesting of undercuts of undercuts is
    followed without recursion, so a long chain costs its length and nothing more.
    """
    below = undercuts.get(claim)
    if not below:
        return 1.0
    result: dict[int, float] = {}
    stack: list[tuple[int, bool]] = [(claim, False)]
    while stack:
        node, ready = stack.pop()
        under = undercuts.get(node, ())
        if ready or not under:
            share = 1.0
            for u in under:
                share *= 1.0 - sigma[u] * result[u]
            result[node] = share
        else:
            stack.append((node, True))
            stack.extend((u, False) for u in under)
    return result[claim]


def closure(undercuts: Mapping[int, list[int]], claim: int) -> list[tuple[int, float]]:
    """Every undercut under `claim` (undercuts of undercuts too), each with the sign of its
    effect on the link's weight: −1 for `claim`'s own undercuts, +1 for theirs, and so on."""
    found: list[tuple[int, float]] = []
    level = [(u, -1.0) for u in undercuts.get(claim, ())]
    while level:
        found.extend(level)
        level = [(v, -sign) for u, sign in level for v in undercuts.get(u, ())]
    return found


def connect(
    cuttable: Mapping[int, set[tuple[int, float]]], undercuts: Mapping[int, list[int]]
) -> tuple[dict[int, list[tuple[int, float]]], dict[int, list[tuple[int, float]]]]:
    """For every claim g with undercut links (`cuttable[g]` holds (p, sign)), the undercuts
    reaching it with the sign of their effect on g, and the same from each undercut's side."""
    into: dict[int, list[tuple[int, float]]] = {}
    out_of: dict[int, list[tuple[int, float]]] = {}
    for g, links in cuttable.items():
        for p, sign in links:
            for u, effect in closure(undercuts, p):
                into.setdefault(g, []).append((u, sign * effect))
                out_of.setdefault(u, []).append((g, sign * effect))
    return into, out_of


class Overlay:
    """Strengths with some of them changed, read like a list (`changed` wins)."""

    __slots__ = ("base", "changed")

    def __init__(self, base: Sequence[float], changed: Mapping[int, float]) -> None:
        self.base = base
        self.changed = changed

    def __getitem__(self, i: int) -> float:
        value = self.changed.get(i)
        return self.base[i] if value is None else value
