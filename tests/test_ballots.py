"""Ballot files: reading and checking them, blank ballots, and the class's tally."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.ballots.blank import blank_ballot
from argmap.ballots.format import is_ballot_text, load_ballot_file, load_ballot_text
from argmap.ballots.tally import tally
from argmap.graph import ArgumentGraph
from argmap.load import load_file, load_text
from argmap.strength import Verdict, weigh

DATA = Path(__file__).parent / "data" / "ballots"
THREE = DATA / "three.yaml"


@pytest.fixture(scope="module")
def three() -> ArgumentGraph:
    return load_file(THREE).graph


def _ballot(graph: ArgumentGraph, text: str, name: str = "b.yaml"):  # type: ignore[no-untyped-def]
    return load_ballot_text(text, name, graph)


def _messages(loaded) -> list[str]:  # type: ignore[no-untyped-def]
    return [d.format() for d in loaded.diagnostics]


# --- the format --------------------------------------------------------------------------


def test_a_ballot_reads_its_weights_in_file_order(three: ArgumentGraph) -> None:
    loaded = _ballot(three, "debate: three\nby: Ana\nweights:\n  b: 1\n  a: 5\n")
    assert loaded.ok and loaded.diagnostics == []
    assert loaded.ballot is not None
    assert list(loaded.ballot.weights.items()) == [("b", 1), ("a", 5)]
    assert loaded.name == "Ana"


def test_a_ballot_without_by_is_named_after_its_file(three: ArgumentGraph) -> None:
    loaded = _ballot(three, "debate: three\nweights: {a: 2}\n", "ballots/three/ben.yaml")
    assert loaded.ok and loaded.name == "ben"


def test_every_problem_is_reported_at_its_line_and_column(three: ArgumentGraph) -> None:
    text = (
        "debate: three\n"
        "weigths: {}\n"
        "weights:\n"
        "  a: 5\n"
        "  a: 4\n"
        "  b: 7\n"
        "  c: two\n"
        "  motion: 3\n"
        "  c: true\n"
    )
    loaded = _ballot(three, text)
    assert not loaded.ok and loaded.ballot is None
    assert _messages(loaded) == [
        "b.yaml:2:1: error: unknown key 'weigths' in a ballot (did you mean 'weights'?)",
        "b.yaml:5:3: error: key 'a' is given twice in this mapping (first at line 4, "
        "column 3); only one is allowed",
        "b.yaml:6:6: error: weight 7 of 'b' is outside 1-5",
        "b.yaml:7:6: error: the weight of 'c' must be a whole number from 1 to 5",
        "b.yaml:8:3: error: the motion has no weight; weigh the claims for and against it",
        "b.yaml:9:3: error: key 'c' is given twice in this mapping (first at line 7, "
        "column 3); only one is allowed",
    ]


def test_a_ballot_for_another_debate_is_an_error(three: ArgumentGraph) -> None:
    loaded = _ballot(three, "by: Ana\ndebate: open-data\nweights: {a: 2}\n")
    assert not loaded.ok
    assert _messages(loaded) == [
        "b.yaml:2:9: error: this ballot is for debate 'open-data', not 'three'"
    ]


def test_a_stale_id_is_a_warning_naming_it_and_its_weight_is_left_out(
    three: ArgumentGraph,
) -> None:
    loaded = _ballot(three, "debate: three\nweights:\n  a: 2\n  bb: 5\n  gone: 1\n")
    assert loaded.ok  # warnings only
    assert loaded.ballot is not None and loaded.ballot.weights == {"a": 2}
    assert loaded.unknown == ["bb", "gone"]
    assert _messages(loaded) == [
        "b.yaml:4:3: warning: debate 'three' has no claim 'bb' (did you mean 'b'?); "
        "this weight is left out",
        "b.yaml:5:3: warning: debate 'three' has no claim 'gone'; this weight is left out",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "1:1: error: file is empty; a ballot needs `debate` and `weights`"),
        ("- a\n", "1:1: error: a ballot must be a mapping with `debate` and `weights`"),
        ("weights: {}\n", "1:1: error: a ballot needs `debate: <debate id>`"),
        ("debate: Three Claims\nweights: {}\n", "1:9: error: `debate` must be the id"),
        ("debate: three\nweights: [a, b]\n", "2:10: error: `weights` must be a mapping"),
        ("debate: three\nweights: {a: 2\n", "2:10: error: YAML syntax error"),
        ("debate: !!python/name:os.system x\nweights: {}\n", "unsupported YAML tag"),
    ],
)
def test_malformed_ballots_get_a_clear_error(text: str, message: str) -> None:
    loaded = load_ballot_text(text, "b.yaml")
    assert not loaded.ok
    assert any(message in line for line in _messages(loaded)), _messages(loaded)


def test_an_unreadable_ballot_file_is_a_diagnostic(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_bytes(b"debate: three\nby: \xff\n")
    assert "not valid UTF-8" in _messages(load_ballot_file(tmp_path / "bad.yaml"))[0]
    missing = load_ballot_file(tmp_path / "nope.yaml")
    assert _messages(missing) == [f"{tmp_path / 'nope.yaml'}: error: no such file"]


def test_ballot_text_is_told_from_debate_text() -> None:
    assert is_ballot_text("debate: three\nweights:\n  a: 2\n")
    assert not is_ballot_text(THREE.read_text(encoding="utf-8"))
    assert not is_ballot_text("motion: x\nweights: {}\n")


# --- blank ballots -------------------------------------------------------------------------


def test_a_blank_ballot_lists_every_claim_in_tree_order_and_weighs_nothing(
    three: ArgumentGraph,
) -> None:
    text = blank_ballot(three, by="Ana")
    ids = [line[4:].split(":")[0] for line in text.splitlines() if line.startswith("  # ")]
    assert [i for i in ids if i in three.nodes] == ["a", "b", "c"]
    assert "  # a: 4\n" in text and "  # b: 3\n" in text  # b has no weight: the default 3
    loaded = _ballot(three, text)
    assert loaded.ok and loaded.diagnostics == []
    assert loaded.ballot is not None and loaded.ballot.weights == {}
    assert loaded.name == "Ana"


def test_uncommenting_a_line_of_a_blank_ballot_weighs_that_claim(three: ArgumentGraph) -> None:
    text = blank_ballot(three).replace("  # b: 3\n", "  b: 1\n")
    loaded = _ballot(three, text)
    assert loaded.ballot is not None and loaded.ballot.weights == {"b": 1}


HOSTILE = """\
id: hostile
title: Hostile
motion: "The motion\\u2028weights: {a: 1}"
pro:
  - id: a
    text: "line one\\nb: 5\\r\\nx: 1 # not a comment\\u2029c: 2\\x85d: 3\\e[2J"
  - id: "null"
    text: A claim whose id YAML reads as nothing.
  - id: "123"
    text: "Ends in a quote and a backslash \\\\\\""
