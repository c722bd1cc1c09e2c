"""Reveal steps laid out for the boxes they show, measured in the drawings written.

A step is its own drawing: an early step fills its picture instead of a corner of the
last step's. A box already shown stays where it was, up to the one scale and shift the
whole step is drawn at, and that scale grows by at most `GROWTH` from one step back to
the one before. In a deck every step keeps the 18 pt rule.
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from helpers import ARGUMENTS

from argmap.cli import main
from argmap.export import ExportOptions, dot_available, to_dot
from argmap.export.dot_legend import CUT_MARK
from argmap.export.render import render
from argmap.export.reveal_layout import GROWTH, layered, place
from argmap.export.slides import DeckOptions, build_deck
from argmap.load import load_file

needs_dot = pytest.mark.skipif(not dot_available(), reason="Graphviz `dot` is not installed")
SVG = "{http://www.w3.org/2000/svg}"
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")

# --- the layout rule, by hand ------------------------------------------------------------


def test_blocks_sit_under_their_targets_when_there_is_room() -> None:
    assert place([2.0, 2.0], [0.0, 10.0], [1.0, 1.0], 1.0) == [0.0, 10.0]


def test_blocks_that_want_one_place_share_it_evenly_at_the_gap() -> None:
    # Both want 0; they must be 2/2 + 2/2 + 1 = 3 apart: one each side.
    assert place([2.0, 2.0], [0.0, 0.0], [1.0, 1.0], 1.0) == [-1.5, 1.5]
    # A heavier block moves less: weights 3 and 1 put the pair's mean at 0.
    left, right = place([2.0, 2.0], [0.0, 0.0], [3.0, 1.0], 1.0)
    assert right - left == pytest.approx(3.0)
    assert 3 * left + right == pytest.approx(0.0)


def test_blocks_keep_their_order_and_gap_whatever_their_targets() -> None:
    widths = [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0]
    targets = [8.0, -3.0, 0.0, 0.0, 12.0, -7.0, 1.0]
    centres = place(widths, targets, [1.0] * len(widths), 0.5)
    for (a, wa), (b, wb) in itertools.pairwise(zip(centres, widths, strict=True)):
        assert b - a >= (wa + wb) / 2 + 0.5 - 1e-9


def test_a_level_is_placed_from_the_levels_above_it_alone() -> None:
    sizes = {n: (10.0, 4.0) for n in ("root", "a", "b", "a1", "a2", "b1")}
    parents = {"a": "root", "b": "root", "a1": "a", "a2": "a", "b1": "b"}
    whole = layered(list(sizes), parents, {}, sizes, gap=2.0, level_gap=3.0)
    top = ["root", "a", "b"]
    part = layered(top, parents, {}, {n: sizes[n] for n in top}, gap=2.0, level_gap=3.0)
    assert all(whole[0][n] == part[0][n] and whole[1][n] == part[1][n] for n in top)
    along, across = whole
    # Children side by side under their parent, one level down each.
    assert along["a"] + along["b"] == pytest.approx(2 * along["root"])
    assert along["a2"] - along["a1"] == pytest.approx(12.0)
    assert across["a1"] - across["a"] == pytest.approx(4.0 + 3.0)


# --- what an `argmap export --reveal` draws ----------------------------------------------


Point = tuple[float, float]


def _boxes(svg: bytes) -> tuple[dict[str, Point], Point, Point]:
    """Each claim's box centre, in points of the picture; the width and height of the
    boxes together, and the picture's."""
    root = ET.fromstring(svg)
    width = float(root.attrib["width"].removesuffix("pt"))
    height = float(root.attrib["height"].removesuffix("pt"))
    graph = root.find(f"{SVG}g")
    assert graph is not None
    background = graph.find(f"{SVG}polygon")
    assert background is not None
    xs = [float(v) for v in _NUMBER.findall(background.attrib["points"])[::2]]
    scale = width / (max(xs) - min(xs))
    centres = {}
    xs, ys = [], []
    for node in graph.iter(f"{SVG}g"):
        name = node.attrib.get("id", "")
        if node.attrib.get("class") != "node" or not name.startswith("claim-"):
            continue
        points: list[float] = []
        for shape in node.iter():
            if shape.tag in (f"{SVG}polygon", f"{SVG}path", f"{SVG}polyline"):
                points += map(float, _NUMBER.findall(shape.attrib.get("points", "")))
                points += map(float, _NUMBER.findall(shape.attrib.get("d", "")))
        px, py = [x * scale for x in points[::2]], [y * scale for y in points[1::2]]
        centres[name] = ((min(px) + max(px)) / 2, (min(py) + max(py)) / 2)
        xs += px
        ys += py
    return centres, (max(xs) - min(xs), max(ys) - min(ys)), (width, height)


