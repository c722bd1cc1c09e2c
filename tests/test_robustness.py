"""Other gradual semantics (DF-QuAD, max-based), and how robust a debate's verdict is."""

from __future__ import annotations

import itertools
from typing import get_args

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.gradual import SEMANTICS, df_quad, max_based, quadratic_energy, solve
from argmap.graph import ArgumentGraph
from argmap.load import load_paths, load_text
from argmap.model import MOTION_ID, SemanticsName
from argmap.robustness import robustness, steps, weight_of
from argmap.strength import QBAF, verdict_for, weigh, weigh_qbaf
from argmap.verdict import debate_verdict, short_verdict
from tests.test_strength import debates

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_ok(text: str) -> ArgumentGraph:
    loaded = load_text(text, "random.yaml")
    assert loaded.ok, loaded.diagnostics
    return loaded.graph


def test_the_registry_is_the_format_s_list() -> None:
    # A debate file may name any semantics argmap can weigh with, and no other.
    assert tuple(SEMANTICS) == get_args(SemanticsName)


# --- DF-QuAD (Rago, Toni, Aurisicchio, Baroni, KR 2016) ---------------------------------------


def test_df_quad_by_hand() -> None:
    # Attackers 0.5 and 0.4: F = 1 - 0.5 * 0.6 = 0.7; supporter 0.2: F = 0.2.
    # a >= s, so σ = τ - τ (a - s) = 0.6 - 0.6 * 0.5 = 0.3.
    assert df_quad(0.6, [(-1, 0.5), (-1, 0.4), (1, 0.2)]) == pytest.approx(0.3)
    # Support stronger: σ = τ + (1 - τ)(s - a) = 0.6 + 0.4 * (0.75 - 0.5) = 0.7.
    assert df_quad(0.6, [(-1, 0.5), (1, 0.5), (1, 0.5)]) == pytest.approx(0.7)


def test_df_quad_balance_and_saturation() -> None:
    # Balance: equal attack and support keep the base score.
    assert df_quad(0.3, [(-1, 0.6), (1, 0.6)]) == pytest.approx(0.3)
    # One attacker at full strength takes the claim to 0 when nothing supports it.
    assert df_quad(0.8, [(-1, 1.0)]) == 0.0
    assert df_quad(0.8, [(1, 1.0)]) == 1.0


@given(
    st.floats(0, 1),
    st.lists(st.tuples(st.sampled_from([-1.0, 1.0]), st.floats(0, 1)), max_size=5),
    st.floats(0, 1),
)
def test_every_semantics_is_monotone_and_stable(
    base: float, inputs: list[tuple[float, float]], extra: float
) -> None:
    for update in (quadratic_energy, df_quad, max_based):
        # Stability: nothing attacks or supports it, it keeps its base score.
        assert update(base, []) == pytest.approx(base)
        before = update(base, inputs)
        # A further attacker never raises it, a further supporter never lowers it.
        assert update(base, [*inputs, (-1.0, extra)]) <= before + 1e-12
        assert update(base, [*inputs, (1.0, extra)]) >= before - 1e-12
        assert 0.0 <= before <= 1.0


# --- weighted max-based (Amgoud, Ben-Naim, Doder, Vesic, IJCAI 2017) ---------------------------


def test_max_based_is_amgoud_et_al_on_attacks() -> None:
    # σ(a) = τ(a) / (1 + max σ(attackers)).
    assert max_based(0.8, [(-1, 0.6), (-1, 0.2)]) == pytest.approx(0.8 / 1.6)
    # A chain c -> b -> a of attacks, all τ = 1: σ(c) = 1, σ(b) = 1/2, σ(a) = 2/3.
    qbaf = QBAF.from_links({"a": 1.0, "b": 1.0, "c": 1.0}, [("b", "a", -1), ("c", "b", -1)])
    sigma, _ = solve(qbaf, "max-based")
    assert sigma == pytest.approx([2 / 3, 1 / 2, 1.0])


