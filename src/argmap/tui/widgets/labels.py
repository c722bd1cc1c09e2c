"""How claims read on screen: side as colour AND a symbol, status as a mark, kind as a word.

Everything is built as rich `Text`, never markup: claim text is full of brackets
("[1AC]", "[citation needed]") that must show as written.
"""

from __future__ import annotations

from rich.text import Text

from argmap.bars import level_glyph
from argmap.graph import ClaimNode, Relation
from argmap.model import Kind, Side
from argmap.semantics import Label

# Mid-tone colours that read on a light and on a dark background alike.
SIDE_STYLE = {Side.PRO: "bold #2f9e44", Side.CON: "bold #e03131"}
SIDE_SYMBOL = {Side.PRO: "+", Side.CON: "−"}
SIDE_NAME = {Side.PRO: "pro", Side.CON: "con"}
STATUS_MARK = {Label.STANDING: "✓", Label.DEFEATED: "✗", Label.UNDECIDED: "?"}
STATUS_STYLE = {
    Label.STANDING: "bold #2f9e44",
    Label.DEFEATED: "bold #e03131",
    Label.UNDECIDED: "bold #d9820b",
}
LINK_STYLE = "italic #4c6ef5"


def side_mark(side: Side | None) -> Text:
    if side is None:
        return Text("◆", style="bold")
    return Text(SIDE_SYMBOL[side], style=SIDE_STYLE[side])


def status_mark(label: Label) -> Text:
    return Text(STATUS_MARK[label], style=STATUS_STYLE[label])


def shorten(text: str, width: int) -> str:
    """First line of the text, cut to `width` characters with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: max(width - 1, 1)] + "…"


def strength_mark(value: float) -> Text:
    """A claim's strength in five cells: a level glyph and the figure."""
    return Text(f"{level_glyph(value)}{value:.2f}", style="#868e96")


def claim_row(
    node: ClaimNode,
    label: Label,
    width: int = 90,
    dim: bool = False,
    strength: float | None = None,
    cut: bool = False,
) -> Text:
    """A map row: side symbol, status mark, strength (when given), kind, then the text.

    `cut`: a standing undercut cuts the claim's link to what it answers (marked ✂).
    """
    row = Text(no_wrap=True, overflow="ellipsis")
    row.append_text(side_mark(node.side))
    row.append(" ")
    row.append_text(status_mark(label))
    row.append(" ")
    if strength is not None:
        row.append_text(strength_mark(strength))
        row.append(" ")
    if node.is_motion:
        row.append("Motion: ", style="bold")
    if cut:
        row.append("✂ ", style="bold")
    if node.relation is Relation.UNDERCUTS:
        row.append("undercuts: ", style="italic")
    if node.kind is not Kind.CLAIM:
        row.append(f"{node.kind.value}: ", style="italic")
    style = "dim" if dim or label is Label.DEFEATED else ""
    row.append(shorten(node.text, width), style=style)
    return row


def link_row(verb: str, node: ClaimNode | None, claim_id: str, width: int = 90) -> Text:
    """A cross-link leaf in the map or a link in the detail panel: "↪ also rebuts X: …".

    `width` is the whole row's; the claim's text is cut to fit it.
    """
    row = Text(no_wrap=True, overflow="ellipsis")
    row.append(f"↪ {verb} ", style=LINK_STYLE)
    if node is not None:
        row.append_text(side_mark(node.side))
        row.append(" ")
    row.append(claim_id, style="bold")
    if node is not None:
        row.append(": ")
        row.append(shorten(node.text, max(width - len(row), 12)))
    return row
