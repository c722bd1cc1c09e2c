"""Nothing on a slide overlaps or leaves it: measured in the written PDF and PowerPoint.

The PDF is read back with pypdf: a visitor on each page's content stream gives every text
run's position and size, and every path's points (the diagram's background rectangle is
its bounds). A page is merged from three pieces in order (background, header, diagram):
pypdf places each merged piece with a `cm` that keeps y upwards, while Graphviz's own `cm`
flips it, so counting the first kind says which piece drew what.
Text widths are measured with the font the PDF names (found by fontconfig) in Pillow.

The PowerPoint file is read with python-pptx: every shape's box, and for text shapes the
height their text needs when wrapped to the box's width.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from typing import Any

import pytest
from helpers import ARGUMENTS

from argmap.export import dot_available
from argmap.export.slides import Deck, DeckOptions, build_deck
from argmap.load import load_file

pytestmark = pytest.mark.skipif(not dot_available(), reason="Graphviz `dot` is not installed")
pypdf = pytest.importorskip("pypdf")
ImageFont = pytest.importorskip("PIL.ImageFont")

DEBATES = sorted(p.stem for p in ARGUMENTS.glob("*.yaml"))
#: PowerPoint decks are slower to write: two debates, a small one and the biggest.
PPTX_DEBATES = ("brain-drain", "international-collaboration")
PAGE_WIDTH, PAGE_HEIGHT = 960.0, 540.0
#: Where a line's letters reach above and below its baseline, in ems (DejaVu Sans: the
#: ascender of 'd' and the descender of 'g').
ASCENT, DESCENT = 0.76, 0.24
#: Rounding slack, points.
SLACK = 0.5


@dataclass(frozen=True, slots=True)
class Box:
    left: float
    bottom: float
    right: float
    top: float
    what: str

    def overlaps(self, other: Box) -> bool:
        return (
            self.left < other.right - SLACK
            and other.left < self.right - SLACK
            and self.bottom < other.top - SLACK
            and other.bottom < self.top - SLACK
        )

    def inside(self, width: float, height: float) -> bool:
        return (
            self.left >= -SLACK
            and self.bottom >= -SLACK
            and self.right <= width + SLACK
            and self.top <= height + SLACK
        )


@cache
def _font_file(base_font: str) -> str:
    name = base_font.lstrip("/").split("+")[-1]
    family, _, style = name.partition("-")
    pattern = f"{family}:{'bold' if 'Bold' in style else 'regular'}"
    found = subprocess.run(
        ["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True, check=True
    )
    return found.stdout


@cache
def _font(base_font: str, size: float) -> Any:
    return ImageFont.truetype(_font_file(base_font), size)


def _width(text: str, base_font: str, size: float) -> float:
    # Pillow measures in pixels of a font `size` pixels high: points here.
    return float(_font(base_font, round(size * 4) / 4).getlength(text))


@dataclass(slots=True)
class Page:
    """What one PDF page draws: header lines, diagram text and the diagram's bounds."""

    header: list[Box]
    diagram_text: list[Box]
    diagram: Box | None


def _times(m: list[float], n: list[float]) -> list[float]:
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return [
        a * A + b * C,
        a * B + b * D,
        c * A + d * C,
        c * B + d * D,
        e * A + f * C + E,
        e * B + f * D + F,
    ]


