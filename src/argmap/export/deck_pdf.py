"""A planned deck as a PDF: one 16:9 vector page per slide.

Every page is drawn by Graphviz as PDF: a frame the size of the slide (background, title,
breadcrumb, or the text of a text slide), and for a diagram slide the diagram at its
natural size, placed on the frame scaled into the diagram area with pypdf. Text stays
text and lines stay lines at any zoom.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from io import BytesIO
from pathlib import Path

from argmap.export.deck import Deck, Slide
from argmap.export.dot import FONTNAME, Theme, escape_html, wrap_lines
from argmap.export.fit import (
    AREA_LEFT,
    AREA_TOP,
    AREA_WIDTH,
    CHART_LEFT,
    CHART_WIDTH,
    POINTS_PER_INCH,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    scale_to_area,
)
from argmap.export.render import MISSING_DOT, RenderError
from argmap.export.reveal_layout import pinned_last

TITLE_POINTS = 30.0
BREADCRUMB_POINTS = 18.0


def _font(text: str, size: float, colour: str, bold: bool = False) -> str:
    body = f"<B>{escape_html(text)}</B>" if bold else escape_html(text)
    return f'<FONT POINT-SIZE="{size:g}" COLOR="{colour}">{body}</FONT>'


#: Where the header (title, breadcrumb, text) starts, points from the top left.
HEADER_LEFT = 14.0
HEADER_TOP = 10.0
#: Characters per line of text at 1 pt: a line of `size` pt holds `WIDTH_CHARS / size`.
WIDTH_CHARS = 1640.0


def _lines(text: str, size: float, share: float = 1.0) -> str:
    """`text` wrapped to `share` of the slide's width at `size` points."""
    per_line = int(WIDTH_CHARS * share / size)
    return "<BR/>".join(escape_html(line) for line in wrap_lines(text, per_line))


#: The share of a line the text of a slide with a chart takes (the chart has the rest).
BESIDE_CHART = (CHART_LEFT - 0.3) / SLIDE_WIDTH


def header_source(slide: Slide, theme: Theme) -> str:
    """DOT of a slide's header: the title, the breadcrumb and any text, top-left aligned."""
    rows = []
    title_size = 40.0 if slide.kind == "title" else TITLE_POINTS
    title = (
        f'<FONT POINT-SIZE="{title_size:g}" COLOR="{theme.text}">'
        f"<B>{_lines(slide.title, title_size * 1.1)}</B></FONT>"
    )
    rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{title}</TD></TR>')
    if slide.breadcrumb:
        crumb = _font(slide.breadcrumb, BREADCRUMB_POINTS, theme.muted)
        rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{crumb}</TD></TR>')
    share = BESIDE_CHART if slide.chart is not None else 1.0
    for section in slide.sections:
        rows.append('<TR><TD HEIGHT="10"></TD></TR>')
        if section.heading:
            heading = _font(section.heading, section.size + 4, theme.text, bold=True)
            rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{heading}</TD></TR>')
        for line in section.lines:
            body = (
                f'<FONT POINT-SIZE="{section.size:g}" COLOR="{theme.text}">'
                f"{_lines(line, section.size, share)}</FONT>"
            )
            rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{body}</TD></TR>')
    table = (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">'
        + "".join(rows)
        + "</TABLE>"
    )
    return (
        "digraph header {\n"
        f'\tgraph [pad="0" margin="0" bgcolor="transparent" fontname="{FONTNAME}"]\n'
        f'\tnode [fontname="{FONTNAME}"]\n'
        f"\theader [shape=plaintext margin=0 label=<{table}>]\n}}\n"
    )


def background_source(theme: Theme) -> str:
    """DOT of an empty page the size of a slide, in the theme's background colour."""
    width = round(SLIDE_WIDTH * POINTS_PER_INCH)
    height = round(SLIDE_HEIGHT * POINTS_PER_INCH)
    table = (
        f'<TABLE FIXEDSIZE="TRUE" WIDTH="{width}" HEIGHT="{height}" BORDER="0" '
        f'CELLSPACING="0" BGCOLOR="{theme.background}"><TR><TD> </TD></TR></TABLE>'
    )
    return (
        "digraph page {\n"
        f'\tgraph [pad="0" margin="0" bgcolor="{theme.background}"]\n'
        f"\tpage [shape=plaintext margin=0 label=<{table}>]\n}}\n"
    )