def test_max_based_does_not_reward_counting() -> None:
    one = max_based(0.5, [(1, 0.6)])
    # Many weaker supporters add nothing; a stronger one does.
    assert max_based(0.5, [(1, 0.6), (1, 0.5), (1, 0.6), (1, 0.1)]) == one
    assert max_based(0.5, [(1, 0.7)]) > one
    # Under quadratic energy and DF-QuAD they add up.
    assert quadratic_energy(0.5, [(1, 0.6), (1, 0.5)]) > quadratic_energy(0.5, [(1, 0.6)])
    assert df_quad(0.5, [(1, 0.6), (1, 0.5)]) > df_quad(0.5, [(1, 0.6)])
    # Support only: σ = τ + (1 - τ) · α / (1 + α) with α = 0.6: 0.5 + 0.5 · 0.375.
    assert one == pytest.approx(0.6875)


def test_mutual_attack_settles_under_every_semantics() -> None:
    qbaf = QBAF.from_links({"a": 0.5, "b": 0.5}, [("a", "b", -1), ("b", "a", -1)])
    # Quadratic energy: σ³ + σ = 0.5 (docs); max-based: σ = 0.5 / (1 + σ), σ² + σ = 0.5.
    assert solve(qbaf, "max-based")[0][0] == pytest.approx((-1 + 3**0.5) / 2, abs=1e-6)
    quadratic = weigh_qbaf(qbaf).strength("a")
    assert solve(qbaf, "quadratic-energy")[0][0] == pytest.approx(quadratic, abs=1e-6)
    value = solve(qbaf, "df-quad")[0][0]
    assert value == pytest.approx(0.5 - 0.5 * value, abs=1e-6)  # σ = τ - τ σ: 1/3


def test_a_debate_file_chooses_its_semantics() -> None:
    text = (
        "title: T\nmotion: M.\nsemantics: max-based\n"
        "pro:\n  - {id: a, text: A., weight: 4}\n  - {id: b, text: B., weight: 4}\n"
    )
    graph = load_ok(text)
    chosen = weigh(graph)
    assert chosen.semantics == "max-based"
    # Only the strongest supporter counts: 2/3 gives α = 2/3, σ = 0.5 + 0.5 · 0.4 = 0.7.
    assert chosen.motion_strength == pytest.approx(0.7)
    # An option overrides the file; two supporters add up under quadratic energy.
    assert weigh(graph, semantics="quadratic-energy").motion_strength > 0.7


# --- robustness ------------------------------------------------------------------------------


def brute_force_range(graph: ArgumentGraph, semantics: str) -> tuple[float, float]:
    """The motion's lowest and highest strength over every combination of weight steps."""
    weighing = weigh(graph, semantics=semantics)
    qbaf = weighing.qbaf
    assert qbaf is not None
    claims = [i for i, claim_id in enumerate(qbaf.ids) if claim_id != MOTION_ID]
    choices = [
        [weight_of(graph, qbaf.ids[i]), *steps(weight_of(graph, qbaf.ids[i]))] for i in claims
    ]
    target = qbaf.index[MOTION_ID]
    values = []
    for combination in itertools.product(*choices):
        bases = list(qbaf.base)
        for i, weight in zip(claims, combination, strict=True):
            bases[i] = weight / 6
        values.append(solve(qbaf, semantics, base=bases)[0][target])
    return min(values), max(values)


@SETTINGS
@given(debates(max_claims=6), st.sampled_from(list(SEMANTICS)))
def test_the_range_is_brute_force_s(text: str, semantics: str) -> None:
    """On small random debates (cross-links, cycles, undercuts), the range found from the
    signs of the paths equals the extremes over every combination of weight steps."""
    graph = load_ok(text)
    weighing = weigh(graph, semantics=semantics)
    found = robustness(graph, weighing)
    low, high = brute_force_range(graph, semantics)
    if found.exact_range:
        assert found.low == pytest.approx(low, abs=1e-6)
        assert found.high == pytest.approx(high, abs=1e-6)
    else:
        assert low - 1e-6 <= found.low and found.high <= high + 1e-6


