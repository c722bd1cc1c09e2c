"""Slide geometry and the rule that keeps slide text readable: measured from the layout.

A deck's page is a 16:9 widescreen slide, 13.333 × 7.5 inches (960 × 540 points), which
a projector shows at 1920 × 1080: one point is two pixels. A diagram is laid out by `dot`
at its natural size and then scaled into the slide's diagram area; a text drawn at
`size` points then appears at `size × scale` points. **No text on a slide may appear
smaller than `MIN_POINTS` (18 pt)**, so a diagram fits only when
`smallest_font × scale >= MIN_POINTS`; the deck planner shortens, wraps and splits
branches until every slide does, and never shrinks below.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass

from argmap.export.render import MISSING_DOT, RenderError

#: The slide, inches (PowerPoint's widescreen size).
SLIDE_WIDTH = 13.333
SLIDE_HEIGHT = 7.5
POINTS_PER_INCH = 72
#: Where a slide's diagram goes (inches from the top left): below the title and the
#: breadcrumb, with a margin all round.
AREA_LEFT = 0.3
AREA_TOP = 1.15
AREA_WIDTH = SLIDE_WIDTH - 2 * AREA_LEFT
AREA_HEIGHT = SLIDE_HEIGHT - AREA_TOP - 0.15
#: Where a text slide's chart goes (the closing slide's): the right half of the area.
CHART_LEFT = SLIDE_WIDTH / 2
CHART_WIDTH = SLIDE_WIDTH - CHART_LEFT - AREA_LEFT
#: The smallest text allowed on a slide, points at 13.333 × 7.5 in (36 px at 1920 × 1080).
MIN_POINTS = 18.0
#: Small diagrams are enlarged at most this much: more looks like a poster, not a slide.
MAX_SCALE = 1.3
#: A projector shows the slide at 1920 pixels across; pictures carry the pixels they are
#: shown at (more makes a PowerPoint deck slow to write and to open, not sharper there).
PROJECTOR_WIDTH = 1920
PICTURE_OVERSAMPLING = 1.0
#: Padding round a slide's diagram, inches (the area's margin does the rest).
PAD = 0.1

_POINT_SIZE = re.compile(r'POINT-SIZE="([0-9.]+)"|fontsize="?([0-9.]+)')


@dataclass(frozen=True, slots=True)
class Size:
    """A laid-out drawing's size in inches, padding included (what `dot` puts on a page)."""

    width: float
    height: float


def smallest_font(source: str) -> float:
    """The smallest font size (points) a DOT source asks for, labels and defaults alike."""
    sizes = [float(a or b) for a, b in _POINT_SIZE.findall(source)]
    return min(sizes) if sizes else 14.0  # Graphviz's default size


def scale_to_area(size: Size, width: float = AREA_WIDTH) -> float:
    """How much a drawing of `size` is scaled to fill the diagram area (up to MAX_SCALE);
    `width`: the area's width when a slide gives its diagram less (CHART_WIDTH)."""
    return min(width / size.width, AREA_HEIGHT / size.height, MAX_SCALE)


def fits(source: str, size: Size, width: float = AREA_WIDTH) -> bool:
    """Whether a diagram shown scaled into the area keeps every text at MIN_POINTS or more."""
    # A hair of tolerance: `dot` rounds sizes to 1/72 inch.
    return smallest_font(source) * scale_to_area(size, width) >= MIN_POINTS - 1e-6


def picture_dpi(size: Size, width: float = AREA_WIDTH, oversampling: float | None = None) -> int:
    """Pixels per inch of a diagram's picture so it stays sharp on a projector.

    The picture fills `size × scale` inches of a slide that a projector shows
    PROJECTOR_WIDTH pixels wide; it carries `oversampling` (PICTURE_OVERSAMPLING) times
    those pixels.
    """
    times = PICTURE_OVERSAMPLING if oversampling is None else oversampling
    per_slide_inch = PROJECTOR_WIDTH / SLIDE_WIDTH * times
    return int(per_slide_inch * scale_to_area(size, width) + 0.999)


def measure(sources: list[str], pad: float = PAD) -> list[Size]:
    """Lay every DOT source out with one `dot` run and return their sizes with `pad` round.

    The sources must set the graph's `margin` to 0 and its `pad` to `pad`: then the size
    is exactly the page `dot -Tpdf` draws.

    `dot` reads several graphs from one input and writes the plain layout of each in turn;
    one process for a batch saves a process start per candidate layout.
    """
    if not sources:
        return []
    text = "\n".join(sources)
    try:
        done = subprocess.run(
            ["dot", "-Tplain"],
            input=text.encode("utf-8"),
            capture_output=True,
            check=False,
        )
    except FileNotFoundError as exc:
        raise RenderError(MISSING_DOT.format(fmt="a slide deck")) from exc
    except OSError as exc:
        raise RenderError(f"could not run Graphviz `dot`: {exc}") from exc
    sizes: list[Size] = []
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        if line.startswith("graph "):
            _, _scale, width, height = line.split()[:4]
            sizes.append(Size(float(width) + 2 * pad, float(height) + 2 * pad))
    if done.returncode != 0 or len(sizes) != len(sources):
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = detail[-1] if detail else f"exit status {done.returncode}"
        raise RenderError(f"Graphviz `dot` could not lay out a slide: {reason}")
    return sizes
