"""The legend of `export --theme slides` as an image of its own: within a 16:9 slide at
18 pt, every entry in reading order."""

from __future__ import annotations

import io
import re

import pytest
from helpers import ARGUMENTS

from argmap.export import dot_available
from argmap.export.dot import THEMES
from argmap.export.dot_legend import EDGE_STYLES, _Used, legend_table
from argmap.export.fit import MIN_POINTS, smallest_font
from argmap.export.render import render
from argmap.export.slide_images import LEGEND_WRAPS, fitted_legend, legend_source
from argmap.load import load_file
from argmap.model import Kind, Side
from argmap.semantics import Label

pytestmark = pytest.mark.skipif(not dot_available(), reason="Graphviz `dot` is not installed")
Image = pytest.importorskip("PIL.Image")

DEBATES = sorted(path.stem for path in ARGUMENTS.glob("*.yaml"))
#: A description: the left-aligned cell after each sample.
_WORDS = re.compile(r'<TD ALIGN="LEFT"(?: BALIGN="LEFT")?><FONT [^>]*>(.*?)</FONT></TD>')


def _pixels(source: str) -> tuple[int, int]:
    with Image.open(io.BytesIO(render(source, "png"))) as picture:
        size: tuple[int, int] = picture.size
        return size


def _everything() -> _Used:
    """Every mark a debate's diagrams can draw."""
    used = _Used(set(Side), set(Kind), {Label.DEFEATED, Label.UNDECIDED}, set(EDGE_STYLES))
    used.more = used.see = used.outside = used.cut = True
    return used


@pytest.mark.parametrize("name", DEBATES)
def test_a_debates_legend_fits_a_slide_at_18_pt(name: str) -> None:
    source = legend_source(load_file(ARGUMENTS / f"{name}.yaml").graph)
    # Drawn at 144 dpi, a pixel is half a point of the 1920 x 1080 slide: within it, the
    # image is shown as it is, so its text is as big as the source says.
    width, height = _pixels(source)
    assert width <= 1920 and height <= 1080, (width, height)
    assert smallest_font(source) >= MIN_POINTS


def test_the_longest_legend_fits_a_slide_at_18_pt() -> None:
    theme = THEMES["slides"]
    tables = [
        legend_table(theme, _everything(), columns=2, wrap=w, down=True) for w in LEGEND_WRAPS
    ]
    source = fitted_legend(tables)
    width, height = _pixels(source)
    assert width <= 1920 and height <= 1080, (width, height)
    assert smallest_font(source) >= MIN_POINTS


def test_the_legend_reads_down_each_column_in_the_order_of_one() -> None:
    theme = THEMES["slides"]
    one = [w.replace("<BR/>", " ") for w in _WORDS.findall(legend_table(theme, _everything()))]
    two = legend_table(theme, _everything(), columns=2, wrap=LEGEND_WRAPS[0], down=True)
    rows = [_WORDS.findall(row) for row in two.split("<TR>")[2:]]
    assert all(len(row) == 2 for row in rows[:-1])
    down = [row[0] for row in rows] + [row[1] for row in rows if len(row) > 1]
    assert [w.replace("<BR/>", " ") for w in down] == one
    # Wrapped, not cut: no line longer than the wrap unless one word is.
    lines = [line for words in down for line in words.split("<BR/>")]
    assert all(len(line) <= LEGEND_WRAPS[0] or " " not in line for line in lines)