@SETTINGS
@given(debates(max_claims=7))
def test_flip_sets_are_what_one_change_does(text: str) -> None:
    graph = load_ok(text)
    weighing = weigh(graph)
    found = robustness(graph, weighing)
    qbaf = weighing.qbaf
    assert qbaf is not None
    target = qbaf.index[MOTION_ID]
    flips_by_weight = set()
    for i, claim_id in enumerate(qbaf.ids):
        if claim_id == MOTION_ID:
            continue
        for weight in steps(weight_of(graph, claim_id)):
            bases = list(qbaf.base)
            bases[i] = weight / 6
            value = solve(qbaf, base=bases)[0][target]
            if verdict_for(value) != weighing.verdict:
                flips_by_weight.add(claim_id)
    assert {c for c, _, _ in found.flip_by_weight} == flips_by_weight
    flips_by_removal = set()
    for i, claim_id in enumerate(qbaf.ids):
        if claim_id != MOTION_ID:
            value = solve(qbaf, removed=i)[0][target]
            if verdict_for(value) != weighing.verdict:
                flips_by_removal.add(claim_id)
    assert {c for c, _ in found.flip_by_removal} == flips_by_removal
    assert found.robust == (not flips_by_removal and not flips_by_weight)


def test_a_lone_claim_is_fragile_and_says_which() -> None:
    graph = load_ok("title: T\nmotion: M.\npro:\n  - {id: p, text: Prices fall.}\n")
    reading = debate_verdict(graph)
    assert not reading.robust
    assert reading.robustness.flip_by_removal == [("p", verdict_for(0.5))]
    # Weight 3 -> 2 gives σ(p) = 1/3 and the motion 0.5 + 0.5 h(1/3) = 0.55: balanced.
    assert [(c, w) for c, w, _ in reading.robustness.flip_by_weight] == [("p", 2)]
    assert reading.line(graph).startswith(
        "Leans pro (0.60) — fragile: without 'Prices fall.' it is balanced"
    )
    assert reading.line(graph, show_ids=True).startswith(
        "Leans pro (0.60) — fragile: without 'p' it is balanced"
    )


def test_many_claims_make_a_robust_verdict() -> None:
    pros = "".join(f"  - {{id: p{i}, text: Reason {i}., weight: 4}}\n" for i in range(6))
    graph = load_ok(f"title: T\nmotion: M.\npro:\n{pros}con:\n  - {{id: c, text: C.}}\n")
    reading = debate_verdict(graph)
    assert reading.robust and reading.verdict.value == "leans-pro"
    assert reading.line(graph).startswith(
        f"Leans pro ({reading.strength:.2f}) — robust: no single removal or weight step"
    )
    # Max-based counts only the strongest on each side: 2/3 against 1/2.
    value, verdict = reading.robustness.semantics["max-based"]
    assert value == pytest.approx(0.5 + 0.5 * (1 / 6) / (1 + 1 / 6))
    assert verdict.value == "leans-pro"


BUNDLED = {item.graph.debate.title: item.graph for item in load_paths(["arguments"])}


def test_a_robust_verdict_whose_range_crosses_sides_says_the_range_moves_every_weight() -> None:
    # The umbrella debate holds against any one change, yet moving all its weights at once
    # spans both sides: the range line must say "all ... together", so it does not read as
    # contradicting "no single ... step changes it" beside it.
    graph = next(
        g for g in BUNDLED.values() if (g.debate.id or g.path.stem) == "international-collaboration"
    )
    reading = debate_verdict(graph)
    low, high = reading.robustness.range_verdicts
    assert reading.robust and low is not high
    headline, _, range_line = reading.lines(graph)
    assert "no single removal or weight step changes it" in headline
    assert range_line.startswith("With all weights moved one step together:")
    assert range_line.endswith(f"(from {short_verdict(low)} to {short_verdict(high)})")


def test_one_removal_flips_the_bundled_debates_that_hang_on_one_claim() -> None:
    by_id = {g.debate.id or g.path.stem: g for g in BUNDLED.values()}
    for debate_id in ("dual-use-security", "brain-drain"):
        graph = by_id[debate_id]
        weighing = weigh(graph)
        found = robustness(graph, weighing)
        assert found.flip_by_removal, debate_id
        qbaf = weighing.qbaf
        assert qbaf is not None
        for claim_id, verdict in found.flip_by_removal:
            value = solve(qbaf, removed=qbaf.index[claim_id])[0][qbaf.index[MOTION_ID]]
            assert verdict_for(value) is verdict is not weighing.verdict, claim_id
