"""`argmap slides` on a debate too big for a deck: refused before any work, with a way out."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.export import dot_available
from argmap.export.deck import DeckOptions
from argmap.export.deck_budget import deck_claims
from argmap.export.slides import build_deck
from argmap.load import LoadedDebate

needs_dot = pytest.mark.skipif(
    not dot_available() and os.environ.get("CI") != "true",
    reason="Graphviz `dot` is not installed",
)

# Two pro branches (3 and 2 claims deep in all) and one con branch of 4 claims.
DEBATE = """\
title: T
motion: M.
pro:
  - text: P1.
    rebuttals:
      - text: P1 r1.
        rebuttals:
          - text: P1 r1 r1.
  - text: P2.
    support:
      - text: P2 s1.
con:
  - text: C1.
    rebuttals:
      - text: C1 r1.
      - text: C1 r2.
        support:
          - text: C1 r2 s1.
"""


def test_the_budget_counts_what_depth_and_side_leave_in(
    load_debate: Callable[..., LoadedDebate],
) -> None:
    graph = load_debate(DEBATE).graph
    assert deck_claims(graph, DeckOptions()) == 9
    assert deck_claims(graph, DeckOptions(depth=1)) == 7
    assert deck_claims(graph, DeckOptions(side="pro")) == 5
    assert deck_claims(graph, DeckOptions(side="con", depth=1)) == 3


def test_a_deck_over_the_budget_is_refused_before_anything_is_drawn(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_planning(*args: object) -> None:
        raise AssertionError("the deck was planned although it is over the budget")

    monkeypatch.setattr("argmap.export.slides.build_deck", no_planning)
    source = tmp_path / "d.yaml"
    source.write_text(DEBATE)
    out = tmp_path / "d.pdf"
    assert main(["slides", str(source), "-o", str(out), "--max-claims", "8"]) == 1
    err = capsys.readouterr().err
    assert "would draw 9 claims, more than the 8" in err
    for hint in ("--depth", "--side", "--root", "--max-claims 9"):
        assert hint in err
    assert not out.exists()
    assert main(["slides", str(source), "-o", str(out), "--max-claims", "-1"]) == 2


@needs_dot
def test_a_deck_within_the_budget_is_written_and_its_progress_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], load_debate: Callable[..., LoadedDebate]
) -> None:
    source = tmp_path / "d.yaml"
    source.write_text(DEBATE)
    out = tmp_path / "d.pptx"
    assert main(["slides", str(source), "-o", str(out), "--max-claims", "9"]) == 0
    err = capsys.readouterr().err
    assert "drawing" in err and "slides into" in err
    assert out.exists()
    calls: list[tuple[int, int]] = []
    build_deck(
        load_debate(DEBATE).graph, DeckOptions(), lambda done, total: calls.append((done, total))
    )
    assert calls == [(1, 3), (2, 3), (3, 3)]
