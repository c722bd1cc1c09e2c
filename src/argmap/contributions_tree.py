"""Removals and weight steps climbed along the one path a change takes, built once per debate.

Where a claim has one link, is no undercut and sits on no cycle, whatever happens to it
reaches the rest of the debate through that link alone: its parent's energy moves by the
link's sign times the change of its strength (times what undercuts leave of the link),
the parent's strength is worked out again with quadratic energy's own formula, and so on.
`Chains` keeps, for every claim, that one way up (`up`, with the link's factor), worked out
once from the settled strengths and energies. Removing a claim x then costs one step per
claim between x and the target y, and the same climb gives y's strength after a weight
step of x; on a tree every removal contribution to y costs the sum of the depths in all,
with no set or mapping built per removal. Where the climb meets a claim with several
links, an undercut or a cycle before y, it answers None and the caller falls back to
`argmap.contributions_paths.PathWalk` and then `argmap.contributions._propagate`.

The floating-point steps are those of the path walk, so the amounts are the same numbers.
`chains_of(weighing)` keeps the `Chains` of the last weighing asked about, so the many
contribution lists of one debate state (speaker notes, one per claim) share it.
"""

from __future__ import annotations

import contextlib
import heapq
import weakref

from argmap.contributions_cycles import resettle
from argmap.contributions_paths import PathWalk
from argmap.strength import NEGLIGIBLE, QBAF, Weighing
from argmap.weakening import keep

#: How many claims' reaching sets one debate state keeps (a reader moving through a big
#: map asks for one per claim; the motion's is the one asked for again and again).
KEPT_REGIONS = 32

#: A climb's answer: the target's strength, or (claim, its new strength) where the change
#: stopped keeping to separate paths: from there on it is recomputed in evaluation order.
Climbed = float | tuple[int, float]


