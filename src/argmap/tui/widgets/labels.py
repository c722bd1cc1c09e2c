"""How claims read on screen: side as colour AND a symbol, status as a glyph and weight.

Sides take the colour-blind-safe Okabe–Ito pair the diagrams use: vermillion for con, blue
for pro on a light background and sky blue on a dark one, so on a dark screen pro is the
brighter of the two and grey-scale alone still tells them apart. Status never borrows a
side's colour: standing is a bold ✓, defeated a ✗ with the claim's text dimmed, undecided
an italic ?. So `+ ✗` and `− ✓` never look like a clash.

Everything is built as rich `Text`, never markup: claim text is full of brackets
("[1AC]", "[citation needed]") that must show as written. Every string from a file passes
through `safe` (one line) or `safe_block` first, so control sequences show as escapes.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from rich.text import Text

from argmap.bars import level_glyph
from argmap.graph import ClaimNode, Relation
from argmap.model import Kind, Side
from argmap.safetext import printable
from argmap.semantics import Label

#: Side colours by theme, Okabe–Ito values (con vermillion on both backgrounds).
SIDE_COLOURS = {
    "light": {Side.PRO: "#0072B2", Side.CON: "#D55E00"},
    "dark": {Side.PRO: "#56B4E9", Side.CON: "#D55E00"},
}
SIDE_SYMBOL = {Side.PRO: "+", Side.CON: "−"}
SIDE_NAME = {Side.PRO: "pro", Side.CON: "con"}
STATUS_MARK = {Label.STANDING: "✓", Label.DEFEATED: "✗", Label.UNDECIDED: "?"}
#: Status by weight and dimming only, never by colour.
STATUS_STYLE = {
    Label.STANDING: "bold",
    Label.DEFEATED: "dim",
    Label.UNDECIDED: "bold italic",
}
#: Links in the reddish purple of the same palette: no side's colour.
LINK_STYLE = "italic #CC79A7"
#: Problems in a file (errors, warnings) are not sides either.
ERROR_STYLE = "bold #e03131"
WARNING_STYLE = "#d9820b"

_theme = {"name": "dark"}


def use_theme(dark: bool) -> None:
    """Pick the side colours that read on the app's current background."""
    _theme["name"] = "dark" if dark else "light"


def side_style(side: Side) -> str:
    """The bold colour of a side on the current background."""
    return f"bold {SIDE_COLOURS[_theme['name']][side]}"


def safe(text: str) -> str:
    """A string from a file, for one line on screen: control characters as escapes."""
    return printable(text, one_line=True)


def safe_block(text: str) -> str:
    """A string from a file that may span lines (a claim, a note): controls as escapes."""
    return printable(text)


def side_mark(side: Side | None) -> Text:
    if side is None:
        return Text("◆", style="bold")
    return Text(SIDE_SYMBOL[side], style=side_style(side))


def status_mark(label: Label) -> Text:
    return Text(STATUS_MARK[label], style=STATUS_STYLE[label])


def shorten(text: str, width: int) -> str:
    """The text on one line (control characters as escapes), cut at a word boundary to at
    most `width` characters, ending in "…" when cut."""
    line = " ".join(safe_block(text).split())
    if len(line) <= width:
        return line
    width = max(width, 2)
    cut = line[: width - 1]
    space = cut.rfind(" ")
    # Cut at the last space unless that loses more than a third of the room (a long word).
    if space > (width - 1) * 2 // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


def strength_mark(value: float) -> Text:
    """A claim's strength in five cells: a level glyph and the figure."""
    return _strength_text(level_glyph(value), f"{value:.2f}")


def _strength_text(glyph: str, figure: str) -> Text:
    return Text(f"{glyph}{figure}", style="#868e96")


def _claim_prefix(node: ClaimNode, label: Label, strength: float | None, cut: bool) -> Text:
    # Claims share a few hundred prefixes at most: a wide claim's answers reuse them.
    mark = None if strength is None else (level_glyph(strength), f"{strength:.2f}")
    undercuts = node.relation is Relation.UNDERCUTS
    key = (_theme["name"], node.side, node.is_motion, mark, label, cut, undercuts, node.kind)
    return _prefix(*key).copy()


@functools.lru_cache(maxsize=4096)
def _prefix(
    theme: str,
    side: Side | None,
    motion: bool,
    mark: tuple[str, str] | None,
    label: Label,
    cut: bool,
    undercuts: bool,
    kind: Kind,
) -> Text:
    """The marks before a claim's text (`theme` keys the cache too: the colours follow
    the theme); `mark` is the strength's level glyph and figure."""
    row = Text(no_wrap=True, overflow="ellipsis")
    row.append_text(side_mark(side))
    row.append(" ")
    # The strength comes first: it is what the verdict weighs. The motion has no status
    # mark: its strict label is not its verdict (the detail panel says both).
    if mark is not None:
        row.append_text(_strength_text(*mark))
        row.append(" ")
    if not motion:
        row.append_text(status_mark(label))
        row.append(" ")
    if motion:
        row.append("Motion: ", style="bold")
    if cut:
        row.append("✂ ", style="bold")
    if undercuts:
        row.append("undercuts: ", style="italic")
    if kind is not Kind.CLAIM:
        row.append(f"{kind.value}: ", style="italic")
    return row


