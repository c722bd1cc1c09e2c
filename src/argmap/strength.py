"""How strong each claim is: gradual strength, the motion's verdict, and contributions.

Grounded labels (`argmap.semantics`) answer "is every objection answered?". Strength
answers "which side is stronger, and why?": every claim, and the motion, gets a number in
[0, 1] from the quadratic energy semantics for quantitative bipolar argumentation (Potyka,
"Continuous dynamical systems for weighted bipolar argumentation", KR 2018):

- a claim's base score τ comes from its `weight` (1 to 5 gives 1/6 to 5/6; no weight gives
  the middle, 0.5); the motion's base score is 0.5;
- its energy E is the sum of its supporters' strengths minus the sum of its attackers'
  strengths (rebuttals and `also_rebuts` attack; `support`, `also_supports` and top-level
  `pro` claims support; top-level `con` claims attack the motion);
- with h(x) = max(0, x)² / (1 + max(0, x)²), its strength is
  σ = τ − τ·h(−E) + (1 − τ)·h(E).

An undercut carries no strength to its parent; it weakens the link it attacks, which counts
its source's strength times Π(1 − σ(u)) over its undercuts u (`argmap.weakening`). On an
acyclic debate one pass in evaluation order computes the strengths exactly. Claims on a
cycle (cross-links can make them) are solved together with the continuous form dσ/dt = f(σ)
− σ, integrated with fourth-order Runge–Kutta until no strength moves by more than
`TOLERANCE`; after `MAX_STEPS` steps the computation stops and reports the cycle as
unsettled instead of looping.

Contributions are removal contributions (Kampik, Potyka, Yin, Čyras, Toni 2024): ctrb(x → y)
= σ(y) − σ(y in the debate without x). Only claims that can reach y are tried, and each
removal recomputes only the claims on its way to y, stopping where nothing changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from argmap.collector import collector_paused
from argmap.graph import ArgumentGraph, Relation
from argmap.model import MOTION_ID
from argmap.model import Verdict as Verdict
from argmap.semantics import Labelling, grounded
from argmap.weakening import Values, connect, keep

#: The base score of a claim without `weight`, and of the motion.
NEUTRAL_BASE = 0.5
#: The motion leans to a side when its strength (rounded to two decimals) is further than
#: this from 0.5: above 0.55 it leans pro, below 0.45 it leans con, otherwise balanced.
LEAN_MARGIN = 0.05
#: A cycle is settled when no strength in it changes faster than this per unit of time.
TOLERANCE = 1e-9
#: Runge–Kutta step size and step limit for claims on a cycle.
STEP = 0.5
MAX_STEPS = 20_000
#: Changes smaller than this are not propagated when working out contributions.
NEGLIGIBLE = 1e-12
#: The semantics strengths are computed with unless a debate or an option names another
#: (`argmap.gradual`).
DEFAULT_SEMANTICS = "quadratic-energy"


def _h(x: float) -> float:
    if x <= 0.0:
        return 0.0
    square = x * x
    return square / (1.0 + square)


def influence(base: float, energy: float) -> float:
    """Quadratic energy: the strength of a claim with base score `base` and energy `energy`."""
    if energy >= 0.0:
        return base + (1.0 - base) * _h(energy)
    return base - base * _h(-energy)


def verdict_for(motion_strength: float) -> Verdict:
    """The verdict for a motion strength (see `LEAN_MARGIN`)."""
    shown = round(motion_strength, 2)
    if shown > NEUTRAL_BASE + LEAN_MARGIN:
        return Verdict.LEANS_PRO
    if shown < NEUTRAL_BASE - LEAN_MARGIN:
        return Verdict.LEANS_CON
    return Verdict.BALANCED


@dataclass(slots=True)
class QBAF:
    """The debate as a quantitative bipolar framework, with integer indices for speed.

    `incoming[i]` lists (j, sign): claim j supports (+1) or attacks (−1) claim i. An
    undercut is no link of its own: `undercuts[p]` lists claim p's undercuts, and a link
    (p, sign) in `cuttable[g]` counts σ(p) times what they leave of it (`weakening.keep`).
    `through_in[g]` lists every undercut (u, sign) whose strength reaches g that way, with
    the sign of its effect, and `through_out[u]` the same links from u's side.
    """

    ids: list[str]
    index: dict[str, int]
    base: list[float]
    incoming: list[list[tuple[int, float]]]
    outgoing: list[list[tuple[int, float]]]
    undercuts: dict[int, list[int]] = field(default_factory=dict)
    cuttable: dict[int, set[tuple[int, float]]] = field(default_factory=dict)
    through_in: dict[int, list[tuple[int, float]]] = field(default_factory=dict)
    through_out: dict[int, list[tuple[int, float]]] = field(default_factory=dict)
    #: Evaluation order (every influence before what it influences), by positions: claims
    #: off any cycle first, one a position (`order`), then the strongly connected parts
    #: left (`rest`, with `rest_cyclic`); `part_of[i]` is the position of claim i.
    order: list[int] = field(default_factory=list)
    rest: list[list[int]] = field(default_factory=list)
    rest_cyclic: list[bool] = field(default_factory=list)
    part_of: list[int] = field(default_factory=list)
    #: Each claim's energy once solved (supporters' minus attackers' strengths).
    energies: list[float] = field(default_factory=list)

    @classmethod
    def build(cls, graph: ArgumentGraph) -> QBAF:
        """The framework of a debate: its claims, base scores, links and undercuts."""
        ids = list(graph.nodes)
        index = {node_id: i for i, node_id in enumerate(ids)}
        base = [
            NEUTRAL_BASE
            if node.claim is None or node.claim.weight is None
            else node.claim.weight / 6
            for node in graph.nodes.values()
        ]
        # Links go straight into the per-claim lists (no list of all links in between: on a
        # big debate that would be the largest thing built here).
        incoming: list[list[tuple[int, float]]] = [[] for _ in ids]
        outgoing: list[list[tuple[int, float]]] = [[] for _ in ids]
        undercuts: dict[int, list[int]] = {}
        undercut, supports = Relation.UNDERCUTS, Relation.SUPPORTS
        nodes = graph.nodes
        # Nesting gives each claim one link to its parent, so only a cross-link can repeat a
        # link (a claim that also names its parent, or an id listed twice): only those are
        # checked. A cross-link cannot be undercut, so where it repeats the nested link the
        # link counts once and whole.
        crossed: set[tuple[int, int, float]] = set()
        nested: dict[int, tuple[int, float]] = {}
        for edge in graph.edges:
            relation = edge.relation
            source, target = index[edge.source], index[edge.target]
            if relation is undercut:
                undercuts.setdefault(target, []).append(source)
                continue  # an undercut acts on a link, never on a claim's strength
            sign = 1.0 if relation is supports else -1.0
            if edge.cross:
                link = (source, target, sign)
                if link in crossed:
                    continue
                crossed.add(link)
                parent = nodes[edge.source]
                if parent.parent == edge.target and parent.relation is relation:
                    continue  # the nested link already counts it
            else:
                nested[source] = (target, sign)
            incoming[target].append((source, sign))
            outgoing[source].append((target, sign))
        qbaf = cls(ids, index, base, incoming, outgoing, undercuts)
        for p in undercuts:
            if p in nested:
                target, sign = nested[p]
                if (p, target, sign) not in crossed:
                    qbaf.cuttable.setdefault(target, set()).add((p, sign))
        qbaf._connect_undercuts()
        qbaf._order()
        return qbaf

    @classmethod
    def from_links(
        cls,
        base: Mapping[str, float],
        links: Iterable[tuple[str, str, float]],
        undercuts: Mapping[str, list[str]] | None = None,
    ) -> QBAF:
        """A framework from base scores and (source, target, +1 support / −1 attack) links.

        A link given twice counts once. `undercuts` maps a claim to the claims undercutting
        its links: each of its links counts σ(claim)·Π(1 − σ(u)).
        """
        ids = list(base)
        index = {node_id: i for i, node_id in enumerate(ids)}
        incoming: list[list[tuple[int, float]]] = [[] for _ in ids]
        outgoing: list[list[tuple[int, float]]] = [[] for _ in ids]
        seen: set[tuple[int, int, float]] = set()
        for source_id, target_id, sign in links:
            link = (index[source_id], index[target_id], sign)
            if link in seen:
                continue
            seen.add(link)
            source, target, _ = link
            incoming[target].append((source, sign))
            outgoing[source].append((target, sign))
        under = {index[p]: [index[u] for u in us] for p, us in (undercuts or {}).items() if us}
        qbaf = cls(ids, index, list(base.values()), incoming, outgoing, under)
        for p in under:
            for target, sign in outgoing[p]:
                qbaf.cuttable.setdefault(target, set()).add((p, sign))
        qbaf._connect_undercuts()
        qbaf._order()
        return qbaf

    def _connect_undercuts(self) -> None:
        self.through_in, self.through_out = connect(self.cuttable, self.undercuts)

    def part(self, position: int) -> list[int]:
        """The claims at a position of the evaluation order (one, or a cycle's part)."""
        if position < len(self.order):
            return [self.order[position]]
        return self.rest[position - len(self.order)]

    def is_cyclic(self, position: int) -> bool:
        """Whether the claims at a position sit on a cycle (solved together)."""
        return position >= len(self.order) and self.rest_cyclic[position - len(self.order)]

    @property
    def on_cycles(self) -> int:
        """How many claims sit on cycles."""
        return sum(len(p) for p, loops in zip(self.rest, self.rest_cyclic, strict=True) if loops)

    def _order(self) -> None:
        """Parts in evaluation order: every influence before what it influences.

        Claims off any cycle come first, in the order Kahn's algorithm releases them (one
        claim per part). What is left sits on a cycle or downstream of one; Tarjan's
        strongly connected parts (without recursion) order it. Tarjan emits a part after
        every part it reaches; following influencers, that is after everything that
        influences it.
        """
        n = len(self.ids)
        incoming, outgoing = self.incoming, self.outgoing
        if self.through_in:
            # An undercut is evaluated before the claim whose incoming link it weakens.
            incoming = [[*edges, *self.through_in.get(i, ())] for i, edges in enumerate(incoming)]
            outgoing = [[*edges, *self.through_out.get(i, ())] for i, edges in enumerate(outgoing)]
        waiting = [len(edges) for edges in incoming]
        released = [i for i in range(n) if not waiting[i]]
        for node in released:  # the list grows while it is walked
            for target, _ in outgoing[node]:
                waiting[target] -= 1
                if not waiting[target]:
                    released.append(target)
        part_of = [0] * n
        for position, node in enumerate(released):
            part_of[node] = position
        rest: list[list[int]] = []
        rest_cyclic: list[bool] = []
        if len(released) < n:
            left = [i for i in range(n) if waiting[i]]
            for part, loops in self._tarjan(left, incoming):
                for member in part:
                    part_of[member] = len(released) + len(rest)
                rest.append(part)
                rest_cyclic.append(loops)
        self.order, self.rest, self.rest_cyclic, self.part_of = released, rest, rest_cyclic, part_of

    def _tarjan(
        self, nodes: list[int], incoming: list[list[tuple[int, float]]]
    ) -> list[tuple[list[int], bool]]:
        """Strongly connected parts among `nodes` over 'is influenced by', in emit order.

        Influencers outside `nodes` are already evaluated and are skipped.
        """
        inside = set(nodes)
        number: dict[int, int] = {}
        low: dict[int, int] = {}
        on_stack: set[int] = set()
        stack: list[int] = []
        found: list[tuple[list[int], bool]] = []
        for root in nodes:
            if root in number:
                continue
            work: list[tuple[int, int]] = [(root, 0)]
            number[root] = low[root] = len(number)
            stack.append(root)
            on_stack.add(root)
            while work:
                node, position = work[-1]
                edges = incoming[node]
                if position < len(edges):
                    work[-1] = (node, position + 1)
                    other = edges[position][0]
                    if other not in inside:
                        continue
                    if other not in number:
                        number[other] = low[other] = len(number)
                        stack.append(other)
                        on_stack.add(other)
                        work.append((other, 0))
                    elif other in on_stack and number[other] < low[node]:
                        low[node] = number[other]
                    continue
                work.pop()
                if work and low[node] < low[work[-1][0]]:
                    low[work[-1][0]] = low[node]
                if low[node] == number[node]:
                    part: list[int] = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        part.append(member)
                        if member == node:
                            break
                    loops = len(part) > 1 or any(j == node for j, _ in incoming[node])
                    found.append((part, loops))
        return found

    def energy(self, i: int, sigma: Values) -> float:
        """Supporters' strengths minus attackers' strengths of claim i, each link weakened
        by its undercuts."""
        cuttable = self.cuttable.get(i)
        if cuttable is None:
            return sum(sign * sigma[j] for j, sign in self.incoming[i])
        total = 0.0
        for j, sign in self.incoming[i]:
            value = sigma[j]
            if (j, sign) in cuttable and value:
                value *= keep(self.undercuts, j, sigma)
            total += sign * value
        return total

    def solve(self) -> tuple[list[float], list[float], list[int]]:
        """(strengths, energies, unsettled claim indices) of every claim."""
        sigma = list(self.base)
        energies = [0.0] * len(self.ids)
        unsettled: list[int] = []
        single = self._evaluate
        for i in self.order:  # off any cycle: once each
            single(i, sigma, energies)
        for part, cyclic in zip(self.rest, self.rest_cyclic, strict=True):
            if not cyclic:
                single(part[0], sigma, energies)
                continue
            if not self.settle(part, sigma):
                unsettled.extend(part)
            for i in part:
                energies[i] = self.energy(i, sigma)
        return sigma, energies, unsettled

    def _evaluate(self, i: int, sigma: list[float], energies: list[float]) -> None:
        """Claim i's energy and strength from its (final) influences."""
        if i in self.cuttable:
            total = self.energy(i, sigma)
        else:
            total = 0.0
            for j, sign in self.incoming[i]:
                total += sign * sigma[j]
        energies[i] = total
        # influence(), written out: this runs once per claim.
        base = self.base[i]
        if total > 0.0:
            square = total * total
            sigma[i] = base + (1.0 - base) * square / (1.0 + square)
        elif total < 0.0:
            square = total * total
            sigma[i] = base - base * square / (1.0 + square)

    def settle(self, part: list[int], sigma: list[float]) -> bool:
        """Integrate a cycle's strengths in place with RK4; False if it did not settle.

        Influences from outside the part are already final, so they are summed once; each
        step then costs one pass over the links inside the part. A claim with an undercut
        link has its energy recomputed whole at each step (`sigma` then holds the state).
        """
        where = {node: k for k, node in enumerate(part)}
        outside: list[float] = []
        inside: list[list[tuple[int, float]]] = []
        weakened = [k for k, node in enumerate(part) if node in self.cuttable]
        for node in part:
            energy = 0.0
            links: list[tuple[int, float]] = []
            if node in self.cuttable:
                outside.append(energy)
                inside.append(links)
                continue
            for j, sign in self.incoming[node]:
                if j in where:
                    links.append((where[j], sign))
                else:
                    energy += sign * sigma[j]
            outside.append(energy)
            inside.append(links)
        bases = [self.base[node] for node in part]
        size = range(len(part))

        def velocity(state: list[float]) -> list[float]:
            if weakened:
                for k, node in enumerate(part):
                    sigma[node] = state[k]
                for k in weakened:
                    outside[k] = self.energy(part[k], sigma)
            result = []
            for k in size:
                energy = outside[k]
                for j, sign in inside[k]:
                    energy += sign * state[j]
                result.append(influence(bases[k], energy) - state[k])
            return result

        state = [sigma[node] for node in part]
        settled = False
        half = STEP / 2
        for _ in range(MAX_STEPS):
            k1 = velocity(state)
            if max(abs(v) for v in k1) < TOLERANCE:
                settled = True
                break
            k2 = velocity([state[k] + half * k1[k] for k in size])
            k3 = velocity([state[k] + half * k2[k] for k in size])
            k4 = velocity([state[k] + STEP * k3[k] for k in size])
            state = [
                min(1.0, max(0.0, state[k] + STEP / 6 * (k1[k] + 2 * k2[k] + 2 * k3[k] + k4[k])))
                for k in size
            ]
        for k, node in enumerate(part):
            sigma[node] = state[k]
        return settled


@dataclass(frozen=True)
class Weighing:
    """Strength of every claim and of the motion, and the motion's verdict."""

    strengths: Mapping[str, float]
    verdict: Verdict
    #: Claims on a cycle whose strengths did not settle within `MAX_STEPS` (usually none).
    unsettled: tuple[str, ...] = ()
    qbaf: QBAF | None = field(default=None, repr=False, compare=False)
    #: Claims whose link to their parent a standing undercut cuts, and the undercuts.
    cut_by: Mapping[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    #: The gradual semantics the strengths come from (`argmap.gradual.SEMANTICS`).
    semantics: str = DEFAULT_SEMANTICS

    def strength(self, claim_id: str) -> float:
        """The strength of a claim (or of the motion, `motion`); KeyError if unknown."""
        return self.strengths[claim_id]

    def base(self, claim_id: str) -> float:
        """The claim's base score (from its weight; the motion's is 0.5)."""
        if self.qbaf is None:
            return NEUTRAL_BASE
        return self.qbaf.base[self.qbaf.index[claim_id]]

    @property
    def motion_strength(self) -> float:
        """The motion's strength: above 0.5 the pro side weighs more."""
        return self.strengths[MOTION_ID]

    @property
    def converged(self) -> bool:
        """Whether every strength settled (always on debates without cycles)."""
        return not self.unsettled


def weigh(
    graph: ArgumentGraph,
    labelling: Labelling | None = None,
    semantics: str | None = None,
) -> Weighing:
    """The strength of every claim of the debate, and the verdict.

    Pass the debate's grounded `labelling` when it is at hand; it says which links a
    standing undercut cuts (`Weighing.cut_by`, for explanations).
    The semantics is `semantics`, else the debate's own `semantics:`, else quadratic energy.
    """
    if semantics is None:
        semantics = graph.debate.semantics or DEFAULT_SEMANTICS
    # Many small lists and tuples, no reference cycles: keep the collector from rescanning,
    # and settle what is made so the next collection does not scan it either.
    with collector_paused(settle=True):
        labelling = labelling if labelling is not None else grounded(graph)
        weighing = weigh_qbaf(QBAF.build(graph), semantics)
        return replace(weighing, cut_by=labelling.cut)


def weigh_qbaf(qbaf: QBAF, semantics: str = DEFAULT_SEMANTICS) -> Weighing:
    """Strengths and verdict of a framework built by `QBAF.build` or `QBAF.from_links`.

    The verdict is read from the claim `motion`; a framework without one is balanced.
    """
    with collector_paused():
        if semantics == DEFAULT_SEMANTICS:
            sigma, energies, unsettled = qbaf.solve()
            qbaf.energies = energies  # kept for contributions, which start from them
        else:
            from argmap.gradual import solve  # it builds on this module

            sigma, unsettled = solve(qbaf, semantics)
        strengths = dict(zip(qbaf.ids, sigma, strict=True))
        return Weighing(
            strengths,
            verdict_for(strengths.get(MOTION_ID, NEUTRAL_BASE)),
            tuple(qbaf.ids[i] for i in unsettled),
            qbaf,
            semantics=semantics,
        )
