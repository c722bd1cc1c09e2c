"""A planned deck as a PowerPoint file (python-pptx): 16:9, notes for the speaker.

Titles and text are PowerPoint text, so they can be edited; each diagram is a PNG drawn
by Graphviz with the pixels a 1920 × 1080 projector shows it at (`fit.picture_dpi`),
placed at the same size and place as in the PDF deck; the pictures are drawn by several
`dot` processes at once. Every slide's notes hold the full
text of each claim on it, with its label, the reason for the label, and its sources.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from argmap.export.deck import Deck, Slide
from argmap.export.deck_pdf import BREADCRUMB_POINTS, TITLE_POINTS, render_many
from argmap.export.fit import (
    AREA_LEFT,
    AREA_TOP,
    AREA_WIDTH,
    CHART_LEFT,
    CHART_WIDTH,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    picture_dpi,
    scale_to_area,
)

#: Layout 5 of python-pptx's default template: "Title Only".
TITLE_ONLY = 5


def _with_dpi(source: str, dpi: int) -> str:
    """The DOT source with its graph's resolution set (first statement of the graph)."""
    head, brace, rest = source.partition("{\n")
    return f"{head}{brace}\tgraph [dpi={dpi}]\n{rest}"


def _rgb(colour: str) -> Any:
    from pptx.dml.color import RGBColor

    value = colour.lstrip("#")[:6]
    return RGBColor(int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def write(deck: Deck, jobs: int | None = None, oversampling: float | None = None) -> bytes:
    """The deck as .pptx bytes: one slide per planned slide, in order.

    `jobs`: the `dot` processes drawing pictures at once (`deck_pdf.render_many`);
    `oversampling`: picture pixels per projector pixel (default `PICTURE_OVERSAMPLING`).
    """
    from pptx import Presentation
    from pptx.util import Emu, Inches

    theme = deck.theme
    diagram_slides = [s for s in deck.slides if s.source is not None]
    sources = []
    for slide in diagram_slides:
        assert slide.source is not None and slide.size is not None
        sources.append(_with_dpi(slide.source, picture_dpi(slide.size, oversampling=oversampling)))
    for slide in deck.slides:
        if slide.source is None and slide.chart is not None:
            assert slide.chart_size is not None
            dpi = picture_dpi(slide.chart_size, CHART_WIDTH, oversampling)
            sources.append(_with_dpi(slide.chart, dpi))
    # Diagrams in slide order, then charts: a slide has one or the other, so they interleave
    # in the order the slides are written.
    pictures = iter(_in_slide_order(deck, render_many(sources, "png", jobs)))

    presentation = Presentation()
    # python-pptx starts at 4:3; a projector and the PDF deck are 16:9.
    # 13.333 x 7.5 in exactly as PowerPoint's widescreen (in EMU, 914400 per inch).
    presentation.slide_width = Emu(12192000)
    presentation.slide_height = Emu(6858000)
    presentation.core_properties.title = deck.title
    layout = presentation.slide_layouts[TITLE_ONLY]
    for planned in deck.slides:
        slide = presentation.slides.add_slide(layout)
        background = slide.background.fill
        background.solid()
        background.fore_color.rgb = _rgb(theme.background)
        title = slide.shapes.title
        assert title is not None
        title.left, title.top = Inches(0.2), Inches(0.1)
        # The title slide's title may take two lines at 40 pt.
        title_height = 1.5 if planned.kind == "title" else 0.6
        title.width, title.height = Inches(SLIDE_WIDTH - 0.4), Inches(title_height)
        _set_text(
            title.text_frame, [planned.title], 40 if planned.kind == "title" else TITLE_POINTS
        )
        _colour(title.text_frame, theme.text, bold=True)
        top = 0.1 + title_height
        if planned.breadcrumb:
            box = slide.shapes.add_textbox(
                Inches(0.2), Inches(top), Inches(SLIDE_WIDTH - 0.4), Inches(0.4)
            )
            _set_text(box.text_frame, [planned.breadcrumb], BREADCRUMB_POINTS)
            _colour(box.text_frame, theme.muted)
            top += 0.45
        if planned.source is not None:
            assert planned.size is not None
            scale = scale_to_area(planned.size)
            width = planned.size.width * scale
            height = planned.size.height * scale
            left = AREA_LEFT + (AREA_WIDTH - width) / 2
            slide.shapes.add_picture(
                BytesIO(next(pictures)),
                Inches(left),
                Inches(AREA_TOP),
                Inches(width),
                Inches(height),
            )
        else:
            _add_sections(slide, planned, top + 0.1, theme.text)
        if planned.source is None and planned.chart is not None:
            assert planned.chart_size is not None
            scale = scale_to_area(planned.chart_size, CHART_WIDTH)
            slide.shapes.add_picture(
                BytesIO(next(pictures)),
                Inches(CHART_LEFT),
                Inches(AREA_TOP),
                Inches(planned.chart_size.width * scale),
                Inches(planned.chart_size.height * scale),
            )
        slide.notes_slide.notes_text_frame.text = planned.notes
    buffer = BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def _in_slide_order(deck: Deck, rendered: list[bytes]) -> list[bytes]:
    """The pictures rendered as diagrams-then-charts, put in the order of the slides."""
    diagrams = iter(rendered[: sum(s.source is not None for s in deck.slides)])
    charts = iter(rendered[sum(s.source is not None for s in deck.slides) :])
    ordered = []
    for slide in deck.slides:
        if slide.source is not None:
            ordered.append(next(diagrams))
        elif slide.chart is not None:
            ordered.append(next(charts))
    return ordered


def _set_text(frame: Any, lines: list[str], size: float) -> None:
    from pptx.util import Pt

    frame.word_wrap = True
    frame.text = lines[0]
    for line in lines[1:]:
        frame.add_paragraph().text = line
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(size)


def _colour(frame: Any, colour: str, bold: bool = False) -> None:
    from pptx.enum.text import PP_ALIGN

    for paragraph in frame.paragraphs:
        # Left, as in the PDF deck (the template centres titles).
        paragraph.alignment = PP_ALIGN.LEFT
        for run in paragraph.runs:
            run.font.color.rgb = _rgb(colour)
            run.font.bold = bold


def _add_sections(slide: Any, planned: Slide, top: float, colour: str) -> None:
    """A text slide's sections as one text box: headings bold, lines below them."""
    from pptx.util import Inches, Pt

    width = (CHART_LEFT - 0.4) if planned.chart is not None else SLIDE_WIDTH - 0.6
    box = slide.shapes.add_textbox(
        Inches(0.3), Inches(top), Inches(width), Inches(SLIDE_HEIGHT - top - 0.2)
    )
    frame = box.text_frame
    frame.word_wrap = True
    first = True
    for section in planned.sections:
        rows = ([(section.heading, section.size + 4, True)] if section.heading else []) + [
            (line, section.size, False) for line in section.lines
        ]
        for index, (text, size, bold) in enumerate(rows):
            paragraph = frame.paragraphs[0] if first else frame.add_paragraph()
            first = False
            run = paragraph.add_run()
            run.text = text
            run.font.size = Pt(size)
            run.font.bold = bold
            run.font.color.rgb = _rgb(colour)
            if index == 0:
                paragraph.space_before = Pt(10)
