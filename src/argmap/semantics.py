"""Which claims stand: grounded labelling (Dung) over the attack relation, with reasons.

A rebuttal attacks the claim it sits under and `also_rebuts` attacks its targets. An
undercut attacks the *link* from its parent to what the parent answers, not the parent:
while an undercut stands, its parent's rebuttal of (or support for) the grandparent counts
for nothing, and the parent's own label is untouched. Support changes no label. A claim is
`standing` when every attack on it is defeated or cut, `defeated` when some attacker whose
link holds stands, and `undecided` otherwise (for example two claims that rebut each
other).

Attacks on links follow the frameworks with attacks on attacks (Baroni, Cerutti, Giacomin,
Guida, "AFRA: Argumentation framework with recursive attacks", IJAR 2011): the link of a
claim that has undercuts becomes an argument of its own, attacked by the undercuts and by
whatever attacks the claim (a link holds only while its claim stands). Grounded labelling
of that framework is the least fixpoint, computed with a worklist in time linear in claims
plus edges, without recursion. The framework is numbered (claims in graph order, then the
link arguments) and built once per graph (`attack_framework`), so the labelling and the
searches after it work on lists of integers and share one framework.

The preferred semantics answers a softer question for undecided claims: could the claim
stand in some consistent reading of the debate (is it in some preferred extension)? That
search is exponential in the worst case, so it runs only on the undecided parts of a
debate and refuses parts larger than a limit.
"""

from __future__ import annotations

from array import array
from collections import deque
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import accumulate, chain, pairwise

from argmap.collector import collector_paused
from argmap.graph import ArgumentGraph, Relation
from argmap.model import MOTION_ID
from argmap.naming import every, name, names, number

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
    """A label for every claim and for the motion (`motion`, which con claims attack).

    `cut` maps a claim whose link to its parent is cut to the standing undercuts that cut
    it; `link_undecided` lists claims whose link is neither cut nor holding (an undercut of
    it is undecided). Claims with an intact link appear in neither.
    """

    labels: dict[str, Label]
    cut: dict[str, tuple[str, ...]] = field(default_factory=dict)
    link_undecided: frozenset[str] = frozenset()
    #: The framework labelled and the label of each of its arguments, links included (by
    #: index), so `could_stand` and `undecided_parts` need not label it again.
    framework: AttackFramework | None = field(default=None, repr=False, compare=False)
    arguments: list[Label] = field(default_factory=list, repr=False, compare=False)

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

    def is_cut(self, claim_id: str) -> bool:
        """Whether a standing undercut cuts this claim's link to its parent."""
        return claim_id in self.cut


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
    """Distinct ids of the claims rebutting this one (nested or `also_rebuts`), in edge order.

    Undercuts are not among them: an undercut attacks its parent's link, not its parent.
    """
    seen: dict[str, None] = {}
    for edge in graph.incoming[claim_id]:
        if edge.relation is Relation.REBUTS:
            seen.setdefault(edge.source)
    return list(seen)


def undercuts_of(graph: ArgumentGraph, claim_id: str) -> list[str]:
    """Ids of the undercuts nested under this claim (they attack its link to its parent)."""
    return [e.source for e in graph.incoming[claim_id] if e.relation is Relation.UNDERCUTS]


#: Prefix of the framework's link arguments; never a claim id (ids are slugs).
_LINK = "\x00link:"


def _link(claim_id: str) -> str:
    return _LINK + claim_id


@dataclass(frozen=True, slots=True)
class Rows:
    """Lists of argument numbers, one per argument, packed into two flat arrays.

    `rows[i]` is row i (an array slice). A graph keeps its framework as long as it lives:
    packed, its rows take about a third of the memory of a tuple per argument.
    """

    #: Row i is `items[start[i]:start[i + 1]]`.
    start: array[int]
    items: array[int]

    @classmethod
    def pack(cls, rows: list[list[int]]) -> Rows:
        """Pack lists of argument numbers, keeping their order."""
        return cls(
            array("l", accumulate(map(len, rows), initial=0)), array("l", chain.from_iterable(rows))
        )

    def __getitem__(self, i: int) -> array[int]:
        return self.items[self.start[i] : self.start[i + 1]]

    def __len__(self) -> int:
        return len(self.start) - 1

    def lengths(self) -> list[int]:
        """How many numbers each row holds."""
        return [end - begin for begin, end in pairwise(self.start)]