def render_batch(sources: list[str], fmt: str) -> list[bytes]:
    """Draw several DOT graphs with one `dot` run (`-O` names the outputs in turn)."""
    if not sources:
        return []
    with tempfile.TemporaryDirectory(prefix="argmap-deck-") as folder:
        path = Path(folder) / "deck.gv"
        path.write_text("\n".join(sources), encoding="utf-8")
        try:
            done = subprocess.run(
                ["dot", f"-T{fmt}", "-O", str(path)], capture_output=True, check=False
            )
        except FileNotFoundError as exc:
            raise RenderError(MISSING_DOT.format(fmt="a slide deck")) from exc
        except OSError as exc:
            raise RenderError(f"could not run Graphviz `dot`: {exc}") from exc
        outputs = []
        for index in range(len(sources)):
            name = f"deck.gv.{fmt}" if index == 0 else f"deck.gv.{index + 1}.{fmt}"
            out = Path(folder) / name
            if not out.is_file():
                detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
                reason = detail[-1] if detail else f"exit status {done.returncode}"
                raise RenderError(f"Graphviz `dot` could not draw a slide: {reason}")
            outputs.append(out.read_bytes())
        return outputs


#: `dot` processes a deck draws with at once, at most.
MAX_JOBS = 4


def render_many(sources: list[str], fmt: str, jobs: int | None = None) -> list[bytes]:
    """Draw every source once (a source given twice, as a reveal step may be, is drawn
    once), in `jobs` `dot` processes at a time (default: one per processor, at most
    MAX_JOBS), each drawing its share of the sources in one run."""
    unique = pinned_last(dict.fromkeys(sources))
    if not unique:
        return []
    jobs = max(1, min(jobs or os.cpu_count() or 1, MAX_JOBS, len(unique)))
    # Every `jobs`-th source to a process: big and small diagrams spread evenly.
    shares = [unique[start::jobs] for start in range(jobs)]
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        drawn = list(pool.map(lambda share: render_batch(share, fmt), shares))
    found: dict[str, bytes] = {}
    for share, pictures in zip(shares, drawn, strict=True):
        found.update(zip(share, pictures, strict=True))
    return [found[source] for source in sources]


def write(deck: Deck, jobs: int | None = None) -> bytes:
    """The deck as PDF bytes: one 960 × 540 pt page per slide, in order; `jobs`: the `dot`
    processes drawing at once (`render_many`)."""
    from pypdf import PdfReader, PdfWriter, Transformation

    sources = [background_source(deck.theme)]
    sources += [header_source(s, deck.theme) for s in deck.slides]
    sources += [s.source for s in deck.slides if s.source is not None]
    sources += [s.chart for s in deck.slides if s.chart is not None]
    rendered = render_many(sources, "pdf", jobs)
    background = rendered[0]
    headers = rendered[1 : 1 + len(deck.slides)]
    diagram_count = sum(s.source is not None for s in deck.slides)
    diagrams = iter(rendered[1 + len(deck.slides) : 1 + len(deck.slides) + diagram_count])
    # The charts come after every diagram.
    charts = iter(rendered[1 + len(deck.slides) + diagram_count :])
    writer = PdfWriter()
    page_height = SLIDE_HEIGHT * POINTS_PER_INCH
    for slide, header_pdf in zip(deck.slides, headers, strict=True):
        page = writer.add_page(PdfReader(BytesIO(background)).pages[0])
        header = PdfReader(BytesIO(header_pdf)).pages[0]
        # PDF measures from the bottom: the header hangs from the top left.
        y = page_height - HEADER_TOP - float(header.mediabox.height)
        page.merge_transformed_page(header, Transformation().translate(HEADER_LEFT, y))
        if slide.source is not None:
            assert slide.size is not None
            drawing = PdfReader(BytesIO(next(diagrams))).pages[0]
            scale = scale_to_area(slide.size)
            width = float(drawing.mediabox.width) * scale
            height = float(drawing.mediabox.height) * scale
            area_left = AREA_LEFT * POINTS_PER_INCH
            area_width = AREA_WIDTH * POINTS_PER_INCH
            # The diagram hangs from the top of its area, centred across it.
            top = (SLIDE_HEIGHT - AREA_TOP) * POINTS_PER_INCH
            x = area_left + (area_width - width) / 2
            page.merge_transformed_page(
                drawing, Transformation().scale(scale).translate(x, top - height)
            )
        elif slide.chart is not None:
            assert slide.chart_size is not None
            chart = PdfReader(BytesIO(next(charts))).pages[0]
            scale = scale_to_area(slide.chart_size, CHART_WIDTH)
            height = float(chart.mediabox.height) * scale
            top = (SLIDE_HEIGHT - AREA_TOP) * POINTS_PER_INCH
            page.merge_transformed_page(
                chart,
                Transformation().scale(scale).translate(CHART_LEFT * POINTS_PER_INCH, top - height),
            )
    buffer = BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