class Chains:
    """Each claim's ways up in a settled debate (quadratic energy), and the climbs."""

    __slots__ = (
        "base",
        "branches",
        "cut",
        "energies",
        "factor",
        "on_cycle",
        "paths",
        "qbaf",
        "regions",
        "sigma",
        "up",
    )

    def __init__(self, qbaf: QBAF, sigma: list[float], energies: list[float]) -> None:
        self.qbaf, self.sigma, self.energies, self.base = qbaf, sigma, energies, qbaf.base
        #: Reaching sets by target, worked out once each (`region`).
        self.regions: dict[int, set[int]] = {}
        self.paths: PathWalk | None = None
        self.on_cycle = on_cycle = {
            node
            for part, cyclic in zip(qbaf.rest, qbaf.rest_cyclic, strict=True)
            if cyclic
            for node in part
        }
        n = len(qbaf.ids)
        #: The claim each claim's change reaches alone (−1: none, or not alone).
        self.up = up = [-1] * n
        #: What a change of a claim's strength moves its parent's energy by, per unit.
        self.factor = factor = [0.0] * n
        #: Claims with several links: (claim reached, factor) for each.
        self.branches: dict[int, list[tuple[int, float]]] = {}
        #: An undercut u whose change reaches one claim g, through the one link (p, sign)
        #: into g it weakens: (p, sign·σ(p), what p's other undercuts leave, keep(u),
        #: keep(p)); with σ(u) at x the link brings sign·σ(p)·rest·(1 − x·keep(u)).
        self.cut: dict[int, tuple[int, float, float, float, float]] = {}
        cuttable, through_out, undercuts = qbaf.cuttable, qbaf.through_out, qbaf.undercuts

        def link_factor(node: int, target: int, sign: float) -> float:
            weakened = cuttable.get(target)
            if weakened is not None and (node, sign) in weakened:
                return sign * keep(undercuts, node, sigma)
            return sign

        for node, out in enumerate(qbaf.outgoing):
            if node in on_cycle:
                continue
            if node in through_out:
                if not out:
                    self._undercut(node)
                continue
            if len(out) == 1:
                parent, sign = out[0]
                if parent not in on_cycle:
                    up[node] = parent
                    factor[node] = link_factor(node, parent, sign)
            elif out:
                self.branches[node] = [(t, link_factor(node, t, sign)) for t, sign in out]

    def _undercut(self, u: int) -> None:
        """Climb from undercut `u` where it weakens one link of its own parent's."""
        qbaf = self.qbaf
        ways = qbaf.through_out[u]
        if len(ways) != 1 or ways[0][0] in self.on_cycle:
            return
        g = ways[0][0]
        parents = [p for p, _ in qbaf.cuttable.get(g, ()) if u in qbaf.undercuts.get(p, ())]
        if len(parents) != 1:
            return  # an undercut of an undercut, or a link counted with both signs
        p = parents[0]
        signs = [s for s in (1.0, -1.0) if (p, s) in qbaf.cuttable[g]]
        if len(signs) != 1:
            return
        self.up[u] = g
        sigma, undercuts = self.sigma, qbaf.undercuts
        rest = 1.0
        for v in undercuts[p]:
            if v != u:
                rest *= 1.0 - sigma[v] * keep(undercuts, v, sigma)
        before = keep(undercuts, p, sigma)
        self.cut[u] = (p, signs[0] * sigma[p], rest, keep(undercuts, u, sigma), before)

    def region(self, target: int) -> set[int]:
        """The target and every claim whose strength can reach it (`contributions.reaching`);
        the last `KEPT_REGIONS` asked for are kept."""
        found = self.regions.get(target)
        if found is None:
            if len(self.regions) >= KEPT_REGIONS:
                # Another thread may change the kept sets meanwhile: then one is left over.
                with contextlib.suppress(KeyError, RuntimeError, StopIteration):
                    del self.regions[next(iter(self.regions))]  # the oldest
            found = self.regions[target] = reach(self.qbaf, target)
        return found

    def path_walk(self) -> PathWalk:
        """The general path walk of this debate state, made on first use."""
        if self.paths is None:
            self.paths = PathWalk(self.qbaf, self.sigma, self.energies)
        return self.paths

    def without(self, removed: int, target: int, region: set[int]) -> Climbed:
        """The target's strength without claim `removed`, or where the climb stopped
        (`Climbed`). `region` is `region(target)`."""
        return self._climb(removed, 0.0, target, region)

    def with_base(self, claim: int, base: float, target: int, region: set[int]) -> Climbed:
        """The target's strength with claim `claim`'s base score set to `base`, or where
        the climb stopped (`Climbed`)."""
        new = _influence(base, self.energies[claim])
        if abs(new - self.sigma[claim]) <= NEGLIGIBLE:
            return self.sigma[target]
        if claim == target:
            return (claim, new) if claim in self.on_cycle else new
        return self._climb(claim, new, target, region)

    def _climb(self, node: int, value: float, target: int, region: set[int]) -> Climbed:
        """Claim `node`'s strength set to `value`: the target's strength, climbing its one
        way up while it has one (the usual case, written out), then `_spread`."""
        up, factor, sigma, energies, base = (
            self.up,
            self.factor,
            self.sigma,
            self.energies,
            self.base,
        )
        cut = self.cut
        step = value - sigma[node]
        while True:
            parent = up[node]
            if parent < 0:
                return self._spread(node, value, target, region)
            weight = factor[node]
            if weight != 0.0:
                change = step * weight  # of the parent's energy
            elif node in cut:  # an undercut: the share of the link it weakens moves
                _, source, rest, own, before = cut[node]
                change = source * (rest * (1.0 - value * own) - before)
            else:
                change = 0.0
            if parent == target:
                if change == 0.0:
                    return sigma[target]
                return _influence(base[target], energies[target] + change)
            value = _influence(base[parent], energies[parent] + change)
            step = value - sigma[parent]
            if abs(step) <= NEGLIGIBLE:
                return sigma[target]
            node = parent

    def _spread(self, node: int, value: float, target: int, region: set[int]) -> Climbed:
        """Claim `node`'s strength set to `value`, where it has no one way up: the target's
        strength. From there on, every claim reached is worked out
        once all its changes are in (evaluation order, a heap of part positions), so paths
        that meet again add up, and a cycle reached is settled again as a whole. Where an
        undercut moves the share of a link whose source moves too, or an undercut that
        moves weakens several links or sits on a cycle, or the change starts on a cycle,
        the answer is the last claim the change reached alone and its new strength."""
        qbaf, sigma, energies, base = self.qbaf, self.sigma, self.energies, self.base
        up, factor, cut, branches, on_cycle = (
            self.up,
            self.factor,
            self.cut,
            self.branches,
            self.on_cycle,
        )
        part_of = qbaf.part_of
        stop = (node, value)
        if node in on_cycle:
            return stop
        target_settles = target in on_cycle  # the target is worked out with its cycle
        arriving = 0.0  # the change of the target's energy
        pending: dict[int, float] = {}  # energy changes waiting at claims off cycles
        queued: set[int] = set()  # positions of the cycles waiting
        heap: list[tuple[int, int]] = []
        changed = {node: value}  # claims whose strength moved, and their new strengths
        weakened: set[int] = set()  # claims whose link an undercut that moved weakens
        sources = [(node, value - sigma[node])]
        while True:
            arrivals: list[tuple[int, float]] = []
            for node, step in sources:
                if node in weakened:
                    return stop  # its link's share moved as well as its strength
                ways = branches.get(node)
                if ways is not None:
                    arrivals += [(t, step * weight) for t, weight in ways]
                elif node in cut:
                    p, source, rest, own, before = cut[node]
                    if p in changed or p in weakened:
                        return stop  # the link's two factors moved together
                    weakened.add(p)
                    change = source * (rest * (1.0 - changed[node] * own) - before)
                    arrivals.append((up[node], change))
                elif up[node] >= 0:
                    arrivals.append((up[node], step * factor[node]))
                elif node in qbaf.through_out:
                    return stop  # an undercut reaching more than one link, or on a cycle
                else:
                    arrivals += self._links_out(node, step)
            for t, change in arrivals:
                if t == target and not target_settles:
                    arriving += change
                elif t in region:
                    if t in on_cycle:
                        position = part_of[t]
                        if position not in queued:
                            queued.add(position)
                            heapq.heappush(heap, (position, -1))
                    elif t in pending:
                        pending[t] += change
                    else:
                        pending[t] = change
                        heapq.heappush(heap, (part_of[t], t))
            sources = []
            while heap and not sources:
                position, node = heapq.heappop(heap)
                if node >= 0:
                    value = _influence(base[node], energies[node] + pending.pop(node))
                    if abs(value - sigma[node]) > NEGLIGIBLE:
                        changed[node] = value
                        sources.append((node, value - sigma[node]))
                    continue
                for member, value in resettle(
                    qbaf, sigma, changed, qbaf.part(position), -1
                ).items():
                    changed[member] = value
                    sources.append((member, value - sigma[member]))
            if not sources:
                break
        if target_settles:
            return changed.get(target, sigma[target])
        if arriving == 0.0:
            return sigma[target]
        return _influence(base[target], energies[target] + arriving)

    def _links_out(self, node: int, step: float) -> list[tuple[int, float]]:
        """What a claim that moved by `step` brings to each claim it links to outside its
        own part of the evaluation order (its cycle, if it sits on one)."""
        qbaf = self.qbaf
        position = qbaf.part_of[node]
        found = []
        for t, sign in qbaf.outgoing[node]:
            if qbaf.part_of[t] == position:
                continue
            weakened = qbaf.cuttable.get(t)
            if weakened is not None and (node, sign) in weakened:
                sign *= keep(qbaf.undercuts, node, self.sigma)
            found.append((t, step * sign))
        return found