@dataclass(frozen=True, slots=True)
class AttackFramework:
    """The debate's attack relation over integer indices: claims, plus a link argument per
    claim that has undercuts.

    Arguments `0 .. len(ids) - 1` are the graph's nodes in its order (the motion first);
    link argument `len(ids) + k` is the link of claim `link_owner[k]` to its parent, which
    `link_cutters[k]` undercut. A claim with undercuts attacks through its link argument
    (when it rebuts or undercuts its parent); the link is attacked by the undercuts and by
    whatever attacks the claim, so it holds exactly while the claim stands and no undercut
    of it stands. `attack_framework(graph)` builds it once per graph.
    """

    ids: list[str]
    #: attacked_by[i]: the arguments attacking argument i; attacks[i]: those it attacks.
    attacked_by: Rows
    attacks: Rows
    link_owner: list[int]
    link_cutters: list[list[int]]
    #: The link argument of each claim that has one.
    link_of: dict[int, int]

    def name(self, argument: int) -> str:
        """The claim id of a claim argument; a name no claim has for a link argument."""
        claims = len(self.ids)
        if argument < claims:
            return self.ids[argument]
        return _link(self.ids[self.link_owner[argument - claims]])


def attack_framework(graph: ArgumentGraph) -> AttackFramework:
    """The graph's attack framework, built on first use and kept on the graph.

    A graph does not change once built, so the labelling, the undecided parts and
    `could_stand` of one graph all share one framework.
    """
    framework = graph.attack_framework
    if framework is None:
        # Many small lists and no reference cycles: keep the collector from rescanning the
        # loaded debate meanwhile.
        with collector_paused():
            framework = _build_framework(graph)
        graph.attack_framework = framework
    return framework


def _build_framework(graph: ArgumentGraph) -> AttackFramework:
    ids = list(graph.nodes)
    index = {node_id: i for i, node_id in enumerate(ids)}
    claims = len(ids)
    rebuts, undercuts, supports = Relation.REBUTS, Relation.UNDERCUTS, Relation.SUPPORTS
    # Claims with undercuts, in graph order so the lists (and searches over them) are
    # stable; each with its undercuts in edge order.
    link_owner: list[int] = []
    link_cutters: list[list[int]] = []
    link_of: dict[int, int] = {}
    for edge in graph.edges:
        if edge.relation is undercuts:
            parent = index[edge.target]
            link = link_of.get(parent)
            if link is None:
                link = link_of[parent] = claims + len(link_owner)
                link_owner.append(parent)
                link_cutters.append([])
            link_cutters[link - claims].append(index[edge.source])
    total = claims + len(link_owner)
    attacked_by: list[list[int]] = [[] for _ in range(total)]
    attacks: list[list[int]] = [[] for _ in range(total)]
    for edge in graph.edges:
        relation = edge.relation
        if relation is supports:
            continue
        source = index[edge.source]
        cross = edge.cross
        if link_of and not cross and source in link_of:
            source = link_of[source]  # the nested attack goes through the claim's link
        target = index[edge.target]
        if relation is not rebuts:
            target = link_of[target]
        targets = attacks[source]
        # Nesting gives each claim one parent, so only a cross-link can repeat an attack
        # (a rebuttal that also names its parent, or an id listed twice); a claim's own
        # list of targets is short, so the membership test is cheap.
        if cross and target in targets:
            continue
        attacked_by[target].append(source)
        targets.append(target)
    for k, parent in enumerate(link_owner):
        # A link holds only while its claim stands: what attacks the claim attacks the link.
        link = claims + k
        for attacker in attacked_by[parent]:
            attacked_by[link].append(attacker)
            attacks[attacker].append(link)
    return AttackFramework(
        ids, Rows.pack(attacked_by), Rows.pack(attacks), link_owner, link_cutters, link_of
    )


def grounded(graph: ArgumentGraph) -> Labelling:
    """The grounded labelling of every claim (and the motion) of the debate.

    Unattacked claims stand; whatever a standing claim attacks (through a link that holds)
    is defeated; a claim whose attackers are all defeated or cut stands; repeat until
    nothing changes. Each claim enters the worklist at most once and each attack is looked
    at a bounded number of times.
    """
    framework = attack_framework(graph)
    # The labelling builds a few large lists and no reference cycles; pausing the cyclic
    # garbage collector keeps it from rescanning the whole loaded debate meanwhile.
    with collector_paused():
        arguments = _grounded(framework.attacked_by, framework.attacks)
        ids, link_of, standing_label = framework.ids, framework.link_of, Label.STANDING
        cut: dict[str, tuple[str, ...]] = {}
        link_undecided: set[str] = set()
        for owner, cutters in zip(framework.link_owner, framework.link_cutters, strict=True):
            # An undercut acts through its own link when it has undercuts of its own: it
            # cuts only while it stands and that link holds.
            acting = [arguments[link_of.get(u, u)] for u in cutters]
            standing = tuple(
                ids[u] for u, label in zip(cutters, acting, strict=True) if label is standing_label
            )
            if standing:
                cut[ids[owner]] = standing
            elif Label.UNDECIDED in acting:
                link_undecided.add(ids[owner])
        # The graph's node order, so output built from the labels is deterministic.
        labels = dict(zip(ids, arguments[: len(ids)], strict=True))
        return Labelling(labels, cut, frozenset(link_undecided), framework, arguments)


