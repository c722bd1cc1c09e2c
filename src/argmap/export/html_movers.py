"""The verdict drawn for the web page: a balance bar with the robustness band, and the claims
that move the verdict most as a bar chart.

The balance bar runs from 0 (the motion fails) to 1 (it holds), shaded where the verdict
leans con, is balanced and leans pro (`argmap.strength.LEAN_MARGIN`); a band spans the
strengths the motion can take when every weight moves one step (`argmap.robustness`), and a
mark shows where it is. The movers chart has one row per claim whose removal changes the
motion's strength most (`argmap.verdict.DebateVerdict.raised` and `.lowered`): a bar to the
right for a claim that raises it, to the left for one that lowers it, named by a short form
of its text.

Both are plain HTML and inline SVG drawn with the page's style: no script. Every number is
written as text too (the bar's caption, the chart's value column), so a screen reader or a
printout loses nothing. Claim text is escaped here.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from argmap.graph import ArgumentGraph
from argmap.model import Side
from argmap.reading import short_text
from argmap.safetext import printable
from argmap.strength import LEAN_MARGIN, NEUTRAL_BASE
from argmap.verdict import DebateVerdict

#: How long a mover's name may be, in characters.
NAME_LENGTH = 48


@dataclass(frozen=True, slots=True)
class Mover:
    """A claim that moves the motion: by how much its removal would change its strength."""

    claim_id: str
    name: str  # short text, plain (escape before use)
    side: Side | None
    amount: float  # positive: the claim raises the motion


@dataclass(frozen=True, slots=True)
class Balance:
    """What the balance bar and the movers chart show."""

    strength: float
    low: float
    high: float
    movers: tuple[Mover, ...]
    #: The range in words, the bar's caption.
    caption: str
    #: The verdict lines the two pictures stand for (a page shows them no more as text).
    replaces: tuple[str, ...] = ()


def balance_of(graph: ArgumentGraph, reading: DebateVerdict) -> Balance:
    """The balance and the movers of a debate's verdict."""
    movers = tuple(
        Mover(c, short_text(printable(graph.nodes[c].text), NAME_LENGTH), graph.nodes[c].side, a)
        for c, a in reading.visible_movers()
    )
    r = reading.robustness
    caption = reading.range_line()
    return Balance(
        reading.strength, r.low, r.high, movers, caption, (reading.movers_line(graph), caption)
    )


def _esc(value: str) -> str:
    return html.escape(printable(value), quote=True)


def _x(value: float) -> float:
    """A strength in [0, 1] as a position on the bar's 0..1000 drawing."""
    return round(1000 * min(max(value, 0.0), 1.0), 1)


def balance_bar(balance: Balance, *, caption: bool = True) -> str:
    """The bar from 0 to 1 with the verdict zones, the robustness band and the strength;
    without `caption`, its numbers are only in its label (for a screen reader)."""
    con_end, pro_start = _x(NEUTRAL_BASE - LEAN_MARGIN), _x(NEUTRAL_BASE + LEAN_MARGIN)
    low, high, at = _x(balance.low), _x(balance.high), _x(balance.strength)
    label = (
        f"Strength of the motion {balance.strength:.2f} on a scale from 0 (against) "
        f"to 1 (for); with all weights moved one step together, {balance.low:.2f} to "
        f"{balance.high:.2f}"
    )
    svg = (
        f'<svg class="balance-bar" viewBox="0 0 1000 100" role="img" aria-label="{_esc(label)}">'
        f'<rect class="zone con" x="0" y="16" width="{con_end}" height="32"/>'
        f'<rect class="zone even" x="{con_end}" y="16" width="{pro_start - con_end}" '
        'height="32"/>'
        f'<rect class="zone pro" x="{pro_start}" y="16" width="{1000 - pro_start}" height="32"/>'
        f'<rect class="band" x="{low}" y="8" width="{max(high - low, 2)}" height="48" rx="6"/>'
        f'<rect class="mark" x="{at - 4}" y="0" width="8" height="64"/>'
        '<text x="0" y="94">0 against</text>'
        '<text x="500" y="94" class="mid">0.5</text>'
        '<text x="1000" y="94" class="end">for 1</text>'
        "</svg>"
    )
    if not caption:
        return f'<figure class="balance small">{svg}</figure>'
    band = balance.caption[:1].lower() + balance.caption[1:]
    return (
        f'<figure class="balance">{svg}<figcaption>Mark: strength '
        f"<strong>{balance.strength:.2f}</strong>. Band: {_esc(band)}.</figcaption></figure>"
    )


def movers_chart(movers: Sequence[Mover]) -> str:
    """A table of the claims that move the verdict most, with a bar each: to the right for
    one that raises the motion, to the left for one that lowers it, all to one scale."""
    if not movers:
        return ""
    largest = max(abs(m.amount) for m in movers)
    rows = []
    for mover in movers:
        share = round(100 * abs(mover.amount) / largest, 1)
        way = "raises" if mover.amount > 0 else "lowers"
        side = mover.side.value if mover.side is not None else "motion"
        bar = f'<span class="bar {way}" style="width:{share / 2}%"></span>'
        rows.append(
            f'<tr class="{side}"><th scope="row" title="{_esc(mover.name)}">'
            f'<a href="#o-{_esc(mover.claim_id)}" class="jump">{_esc(mover.name)}</a></th>'
            f'<td class="chart" aria-hidden="true"><span class="axis"></span>{bar}</td>'
            f'<td class="amount">{way} {abs(mover.amount):.2f}</td></tr>'
        )
    return (
        '<table class="movers"><caption>What moves the verdict most: how much the '
        "motion's strength would change without each claim (lowers ← → raises)</caption>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
