"""A claim's removal walked along the paths it changes, for the usual shapes of a debate.

In a tree a claim's removal changes only the claims on its one path to the target: its
parent's energy loses what the claim brought, the parent's strength moves, then the
grandparent's energy moves by that step, and so on. `PathWalk` walks that path,
working out one strength per step with the semantics' own formula, so the amount is exact
(not a linear estimate). It also follows a claim with several links (a cross-link) and an
undercut (the link it weakens counts σ(p)·keep(p) with the undercut's new strength) as
long as the paths it starts part ways until the target: the target's energy is then its old
energy plus what each path brings. Where two paths meet before the target, or a cycle is
reached, or an undercut of an undercut moves, it answers None and the caller recomputes
with `contributions._propagate`, which settles what changed in evaluation order.
"""

from __future__ import annotations

from argmap.strength import NEGLIGIBLE, QBAF, influence
from argmap.weakening import Overlay, keep


class PathWalk:
    """Removals walked along paths in one debate (quadratic energy): built once for all the
    removals one contribution list tries."""

    __slots__ = ("cut_of", "energies", "on_cycle", "qbaf", "sigma")

    def __init__(self, qbaf: QBAF, sigma: list[float], energies: list[float]) -> None:
        self.qbaf, self.sigma, self.energies = qbaf, sigma, energies
        #: For each undercut, the claim whose link it weakens.
        self.cut_of = {u: p for p, us in qbaf.undercuts.items() for u in us}
        self.on_cycle = {
            node
            for part, cyclic in zip(qbaf.rest, qbaf.rest_cyclic, strict=True)
            if cyclic
            for node in part
        }

    def without(self, removed: int, target: int, region: set[int]) -> float | None:
        """The target's strength without claim `removed`, or None where the changes do
        not keep to separate paths; `region` is `reaching(qbaf, target)`."""
        qbaf, sigma, energies, cut_of, on_cycle = (
            self.qbaf,
            self.sigma,
            self.energies,
            self.cut_of,
            self.on_cycle,
        )
        cuttable, undercuts, outgoing, through_out, base = (
            qbaf.cuttable,
            qbaf.undercuts,
            qbaf.outgoing,
            qbaf.through_out,
            qbaf.base,
        )
        if removed in on_cycle:
            return None
        changed: dict[int, float] = {removed: 0.0}
        reached: set[int] = set()  # claims a change arrived at: a second one ends the walk
        arriving = 0.0  # the change of the target's energy
        via_source: set[int] = set()  # p whose cuttable link into the target moved with σ(p)
        via_cut: set[int] = set()  # p whose cuttable link into the target moved with keep(p)
        walk = [removed]
        while walk:
            source = walk.pop()
            step = changed[source] - sigma[source]
            arrivals: list[tuple[int, float]] = []
            for node, sign in outgoing[source]:
                delta = sign * step
                if node in cuttable and (source, sign) in cuttable[node]:
                    delta *= keep(undercuts, source, sigma)
                    if node == target:
                        via_source.add(source)
                arrivals.append((node, delta))
            if source in through_out:
                # An undercut moved: the link it weakens counts σ(p)·keep(p) with its new
                # strength.
                p = cut_of.get(source)
                ways = through_out[source]
                if p is None or p in changed or len(ways) != 1:
                    return None
                node = ways[0][0]
                signs = [s for s in (1.0, -1.0) if (p, s) in cuttable.get(node, ())]
                if len(signs) != 1:
                    return None
                now = keep(undercuts, p, Overlay(sigma, changed))
                arrivals.append((node, signs[0] * sigma[p] * (now - keep(undercuts, p, sigma))))
                if node == target:
                    if p in via_cut:
                        return None  # two undercuts of one link moved: keep(p) is a product
                    via_cut.add(p)
            for node, delta in arrivals:
                if node not in region:
                    continue
                if node == target:
                    arriving += delta
                    continue
                if node in reached or node in on_cycle:
                    return None
                reached.add(node)
                new = influence(base[node], energies[node] + delta)
                if abs(new - sigma[node]) > NEGLIGIBLE:
                    changed[node] = new
                    walk.append(node)
        if via_source & via_cut:
            return None  # σ(p) and keep(p) both moved: their product is not the sum of the two
        if arriving == 0.0:
            return sigma[target]
        if target in on_cycle:
            return None
        return influence(base[target], energies[target] + arriving)