def _grounded(attacked_by: Rows, attacks: Rows) -> list[Label]:
    """The grounded label of every argument of a framework, by index."""
    standing, defeated = Label.STANDING, Label.DEFEATED
    # How many attackers of each argument are not yet known to be defeated.
    remaining = attacked_by.lengths()
    labels: list[Label | None] = [None] * len(remaining)
    # The rows are sliced inline: a method call per argument would cost more than the slice.
    start, items = attacks.start, attacks.items
    queue = [i for i, count in enumerate(remaining) if not count]
    for node in queue:
        labels[node] = standing
    # The queue grows while it is walked: first in, first out, without popping.
    for node in queue:
        # A standing argument defeats everything it attacks.
        for target in items[start[node] : start[node + 1]]:
            if labels[target] is not None:
                continue
            labels[target] = defeated
            # A defeated argument no longer counts against what it attacks.
            for victim in items[start[target] : start[target + 1]]:
                if labels[victim] is not None:
                    continue
                remaining[victim] -= 1
                if not remaining[victim]:
                    labels[victim] = standing
                    queue.append(victim)
    undecided = Label.UNDECIDED
    return [undecided if label is None else label for label in labels]


# --- explanations --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Say:
    """How the explanations name claims: by the short form of their text, or by id."""

    graph: ArgumentGraph
    show_ids: bool = False

    def __call__(self, claim_id: str) -> str:
        return name(self.graph, claim_id, show_ids=self.show_ids)

    def all(self, claim_ids: list[str]) -> str:
        return names(self.graph, claim_ids, show_ids=self.show_ids)


def attack_holds(graph: ArgumentGraph, labelling: Labelling, attacker: str, target: str) -> str:
    """Whether `attacker`'s rebuttal of `target` counts: "holds", "cut" or "undecided".

    Only the nested link can be undercut; an `also_rebuts` cross-link always holds.
    """
    if any(e.source == attacker and e.cross for e in graph.incoming[target]):
        return "holds"
    if labelling.is_cut(attacker):
        return "cut"
    if attacker in labelling.link_undecided:
        return "undecided"
    return "holds"


def _winners(graph: ArgumentGraph, labelling: Labelling, claim_id: str) -> list[str]:
    """Standing rebuttals of a claim whose link to it holds: these defeat it."""
    return [
        a
        for a in attackers_of(graph, claim_id)
        if labelling[a] is Label.STANDING and attack_holds(graph, labelling, a, claim_id) == "holds"
    ]


def _answer(labelling: Labelling, say: _Say, attacker: str) -> str:
    """How an answered rebuttal is answered: 'is defeated by ...' or 'is cut by ...'."""
    winners = _winners(say.graph, labelling, attacker)
    if labelling[attacker] is Label.DEFEATED and winners:
        return f"is defeated by {say(winners[0])}"
    return f"is cut by {_cutters(say, list(labelling.cut.get(attacker, ())))}"


def _cutters(say: _Say, undercuts: list[str]) -> str:
    """ "'u…' (an undercut)" or "'u…' and 'v…' (undercuts)"."""
    kind = "an undercut" if len(undercuts) == 1 else "undercuts"
    return f"{say.all(undercuts)} ({kind})"


def _why_stands(labelling: Labelling, say: _Say, claim_id: str) -> str:
    """Why a standing claim stands, as a clause after 'which stands'."""
    attackers = attackers_of(say.graph, claim_id)
    if not attackers:
        return "because nothing answers it"
    cut = [a for a in attackers if labelling[a] is not Label.DEFEATED]
    if len(attackers) == 1:
        verb = "cut by an undercut" if cut else "defeated"
        return f"because its only rebuttal, {say(attackers[0])}, is {verb}"
    answered = "defeated or cut" if cut else "defeated"
    return f"because {every(len(attackers), 'rebuttal')} ({say.all(attackers)}) are {answered}"