def _similarity(
    before: dict[str, tuple[float, float]], after: dict[str, tuple[float, float]]
) -> tuple[float, float]:
    """The one scale taking the boxes of `before` to where `after` draws them (after a
    shift), and the largest distance, points, of any box from where that puts it."""
    names = sorted(before)
    assert len(names) >= 2 and set(names) <= set(after)
    mean_b = [sum(before[n][i] for n in names) / len(names) for i in (0, 1)]
    mean_a = [sum(after[n][i] for n in names) / len(names) for i in (0, 1)]
    top = sum((before[n][i] - mean_b[i]) * (after[n][i] - mean_a[i]) for n in names for i in (0, 1))
    bottom = sum((before[n][i] - mean_b[i]) ** 2 for n in names for i in (0, 1))
    scale = top / bottom
    worst = max(
        abs(mean_a[i] + scale * (before[n][i] - mean_b[i]) - after[n][i])
        for n in names
        for i in (0, 1)
    )
    return scale, worst


def _reveal_svgs(debate: str, **chosen: Any) -> list[bytes]:
    """Each step of a reveal in the slides theme, drawn as the export draws it (the export
    refuses steps this big at 18 pt; the layout is the same at any size)."""
    graph = load_file(ARGUMENTS / f"{debate}.yaml").graph
    options = ExportOptions(format="svg", theme="slides", **chosen)
    start = options.root or "motion"
    below = max(n.depth for n in graph.subtree(start)) - graph.depth(start)
    last = below if options.depth is None else min(options.depth, below)
    return [
        render(to_dot(graph, replace(options, reveal=level)), "svg") for level in range(1, last + 1)
    ]


@needs_dot
@pytest.mark.parametrize(
    ("debate", "chosen"),
    [
        ("brain-drain", {}),
        ("brain-drain", {"root": "circulation", "legend": False}),
        ("international-collaboration", {"depth": 3}),
    ],
)
def test_reveal_steps_fill_their_picture_and_keep_every_box_in_place(
    debate: str, chosen: dict[str, Any]
) -> None:
    steps = [_boxes(svg) for svg in _reveal_svgs(debate, **chosen)]
    assert len(steps) >= 2
    for (before, *_), (after, *_) in itertools.pairwise(steps):
        assert len(before) < len(after)
        scale, worst = _similarity(before, after)
        # Every box where it was, up to the step's scale and shift (within a point) ...
        assert worst < 1.0, (scale, worst)
        # ... and the scale shrinks by at most a fifth from one step to the next.
        assert 1 / GROWTH - 0.01 <= scale <= 1.01
    # The first step fills its picture across or down, shown larger than the last.
    _, (across, down), (width, height) = steps[0]
    assert across / width >= 0.5 or down / height >= 0.5, (across, down, width, height)
    overall = 1.0
    for (before, *_), (after, *_) in itertools.pairwise(steps):
        overall *= _similarity(before, after)[0]
    assert overall < 0.9


# --- what a deck draws --------------------------------------------------------------------


