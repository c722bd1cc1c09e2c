"""The slide budget: a deck a lecture can hold, with every claim still told somewhere."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from helpers import ARGUMENTS, REPO

from argmap.cli import main
from argmap.contributions import contributions
from argmap.export import dot_available
from argmap.export.deck_pdf import TITLE_POINTS, WIDTH_CHARS
from argmap.export.deck_select import (
    DEFAULT_MAX_SLIDES,
    MATERIAL,
    SMALL_DEBATE,
    SMALL_DECK,
    lecture_slides,
)
from argmap.export.dot import wrap_lines
from argmap.export.slides import TITLE_CHARS, Deck, DeckOptions, build_deck, plain
from argmap.graph import ArgumentGraph
from argmap.load import load_file, load_text
from argmap.model import MOTION_ID
from argmap.reading import short_text
from argmap.semantics import grounded
from argmap.strength import weigh

pytestmark = pytest.mark.skipif(not dot_available(), reason="Graphviz `dot` is not installed")


def _graph(name: str) -> ArgumentGraph:
    item = load_file(ARGUMENTS / f"{name}.yaml")
    assert item.ok
    return item.graph


@pytest.fixture(scope="module")
def umbrella() -> tuple[ArgumentGraph, Deck]:
    graph = _graph("international-collaboration")
    return graph, build_deck(graph)


@pytest.fixture(scope="module")
def brain_drain() -> tuple[ArgumentGraph, Deck]:
    graph = _graph("brain-drain")
    return graph, build_deck(graph)


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate", REPO / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _reachable(graph: ArgumentGraph, deck: Deck) -> set[str]:
    """Claims drawn on a slide or told (full text) in some slide's notes."""
    drawn = {c for s in deck.slides for c in s.claims}
    notes = "\n".join(s.notes for s in deck.slides)
    return drawn | {n.id for n in graph.claims() if plain(n.text) in notes}


def test_the_umbrella_debate_fits_a_lecture(umbrella: tuple[ArgumentGraph, Deck]) -> None:
    graph, deck = umbrella
    assert len(deck.slides) <= DEFAULT_MAX_SLIDES
    assert _reachable(graph, deck) >= {n.id for n in graph.claims()}


def test_brain_drain_fits_in_fifteen_slides(brain_drain: tuple[ArgumentGraph, Deck]) -> None:
    graph, deck = brain_drain
    assert len(deck.slides) <= 15
    assert _reachable(graph, deck) >= {n.id for n in graph.claims()}


@pytest.mark.parametrize("size", [40, SMALL_DEBATE])
def test_a_small_debate_is_told_in_half_a_lecture(size: int) -> None:
    generate = _generator()
    item = load_text(generate.generate_debate_yaml(size, seed=5), f"generated-{size}.yaml")
    assert item.ok and len(item.graph) <= SMALL_DEBATE
    deck = build_deck(item.graph)
    assert len(deck.slides) <= SMALL_DECK
    assert _reachable(item.graph, deck) >= {n.id for n in item.graph.claims()}
    # Without the budget the same debate takes more slides: the budget did the choosing.
    assert len(build_deck(item.graph, DeckOptions(max_slides=0)).slides) > SMALL_DECK


def test_the_budget_grows_with_the_debate_up_to_a_lecture() -> None:
    sizes = [lecture_slides(n) for n in range(0, 400, 7)]
    assert sizes == sorted(sizes)
    assert sizes[0] == SMALL_DECK and sizes[-1] == DEFAULT_MAX_SLIDES
    assert lecture_slides(SMALL_DEBATE) == SMALL_DECK < lecture_slides(SMALL_DEBATE + 9)


def test_branch_slides_are_the_claims_that_move_the_verdict(
    brain_drain: tuple[ArgumentGraph, Deck],
) -> None:
    graph, deck = brain_drain
    labels = grounded(graph)
    moves = dict(contributions(graph, weigh(graph, labels), MOTION_ID))
    roots = [s.claims[0] for s in deck.slides if s.kind == "branch"]
    assert roots
    # Every branch slide is rooted at a material mover, or carries on from one.
    assert all(abs(moves.get(r, 0.0)) >= MATERIAL or graph.depth(r) > 1 for r in roots)
    biggest = max(graph.motion.children, key=lambda c: abs(moves.get(c, 0.0)))
    assert biggest in roots


#: A top-level claim answered by a far stronger one: it moves the motion by almost nothing.
IDLE_CLAIM = """
  - id: idle-worry
    text: A worry put forward with little behind it, answered in full.
    weight: 1
    rebuttals:
      - id: idle-answer
        text: An answer that settles the worry.
        weight: 5
"""


def test_a_claim_that_moves_nothing_is_on_the_overview_not_a_slide() -> None:
    text = (ARGUMENTS / "brain-drain.yaml").read_text(encoding="utf-8")
    text = text.replace("\ncon:\n", "\ncon:" + IDLE_CLAIM, 1)
    item = load_text(text, "brain-drain.yaml")
    assert item.ok and "idle-worry" in item.graph.nodes
    graph = item.graph
    deck = build_deck(graph)
    moves = dict(contributions(graph, weigh(graph, grounded(graph)), MOTION_ID))
    assert abs(moves.get("idle-worry", 0.0)) < MATERIAL
    roots = {s.claims[0] for s in deck.slides if s.kind == "branch"}
    assert roots and "idle-worry" not in roots
    overview = [c for s in deck.slides if s.kind == "overview" for c in s.claims]
    assert "idle-worry" in overview


