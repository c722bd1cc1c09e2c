"""Gradual strength (quadratic energy), the verdict and removal contributions."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from argmap.contributions import contributions
from argmap.graph import ArgumentGraph, Edge
from argmap.load import LoadedDebate, load_text
from argmap.reading import explain_strength
from argmap.strength import (
    QBAF,
    Verdict,
    verdict_for,
    weigh,
    weigh_qbaf,
)
from argmap.verdict import debate_verdict

Load = Callable[..., LoadedDebate]
Framework = tuple[dict[str, float], list[tuple[str, str, float]]]


@st.composite
def debates(draw: st.DrawFn, max_claims: int = 10) -> str:
    """YAML text of a random valid debate (ids c0, c1, ...): weights, undercuts, cross-links."""
    count = draw(st.integers(min_value=1, max_value=max_claims))
    claims: list[dict[str, Any]] = []
    top: dict[str, list[dict[str, Any]]] = {"pro": [], "con": []}
    sides: list[bool] = []  # True for pro: a support may only back its own side
    for index in range(count):
        claim: dict[str, Any] = {"id": f"c{index}", "text": f"Claim {index}."}
        weight = draw(st.integers(0, 5))
        if weight:
            claim["weight"] = weight
        claims.append(claim)
        place = draw(st.integers(min_value=-2, max_value=index - 1)) if index else -1
        if place < 0:
            top["pro" if place == -1 else "con"].append(claim)
            sides.append(place == -1)
        elif draw(st.booleans()):
            claim["undercut"] = draw(st.integers(0, 2)) == 0
            claims[place].setdefault("rebuttals", []).append(claim)
            sides.append(not sides[place])
        else:
            claims[place].setdefault("support", []).append(claim)
            sides.append(sides[place])
    links = draw(
        st.lists(st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)), max_size=count)
    )
    for source, target in links:
        if source != target:
            key = "also_rebuts" if (source + target) % 3 else "also_supports"
            if key == "also_supports" and sides[source] != sides[target]:
                continue  # support across sides is refused by the loader
            targets = claims[source].setdefault(key, [])
            if f"c{target}" not in targets:
                targets.append(f"c{target}")
    return yaml.safe_dump({"title": "Random", "motion": "Something.", **top}, sort_keys=False)


def load_ok(text: str) -> ArgumentGraph:
    loaded = load_text(text, "random.yaml")
    assert loaded.errors == [], [d.format() for d in loaded.errors]
    return loaded.graph


def h(x: float) -> float:
    """The quadratic energy impact function, written out again for the hand computations."""
    x = max(0.0, x)
    return x * x / (1 + x * x)


def cubic_root() -> float:
    """The x in [0, 1] with x³ + x = 0.5 (by bisection): a mutual attack's fixpoint."""
    low, high = 0.0, 1.0
    for _ in range(60):
        mid = (low + high) / 2
        low, high = (mid, high) if mid**3 + mid < 0.5 else (low, mid)
    return low


# --- hand-computed examples -----------------------------------------------------------------


def test_a_lone_claim_keeps_its_base_score_and_moves_the_motion(load_debate: Load) -> None:
    graph = load_debate("title: T\nmotion: M.\npro:\n  - {id: p, text: P.}\n").graph
    weighing = weigh(graph)
    assert weighing.strength("p") == 0.5
    # E = 0.5, h = 0.25 / 1.25 = 0.2, σ = 0.5 + 0.5 · 0.2
    assert weighing.motion_strength == pytest.approx(0.6)
    assert weighing.verdict is Verdict.LEANS_PRO
    # Without its one claim the motion is balanced: the verdict is fragile, and says so.
    assert (
        debate_verdict(graph)
        .line(graph)
        .startswith("Leans pro (0.60) — fragile: without 'P.' it is balanced")
    )


TREE = """\
title: T
motion: M.
pro:
  - id: p
    text: P.
    weight: 4
    rebuttals: [{id: r, text: R.}]
con:
  - {id: c, text: C., weight: 2}
"""


def test_a_tree_by_hand(load_debate: Load) -> None:
    weighing = weigh(load_debate(TREE).graph)
    p = 4 / 6 - 4 / 6 * h(0.5)  # 0.5333
    assert weighing.strength("r") == 0.5
    assert weighing.strength("p") == pytest.approx(p)
    assert weighing.strength("c") == pytest.approx(2 / 6)
    motion = 0.5 + 0.5 * h(p - 2 / 6)  # 0.5192
    assert weighing.motion_strength == pytest.approx(motion)
    assert weighing.verdict is Verdict.BALANCED


