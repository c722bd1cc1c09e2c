"""The legend under the map and the `?` help describe a row in the order the row draws it:
side, then strength, then the strict label."""

from __future__ import annotations

from helpers import MINIMAL

from argmap.load import load_text
from argmap.semantics import Label
from argmap.tui.screens.help import LABELS_AND_STRENGTH
from argmap.tui.screens.map import legend
from argmap.tui.widgets.labels import claim_row


def test_the_row_the_legend_and_the_help_agree_on_what_comes_first() -> None:
    graph = load_text(MINIMAL, "debate.yaml").graph
    node = next(iter(graph.claims()))
    row = claim_row(node, Label.DEFEATED, strength=0.71).plain
    # The row: side mark, strength, then the label's glyph.
    assert row.index("+") < row.index("0.71") < row.index("✗")
    shown = legend().plain
    assert shown.index("pro") < shown.index("strength") < shown.index("standing")
    assert shown.index("strength") < shown.index("defeated") < shown.index("undecided")
    # The help says the figure comes right after the side and the label after the figure.
    assert "right after the side" in LABELS_AND_STRENGTH
    assert "label after the figure" in LABELS_AND_STRENGTH
