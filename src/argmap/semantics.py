"""Which claims stand: grounded labelling (Dung) over the attack relation, with reasons.

A rebuttal attacks the claim it sits under, `also_rebuts` attacks its targets, and an
undercut counts as an attack on its parent. Support changes no label. A claim is
`standing` when every attacker is defeated, `defeated` when some attacker stands, and
`undecided` otherwise (for example two claims that rebut each other).

The labelling is the least fixpoint, computed with a worklist in time linear in claims
plus edges, without recursion.

The preferred semantics answers a softer question for undecided claims: could the claim
stand in some consistent reading of the debate (is it in some preferred extension)? That
search is exponential in the worst case, so it runs only on the undecided parts of a
debate and refuses parts larger than a limit.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from enum import StrEnum

from argmap.collector import collector_paused
from argmap.graph import ArgumentGraph, Relation
from argmap.model import MOTION_ID

#: The largest undecided part (claims connected by rebuttals among undecided claims) that
#: `could_stand` searches; the search is exponential in the size of a part.
MAX_UNDECIDED_PART = 40


class Label(StrEnum):
    """The grounded status of a claim."""

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
        """How many claims (the motion excluded) have this label."""
        return sum(1 for k, v in self.labels.items() if v is label and k != MOTION_ID)


class UndecidedPartTooLarge(ValueError):
    """`could_stand` refused an undecided part of the debate larger than its limit."""

    def __init__(self, size: int, limit: int, example: str) -> None:
        super().__init__(
            f"an undecided part of the debate has {size} claims (one of them is "
            f"'{example}'); argmap works out which claims could stand only for parts of up "
            f"to {limit} claims"
        )
        self.size = size
        self.limit = limit
        self.example = example


def attackers_of(graph: ArgumentGraph, claim_id: str) -> list[str]:
    """Distinct ids of the claims attacking this one, in edge order."""
    seen: dict[str, None] = {}
    for edge in graph.incoming[claim_id]:
        if edge.relation.is_attack:
            seen.setdefault(edge.source)
    return list(seen)


def _attack_lists(graph: ArgumentGraph) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(attacked_by, attacks): distinct attackers and targets of every node, in edge order."""
    attacked_by: dict[str, list[str]] = {node_id: [] for node_id in graph.nodes}
    attacks: dict[str, list[str]] = {node_id: [] for node_id in graph.nodes}
    supports = Relation.SUPPORTS
    for edge in graph.edges:
        if edge.relation is supports:
            continue
        targets = attacks[edge.source]
        # Nesting gives each claim one parent, so only a cross-link can repeat an attack
        # (a rebuttal that also names its parent, or an id listed twice); a claim's own
        # list of targets is short, so the membership test is cheap.
        if edge.cross and edge.target in targets:
            continue
        attacked_by[edge.target].append(edge.source)
        targets.append(edge.target)
    return attacked_by, attacks


def grounded(graph: ArgumentGraph) -> Labelling:
    """The grounded labelling of every claim (and the motion) of the debate.

    Unattacked claims stand; whatever a standing claim attacks is defeated; a claim whose
    attackers are all defeated stands; repeat until nothing changes. Each claim enters the
    worklist at most once and each attack is looked at a bounded number of times.
    """
    # The labelling builds many small lists and no reference cycles; pausing the cyclic
    # garbage collector keeps it from rescanning the whole loaded debate meanwhile.
    with collector_paused():
        return _grounded(graph)


def _grounded(graph: ArgumentGraph) -> Labelling:
    attacked_by, attacks = _attack_lists(graph)
    # How many attackers of each claim are not yet known to be defeated.
    remaining = {node_id: len(a) for node_id, a in attacked_by.items()}
    labels: dict[str, Label] = {}
    queue: deque[str] = deque()
    for node_id, count in remaining.items():
        if count == 0:
            labels[node_id] = Label.STANDING
            queue.append(node_id)
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
    # Keep the graph's node order so output built from the labels is deterministic.
    return Labelling({node_id: labels.get(node_id, Label.UNDECIDED) for node_id in graph.nodes})


# --- explanations --------------------------------------------------------------------------


def _undercuts(graph: ArgumentGraph, attacker: str, target: str) -> bool:
    return any(
        edge.source == attacker and edge.relation is Relation.UNDERCUTS
        for edge in graph.incoming[target]
    )