def claim_prefix_cells(
    node: ClaimNode, label: Label, strength: float | None = None, cut: bool = False
) -> int:
    """How many cells the marks before a claim's text take in its map row."""
    return _claim_prefix(node, label, strength, cut).cell_len


def claim_row(
    node: ClaimNode,
    label: Label,
    width: int = 90,
    dim: bool = False,
    strength: float | None = None,
    cut: bool = False,
) -> Text:
    """A map row: side symbol, strength (when given), strict status mark, kind, the text.

    `width` is the room for the whole row; the claim's text is cut at a word with "…".
    `cut`: a standing undercut cuts the claim's link to what it answers (marked ✂).
    """
    return claim_lines(node, label, width, 1, dim, strength, cut)[0]


def claim_lines(
    node: ClaimNode,
    label: Label,
    width: int,
    lines: int = 3,
    dim: bool = False,
    strength: float | None = None,
    cut: bool = False,
) -> list[Text]:
    """A map row on up to `lines` lines of `width` cells: the marks, then the claim's
    text wrapped at words under its first word; cut with "…" only past the last line."""
    prefix = _claim_prefix(node, label, strength, cut)
    style = "dim" if dim or label is Label.DEFEATED else ""
    return wrapped(prefix, node.text, width, lines, style)


def wrapped(prefix: Text, text: str, width: int, lines: int, style: str = "") -> list[Text]:
    """`prefix` then `text` wrapped at words in `width` cells, the later lines indented
    to where the text starts (unless that leaves too little room); at most `lines`."""
    if lines == 1:
        # One line: the text cut to the room after the prefix (no words to lay out).
        row = prefix.copy()
        row.append(shorten(text, max(width - prefix.cell_len, 8)), style=style)
        return [row]
    if width - prefix.cell_len < 16:
        # A long prefix (a link into another debate): the text starts on the next line
        # rather than with a word cut to a few letters.
        return [prefix, *wrapped(Text(no_wrap=True), text, width, lines - 1, style)]
    indent, room_first, room = _rooms(prefix.cell_len, width)
    out = _chunks(words_of(text), room_first, room, lines)
    result: list[Text] = []
    for number, chunk in enumerate(out):
        limit = room_first if number == 0 else room
        row = prefix.copy() if number == 0 else Text(" " * indent, no_wrap=True)
        row.append(shorten(chunk, limit), style=style)
        result.append(row)
    return result


def wrapped_height(prefix_cells: int, words: Sequence[str], width: int, lines: int) -> int:
    """How many lines `wrapped` makes of a prefix `prefix_cells` wide and these words
    (`words_of(text)`), without drawing them: a big debate's map lays out thousands of
    rows and draws only the few on screen."""
    if width - prefix_cells < 16 and lines > 1:
        return 1 + wrapped_height(0, words, width, lines - 1)
    _, limit, room = _rooms(prefix_cells, width)
    # `_chunks`, counting lengths instead of joining the words.
    count, length = 1, -1
    for word in words:
        if length < 0:
            length = len(word)
        elif length + 1 + len(word) <= limit:
            length += 1 + len(word)
        elif count == lines:
            break
        else:
            count, length, limit = count + 1, len(word), room
    return count


def words_of(text: str) -> list[str]:
    """A claim's words as `wrapped` breaks them (control characters as escapes)."""
    return " ".join(safe_block(text).split()).split(" ")


def _rooms(prefix_cells: int, width: int) -> tuple[int, int, int]:
    """The indent of later lines, and the room of the first line and of the later ones."""
    indent = prefix_cells if width - prefix_cells >= 24 else 0
    return indent, max(width - prefix_cells, 8), max(width - indent, 8)


def _chunks(words: Sequence[str], room_first: int, room: int, lines: int) -> list[str]:
    """The words filled into at most `lines` lines, the last holding all the rest."""
    out: list[str] = []
    current = ""
    limit = room_first
    for index, word in enumerate(words):
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= limit or not current:
            current = candidate
            continue
        if len(out) + 1 == lines:
            current = " ".join([current, *words[index:]])
            break
        out.append(current)
        current = word
        limit = room
    out.append(current)
    return out


def link_row(verb: str, node: ClaimNode | None, claim_id: str, width: int = 90) -> Text:
    """A cross-link leaf in the map or a link in the detail panel: "↪ also rebuts X: …".

    `width` is the whole row's; the claim's text is cut to fit it.
    """
    return link_lines(verb, node, claim_id, width, 1)[0]


def link_lines(
    verb: str, node: ClaimNode | None, claim_id: str, width: int, lines: int = 2
) -> list[Text]:
    """A cross-link on up to `lines` lines of `width` cells, wrapped at words."""
    prefix = Text(no_wrap=True, overflow="ellipsis")
    prefix.append(f"↪ {verb} ", style=LINK_STYLE)
    if node is not None:
        prefix.append_text(side_mark(node.side))
        prefix.append(" ")
    prefix.append(safe(claim_id), style="bold")
    if node is None:
        return [prefix]
    prefix.append(": ")
    return wrapped(prefix, node.text, width, lines)
