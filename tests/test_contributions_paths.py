"""Removal contributions walked along paths are the amounts a full recomputation gives."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_strength import debates, load_ok

from argmap.contributions import contributions, reaching
from argmap.contributions_paths import PathWalk
from argmap.gradual import solve
from argmap.graph import ArgumentGraph
from argmap.strength import weigh

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def trees(draw: st.DrawFn, max_claims: int = 24) -> str:
    """A random debate shaped as a tree, deep or wide: rebuttals, supports, weights and
    undercuts (an undercut of an undercut too), no cross-links."""
    weights = draw(st.lists(st.integers(0, 5), min_size=1, max_size=max_claims))
    claims: list[dict[str, Any]] = [
        {"id": f"c{i}", "text": f"Claim {i}.", **({"weight": w} if w else {})}
        for i, w in enumerate(weights)
    ]
    top: dict[str, list[dict[str, Any]]] = {"pro": [], "con": []}
    for index, claim in enumerate(claims):
        # Mostly the claim just before: long chains, with branches off them.
        parent = draw(st.one_of(st.just(index - 1), st.integers(-2, index - 1))) if index else -1
        if parent < 0:
            top["pro" if parent == -1 else "con"].append(claim)
        elif draw(st.booleans()):
            claim["undercut"] = draw(st.integers(0, 3)) == 0
            claims[parent].setdefault("rebuttals", []).append(claim)
        else:
            claims[parent].setdefault("support", []).append(claim)
    return yaml.safe_dump({"title": "Tree", "motion": "Something.", **top}, sort_keys=False)


def assert_removals_match_recomputing(graph: ArgumentGraph) -> None:
    """To every claim, each claim's contribution is its strength minus its strength with
    the claim removed and every strength computed again."""
    weighing = weigh(graph)
    qbaf = weighing.qbaf
    assert qbaf is not None
    sigma = [weighing.strengths[i] for i in qbaf.ids]
    for target in graph.nodes:
        found = dict(contributions(graph, weighing, target))
        y = qbaf.index[target]
        for x in reaching(qbaf, y) - {y}:
            without = solve(qbaf, removed=x)[0][y]
            expected = sigma[y] - without
            assert found.get(qbaf.ids[x], 0.0) == pytest.approx(expected, abs=1e-6), (
                qbaf.ids[x],
                target,
            )


@SETTINGS
@given(trees())
def test_in_a_tree_every_removal_is_walked_and_exact(text: str) -> None:
    graph = load_ok(text)
    assert_removals_match_recomputing(graph)
    weighing = weigh(graph)
    qbaf = weighing.qbaf
    assert qbaf is not None
    sigma = [weighing.strengths[i] for i in qbaf.ids]
    paths = PathWalk(qbaf, sigma, qbaf.energies)
    cut_of = paths.cut_of
    for y in range(len(qbaf.ids)):
        region = reaching(qbaf, y)
        for x in region - {y}:
            on_path, node = [], qbaf.ids[x]
            while node != qbaf.ids[y]:
                on_path.append(qbaf.index[node])
                node = graph.nodes[node].parent or "motion"
            nested = any(n in cut_of and cut_of[n] in cut_of for n in on_path)
            walked = paths.without(x, y, region)
            # Only a path through an undercut of an undercut is left to recomputing.
            assert walked is not None or nested, (qbaf.ids[x], qbaf.ids[y])


@SETTINGS
@given(debates(max_claims=14))
def test_with_cross_links_and_cycles_the_amounts_are_those_of_recomputing(text: str) -> None:
    assert_removals_match_recomputing(load_ok(text))


def test_two_paths_meeting_at_the_motion_by_hand() -> None:
    """c2 rebuts c1 (under pro claim c0) and also rebuts con claim c3: its removal raises
    c1 and weakens nothing on the con side, so the motion's energy moves along both paths."""
    text = """\
title: Hand
motion: Something.
pro:
  - id: c0
    text: Pro.
    support:
      - id: c1
        text: Support.
        rebuttals:
          - id: c2
            text: Rebuttal.
            also_rebuts: [c3]
con:
  - id: c3
    text: Con.
"""
    graph = load_ok(text)
    weighing = weigh(graph)

    def q(tau: float, energy: float) -> float:
        h = max(0.0, abs(energy)) ** 2 / (1 + energy**2)
        return tau + (1 - tau) * h if energy >= 0 else tau - tau * h

    c2 = 0.5
    c1, c3 = q(0.5, -c2), q(0.5, -c2)
    c0 = q(0.5, c1)
    motion = q(0.5, c0 - c3)
    assert weighing.strength("motion") == pytest.approx(motion)
    # Without c2: c1 and c3 keep their base scores.
    without = q(0.5, q(0.5, 0.5) - 0.5)
    amounts = dict(contributions(graph, weighing))
    assert amounts["c2"] == pytest.approx(motion - without)
