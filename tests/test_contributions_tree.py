"""Removals and weight steps climbed up each claim's path (`Chains`) are the numbers a full
recomputation gives: on random trees, on random debates with cross-links, undercuts and
cycles, and on every claim of the bundled debates."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from test_contributions_paths import trees
from test_strength import debates, load_ok

from argmap.contributions import contributions, reaching, with_weight
from argmap.contributions_tree import KEPT_REGIONS, Chains, chains_of
from argmap.gradual import solve
from argmap.graph import ArgumentGraph
from argmap.load import load_paths
from argmap.model import MOTION_ID
from argmap.robustness import steps, weight_of
from argmap.strength import Weighing, weigh

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

BUNDLED = [item.graph for item in load_paths(["arguments"])]


def _chains(graph: ArgumentGraph) -> tuple[Weighing, Chains]:
    weighing = weigh(graph)
    assert weighing.qbaf is not None
    return weighing, chains_of(weighing, weighing.qbaf)


def assert_every_removal_is_recomputing(graph: ArgumentGraph, target_id: str) -> None:
    """Each claim's contribution to the target is the target's strength minus its strength
    with the claim removed and every strength computed again."""
    weighing, chains = _chains(graph)
    qbaf = chains.qbaf
    target = qbaf.index[target_id]
    found = dict(contributions(graph, weighing, target_id))
    for x in reaching(qbaf, target) - {target}:
        expected = chains.sigma[target] - solve(qbaf, removed=x)[0][target]
        assert found.get(qbaf.ids[x], 0.0) == pytest.approx(expected, abs=1e-6), qbaf.ids[x]


def assert_every_weight_step_is_recomputing(graph: ArgumentGraph, target_id: str) -> None:
    """The target's strength after one weight step of any claim is that of solving the
    debate again with the new base score."""
    weighing, chains = _chains(graph)
    qbaf = chains.qbaf
    target = qbaf.index[target_id]
    region = chains.region(target)
    before = list(qbaf.base)
    for i, claim_id in enumerate(qbaf.ids):
        if graph.nodes[claim_id].claim is None:
            continue
        for weight in steps(weight_of(graph, claim_id)):
            bases = list(qbaf.base)
            bases[i] = weight / 6
            expected = solve(qbaf, base=bases)[0][target]
            got = with_weight(qbaf, chains, i, weight / 6, target, region)
            assert got == pytest.approx(expected, abs=1e-6), (claim_id, weight)
            assert qbaf.base == before  # the debate's own base scores are left as they were
    assert weighing.strengths[target_id] == chains.sigma[target]


@SETTINGS
@given(trees())
def test_in_a_tree_every_removal_climbs_one_path(text: str) -> None:
    """In a tree without undercuts of undercuts, no removal needs the general recomputation:
    the climb answers with the target's strength itself."""
    graph = load_ok(text)
    _, chains = _chains(graph)
    qbaf = chains.qbaf
    nested = {u for p, us in qbaf.undercuts.items() if p in qbaf.through_out for u in us}
    for target in range(len(qbaf.ids)):
        region = chains.region(target)
        for x in region - {target}:
            path, node = set(), qbaf.ids[x]
            while node != qbaf.ids[target]:
                path.add(qbaf.index[node])
                node = graph.nodes[node].parent or MOTION_ID
            if path & nested:
                continue  # an undercut of an undercut is left to the general recomputation
            climbed = chains.without(x, target, region)
            assert isinstance(climbed, float), (qbaf.ids[x], qbaf.ids[target])
            expected = chains.sigma[target] - solve(qbaf, removed=x)[0][target]
            assert chains.sigma[target] - climbed == pytest.approx(expected, abs=1e-6)


@SETTINGS
@given(trees())
def test_in_a_tree_every_weight_step_is_exact(text: str) -> None:
    assert_every_weight_step_is_recomputing(load_ok(text), MOTION_ID)


@SETTINGS
@given(debates(max_claims=12))
def test_with_cross_links_undercuts_and_cycles_every_removal_is_exact(text: str) -> None:
    graph = load_ok(text)
    for target_id in graph.nodes:
        assert_every_removal_is_recomputing(graph, target_id)


@SETTINGS
@given(debates(max_claims=10))
def test_with_cross_links_undercuts_and_cycles_every_weight_step_is_exact(text: str) -> None:
    graph = load_ok(text)
    assert_every_weight_step_is_recomputing(graph, MOTION_ID)
    assert_every_weight_step_is_recomputing(graph, graph.motion.children[0])


@pytest.mark.parametrize("graph", BUNDLED, ids=lambda g: g.path.stem)
def test_on_the_bundled_debates_every_claim_s_removal_is_exact(graph: ArgumentGraph) -> None:
    for target_id in (MOTION_ID, *graph.motion.children):
        assert_every_removal_is_recomputing(graph, target_id)


@pytest.mark.parametrize("graph", BUNDLED, ids=lambda g: g.path.stem)
def test_on_the_bundled_debates_every_weight_step_is_exact(graph: ArgumentGraph) -> None:
    assert_every_weight_step_is_recomputing(graph, MOTION_ID)


def test_each_debate_state_has_its_own_chains() -> None:
    """Contributions asked of two debates in turn, and of a debate after a weight changed,
    are each debate's own: nothing worked out for one is reused for the other."""
    one = load_ok("title: T\nmotion: M.\npro:\n  - {id: p, text: P., weight: 5}\n")
    two = load_ok("title: T\nmotion: M.\npro:\n  - {id: p, text: P., weight: 1}\n")
    first, second = weigh(one), weigh(two)
    for _ in range(2):
        for graph, weighing in ((one, first), (two, second)):
            (claim, amount), *_ = contributions(graph, weighing)
            assert claim == "p"
            assert amount == pytest.approx(weighing.motion_strength - 0.5)
    assert dict(contributions(one, first))["p"] > dict(contributions(two, second))["p"]


def test_two_undercuts_of_one_link_one_rebutting_the_other_by_hand() -> None:
    """u1 and u2 both undercut p's link to the motion, and u1 also rebuts u2: removing u1
    moves both shares of the one link, which multiply, so it is worked out again whole."""
    graph = load_ok(
        "title: T\nmotion: M.\npro:\n  - id: p\n    text: P.\n    rebuttals:\n"
        "      - {id: u1, text: U1., undercut: true, also_rebuts: [u2]}\n"
        "      - {id: u2, text: U2., undercut: true}\n"
    )
    weighing = weigh(graph)

    def q(tau: float, energy: float) -> float:
        h = energy**2 / (1 + energy**2)
        return tau + (1 - tau) * h if energy >= 0 else tau - tau * h

    u1 = 0.5
    u2 = q(0.5, -u1)
    motion = q(0.5, 0.5 * (1 - u1) * (1 - u2))
    assert weighing.motion_strength == pytest.approx(motion)
    without = q(0.5, 0.5 * (1 - 0.5))  # u2 back at its base score, alone on the link
    assert dict(contributions(graph, weighing))["u1"] == pytest.approx(motion - without)


def test_a_debate_state_keeps_a_bounded_number_of_reaching_sets() -> None:
    """Asking for every claim's contributions in turn, as a reader moving through a big map
    does, keeps only the last few claims' reaching sets, and the answers stay exact."""
    graph = BUNDLED[0]
    weighing, chains = _chains(graph)
    for claim_id in graph.nodes:
        contributions(graph, weighing, claim_id)
    assert chains_of(weighing, chains.qbaf) is chains
    assert len(chains.regions) <= KEPT_REGIONS < len(graph.nodes)
    assert_every_removal_is_recomputing(graph, MOTION_ID)