def _name(claim_id: str) -> str:
    return "the motion" if claim_id == MOTION_ID else f"'{claim_id}'"


def _names(claim_ids: list[str]) -> str:
    quoted = [_name(c) for c in claim_ids]
    if len(quoted) <= 2:
        return " and ".join(quoted)
    return ", ".join(quoted[:-1]) + f" and {quoted[-1]}"


def _standing_among(graph: ArgumentGraph, labelling: Labelling, claim_id: str) -> list[str]:
    return [a for a in attackers_of(graph, claim_id) if labelling[a] is Label.STANDING]


def _why_stands(graph: ArgumentGraph, labelling: Labelling, claim_id: str) -> str:
    """Why a standing claim stands, as a clause after 'which stands'."""
    attackers = attackers_of(graph, claim_id)
    if not attackers:
        return "because nothing answers it"
    if len(attackers) == 1:
        return f"because its only rebuttal, {_name(attackers[0])}, is defeated"
    return f"because every rebuttal of it ({_names(attackers)}) is defeated"


def explain(graph: ArgumentGraph, labelling: Labelling, claim_id: str) -> str:
    """Why a claim has its label, in plain words, starting with the label and a colon."""
    label = labelling[claim_id]
    attackers = attackers_of(graph, claim_id)
    if label is Label.STANDING:
        return "standing: " + _explain_standing(graph, labelling, claim_id)
    if label is Label.DEFEATED:
        return "defeated: " + _explain_defeated(graph, labelling, claim_id)
    return "undecided: " + _explain_undecided(graph, labelling, claim_id, attackers)


def _explain_standing(graph: ArgumentGraph, labelling: Labelling, claim_id: str) -> str:
    attackers = attackers_of(graph, claim_id)
    if not attackers:
        return "nothing rebuts it"
    # A standing claim's attackers are all defeated, so each has a standing attacker.
    beaten = [(a, _standing_among(graph, labelling, a)[0]) for a in attackers]
    if len(attackers) == 1:
        attacker, winner = beaten[0]
        noun = "undercut" if _undercuts(graph, attacker, claim_id) else "rebuttal"
        return f"its only {noun}, {_name(attacker)}, is defeated by {_name(winner)}"
    detail = "; ".join(f"{_name(a)} by {_name(w)}" for a, w in beaten)
    return f"all {len(attackers)} rebuttals are defeated ({detail})"


def _explain_defeated(graph: ArgumentGraph, labelling: Labelling, claim_id: str) -> str:
    winners = _standing_among(graph, labelling, claim_id)
    winner = winners[0]
    if _undercuts(graph, winner, claim_id):
        verb = "undercut by"
        aside = " (it attacks the step from this claim to what it answers)"
    else:
        verb = "rebutted by"
        aside = ""
    text = f"{verb} {_name(winner)}{aside}, which stands {_why_stands(graph, labelling, winner)}"
    if len(winners) > 1:
        others = winners[1:]
        more = "another standing claim" if len(others) == 1 else f"{len(others)} more"
        text += f"; also answered by {more}: {_names(others)}"
    return text


def _explain_undecided(
    graph: ArgumentGraph, labelling: Labelling, claim_id: str, attackers: list[str]
) -> str:
    undecided = [a for a in attackers if labelling[a] is Label.UNDECIDED]
    mutual = [a for a in undecided if claim_id in attackers_of(graph, a)]
    if mutual:
        return f"{_name(claim_id)} and {_name(mutual[0])} rebut each other, so neither wins"
    cycle = _cycle_through(graph, labelling, claim_id)
    if cycle:
        steps = ", which rebuts ".join(_name(c) for c in cycle)
        return f"caught in a cycle of rebuttals: {steps}"
    first = undecided[0]
    first_mutual = [a for a in attackers_of(graph, first) if first in attackers_of(graph, a)]
    because = ""
    if first_mutual and labelling[first_mutual[0]] is Label.UNDECIDED:
        because = f" ({_name(first)} and {_name(first_mutual[0])} rebut each other)"
    elif _cycle_through(graph, labelling, first):
        because = f" ({_name(first)} is caught in a cycle of rebuttals)"
    if len(undecided) == 1:
        return f"its rebuttal {_name(first)} is itself undecided{because}"
    return f"its rebuttals {_names(undecided)} are themselves undecided{because}"


