"""Undercuts weigh: a link's influence times Π(1 − σ(u)) over its undercuts, in every
gradual semantics (weighted edges, Potyka, AAMAS 2019)."""

from __future__ import annotations

import pytest
from helpers import ARGUMENTS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.contributions import contributions
from argmap.gradual import SEMANTICS, solve
from argmap.load import load_file, load_text
from argmap.strength import QBAF, weigh
from tests.test_strength import CYCLE_THROUGH_AN_UNDERCUT, frameworks, h

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

Framework = tuple[dict[str, float], list[tuple[str, str, float]]]


def with_undercut(
    framework: Framework, pick: int, strength: float
) -> tuple[QBAF, str, list[tuple[str, float]]]:
    """The framework with a fresh undercut 'u' (base `strength`, nothing attacks it) on the
    links out of one claim; that claim and the (target, sign) of its links."""
    base, links = framework
    sources = sorted({s for s, _, _ in links})
    parent = sources[pick % len(sources)]
    qbaf = QBAF.from_links({**base, "u": strength}, links, undercuts={parent: ["u"]})
    found = {(t, sign) for s, t, sign in links if s == parent}
    # A claim the parent both supports and attacks moves either way: left out.
    targets = sorted((t, sign) for t, sign in found if (t, -sign) not in found)
    return qbaf, parent, targets


def strengths(qbaf: QBAF, semantics: str) -> dict[str, float]:
    return dict(zip(qbaf.ids, solve(qbaf, semantics)[0], strict=True))


@SETTINGS
@given(
    frameworks(acyclic=True).filter(lambda f: bool(f[1])),
    st.integers(0, 20),
    st.floats(0.0, 1.0),
    st.floats(0.0, 1.0),
    st.sampled_from(list(SEMANTICS)),
)
def test_a_stronger_undercut_weakens_the_link_more(
    framework: Framework, pick: int, one: float, other: float, semantics: str
) -> None:
    """Raising the undercut's strength never raises a claim its parent supports and never
    lowers a claim its parent attacks (the parent itself does not move)."""
    weak, strong = sorted((one, other))
    qbaf, parent, targets = with_undercut(framework, pick, weak)
    before = strengths(qbaf, semantics)
    after = strengths(with_undercut(framework, pick, strong)[0], semantics)
    assert after[parent] == pytest.approx(before[parent], abs=1e-12)
    for target, sign in targets:
        if sign > 0:
            assert after[target] <= before[target] + 1e-9
        else:
            assert after[target] >= before[target] - 1e-9


@SETTINGS
@given(frameworks().filter(lambda f: bool(f[1])), st.integers(0, 20))
def test_an_undercut_at_strength_0_changes_nothing(framework: Framework, pick: int) -> None:
    base, links = framework
    qbaf, _, _ = with_undercut(framework, pick, 0.0)
    plain = QBAF.from_links(base, links)
    for semantics in SEMANTICS:
        got, expected = strengths(qbaf, semantics), strengths(plain, semantics)
        for name in base:
            assert got[name] == pytest.approx(expected[name], abs=1e-6)


@SETTINGS
@given(frameworks().filter(lambda f: bool(f[1])), st.integers(0, 20))
def test_an_undercut_at_strength_1_cuts_the_link(framework: Framework, pick: int) -> None:
    """At full strength an undercut takes the links out, as a standing undercut used to."""
    base, links = framework
    qbaf, parent, _ = with_undercut(framework, pick, 1.0)
    cut = QBAF.from_links(base, [link for link in links if link[0] != parent])
    for semantics in SEMANTICS:
        got, expected = strengths(qbaf, semantics), strengths(cut, semantics)
        for name in base:
            assert got[name] == pytest.approx(expected[name], abs=1e-6)


UNDERCUT_OF_AN_UNDERCUT = """\
title: T
motion: M.
con:
  - id: stat
    text: Co-authored papers are cited more.
    rebuttals:
      - id: cut
        text: Better teams collaborate more.
        undercut: true
        weight: 3
        rebuttals:
          - {id: back, text: Team quality was controlled for., undercut: true, weight: 4}
"""


def test_an_undercut_of_an_undercut_by_hand() -> None:
    """'back' weakens cut's hold on the link: keep = 1 − σ(cut)·(1 − σ(back))."""
    graph = load_text(UNDERCUT_OF_AN_UNDERCUT, "t.yaml").graph
    keep = 1 - 0.5 * (1 - 4 / 6)  # 5/6 of stat's 0.5 reaches the motion
    weighing = weigh(graph)
    assert weighing.strength("cut") == 0.5 and weighing.strength("back") == 4 / 6
    assert weighing.motion_strength == pytest.approx(0.5 - 0.5 * h(0.5 * keep))
    by_hand = {
        "df-quad": 0.5 - 0.5 * 0.5 * keep,
        "max-based": 0.5 - 0.5 * (0.5 * keep) / (1 + 0.5 * keep),
    }
    for semantics, expected in by_hand.items():
        assert weigh(graph, semantics=semantics).motion_strength == pytest.approx(expected)
    # 'cut' raises the motion (it weakens a con link); 'back' lowers it (it gives the link back).
    amounts = dict(contributions(graph, weighing))
    assert amounts["back"] < 0 < amounts["cut"]


def test_one_weight_step_of_a_bundled_undercut_changes_its_parent_s_contribution() -> None:
    """sovereignty's undercut 'not-all-global' weakens its parent's link to the motion: one
    step of its weight changes what that claim contributes to the motion."""
    path = ARGUMENTS / "sovereignty.yaml"
    text = path.read_text(encoding="utf-8")
    graph = load_file(path).graph
    parent = graph.nodes["not-all-global"].parent
    assert parent is not None and graph.nodes["not-all-global"].claim is not None
    weight = graph.nodes["not-all-global"].claim.weight
    assert weight == 3

    def parent_contribution(source: str) -> float:
        changed = load_text(source, "sovereignty.yaml").graph
        return dict(contributions(changed, weigh(changed), only=[parent]))[parent]

    marker = "        undercut: true\n        weight: 3\n"
    assert text.count(marker) >= 1
    at = text.index("id: not-all-global")
    heavier = text[:at] + text[at:].replace(marker, marker.replace("3", "4"), 1)
    lighter = text[:at] + text[at:].replace(marker, marker.replace("3", "2"), 1)
    now = parent_contribution(text)
    assert now < 0  # a con claim: it lowers the motion
    # A heavier undercut leaves less of the link, so the claim lowers the motion less.
    assert parent_contribution(lighter) < now - 1e-3
    assert now + 1e-3 < parent_contribution(heavier) < 0


def test_a_cycle_through_an_undercut_settles_at_its_fixed_point() -> None:
    """'c2' weakens c1's rebuttal of c0 and c0 rebuts c2: c0 and c2 are solved together."""
    graph = load_text(CYCLE_THROUGH_AN_UNDERCUT, "t.yaml").graph
    for semantics in SEMANTICS:
        weighing = weigh(graph, semantics=semantics)
        assert weighing.converged, semantics
    weighing = weigh(graph)
    g, u = weighing.strength("c0"), weighing.strength("c2")
    assert g == pytest.approx(0.5 - 0.5 * h(0.5 * (1 - u)), abs=1e-7)
    assert u == pytest.approx(0.5 - 0.5 * h(g), abs=1e-7)
    assert 0.5 - 0.5 * h(0.5) < g < 0.5  # the undercut, itself attacked, takes part of p's hold
