"""The verdict drawn on the web page: the movers chart and the balance bar with its band."""

from __future__ import annotations

import re
from collections.abc import Callable

from argmap.export import ExportOptions
from argmap.export.html import debate_facts, debate_page, index_entry, index_page
from argmap.export.html_movers import balance_bar, balance_of, movers_chart
from argmap.load import LoadedDebate
from argmap.verdict import debate_verdict

DEBATE = """\
version: 1
title: Movers
motion: The motion.
pro:
  - id: strong-for
    text: A strong reason for the motion that is long enough to be shortened on the chart.
    weight: 5
  - id: weak-for
    text: <b>A weak</b> reason for it.
    weight: 1
con:
  - id: against
    text: A reason against it.
    weight: 3
"""


def test_movers_are_named_by_text_and_ordered_from_raising_to_lowering(
    load_debate: Callable[..., LoadedDebate],
) -> None:
    graph = load_debate(DEBATE).graph
    reading = debate_verdict(graph)
    balance = balance_of(graph, reading)
    amounts = [m.amount for m in balance.movers]
    assert amounts == sorted(amounts, reverse=True)
    assert amounts[0] > 0 > amounts[-1]
    first = balance.movers[0]
    assert first.claim_id == "strong-for"
    assert first.name.startswith("A strong reason") and first.name.endswith("…")
    assert dict(reading.raised)["strong-for"] == first.amount
    assert (balance.strength, balance.low, balance.high) == (
        reading.strength,
        reading.robustness.low,
        reading.robustness.high,
    )
    assert balance.low <= balance.strength <= balance.high


def test_the_chart_draws_raising_bars_right_and_lowering_bars_left_to_one_scale(
    load_debate: Callable[..., LoadedDebate],
) -> None:
    graph = load_debate(DEBATE).graph
    movers = balance_of(graph, debate_verdict(graph)).movers
    chart = movers_chart(movers)
    bars = re.findall(r'<span class="bar (raises|lowers)" style="width:([\d.]+)%">', chart)
    assert [way for way, _ in bars] == ["raises" if m.amount > 0 else "lowers" for m in movers]
    largest = max(abs(m.amount) for m in movers)
    for (_, width), mover in zip(bars, movers, strict=True):
        assert float(width) == round(100 * abs(mover.amount) / largest, 1) / 2
    # Every number is there as text too, and claim text is escaped.
    for mover in movers:
        assert f"{abs(mover.amount):.2f}</td>" in chart
    assert "&lt;b&gt;A weak&lt;/b&gt;" in chart and "<b>" not in chart
    assert movers_chart(()) == ""


def test_the_bar_puts_the_mark_at_the_strength_and_the_band_over_the_range(
    load_debate: Callable[..., LoadedDebate],
) -> None:
    graph = load_debate(DEBATE).graph
    balance = balance_of(graph, debate_verdict(graph))
    bar = balance_bar(balance)
    mark = re.search(r'class="mark" x="([\d.-]+)" y="0" width="8"', bar)
    assert mark and float(mark.group(1)) + 4 == round(1000 * balance.strength, 1)
    band = re.search(r'class="band" x="([\d.]+)" y="8" width="([\d.]+)"', bar)
    assert band and float(band.group(1)) == round(1000 * balance.low, 1)
    assert abs(float(band.group(1)) + float(band.group(2)) - 1000 * balance.high) < 0.2
    assert f"{balance.low:.2f} to {balance.high:.2f}" in bar
    assert 'role="img" aria-label="Strength of the motion' in bar


def test_the_page_shows_the_pictures_instead_of_the_lines_they_draw(
    load_debate: Callable[..., LoadedDebate],
) -> None:
    graph = load_debate(DEBATE).graph
    facts = debate_facts(graph)
    page = debate_page(graph, ExportOptions(), facts, "<svg></svg>")
    assert '<table class="movers">' in page and '<svg class="balance-bar"' in page
    assert "Raised most by" not in page
    assert page.count("With all weights moved one step together") == 0
    assert "with all weights moved one step together" in page  # the bar's caption
    assert "Strict reading" in page


def test_the_index_draws_each_debates_balance_with_its_numbers_in_the_label(
    load_debate: Callable[..., LoadedDebate],
) -> None:
    graph = load_debate(DEBATE).graph
    facts = debate_facts(graph)
    page = index_page([index_entry(graph, "movers.html", facts)], ExportOptions())
    assert page.count('<svg class="balance-bar"') == 1
    assert facts.balance is not None
    assert f"Strength of the motion {facts.balance.strength:.2f}" in page
    assert "<figcaption>" not in page