def test_the_closing_slide_says_what_was_left_out(
    brain_drain: tuple[ArgumentGraph, Deck],
) -> None:
    graph, deck = brain_drain
    closing = deck.slides[-1]
    assert closing.kind == "closing"
    drawn = {c for s in deck.slides for c in s.claims} - {MOTION_ID}
    left = len(graph) - len(drawn)
    assert left > 0
    lines = [line for section in closing.sections for line in section.lines]
    assert f"Not on a slide: {left} of {len(graph)} claims" in " ".join(lines)


def test_a_smaller_budget_and_the_appendix(umbrella: tuple[ArgumentGraph, Deck]) -> None:
    graph = umbrella[0]
    small = build_deck(graph, DeckOptions(max_slides=15))
    assert len(small.slides) <= 15
    assert _reachable(graph, small) >= {n.id for n in graph.claims()}
    whole = build_deck(graph, DeckOptions(max_slides=15, appendix=True))
    appendix = [s for s in whole.slides if s.title.startswith("Appendix · ")]
    assert appendix and whole.slides[-1].kind == "closing"
    drawn = {c for s in whole.slides if s.kind == "branch" for c in s.claims}
    assert drawn == {n.id for n in graph.claims()}


def test_no_slide_shows_only_a_box_already_on_another(
    umbrella: tuple[ArgumentGraph, Deck],
) -> None:
    deck = umbrella[1]
    branch = [s for s in deck.slides if s.kind == "branch"]
    for slide in branch:
        if len(slide.claims) == 1:
            others = {c for s in branch if s is not slide for c in s.claims}
            assert slide.claims[0] not in others, slide.title


def test_cli_takes_max_slides_and_says_the_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["slides", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert f"(default {SMALL_DECK} for a debate of up to {SMALL_DEBATE} claims" in help_text
    assert f"at most {DEFAULT_MAX_SLIDES}, a 50-minute lecture" in help_text
    out = tmp_path / "deck.pdf"
    path = str(ARGUMENTS / "brain-drain.yaml")
    assert main(["slides", path, "-o", str(out), "--max-slides", "8"]) == 0
    written = re.search(r": (\d+) slides in", capsys.readouterr().err)
    assert written is not None and 5 < int(written.group(1)) <= 8 and out.is_file()
    assert main(["slides", path, "--max-slides", "-1"]) == 2
    assert "--max-slides" in capsys.readouterr().err


def test_overview_names_claims_by_readable_text(
    brain_drain: tuple[ArgumentGraph, Deck],
) -> None:
    graph, deck = brain_drain
    overview = " ".join(
        line
        for s in deck.slides
        if s.kind == "overview"
        for sec in s.sections
        for line in sec.lines
    )
    for claim_id in graph.motion.children:
        assert plain(short_text(graph.nodes[claim_id].text, 56)).rstrip("…") in overview


def test_titles_are_one_line_and_end_at_a_whole_word(
    umbrella: tuple[ArgumentGraph, Deck],
) -> None:
    graph, deck = umbrella
    branch = [s for s in deck.slides if s.kind == "branch"]
    cut = 0
    for slide in branch:
        assert len(slide.title) <= TITLE_CHARS, slide.title
        text = " ".join(plain(graph.nodes[slide.claims[0]].text).split())
        head = re.sub(r"^(PRO|CON) · ", "", slide.title)
        head = re.sub(r" \(\d+/\d+\)$", "", head)
        if head.endswith("…"):
            cut += 1
            kept = head[:-1]
            assert text.startswith(kept), (kept, text)
            # The next character of the claim begins a new word (or ends the one kept).
            assert not text[len(kept)].isalnum(), slide.title
        else:
            assert head == text
    assert cut > 0
    assert all(
        len(wrap_lines(s.title, int(WIDTH_CHARS / (TITLE_POINTS * 1.1)))) == 1 for s in branch
    )


@pytest.mark.parametrize("name", ["brain-drain", "international-collaboration"])
def test_a_claim_split_over_slides_counts_the_slides_drawn(name: str) -> None:
    """A title's "(1/2)" promises a "(2/2)": parts sent to the notes are not counted."""
    deck = build_deck(_graph(name))
    parts: dict[str, list[tuple[int, int]]] = {}
    for slide in deck.slides:
        found = re.search(r" \((\d+)/(\d+)\)(?: \(step \d+/\d+\))?$", slide.title)
        if found and slide.kind == "branch":
            stem = slide.title[: found.start()]
            parts.setdefault(stem, []).append((int(found[1]), int(found[2])))
    assert parts, "some claim is split over slides"
    for stem, numbers in parts.items():
        count = numbers[0][1]
        assert sorted({i for i, _ in numbers}) == list(range(1, count + 1)), stem
        assert all(n == count for _, n in numbers), stem