def _cycle_through(graph: ArgumentGraph, labelling: Labelling, claim_id: str) -> list[str]:
    """The shortest cycle of undecided claims through `claim_id`, in attack order (BFS).

    The result starts and ends with `claim_id`; each claim rebuts the next one.
    """
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


# --- preferred semantics -------------------------------------------------------------------


def undecided_parts(graph: ArgumentGraph, labelling: Labelling) -> list[list[str]]:
    """Undecided claims grouped by the rebuttals between them (weakly connected parts)."""
    return _undecided_parts(labelling, *_attack_lists(graph))


def _undecided_parts(
    labelling: Labelling, attacked_by: dict[str, list[str]], attacks: dict[str, list[str]]
) -> list[list[str]]:
    undecided = [n for n, label in labelling.labels.items() if label is Label.UNDECIDED]
    part_of: dict[str, int] = {}
    parts: list[list[str]] = []
    for start in undecided:
        if start in part_of:
            continue
        part_of[start] = len(parts)
        part = [start]
        stack = [start]
        while stack:
            current = stack.pop()
            for other in (*attacked_by[current], *attacks[current]):
                if other not in part_of and labelling[other] is Label.UNDECIDED:
                    part_of[other] = len(parts)
                    part.append(other)
                    stack.append(other)
        parts.append(part)
    return parts


def could_stand(
    graph: ArgumentGraph,
    labelling: Labelling | None = None,
    *,
    limit: int = MAX_UNDECIDED_PART,
) -> frozenset[str]:
    """Ids of the claims (and possibly the motion) that stand in some preferred extension.

    Every standing claim could stand; no defeated claim could. An undecided claim could
    stand when some conflict-free set of undecided claims containing it answers every
    undecided attacker of its members (credulous acceptance under the preferred
    semantics). Raises `UndecidedPartTooLarge` when an undecided part exceeds `limit`.
    """
    labelling = labelling or grounded(graph)
    accepted = {n for n, label in labelling.labels.items() if label is Label.STANDING}
    if Label.UNDECIDED not in labelling.labels.values():
        return frozenset(accepted)  # nothing undecided: the usual case, answered at once
    attacked_by, attacks = _attack_lists(graph)
    parts = _undecided_parts(labelling, attacked_by, attacks)
    for part in parts:
        if len(part) > limit:
            raise UndecidedPartTooLarge(len(part), limit, part[0])
    for part in parts:
        members = set(part)
        # Within a part only undecided attackers matter: defeated ones are already answered
        # by standing claims, which every preferred extension contains.
        inner_by = {n: [a for a in attacked_by[n] if a in members] for n in part}
        inner_on = {n: {t for t in attacks[n] if t in members} for n in part}
        for claim_id in part:
            if claim_id in accepted:
                continue
            found = _admissible_with(claim_id, inner_by, inner_on)
            if found is not None:
                accepted |= found
    return frozenset(accepted)


def _admissible_with(
    claim_id: str, attacked_by: dict[str, list[str]], attacks: dict[str, set[str]]
) -> frozenset[str] | None:
    """A conflict-free set containing `claim_id` that answers all its attackers, or None.

    Backtracking over which claim answers each open attacker. The recursion depth is at
    most the size of the part, which `could_stand` bounds.
    """
    failed: set[frozenset[str]] = set()

    def conflicts(candidate: str, members: frozenset[str]) -> bool:
        return candidate in attacks[candidate] or any(
            m in attacks[candidate] or candidate in attacks[m] for m in members
        )

    def search(members: frozenset[str]) -> frozenset[str] | None:
        if members in failed:
            return None
        answered: set[str] = set()
        for member in members:
            answered |= attacks[member]
        threat = next(
            (a for m in sorted(members) for a in attacked_by[m] if a not in answered), None
        )
        if threat is None:
            return members
        for defender in attacked_by[threat]:
            if defender in members or conflicts(defender, members):
                continue
            found = search(members | {defender})
            if found is not None:
                return found
        failed.add(members)
        return None

    start = frozenset([claim_id])
    if conflicts(claim_id, frozenset()):
        return None
    return search(start)