def test_a_support_chain_by_hand(load_debate: Load) -> None:
    graph = load_debate(
        """\
        title: T
        motion: M.
        pro:
          - id: p
            text: P.
            support:
              - id: s1
                text: S1.
                support: [{id: s2, text: S2.}]
        """
    ).graph
    weighing = weigh(graph)
    s1 = 0.5 + 0.5 * h(0.5)  # 0.6
    p = 0.5 + 0.5 * h(s1)  # 0.6324
    assert weighing.strength("s2") == 0.5
    assert weighing.strength("s1") == pytest.approx(0.6)
    assert weighing.strength("p") == pytest.approx(p)
    assert weighing.motion_strength == pytest.approx(0.5 + 0.5 * h(p))


def test_a_mutual_attack_settles_at_the_symmetric_fixpoint(load_debate: Load) -> None:
    graph = load_debate(
        """\
        title: T
        motion: M.
        pro:
          - {id: a, text: A., also_rebuts: [b]}
        con:
          - {id: b, text: B., also_rebuts: [a]}
        """
    ).graph
    weighing = weigh(graph)
    # σ = 0.5 − 0.5·h(σ) = 0.5 / (1 + σ²), so σ³ + σ = 0.5.
    assert weighing.strength("a") == pytest.approx(cubic_root(), abs=1e-6)
    assert weighing.strength("b") == pytest.approx(cubic_root(), abs=1e-6)
    assert weighing.motion_strength == pytest.approx(0.5, abs=1e-6)
    assert weighing.converged


def test_a_cycle_of_three_settles(load_debate: Load) -> None:
    graph = load_debate(
        """\
        title: T
        motion: M.
        pro:
          - {id: a, text: A., also_rebuts: [b]}
          - {id: b, text: B., also_rebuts: [c]}
          - {id: c, text: C., also_rebuts: [a]}
        """
    ).graph
    weighing = weigh(graph)
    x = cubic_root()
    for claim in "abc":
        assert weighing.strength(claim) == pytest.approx(x, abs=1e-6)
    assert weighing.motion_strength == pytest.approx(0.5 + 0.5 * h(3 * x), abs=1e-6)
    assert weighing.converged


def test_the_published_worked_example() -> None:
    """Quadratic energy on the six-argument example also computed in the QDT notebook."""
    qbaf = QBAF.from_links(
        {"a": 0.5, "b": 0.2, "c": 0.85, "d": 0.65, "e": 0.4, "f": 1.0},
        [
            ("b", "a", 1.0),
            ("c", "a", -1.0),
            ("d", "a", 1.0),
            ("e", "b", -1.0),
            ("e", "c", 1.0),
            ("f", "c", -1.0),
        ],
    )
    strengths = weigh_qbaf(qbaf).strengths
    expected = {"a": 0.519, "b": 0.172, "c": 0.625, "d": 0.65, "e": 0.4, "f": 1.0}
    assert {k: round(v, 3) for k, v in strengths.items()} == expected


def test_an_undercut_weakens_the_link_by_its_own_strength(load_debate: Load) -> None:
    text = """\
        title: T
        motion: M.
        con:
          - id: stat
            text: Co-authored papers are cited more.
            rebuttals:
              - {id: cut, text: Better teams collaborate more., undercut: true}
        """
    weighing = weigh(load_debate(text).graph)
    assert weighing.strength("stat") == 0.5  # the statistic itself is not weakened
    # Its link counts 0.5 · (1 − 0.5): energy −0.25, where the whole link would give −0.5.
    with_cut = 0.5 - 0.5 * h(0.25)  # 0.4706
    assert weighing.motion_strength == pytest.approx(with_cut)
    graph = load_debate(text).graph
    # Removing the undercut lets 'stat' lower the motion to 0.4; removing 'stat' leaves 0.5.
    assert contributions(graph, weighing) == [
        ("cut", pytest.approx(with_cut - (0.5 - 0.5 * h(0.5)))),
        ("stat", pytest.approx(with_cut - 0.5)),
    ]
    # Claims are named by their text for readers, by id when asked.
    assert explain_strength(graph, weigh(graph), "stat") == (
        "Strength 0.50 (base 0.50, no weight given). Nothing rebuts or supports it, so it "
        "keeps its base score. Its link to the motion is weakened by 'Better teams "
        "collaborate more.' (an undercut), so 50% of its strength counts there."
    )
    assert explain_strength(graph, weigh(graph), "motion", show_ids=True) == (
        "The motion has strength 0.47 (the neutral base score). Lowered most by 'stat' "
        "(-0.03); raised most by 'cut' (+0.07)."
    )