def _link_phrase(say: _Say, claim_id: str) -> str:
    """'its rebuttal of X' / 'its support for X' / 'its undercut of X': the claim's link."""
    node = say.graph.nodes[claim_id]
    if node.parent is None:
        return "its link"
    if node.relation is Relation.SUPPORTS:
        return f"its support for {say(node.parent)}"
    if node.relation is Relation.UNDERCUTS:
        return f"its undercut of {say(node.parent)}"
    return f"its rebuttal of {say(node.parent)}"


def _its_undercuts(undercuts: list[str], say: _Say) -> str:
    """ "its undercut 'u…' is" or "its undercuts 'u…' and 'v…' are"."""
    if len(undercuts) == 1:
        return f"its undercut {say(undercuts[0])} is"
    return f"its undercuts {say.all(undercuts)} are"


def explain_link(
    graph: ArgumentGraph, labelling: Labelling, claim_id: str, *, show_ids: bool = False
) -> str:
    """What the claim's undercuts do to its link to its parent; "" when it has none.

    Claims are named by the short form of their text, by id with `show_ids`.
    """
    undercuts = undercuts_of(graph, claim_id)
    if not undercuts:
        return ""
    say = _Say(graph, show_ids)
    link = _link_phrase(say, claim_id)
    cutters = list(labelling.cut.get(claim_id, ()))
    if cutters:
        first = cutters[0]
        return (
            f"{link} is cut by {say(first)} (an undercut), which stands "
            f"{_why_stands(labelling, say, first)}"
        )
    if claim_id in labelling.link_undecided:
        open_ = [u for u in undercuts if labelling[u] is Label.UNDECIDED]
        return f"whether {link} holds is undecided: {_its_undercuts(open_, say)} undecided"
    beaten = [(u, _winners(graph, labelling, u)) for u in undercuts]
    detail = "; ".join(
        f"{say(u)} is defeated by {say(w[0])}" if w else f"{say(u)} is cut" for u, w in beaten
    )
    kind = "its undercut" if len(undercuts) == 1 else "its undercuts"
    return f"{link} holds: {kind} {detail}"


def explain(
    graph: ArgumentGraph, labelling: Labelling, claim_id: str, *, show_ids: bool = False
) -> str:
    """Why a claim has its label, in plain words, starting with the label and a colon.

    Claims are named by the short form of their text ('Sharing speeds discovery.'), by id
    with `show_ids` (for authors: the language server, `argmap check`). When the claim has
    undercuts, a second clause says whether its link to its parent is cut (the label itself
    is never changed by an undercut).
    """
    label = labelling[claim_id]
    say = _Say(graph, show_ids)
    if label is Label.STANDING:
        text = "standing: " + _explain_standing(labelling, say, claim_id)
    elif label is Label.DEFEATED:
        text = "defeated: " + _explain_defeated(labelling, say, claim_id)
    else:
        text = "undecided: " + _explain_undecided(labelling, say, claim_id)
    link = explain_link(graph, labelling, claim_id, show_ids=show_ids)
    if link:
        joint = ", but " if labelling.is_cut(claim_id) else "; "
        text += joint + link
    return text


def _explain_standing(labelling: Labelling, say: _Say, claim_id: str) -> str:
    attackers = attackers_of(say.graph, claim_id)
    if not attackers:
        return "nothing rebuts it"
    # A standing claim's rebuttals are each defeated or cut.
    answers = [(a, _answer(labelling, say, a)) for a in attackers]
    if len(attackers) == 1:
        attacker, how = answers[0]
        return f"its only rebuttal, {say(attacker)}, {how}"
    rebuttals = every(len(attackers), "rebuttal")
    if all(how.startswith("is defeated") for _, how in answers):
        detail = "; ".join(
            f"{say(a)} by {how.removeprefix('is defeated by ')}" for a, how in answers
        )
        return f"{rebuttals} are defeated ({detail})"
    detail = "; ".join(f"{say(a)} {how}" for a, how in answers)
    return f"{rebuttals} are answered ({detail})"


def _explain_defeated(labelling: Labelling, say: _Say, claim_id: str) -> str:
    winners = _winners(say.graph, labelling, claim_id)
    winner = winners[0]
    text = f"rebutted by {say(winner)}, which stands {_why_stands(labelling, say, winner)}"
    if len(winners) > 1:
        others = winners[1:]
        more = "another standing claim" if len(others) == 1 else f"{number(len(others))} more"
        text += f"; also answered by {more}: {say.all(others)}"
    return text


