"""The closing slide's picture of the verdict: the balance bar and the movers' bars.

Drawn as one Graphviz HTML-like table, so it is measured and checked against the 18 pt
rule like every other diagram on a slide (`argmap.export.fit`):

- **Balance**: a bar from 0 (against) to 1 (for the motion) with a band over the range
  the motion's strength takes when every weight moves one step (`argmap.robustness`),
  and a mark at the strength itself.
- **Movers**: the claims that move the verdict most (`argmap.verdict`'s removal
  contributions), one bar each from a centre line, to the right for a claim that raises
  the motion's strength and to the left for one that lowers it, each labelled by the
  short form of its text and its amount.
"""

from __future__ import annotations

from argmap.export.deck_text import plain
from argmap.export.dot import FONTNAME, Theme, escape_html
from argmap.export.fit import PAD
from argmap.graph import ArgumentGraph
from argmap.reading import short_text
from argmap.verdict import DebateVerdict

#: Points of the balance bar, 0 to 1; points of each half of the movers' chart.
BAR_WIDTH = 360
HALF_WIDTH = 180
BAR_HEIGHT = 22
#: Text of the chart, points (the slide shows it at least this big: it is never shrunk).
CHART_POINTS = 18.0
HEADING_POINTS = 20.0
#: Characters of a mover's label.
LABEL_CHARS = 34
#: Movers drawn at most.
MOVERS = 4


def _cell(width: float, colour: str | None, height: int = BAR_HEIGHT) -> str:
    fill = f' BGCOLOR="{colour}"' if colour else ""
    return f'<TD FIXEDSIZE="TRUE" WIDTH="{max(1, round(width))}" HEIGHT="{height}"{fill}></TD>'


def _fixed(cells: str, width: float, height: float = BAR_HEIGHT) -> str:
    """A row of cells as a table of exactly `width` × `height` points: a table in a wider
    cell is otherwise stretched, its spare width spread between its cells."""
    return (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0" FIXEDSIZE="TRUE" '
        f'WIDTH="{round(width)}" HEIGHT="{round(height)}"><TR>{cells}</TR></TABLE>'
    )


def _text(text: str, size: float, colour: str, bold: bool = False) -> str:
    body = escape_html(text)
    if bold:
        body = f"<B>{body}</B>"
    return f'<FONT POINT-SIZE="{size:g}" COLOR="{colour}">{body}</FONT>'


def balance_table(reading: DebateVerdict, theme: Theme) -> str:
    """The balance bar: 0 to 1, the range as a band, the strength as a mark."""
    r = reading.robustness
    low, high = sorted((min(max(r.low, 0.0), 1.0), min(max(r.high, 0.0), 1.0)))
    strength = min(max(reading.strength, 0.0), 1.0)
    mark = 4
    # Five pieces: before the band, band to the mark, the mark, band after it, the rest.
    pieces = [
        (low * BAR_WIDTH, theme.motion_fill),
        ((strength - low) * BAR_WIDTH - mark / 2, theme.muted),
        (mark, theme.text),
        ((high - strength) * BAR_WIDTH - mark / 2, theme.muted),
        ((1 - high) * BAR_WIDTH, theme.motion_fill),
    ]
    bar = "".join(_cell(width, colour) for width, colour in pieces if width >= 1)
    half = f'<TD WIDTH="{BAR_WIDTH // 2}"'
    ends = (
        f'{half} ALIGN="LEFT">{_text("0 against", CHART_POINTS, theme.muted)}</TD>'
        f'{half} ALIGN="RIGHT">{_text("for 1", CHART_POINTS, theme.muted)}</TD>'
    )
    band = (
        f"{reading.strength:.2f}; {low:.2f}–{high:.2f} if every weight moves a step"
        if high - low >= 0.005
        else f"{reading.strength:.2f}; no weight step moves it"
    )
    plain_table = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"'
    return (
        f"{plain_table}>"
        f"<TR><TD>{_fixed(bar, BAR_WIDTH)}</TD></TR>"
        f"<TR><TD>{_fixed(ends, BAR_WIDTH, CHART_POINTS * 1.5)}</TD></TR>"
        f'<TR><TD ALIGN="LEFT">{_text(band, CHART_POINTS, theme.text)}</TD></TR>'
        "</TABLE>"
    )


def movers_rows(graph: ArgumentGraph, reading: DebateVerdict, theme: Theme) -> list[str]:
    """Two rows per mover: its bar from the centre line, then its label."""
    most = reading.visible_movers(MOVERS)
    if not most:
        return []
    largest = max(abs(amount) for _, amount in most)
    rows = []
    for claim_id, amount in most:
        length = HALF_WIDTH * abs(amount) / largest
        side = graph.nodes[claim_id].side
        colour = theme.pro_border if side is not None and side.value == "pro" else theme.con_border
        left = (
            _cell(HALF_WIDTH - length, None) + _cell(length, colour)
            if amount < 0
            else _cell(HALF_WIDTH, None)
        )
        right = (
            _cell(length, colour) + _cell(HALF_WIDTH - length, None)
            if amount > 0
            else _cell(HALF_WIDTH, None)
        )
        axis = _cell(2, theme.text)
        rows.append(f"<TR><TD>{_fixed(left + axis + right, 2 * HALF_WIDTH + 2)}</TD></TR>")
        label = f"{short_text(plain(graph.nodes[claim_id].text), LABEL_CHARS)} {amount:+.2f}"
        align = "RIGHT" if amount < 0 else "LEFT"
        rows.append(f'<TR><TD ALIGN="{align}">{_text(label, CHART_POINTS, theme.text)}</TD></TR>')
    return rows


def chart_source(graph: ArgumentGraph, reading: DebateVerdict, theme: Theme) -> str:
    """DOT of the closing slide's chart: the balance, then the movers."""
    rows = [
        f'<TR><TD ALIGN="LEFT">{_text("Balance", HEADING_POINTS, theme.text, True)}</TD></TR>',
        f"<TR><TD>{balance_table(reading, theme)}</TD></TR>",
    ]
    movers = movers_rows(graph, reading, theme)
    if movers:
        rows.append('<TR><TD HEIGHT="12"></TD></TR>')
        heading = "What moves it: ← lowers · raises →"
        rows.append(
            f'<TR><TD ALIGN="LEFT">{_text(heading, HEADING_POINTS, theme.text, True)}</TD></TR>'
        )
        rows += movers
    table = (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4" CELLPADDING="0">'
        + "".join(rows)
        + "</TABLE>"
    )
    return (
        "digraph chart {\n"
        f'\tgraph [bgcolor="{theme.background}" pad="{PAD:g}" margin="0"]\n'
        f'\tnode [fontname="{FONTNAME}"]\n'
        f"\tchart [label=<{table}> shape=plaintext margin=0]\n}}\n"
    )
