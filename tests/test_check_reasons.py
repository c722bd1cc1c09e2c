"""`argmap check` rules for authors: weights with reasons, top-level claims that answer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.reasons import stated_weights

REPO = Path(__file__).resolve().parents[1]

DEBATE = """\
title: Night trains
motion: Governments should subsidise night trains.
pro:
  - id: emissions
    text: Night trains emit less than short flights.
    weight: 4
    note: "Weight 4: transport studies state it directly."
  - id: tourism
    text: Night trains bring visitors to small towns.
    weight: 2
  - id: ridership
    kind: evidence
    text: Ridership doubled on one line in five years.
    sources: [stats]
  - id: timetable
    kind: proposal
    text: Run them on a fixed timetable.
con:
  - id: cost
    text: Subsidies cost more per passenger than buses.
    weight: 5
    note: "Weight 4, as the budget office states it."
  - id: buses
    kind: proposal
    text: Fund night buses instead.
    note: This argues against the motion, since buses reach the same towns for less.
    rebuttals:
      - id: slower
        text: Buses are slower.
sources:
  - {id: stats, title: Rail statistics}
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_a_weight_other_than_three_needs_its_reason_in_the_note(
    write_debate: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    debate = write_debate(DEBATE, "trains.yaml")
    rules = write_debate("rules:\n  weights_have_reasons: true\n", "rules.yaml")
    code, out = run(capsys, "check", str(debate), "--rules", str(rules))
    assert code == 1
    assert out.splitlines() == [
        f"{debate}:8:5: error: rule weights_have_reasons: 'tourism' has weight 2; say why in "
        "its note (e.g. 'Weight 2: ...')",
        f"{debate}:19:5: error: rule weights_have_reasons: 'cost' has weight 5 but its note "
        "gives the reason for weight 4; update the note or the weight",
    ]


def test_top_level_claims_must_answer_the_motion(
    write_debate: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    debate = write_debate(DEBATE, "trains.yaml")
    rules = write_debate("rules:\n  top_level_answers_motion: true\n", "rules.yaml")
    code, out = run(capsys, "check", str(debate), "--rules", str(rules))
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{debate}:11:5: error: rule top_level_answers_motion: ")
    assert "'ridership' is evidence" in lines[0]
    assert lines[1].startswith(f"{debate}:15:5: error: rule top_level_answers_motion: ")
    assert "proposal 'timetable' does not say how it answers the motion" in lines[1]


def test_the_rules_are_off_unless_asked_for(
    write_debate: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    debate = write_debate(DEBATE, "trains.yaml")
    rules = write_debate(
        "rules:\n  weights_have_reasons: false\n  top_level_answers_motion: false\n", "rules.yaml"
    )
    assert run(capsys, "check", str(debate), "--rules", str(rules)) == (0, "")


def test_a_note_names_a_weight_in_the_ways_authors_write_it() -> None:
    assert stated_weights("Weight 4: stated directly.") == {4}
    assert stated_weights("Beyond the sources (weight 2: an inference).") == {2}
    assert stated_weights("weighted 3 because it is widely reported") == {3}
    assert stated_weights("The weight reflects that the figure is old.") == set()
    assert stated_weights("Weight 12 is not a weight.") == set()


def test_the_bundled_debates_meet_the_example_rules(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(
        capsys,
        "check",
        str(REPO / "arguments"),
        "--rules",
        str(REPO / "examples" / "rules.yaml"),
    )
    assert (code, out) == (0, "")