def _explain_undecided(labelling: Labelling, say: _Say, claim_id: str) -> str:
    graph = say.graph
    attackers = attackers_of(graph, claim_id)
    undecided = [a for a in attackers if labelling[a] is Label.UNDECIDED]
    if not undecided:
        # Every rebuttal is decided; one stands but whether its link holds is undecided.
        open_ = [
            a
            for a in attackers
            if labelling[a] is Label.STANDING
            and attack_holds(graph, labelling, a, claim_id) == "undecided"
        ]
        first = open_[0]
        open_cuts = [u for u in undercuts_of(graph, first) if labelling[u] is Label.UNDECIDED]
        return (
            f"its rebuttal {say(first)} stands, but whether its link holds is undecided "
            f"({_its_undercuts(open_cuts, say)} undecided)"
        )
    mutual = [a for a in undecided if claim_id in attackers_of(graph, a)]
    if mutual:
        return f"{say(claim_id)} and {say(mutual[0])} rebut each other, so neither wins"
    cycle = _cycle_through(graph, labelling, claim_id)
    if cycle:
        steps = ", which rebuts ".join(say(c) for c in cycle)
        return f"caught in a cycle of rebuttals: {steps}"
    first = undecided[0]
    first_mutual = [a for a in attackers_of(graph, first) if first in attackers_of(graph, a)]
    because = ""
    if first_mutual and labelling[first_mutual[0]] is Label.UNDECIDED:
        because = f" ({say(first)} and {say(first_mutual[0])} rebut each other)"
    elif _cycle_through(graph, labelling, first):
        because = f" ({say(first)} is caught in a cycle of rebuttals)"
    if len(undecided) == 1:
        return f"its rebuttal {say(first)} is itself undecided{because}"
    return f"its rebuttals {say.all(undecided)} are themselves undecided{because}"


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
    framework = attack_framework(graph)
    claims = len(framework.ids)
    parts = _undecided_parts(_arguments(framework, labelling), framework)
    return [[framework.ids[i] for i in part if i < claims] for part in parts]


def _arguments(framework: AttackFramework, labelling: Labelling) -> list[Label]:
    """The grounded label of every argument of the framework, links included, by index."""
    if labelling.framework is framework:
        return labelling.arguments
    return _grounded(framework.attacked_by, framework.attacks)


def _undecided_parts(labels: list[Label], framework: AttackFramework) -> list[list[int]]:
    attacked_by, attacks = framework.attacked_by, framework.attacks
    undecided = Label.UNDECIDED
    part_of = [-1] * len(labels)
    parts: list[list[int]] = []
    for start, label in enumerate(labels):
        if label is not undecided or part_of[start] >= 0:
            continue
        part_of[start] = len(parts)
        part = [start]
        stack = [start]
        while stack:
            current = stack.pop()
            for other in (*attacked_by[current], *attacks[current]):
                if part_of[other] < 0 and labels[other] is undecided:
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
    stand when some conflict-free set of undecided claims and links containing it answers
    every undecided attacker of its members (credulous acceptance under the preferred
    semantics). Raises `UndecidedPartTooLarge` when an undecided part exceeds `limit`.
    """
    labelling = labelling or grounded(graph)
    accepted = {n for n, label in labelling.labels.items() if label is Label.STANDING}
    if Label.UNDECIDED not in labelling.labels.values():
        return frozenset(accepted)  # nothing undecided: the usual case, answered at once
    framework = attack_framework(graph)
    claims = len(framework.ids)
    parts = _undecided_parts(_arguments(framework, labelling), framework)
    for part in parts:
        if len(part) > limit:
            example = next(framework.ids[i] for i in part if i < claims)
            raise UndecidedPartTooLarge(len(part), limit, example)
    for part in parts:
        members = set(part)
        name = framework.name
        # Within a part only undecided attackers matter: defeated ones are already answered
        # by standing claims, which every preferred extension contains. The search works on
        # names: a part is small, and its order of members follows them.
        inner_by = {
            name(n): [name(a) for a in framework.attacked_by[n] if a in members] for n in part
        }
        inner_on = {name(n): {name(t) for t in framework.attacks[n] if t in members} for n in part}
        for n in part:
            if n >= claims or framework.ids[n] in accepted:
                continue
            found = _admissible_with(framework.ids[n], inner_by, inner_on)
            if found is not None:
                accepted |= found
    return frozenset(n for n in accepted if not n.startswith(_LINK))


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