def test_a_cross_link_repeating_a_cut_nested_link_still_carries(load_debate: Load) -> None:
    # An undercut cuts only the nested link; 'r' also names 'p' in also_rebuts, and that
    # cross-link cannot be undercut, so 'r' still lowers 'p'.
    graph = load_debate(
        """\
        title: T
        motion: M.
        pro:
          - id: p
            text: P.
            rebuttals:
              - id: r
                text: R.
                also_rebuts: [p]
                rebuttals:
                  - {id: u, text: U., undercut: true}
        """
    ).graph
    weighing = weigh(graph)
    assert weighing.strength("r") == 0.5
    assert weighing.strength("p") == pytest.approx(0.5 - 0.5 * h(0.5))  # 0.4
    assert weighing.motion_strength == pytest.approx(0.5 + 0.5 * h(0.4))


CUT_IN_A_CYCLE = """\
title: T
motion: M.
pro:
  - id: p
    text: P.
    also_rebuts: [r]
    rebuttals:
      - id: r
        text: R.
        rebuttals:
          - {id: u, text: U., undercut: true}
"""


def test_removing_an_undercut_inside_a_cycle_gives_its_link_back(load_debate: Load) -> None:
    # 'u' weakens r's rebuttal of p, and p and r rebut each other: removing 'u' must settle
    # the cycle again with the whole link, as the same debate written without 'u' does.
    graph = load_debate(CUT_IN_A_CYCLE).graph
    weighing = weigh(graph)
    without = weigh(
        load_debate(
            """\
            title: T
            motion: M.
            pro:
              - {id: p, text: P., also_rebuts: [r], rebuttals: [{id: r, text: R.}]}
            """
        ).graph
    )
    assert dict(contributions(graph, weighing))["u"] == pytest.approx(
        weighing.motion_strength - without.motion_strength, abs=1e-6
    )
    assert weighing.motion_strength - without.motion_strength > 0.01


def test_verdict_thresholds() -> None:
    assert verdict_for(0.56) is Verdict.LEANS_PRO
    assert verdict_for(0.551) is Verdict.BALANCED
    assert verdict_for(0.5) is Verdict.BALANCED
    assert verdict_for(0.45) is Verdict.BALANCED
    assert verdict_for(0.444) is Verdict.LEANS_CON


# --- contributions ----------------------------------------------------------------------------


def test_contributions_by_removal_by_hand(load_debate: Load) -> None:
    graph = load_debate(TREE).graph
    weighing = weigh(graph)
    amounts = dict(contributions(graph, weighing))
    p = 4 / 6 - 4 / 6 * h(0.5)
    motion = weighing.motion_strength
    assert amounts["p"] == pytest.approx(motion - (0.5 - 0.5 * h(2 / 6)))
    assert amounts["c"] == pytest.approx(motion - (0.5 + 0.5 * h(p)))
    assert amounts["r"] == pytest.approx(motion - (0.5 + 0.5 * h(4 / 6 - 2 / 6)))
    assert amounts["p"] > 0 > amounts["c"]
    ordered = contributions(graph, weighing)
    assert [abs(a) for _, a in ordered] == sorted((abs(a) for _, a in ordered), reverse=True)
    assert contributions(graph, weighing, limit=1) == ordered[:1]


def test_contributions_to_a_claim_inside_a_cycle_match_recomputing(load_debate: Load) -> None:
    text = """\
        title: T
        motion: M.
        pro:
          - {id: a, text: A., also_rebuts: [b], support: [{id: s, text: S.}]}
          - {id: b, text: B., also_rebuts: [c]}
          - {id: c, text: C., also_rebuts: [a]}
        """
    graph = load_debate(text).graph
    weighing = weigh(graph)
    amounts = dict(contributions(graph, weighing, "b"))
    without_s = weigh(load_debate(text.replace(", support: [{id: s, text: S.}]", "")).graph)
    assert amounts["s"] == pytest.approx(weighing.strength("b") - without_s.strength("b"))
    assert math.isclose(sum(1 for _ in amounts), 3)  # a, c and s reach b


def test_explain_strength_names_the_claims_that_moved_it(load_debate: Load) -> None:
    graph = load_debate(TREE).graph
    weighing = weigh(graph)
    text = explain_strength(graph, weighing, "p", show_ids=True)
    assert text.startswith("Strength 0.53 (base 0.67 from weight 4).")
    assert "Lowered most by 'r' (-0.13)" in text
    motion = explain_strength(graph, weighing, "motion", show_ids=True)
    assert motion.startswith("The motion has strength 0.52")
    assert "'c'" in motion and "'p'" in motion
    assert "keeps its base score" in explain_strength(graph, weighing, "r")


