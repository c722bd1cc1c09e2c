"""Which claims stand: grounded labelling (Dung) over the attack relation, with reasons.

A rebuttal attacks the claim it sits under, `also_rebuts` attacks its targets, and an
undercut counts as an attack on its parent. Support changes no label. A claim is
`standing` when every attacker is defeated, `defeated` when some attacker stands, and
`undecided` otherwise (for example two claims that rebut each other).

The labelling is the least fixpoint, computed with a worklist in time linear in claims
plus edges, without recursion.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from enum import StrEnum

from argmap.graph import ArgumentGraph, Relation
from argmap.model import MOTION_ID


class Label(StrEnum):
    STANDING = "standing"
    DEFEATED = "defeated"
    UNDECIDED = "undecided"


@dataclass(frozen=True, slots=True)
class Labelling:
    """A label for every claim and for the motion (`motion`, which con claims attack)."""

    labels: dict[str, Label]

    def __getitem__(self, claim_id: str) -> Label:
        return self.labels[claim_id]

    @property
    def motion(self) -> Label:
        return self.labels[MOTION_ID]

    def claims(self) -> dict[str, Label]:
        """Labels of the claims, the motion excluded."""
        return {k: v for k, v in self.labels.items() if k != MOTION_ID}

    def count(self, label: Label) -> int:
        return sum(1 for k, v in self.labels.items() if v is label and k != MOTION_ID)


def attackers_of(graph: ArgumentGraph, claim_id: str) -> list[str]:
    """Distinct ids of the claims attacking this one, in edge order."""
    seen: dict[str, None] = {}
    for edge in graph.incoming[claim_id]:
        if edge.relation.is_attack:
            seen.setdefault(edge.source)
    return list(seen)


def grounded(graph: ArgumentGraph) -> Labelling:
    """The grounded labelling of every claim (and the motion) of the debate."""
    attacked_by: dict[str, list[str]] = {node_id: [] for node_id in graph.nodes}
    attacks: dict[str, list[str]] = {node_id: [] for node_id in graph.nodes}
    for node_id in graph.nodes:
        for attacker in attackers_of(graph, node_id):
            attacked_by[node_id].append(attacker)
            attacks[attacker].append(node_id)
    remaining = {node_id: len(a) for node_id, a in attacked_by.items()}
    labels: dict[str, Label] = {}
    queue: deque[str] = deque(node_id for node_id, n in remaining.items() if n == 0)
    for node_id in queue:
        labels[node_id] = Label.STANDING
    while queue:
        node_id = queue.popleft()
        # A standing claim defeats everything it attacks.
        for target in attacks[node_id]:
            if target in labels:
                continue
            labels[target] = Label.DEFEATED
            # A defeated claim no longer counts against what it attacks.
            for victim in attacks[target]:
                if victim in labels:
                    continue
                remaining[victim] -= 1
                if remaining[victim] == 0:
                    labels[victim] = Label.STANDING
                    queue.append(victim)
    for node_id in graph.nodes:
        labels.setdefault(node_id, Label.UNDECIDED)
    return Labelling(labels)


def _verb(graph: ArgumentGraph, attacker: str, target: str) -> str:
    for edge in graph.incoming[target]:
        if edge.source == attacker and edge.relation is Relation.UNDERCUTS:
            return "undercut"
    return "rebutted"


def _name(graph: ArgumentGraph, claim_id: str) -> str:
    return "the motion" if claim_id == MOTION_ID else f"'{claim_id}'"


def explain(graph: ArgumentGraph, labelling: Labelling, claim_id: str) -> str:
    """Why a claim has its label, in plain words."""
    label = labelling[claim_id]
    attackers = attackers_of(graph, claim_id)
    if label is Label.STANDING:
        if not attackers:
            return "standing: nothing rebuts it"
        names = ", ".join(_name(graph, a) for a in attackers)
        if len(attackers) == 1:
            return f"standing: its only rebuttal, {names}, is defeated"
        return f"standing: all {len(attackers)} rebuttals ({names}) are defeated"
    if label is Label.DEFEATED:
        winner = next(a for a in attackers if labelling[a] is Label.STANDING)
        verb = _verb(graph, winner, claim_id)
        if attackers_of(graph, winner):
            why = "because every rebuttal of it is defeated"
        else:
            why = "because nothing answers it"
        return f"defeated: {verb} by {_name(graph, winner)}, which stands {why}"
    undecided = [a for a in attackers if labelling[a] is Label.UNDECIDED]
    mutual = [a for a in undecided if claim_id in attackers_of(graph, a)]
    if mutual:
        return f"undecided: {_name(graph, claim_id)} and {_name(graph, mutual[0])} rebut each other"
    cycle = _cycle_through(graph, labelling, claim_id)
    if cycle:
        chain = " → ".join(_name(graph, c) for c in cycle)
        return f"undecided: caught in a cycle of rebuttals ({chain})"
    names = ", ".join(_name(graph, a) for a in undecided)
    if len(undecided) == 1:
        return f"undecided: its rebuttal {names} is itself undecided"
    return f"undecided: its rebuttals {names} are themselves undecided"


def _cycle_through(graph: ArgumentGraph, labelling: Labelling, claim_id: str) -> list[str]:
    """A cycle of undecided attackers that returns to `claim_id`, if there is one (BFS)."""
    previous: dict[str, str] = {}
    queue: deque[str] = deque([claim_id])
    while queue:
        current = queue.popleft()
        for attacker in attackers_of(graph, current):
            if labelling[attacker] is not Label.UNDECIDED:
                continue
            if attacker == claim_id:
                # claim_id rebuts current, which rebuts previous[current], ... back to claim_id.
                chain = [claim_id, current]
                while chain[-1] != claim_id:
                    chain.append(previous[chain[-1]])
                return chain
            if attacker not in previous:
                previous[attacker] = current
                queue.append(attacker)
    return []