def _read_page(page: Any) -> Page:
    piece = 0
    runs: dict[tuple[int, float, float], list[Any]] = {}
    points: list[tuple[float, float]] = []

    def before(op: bytes, args: list[Any], cm: list[float], tm: list[float]) -> None:
        nonlocal piece
        if op == b"cm" and float(args[3]) > 0:
            piece += 1
        elif piece == 2 and op in (b"re", b"m", b"l", b"c"):
            a, b, c, d, e, f = (float(v) for v in cm)
            values = [float(v) for v in args]
            pairs = [(values[i], values[i + 1]) for i in range(0, len(values) - 1, 2)]
            if op == b"re":
                x, y, w, h = values
                pairs = [(x, y), (x + w, y + h)]
            points.extend((a * x + c * y + e, b * x + d * y + f) for x, y in pairs)

    def text(content: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not content.strip() or font is None:
            return
        *_, c, d, e, f = _times([float(v) for v in tm], [float(v) for v in cm])
        on_page = size * (c * c + d * d) ** 0.5
        key = (piece, round(e, 1), round(f, 1))
        runs.setdefault(key, []).append((content, str(font.get("/BaseFont", "")), on_page))

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    header: list[Box] = []
    diagram_text: list[Box] = []
    for (where, x, y), parts in runs.items():
        size = max(s for _, _, s in parts)
        width = sum(_width(t.rstrip("\n"), f, s) for t, f, s in parts)
        words = "".join(t for t, _, _ in parts).strip()
        box = Box(x, y - DESCENT * size, x + width, y + ASCENT * size, words)
        (header if where == 1 else diagram_text).append(box)
    diagram = None
    if points:
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        diagram = Box(min(xs), min(ys), max(xs), max(ys), "diagram")
    return Page(header, diagram_text, diagram)


@pytest.fixture(scope="module", params=[*DEBATES, "brain-drain --reveal"])
def written(request: pytest.FixtureRequest) -> tuple[str, Deck, list[Page]]:
    from argmap.export import deck_pdf

    debate, _, reveal = str(request.param).partition(" ")
    item = load_file(ARGUMENTS / f"{debate}.yaml")
    assert item.ok
    # A reveal deck draws each step on a canvas of its own (`reveal_layout`).
    deck = build_deck(item.graph, DeckOptions(reveal=bool(reveal)))
    reader = pypdf.PdfReader(BytesIO(deck_pdf.write(deck)))
    return request.param, deck, [_read_page(page) for page in reader.pages]


def _same(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _pairs(boxes: list[Box]) -> Iterator[tuple[Box, Box]]:
    for i, first in enumerate(boxes):
        for second in boxes[i + 1 :]:
            yield first, second


@pytest.mark.skipif(shutil.which("fc-match") is None, reason="fontconfig's fc-match is missing")
def test_pdf_text_and_diagrams_never_overlap_and_stay_on_the_page(
    written: tuple[str, Deck, list[Page]],
) -> None:
    name, deck, pages = written
    assert len(pages) == len(deck.slides)
    problems: list[tuple[str, object, object]] = []
    for number, (slide, page) in enumerate(zip(deck.slides, pages, strict=True), start=1):
        where = f"{name} slide {number} ({slide.title})"
        assert page.header, where
        problems += [
            (where, "off the page", box)
            for box in [*page.header, *page.diagram_text]
            if not box.inside(PAGE_WIDTH, PAGE_HEIGHT)
        ]
        problems += [(where, a, b) for a, b in _pairs(page.header) if a.overlaps(b)]
        # NFKC: the PDF's text may spell "fl" as its ligature.
        title = [b for b in page.header if b.what and _same(b.what) in _same(slide.title)]
        if len(title) != 1 and slide.kind != "title":
            problems.append((where, "title not on one line", title))
        if slide.source is None and slide.chart is None:
            assert page.diagram is None and not page.diagram_text, where
            continue
        assert page.diagram is not None and page.diagram_text, where
        if not page.diagram.inside(PAGE_WIDTH, PAGE_HEIGHT):
            problems.append((where, "off the page", page.diagram))
        problems += [
            (where, line, page.diagram) for line in page.header if line.overlaps(page.diagram)
        ]
        problems += [
            (where, "outside the diagram", box)
            for box in page.diagram_text
            if box.bottom < page.diagram.bottom - SLACK or box.top > page.diagram.top + SLACK
        ]
    assert not problems, problems


# --- PowerPoint --------------------------------------------------------------------------


EMU_PER_POINT = 12700


def _shape_box(shape: Any) -> Box:
    left, top = shape.left / EMU_PER_POINT, shape.top / EMU_PER_POINT
    width, height = shape.width / EMU_PER_POINT, shape.height / EMU_PER_POINT
    # Measured from the top, as PowerPoint does; `bottom` < `top` still holds.
    return Box(left, top, left + width, top + height, shape.name)


def _needed_height(shape: Any) -> float:
    """Points of height the shape's text takes wrapped to its width (insets included)."""
    frame = shape.text_frame
    inner = (shape.width - frame.margin_left - frame.margin_right) / EMU_PER_POINT
    height = (frame.margin_top + frame.margin_bottom) / EMU_PER_POINT
    for paragraph in frame.paragraphs:
        text = "".join(run.text for run in paragraph.runs)
        sizes = [run.font.size.pt for run in paragraph.runs if run.font.size is not None]
        size = max(sizes) if sizes else 18.0
        bold = any(run.font.bold for run in paragraph.runs)
        base = "DejaVuSans-Bold" if bold else "DejaVuSans"
        lines, line = 1, ""
        for word in text.split():
            trial = f"{line} {word}".strip()
            if line and _width(trial, base, size) > inner:
                lines, line = lines + 1, word
            else:
                line = trial
        before = paragraph.space_before.pt if paragraph.space_before is not None else 0.0
        height += before + lines * size * 1.2
    return height


@pytest.fixture(scope="module", params=PPTX_DEBATES)
def presentation(request: pytest.FixtureRequest) -> tuple[str, Any]:
    pptx = pytest.importorskip("pptx")
    from argmap.export import deck_pptx

    item = load_file(ARGUMENTS / f"{request.param}.yaml")
    assert item.ok
    deck = build_deck(item.graph)
    return request.param, pptx.Presentation(BytesIO(deck_pptx.write(deck)))


@pytest.mark.skipif(shutil.which("fc-match") is None, reason="fontconfig's fc-match is missing")
def test_pptx_shapes_never_overlap_and_their_text_fits_them(
    presentation: tuple[str, Any],
) -> None:
    name, deck = presentation
    width = deck.slide_width / EMU_PER_POINT
    height = deck.slide_height / EMU_PER_POINT
    problems: list[tuple[str, object, object]] = []
    for number, slide in enumerate(deck.slides, start=1):
        shapes = list(slide.shapes)
        where = f"{name} slide {number}"
        boxes = [_shape_box(s) for s in shapes]
        problems += [(where, "off the slide", b) for b in boxes if not b.inside(width, height)]
        problems += [(where, a, b) for a, b in _pairs(boxes) if a.overlaps(b)]
        for shape, box in zip(shapes, boxes, strict=True):
            if shape.has_text_frame and shape.text_frame.text.strip():
                needed = _needed_height(shape)
                if needed > box.top - box.bottom + SLACK:
                    problems.append((where, f"text needs {needed:.0f} pt", box))
    assert not problems, problems