# --- an independent naive fixpoint ------------------------------------------------------------


def naive_strengths(
    base: dict[str, float],
    links: list[tuple[str, str, float]],
    step: float = 0.05,
    undercuts: dict[str, list[str]] | None = None,
    cuttable: set[tuple[str, str, float]] | None = None,
) -> dict[str, float]:
    """Quadratic energy by integrating dσ/dt = f(σ) − σ for every claim at once (Euler).

    No ordering, no parts, no shortcuts: the slow reading of the definition. On an acyclic
    framework it reaches the same fixpoint as one pass in order. A link in `cuttable` counts
    its source's strength times Π(1 − σ(u)·keep(u)) over the source's `undercuts` u.
    """
    unique = list(dict.fromkeys(links))
    sigma = dict(base)
    under = undercuts or {}

    def keep(claim: str) -> float:
        return math.prod(1 - sigma[u] * keep(u) for u in under.get(claim, []))

    for _ in range(200_000):
        energy = dict.fromkeys(base, 0.0)
        for source, target, sign in unique:
            weight = keep(source) if (source, target, sign) in (cuttable or ()) else 1.0
            energy[target] += sign * sigma[source] * weight
        goal = {n: base[n] - base[n] * h(-energy[n]) + (1 - base[n]) * h(energy[n]) for n in base}
        if max(abs(goal[n] - sigma[n]) for n in base) < 1e-11:
            return goal
        sigma = {n: sigma[n] + step * (goal[n] - sigma[n]) for n in base}
    raise AssertionError("the naive integration did not settle")


@st.composite
def frameworks(
    draw: st.DrawFn, max_args: int = 9, acyclic: bool = False
) -> tuple[dict[str, float], list[tuple[str, str, float]]]:
    """Random base scores in [0, 1] and random attack/support links (cycles allowed)."""
    count = draw(st.integers(1, max_args))
    names = [f"a{i}" for i in range(count)]
    base = {n: draw(st.floats(0.0, 1.0)) for n in names}
    pairs = draw(
        st.lists(
            st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)), max_size=2 * count
        )
    )
    links = []
    for source, target in pairs:
        if source == target or (acyclic and source <= target):
            continue
        links.append((names[source], names[target], draw(st.sampled_from([1.0, -1.0]))))
    return base, links


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(frameworks())
def test_strengths_match_the_naive_fixpoint(framework: Framework) -> None:
    base, links = framework
    weighing = weigh_qbaf(QBAF.from_links(base, links))
    if weighing.converged:
        expected = naive_strengths(base, links)
        for name in base:
            assert weighing.strength(name) == pytest.approx(expected[name], abs=1e-5)


CYCLE_THROUGH_AN_UNDERCUT = """\
title: Random
motion: Something.
pro:
  - id: c0
    text: Claim 0.
    also_rebuts: [c2]
    rebuttals:
      - id: c1
        text: Claim 1.
        rebuttals:
          - {id: c2, text: Claim 2., undercut: true}
"""

CROSS_OVER_A_CUT_LINK = """\
title: Random
motion: Something.
pro:
  - id: c0
    text: Claim 0.
    rebuttals:
      - id: c1
        text: Claim 1.
        also_rebuts: [c0]
        rebuttals:
          - {id: c2, text: Claim 2., undercut: true}
"""


@SETTINGS
@given(debates())
@example(CUT_IN_A_CYCLE)  # removing the undercut gives a link inside a cycle back
@example(CYCLE_THROUGH_AN_UNDERCUT)  # g rebuts the undercut that weakens a link into g
@example(CROSS_OVER_A_CUT_LINK)  # a cross-link repeating an undercut nested link carries whole
def test_debate_strengths_match_the_naive_fixpoint(text: str) -> None:
    """From a random debate file: supports raise, rebuttals lower, undercuts weaken links."""
    graph = load_ok(text)
    # Every undercut weakens its parent's nested link, unless a cross-link repeats that link
    # (a cross-link cannot be undercut).
    undercuts: dict[str, list[str]] = {}
    for e in graph.edges:
        if e.relation.value == "undercuts":
            undercuts.setdefault(e.target, []).append(e.source)

    def signed(e: Edge) -> tuple[str, str, float]:
        return (e.source, e.target, 1.0 if e.relation.value == "supports" else -1.0)

    links = [signed(e) for e in graph.edges if e.relation.value != "undercuts"]
    crossed = {signed(e) for e in graph.edges if e.cross}
    cuttable = {
        signed(e)
        for e in graph.edges
        if not e.cross and e.relation.value != "undercuts" and signed(e) not in crossed
    }
    base = {
        n.id: 0.5 if n.claim is None or n.claim.weight is None else n.claim.weight / 6
        for n in graph.nodes.values()
    }
    weighing = weigh(graph)
    assert weighing.converged
    expected = naive_strengths(base, links, undercuts=undercuts, cuttable=cuttable)
    for claim_id in graph.nodes:
        assert 0.0 <= weighing.strength(claim_id) <= 1.0
        assert weighing.strength(claim_id) == pytest.approx(expected[claim_id], abs=1e-5)
    # Contributions by removal, against removing the claim and recomputing everything.
    for claim_id, amount in contributions(graph, weighing):
        kept = [link for link in links if claim_id not in link[:2]]
        fewer = {p: [u for u in us if u != claim_id] for p, us in undercuts.items()}
        without = naive_strengths({**base, claim_id: 0.0}, kept, undercuts=fewer, cuttable=cuttable)
        assert amount == pytest.approx(weighing.motion_strength - without["motion"], abs=1e-5)


