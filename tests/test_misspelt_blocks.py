"""A misspelt key inside a block whose own key is misspelt is reported with it, at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.cli import main
from argmap.load import load_text

NESTED = """\
version: 1
title: T
motion: M should.
pro:
  - id: a
    text: A reason.
    rebutals:
      - id: b
        text: B answer.
        wieght: 3
        suport:
          - text: C backs B.
            colour: red
con:
  - text: A con.
"""


def errors(text: str) -> list[str]:
    return [d.format() for d in load_text(text, "d.yaml").diagnostics if d.is_error]


def test_both_misspellings_are_reported_with_their_places() -> None:
    assert errors(NESTED) == [
        "d.yaml:7:5: error: unknown key 'rebutals' in a claim (did you mean 'rebuttals'?)",
        "d.yaml:10:9: error: unknown key 'wieght' in a claim (did you mean 'weight'?)",
        "d.yaml:11:9: error: unknown key 'suport' in a claim (did you mean 'support'?)",
        "d.yaml:13:13: error: unknown key 'colour' in a claim",
    ]


def test_fixing_the_outer_key_leaves_exactly_the_inner_ones() -> None:
    fixed = NESTED.replace("rebutals", "rebuttals").replace("suport", "support")
    assert errors(fixed) == [
        "d.yaml:10:9: error: unknown key 'wieght' in a claim (did you mean 'weight'?)",
        "d.yaml:13:13: error: unknown key 'colour' in a claim",
    ]


def test_a_misspelt_side_of_the_debate_is_walked_too() -> None:
    text = NESTED.replace("con:\n  - text: A con.", "cons:\n  - text: A con.\n    wieght: 2")
    assert errors(text)[-2:] == [
        "d.yaml:14:1: error: unknown key 'cons' at the top level (did you mean 'con'?)",
        "d.yaml:16:5: error: unknown key 'wieght' in a claim (did you mean 'weight'?)",
    ]


def test_an_unknown_key_that_is_no_list_of_claims_is_not_walked() -> None:
    text = NESTED.replace("rebutals", "comments")
    assert errors(text) == ["d.yaml:7:5: error: unknown key 'comments' in a claim"]


def test_validate_prints_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "d.yaml").write_text(NESTED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status = main(["validate", "d.yaml"])
    err = capsys.readouterr().err
    assert status == 1
    assert "d.yaml:7:5: error: unknown key 'rebutals'" in err
    assert "d.yaml:10:9: error: unknown key 'wieght'" in err