def _influence(base: float, energy: float) -> float:
    """`strength.influence`, written out: it runs once per step of every climb."""
    if energy > 0.0:
        square = energy * energy
        return base + (1.0 - base) * (square / (1.0 + square))
    if energy < 0.0:
        square = energy * energy
        return base - base * (square / (1.0 + square))
    return base


def reach(qbaf: QBAF, target: int) -> set[int]:
    """The target and every claim whose strength can reach it along links; an undercut
    reaches the claim whose incoming link it weakens."""
    incoming, through = qbaf.incoming, qbaf.through_in
    seen = {target}
    add = seen.add
    stack = [target]
    pop, push = stack.pop, stack.append
    while stack:
        node = pop()
        for j, _ in incoming[node]:
            if j not in seen:
                add(j)
                push(j)
        more = through.get(node)
        if more:
            for j, _ in more:
                if j not in seen:
                    add(j)
                    push(j)
    return seen


#: The last weighing asked about and its chains (one assignment, so threads may share it).
_last: tuple[weakref.ref[Weighing], Chains] | None = None


def chains_of(weighing: Weighing, qbaf: QBAF) -> Chains:
    """The `Chains` of a weighing under quadratic energy (`qbaf` is its framework), kept
    while it is the last one asked about and alive."""
    global _last
    last = _last
    if last is not None and last[0]() is weighing and last[1].qbaf is qbaf:
        return last[1]
    sigma = [weighing.strengths[i] for i in qbaf.ids]
    energies = qbaf.energies or [qbaf.energy(i, sigma) for i in range(len(qbaf.ids))]
    chains = Chains(qbaf, sigma, energies)
    _last = (weakref.ref(weighing, _forget), chains)
    return chains


def _forget(_: object) -> None:
    """A kept weighing is gone: let its chains go too."""
    global _last
    last = _last
    if last is not None and last[0]() is None:
        _last = None
