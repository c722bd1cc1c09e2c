"""Gradual strength (quadratic energy), the verdict and removal contributions."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from argmap.load import LoadedDebate
from argmap.strength import (
    QBAF,
    Verdict,
    contributions,
    explain_strength,
    verdict_for,
    weigh,
    weigh_qbaf,
)

Load = Callable[..., LoadedDebate]


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
    assert weighing.headline() == "Leans pro — strength 0.60"


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
    assert weighing.headline() == "Balanced — strength 0.52"


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


def test_a_standing_undercut_cuts_the_link_so_it_carries_nothing(load_debate: Load) -> None:
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
    assert weighing.motion_strength == 0.5  # but it no longer reaches the motion
    graph = load_debate(text).graph
    # Removing the undercut would let 'stat' lower the motion to 0.4.
    assert contributions(graph, weighing) == [("cut", pytest.approx(0.1))]


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
    text = explain_strength(graph, weighing, "p")
    assert text.startswith("It has strength 0.53 (base 0.67 from weight 4).")
    assert "Lowered most by 'r' (-0.13)" in text
    motion = explain_strength(graph, weighing, "motion")
    assert motion.startswith("The motion has strength 0.52")
    assert "'c'" in motion and "'p'" in motion
    assert "keeps its base score" in explain_strength(graph, weighing, "r")