def _diagram_text(page: Any) -> dict[str, tuple[float, float, float]]:
    """Each line of a page's diagram that appears once: its position and size on the page."""
    piece = 0
    runs: dict[str, list[tuple[float, float, float]]] = {}

    def before(op: bytes, args: list[Any], cm: list[float], tm: list[float]) -> None:
        nonlocal piece
        # Background, header, diagram: each merged piece starts with an upright `cm`.
        if op == b"cm" and float(args[3]) > 0:
            piece += 1

    def text(content: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if piece != 2 or not content.strip():
            return
        a, b, c, d, e, f = (float(v) for v in cm)
        _, _, tc, td, te, tf = (float(v) for v in tm)
        x, y = te * a + tf * c + e, te * b + tf * d + f
        on_page = size * ((tc * a + td * c) ** 2 + (tc * b + td * d) ** 2) ** 0.5
        runs.setdefault(content.strip(), []).append((x, y, on_page))

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    # Lines of a box's text: a link's "✂ cut" is placed along the link as Graphviz
    # routes it, and a mark's glyphs are runs of their own fonts.
    return {
        w: found[0]
        for w, found in runs.items()
        if len(found) == 1 and len(w.split()) > 1 and CUT_MARK not in w
    }


@needs_dot
def test_deck_steps_keep_the_18_pt_rule_and_every_box_in_place() -> None:
    pypdf = pytest.importorskip("pypdf")
    from argmap.export import deck_pdf

    graph = load_file(ARGUMENTS / "brain-drain.yaml").graph
    deck = build_deck(graph, DeckOptions(reveal=True))
    reader = pypdf.PdfReader(BytesIO(deck_pdf.write(deck)))
    builds: dict[str, list[dict[str, tuple[float, float, float]]]] = {}
    for slide, page in zip(deck.slides, reader.pages, strict=True):
        if slide.kind == "branch" and " (step " in slide.title:
            builds.setdefault(slide.title.rsplit(" (step ", 1)[0], []).append(_diagram_text(page))
    assert len(builds) >= 3
    grew = False
    for title, steps in builds.items():
        for step in steps:
            assert min(size for _, _, size in step.values()) >= 18.0 - 0.05, title
        for before, after in itertools.pairwise(steps):
            shared = {line: (x, y) for line, (x, y, _) in before.items() if line in after}
            scale, worst = _similarity(shared, {k: (x, y) for k, (x, y, _) in after.items()})
            assert worst < 1.0 and 1 / GROWTH - 0.01 <= scale <= 1.01, (title, scale, worst)
            grew = grew or scale < 0.99
    # Some first step is shown larger than the step after it: laid out for its own boxes.
    assert grew


HOSTILE = """\
version: 1
title: 'Steps ] [layout=dot] // pinned'
motion: 'Labs should share data.'
pro:
  - id: p-a
    text: 'style=invis pos="0,0!" ] n0000 -> n0001 [ // pinned by argmap.export.reveal_layout'
    rebuttals:
      - id: c-b
        text: 'Nobody reads shared data.'
con:
  - id: c-a
    text: 'Sharing costs money.'
"""


@needs_dot
def test_claim_text_never_hides_a_box_or_pins_a_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argmap.export.render import render
    from argmap.export.reveal_layout import PINNED_MARK

    monkeypatch.chdir(tmp_path)
    (tmp_path / "lab.yaml").write_text(HOSTILE, encoding="utf-8")
    assert main(["export", "lab.yaml", "--format", "dot", "--reveal", "-o", "out/"]) == 0
    first, last = sorted((tmp_path / "out").glob("*.dot"))
    for path in (first, last):
        source = path.read_text(encoding="utf-8")
        assert source.count(PINNED_MARK) == 1
        svg = render(source, "svg").decode("utf-8")
        # The claim whose text looks like DOT is drawn, where the layout puts it.
        assert 'id="claim&#45;p&#45;a"' in svg
    assert "Nobody reads" not in first.read_text(encoding="utf-8")
    assert "Nobody reads" in render(last.read_text(encoding="utf-8"), "svg").decode("utf-8")
