"""`argmap slides --ballots`: the closing slide names the class's split and contested claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.ballots.deck import REPLACED, with_class_vote
from argmap.cli import main
from argmap.export import dot_available
from argmap.export.deck import Deck, Section, Slide
from argmap.export.slides import deck_theme
from argmap.load import load_file

THREE = Path(__file__).parent / "data" / "ballots" / "three.yaml"
# Hand-computed in test_ballots: Ana leans pro, Ben leans con, Cy is balanced; weights on
# `a` run 1-5, on `b` 1-5, on `c` 1-2.
BALLOTS = {
    "ana": "debate: three\nby: Ana\nweights: {a: 5, b: 1}\n",
    "ben": "debate: three\nby: Ben\nweights: {a: 1, b: 5, c: 1}\n",
    "cy": "debate: three\nby: Cy\nweights: {}\n",
}


def _deck() -> Deck:
    closing = Slide(
        "closing",
        "Where the debate ends",
        sections=(Section("What stands (1 of 2)", ("+ A reason for.",)), Section(REPLACED, ("x",))),
        notes="the verdict",
    )
    return Deck("three", "Three claims", deck_theme("slides"), [Slide("title", "Three"), closing])


def test_the_closing_slide_names_the_class_split_and_the_contested_claims(
    tmp_path: Path,
) -> None:
    graph = load_file(THREE).graph
    folder = tmp_path / "ballots" / "three"
    folder.mkdir(parents=True)
    for name, text in BALLOTS.items():
        (folder / f"{name}.yaml").write_text(text)
    deck = with_class_vote(_deck(), graph, tmp_path / "ballots")
    title, closing = deck.slides
    assert title.sections == ()
    headings = [s.heading for s in closing.sections]
    assert headings == ["What stands (1 of 2)", "The class's vote (3 ballots)"]
    lines = closing.sections[-1].lines
    assert lines[0].startswith("1 lean pro, 1 balanced, 1 lean con; median weights: Balanced")
    assert lines[1:] == (
        "Contested: 'A reason for.' (weights 1-5)",
        "Contested: 'A reason against.' (weights 1-5)",
        "Contested: 'An answer to the reason against.' (weights 1-2)",
    )
    assert closing.notes.startswith("the verdict\n\nClass vote, 3 ballots")


def test_without_ballots_the_deck_is_unchanged(tmp_path: Path) -> None:
    graph = load_file(THREE).graph
    deck = _deck()
    assert with_class_vote(deck, graph, tmp_path / "nowhere") is deck


@pytest.mark.skipif(not dot_available(), reason="needs Graphviz")
def test_slides_ballots_puts_the_class_vote_on_the_closing_slide(tmp_path: Path) -> None:
    pptx = pytest.importorskip("pptx")
    folder = tmp_path / "ballots" / "three"
    folder.mkdir(parents=True)
    for name, text in BALLOTS.items():
        (folder / f"{name}.yaml").write_text(text)
    out = tmp_path / "deck.pptx"
    args = ["slides", str(THREE), "-o", str(out), "--ballots", str(tmp_path / "ballots")]
    assert main(args) == 0
    last = pptx.Presentation(str(out)).slides[-1]
    notes = last.notes_slide.notes_text_frame.text
    assert "Class vote, 3 ballots" in notes and "1 lean pro, 1 balanced, 1 lean con" in notes