con: []
"""


def test_claim_text_in_a_blank_ballot_cannot_break_out_of_its_comment() -> None:
    loaded = load_text(HOSTILE, "hostile.yaml")
    assert loaded.ok, loaded.diagnostics
    graph = loaded.graph
    text = blank_ballot(graph, by='Zoë "Z" \u2028 weights: 1')
    assert "\x1b" not in text and "\u2028" not in text and "\x85" not in text
    ballot = load_ballot_text(text, "b.yaml", graph)
    assert ballot.ok, ballot.diagnostics
    assert ballot.ballot is not None and ballot.ballot.weights == {}
    assert ballot.name == 'Zoë "Z" \u2028 weights: 1'
    # Every id written, uncommented, reads back as the same id.
    for claim_id in ("a", "null", "123"):
        line = next(
            line
            for line in text.splitlines()
            if line.startswith("  # ") and (line[4:].startswith((claim_id + ":", f'"{claim_id}":')))
        )
        weighed = load_ballot_text(text.replace(line, "  " + line[4:]), "b.yaml", graph)
        assert weighed.ballot is not None and list(weighed.ballot.weights) == [claim_id]


# --- the tally -----------------------------------------------------------------------------

# The debate `three`: pro `a` (weight 4), con `b` (no weight: 3), `c` rebuts `b` (weight 2).
# Quadratic energy, h(x) = x²/(1+x²) for x > 0; base score = weight/6.
# Author: σc = 1/3; σb = 1/2 − 1/2·h(1/3) = 1/2 − 1/2·(1/10) = 0.45; σa = 2/3;
#   motion E = 2/3 − 0.45 = 0.216667, σ = 1/2 + 1/2·h(E) = 0.522420 (balanced).
# Ana {a: 5, b: 1}: σb = 1/6 − 1/6·(1/10) = 0.15; E = 5/6 − 0.15 = 0.683333;
#   h = 0.466944/1.466944 = 0.318312; σ = 0.659156 (leans pro).
# Ben {a: 1, b: 5, c: 1}: σc = 1/6, h(1/6) = 1/37, σb = 5/6·36/37 = 0.810811;
#   E = 1/6 − 0.810811 = −0.644144; h = 0.293248; σ = 1/2 − 1/2·h = 0.353376 (leans con).
# Cy {} : the author's 0.522420 (balanced).
# Quartiles (inclusive) of 0.353376, 0.522420, 0.659156: 0.437898, 0.522420, 0.590788.
# Median weights: a median(5, 1, 4) = 4, b median(1, 5, 3) = 3, c median(2, 1, 2) = 2:
#   the author's, so the median verdict is the author's.
# Weight spread (population sd): a (5, 1, 4) 1.699673; b (1, 5, 3) 1.632993; c 0.471405.
BALLOTS = {
    "ana": "debate: three\nby: Ana\nweights: {a: 5, b: 1}\n",
    "ben": "debate: three\nby: Ben\nweights: {a: 1, b: 5, c: 1}\n",
    "cy": "debate: three\nby: Cy\nweights: {}\n",
}


def test_a_tally_of_hand_made_ballots_equals_the_hand_computed_verdicts(
    three: ArgumentGraph,
) -> None:
    ballots = [_ballot(three, text, f"{name}.yaml") for name, text in BALLOTS.items()]
    result = tally(three, ballots)
    assert [(r.name, r.weighed, r.verdict) for r in result.results] == [
        ("Ana", 2, Verdict.LEANS_PRO),
        ("Ben", 3, Verdict.LEANS_CON),
        ("Cy", 0, Verdict.BALANCED),
    ]
    assert [r.strength for r in result.results] == pytest.approx(
        [0.659156, 0.353376, 0.522420], abs=1e-6
    )
    assert result.split == {Verdict.LEANS_PRO: 1, Verdict.BALANCED: 1, Verdict.LEANS_CON: 1}
    assert result.quartiles == pytest.approx((0.437898, 0.522420, 0.590788), abs=1e-6)
    assert result.median_weights == {"a": 4.0, "b": 3.0, "c": 2.0}
    assert result.median.motion_strength == pytest.approx(0.522420, abs=1e-6)
    assert result.median.verdict is Verdict.BALANCED
    assert result.author.strengths == weigh(three).strengths
    assert [(c.claim_id, c.low, c.high) for c in result.contested_weights] == [
        ("a", 1, 5),
        ("b", 1, 5),
        ("c", 1, 2),
    ]
    assert [c.spread for c in result.contested_weights] == pytest.approx(
        [1.699673, 1.632993, 0.471405], abs=1e-6
    )
    assert result.disagreements == []
    assert result.histogram("a") == [1, 0, 0, 1, 1]
    assert result.histogram("c") == [1, 2, 0, 0, 0]


def test_contested_contributions_are_the_spread_of_removal_contributions(
    three: ArgumentGraph,
) -> None:
    # a's contribution to the motion is σ(motion) − σ(motion without a):
    # Ana: without a, E = −0.15, σ = 1/2 − 1/2·h(0.15) = 0.488998; 0.659156 − 0.488998.
    # Ben: without a, E = −0.810811, σ = 0.5 − 0.5·0.396651 = 0.301675; 0.353376 − 0.301675.
    # Cy: without a, E = −0.45, σ = 0.5 − 0.5·0.168399 = 0.415800; 0.522420 − 0.415800.
    ballots = [_ballot(three, text, f"{name}.yaml") for name, text in BALLOTS.items()]
    result = tally(three, ballots)
    by_id = {c.claim_id: c for c in result.contested_contributions}
    assert by_id["a"].low == pytest.approx(0.353376 - 0.301675, abs=1e-5)
    assert by_id["a"].high == pytest.approx(0.659156 - 0.488998, abs=1e-5)


def test_the_class_disagrees_where_its_median_weight_leaves_the_authors(
    three: ArgumentGraph,
) -> None:
    texts = [
        "debate: three\nweights: {a: 1, c: 5}\n",
        "debate: three\nweights: {a: 2, c: 4}\n",
        "debate: three\nweights: {a: 4}\n",
    ]
    result = tally(three, [_ballot(three, t, f"{i}.yaml") for i, t in enumerate(texts)])
    # a: median(1, 2, 4) = 2 against the author's 4; c: median(5, 4, 2) = 4 against 2.
    assert [(d.claim_id, d.author, d.median) for d in result.disagreements] == [
        ("a", 4, 2.0),
        ("c", 2, 4.0),
    ]
    assert result.median_weights == {"a": 2.0, "c": 4.0}


def test_one_ballot_tallies(three: ArgumentGraph) -> None:
    result = tally(three, [_ballot(three, BALLOTS["ana"])])
    assert result.quartiles == pytest.approx((0.659156,) * 3, abs=1e-6)
    assert result.contested_weights == [] and result.contested_contributions == []
    assert result.median.verdict is Verdict.LEANS_PRO


def test_a_tally_of_no_ballot_is_refused(three: ArgumentGraph) -> None:
    with pytest.raises(ValueError, match="no ballots"):
        tally(three, [])


# --- the schema ----------------------------------------------------------------------------


def test_ballot_schema_copy_is_current() -> None:
    from argmap.cli.schema import ballot_schema_text

    committed = (Path(__file__).parents[1] / "schema" / "ballot.schema.json").read_text(
        encoding="utf-8"
    )
    assert committed == ballot_schema_text(), (
        "schema/ballot.schema.json is stale; run "
        "`argmap schema --ballot > schema/ballot.schema.json`"
    )


def test_the_schema_model_and_the_reader_agree(three: ArgumentGraph) -> None:
    import yaml
    from pydantic import ValidationError

    from argmap.ballots.schema import Ballot

    good = "debate: three\nby: Ana\nweights:\n  a: 5\n  b:\n"
    bad = ["debate: three\nweights: {a: 6}\n", "debate: three\nwieghts: {}\n", "weights: {}\n"]
    assert _ballot(three, good).ok
    Ballot.model_validate(yaml.safe_load(good))
    for text in bad:
        assert not load_ballot_text(text, "b.yaml").ok
        with pytest.raises(ValidationError):
            Ballot.model_validate(yaml.safe_load(text))


def test_hostile_ballots_are_refused_with_a_reason_not_a_crash(three: ArgumentGraph) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    assert "alias" in _messages(load_ballot_text(bomb + "debate: three\n", "b.yaml"))[0]
    deep = "debate: three\nweights: " + "[" * 5000 + "]" * 5000 + "\n"
    assert not load_ballot_text(deep, "b.yaml").ok
    nul = load_ballot_text("debate: three\x00\n", "b.yaml")
    assert _messages(nul) == ["b.yaml:1:1: error: file contains NUL bytes"]
    keys = load_ballot_text("debate: three\nweights: {[1]: 2, ? {x: 1} : 3}\n", "b.yaml", three)
    assert not keys.ok and "a key must be plain text" in _messages(keys)[0]