# --- the properties the literature asks for ---------------------------------------------------


@SETTINGS
@given(frameworks())
def test_stability_and_balance(framework: Framework) -> None:
    """No links: σ = τ. Only attacks: σ ≤ τ. Only supports: σ ≥ τ. Energy 0: σ = τ."""
    base, links = framework
    weighing = weigh_qbaf(QBAF.from_links(base, links))
    for name, tau in base.items():
        signs = {sign for _, target, sign in links if target == name}
        sigma = weighing.strength(name)
        if not signs:
            assert sigma == tau
        elif signs == {-1.0}:
            assert sigma <= tau + 1e-9
        elif signs == {1.0}:
            assert sigma >= tau - 1e-9
    # Balance: a claim with one attacker and one supporter of equal strength keeps τ.
    twins = weigh_qbaf(
        QBAF.from_links({"x": 0.3, "a": 0.7, "s": 0.7}, [("a", "x", -1.0), ("s", "x", 1.0)])
    )
    assert twins.strength("x") == pytest.approx(0.3)


@SETTINGS
@given(frameworks(acyclic=True), st.data())
def test_monotonicity(framework: Framework, data: st.DataObject) -> None:
    """A stronger attacker never raises its target; a stronger supporter never lowers it."""
    base, links = framework
    single = [link for link in links if sum(1 for o in links if o[0] == link[0]) == 1]
    if not single:
        return
    source, target, sign = data.draw(st.sampled_from(single))
    stronger = {**base, source: data.draw(st.floats(base[source], 1.0))}
    before = weigh_qbaf(QBAF.from_links(base, links)).strength(target)
    after = weigh_qbaf(QBAF.from_links(stronger, links)).strength(target)
    if sign < 0:
        assert after <= before + 1e-12
    else:
        assert after >= before - 1e-12


@SETTINGS
@given(frameworks(), st.data())
def test_directionality(framework: Framework, data: st.DataObject) -> None:
    """A new link a → b changes only b and what b reaches."""
    base, links = framework
    names = list(base)
    source = data.draw(st.sampled_from(names))
    target = data.draw(st.sampled_from([n for n in names if n != source] or names))
    if source == target:
        return
    new = (source, target, data.draw(st.sampled_from([1.0, -1.0])))
    before = weigh_qbaf(QBAF.from_links(base, links))
    after = weigh_qbaf(QBAF.from_links(base, [*links, new]))
    reached = {target}
    stack = [target]
    while stack:
        node = stack.pop()
        for s, t, _ in [*links, new]:
            if s == node and t not in reached:
                reached.add(t)
                stack.append(t)
    for name in names:
        if name not in reached:
            assert after.strength(name) == pytest.approx(before.strength(name), abs=1e-9)


def test_contributions_within_a_few_links_are_the_same_amounts(
    load_debate: Load, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argmap import verdict

    graph = load_debate(TREE).graph
    weighing = weigh(graph)
    every = dict(contributions(graph, weighing))
    near = dict(contributions(graph, weighing, within=1))
    assert set(near) == {"p", "c"} and set(every) == {"p", "c", "r"}
    assert near == {k: every[k] for k in near}
    # A large debate's headline tries only claims near the motion ('r' is two links away).
    monkeypatch.setattr(verdict, "LARGE_DEBATE", 0)
    monkeypatch.setattr(verdict, "NEAR_MOTION", 1)
    reading = verdict.debate_verdict(graph, weighing=weighing)
    assert [c for c, _ in reading.raised + reading.lowered] == ["p", "c"]
