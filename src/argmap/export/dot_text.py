"""Text in a diagram: escaping for HTML-like labels, wrapping, shortening, and the quoting
of DOT values."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING

from argmap.reading import short_text

if TYPE_CHECKING:
    pass


# --- escaping -------------------------------------------------------------------------------

_HTML_ESCAPES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
    # Graphviz expands \N, \G, \L ... even inside HTML-like labels (after entity decoding),
    # and reads `\\` as one backslash: doubling keeps every backslash literal.
    "\\": "\\\\",
    # A label whose text is a lone `]` is a syntax error to Graphviz 2.43's DOT reader.
    "]": "&#93;",
    "\n": " ",
    "\t": " ",
    "\r": " ",
}


_ESCAPE_TABLE = str.maketrans(_HTML_ESCAPES | {"\u2028": " ", "\u2029": " "})
# Control characters, lone surrogates and non-characters: no XML parser accepts them.
_UNUSABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(
        f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
    )
    + "]"
)

#: Text with no character that `escape_html` changes.
_PLAIN = re.compile(
    _UNUSABLE.pattern.replace("[", "[^", 1)[:-1]
    + re.escape("".join(_HTML_ESCAPES) + "\u2028\u2029")
    + "]*"
)


def escape_html(text: str) -> str:
    """Text safe inside a Graphviz HTML-like label: markup, entities, escapes all literal.

    Control characters, lone surrogates and non-characters become U+FFFD; everything
    else, any script or emoji included, is kept as it is.
    """
    if _PLAIN.fullmatch(text):
        return text  # most lines of most claims: nothing to escape or replace
    return _UNUSABLE.sub("\ufffd", text.translate(_ESCAPE_TABLE))


def wrap_lines(text: str, width: int) -> list[str]:
    """Lines of at most `width` characters; long words are split, never cut off."""
    lines: list[str] = []
    for paragraph in text.replace("\t", " ").splitlines() or [""]:
        words = paragraph.split(" ")
        if "" not in words and max(map(len, words)) <= width and not any(map(str.isspace, words)):
            # Words apart by single spaces, none too long and none of other blanks alone
            # (textwrap drops those at line ends; nearly every claim qualifies): greedy
            # filling gives what textwrap gives, at a fraction of the cost.
            wrapped = _fill(words, width)
        else:
            wrapped = textwrap.wrap(
                paragraph, width=width, break_long_words=True, break_on_hyphens=False
            )
        lines.extend(wrapped or ([""] if not lines else []))
    return lines or [""]


def shorten(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters at a word boundary, ending in "…"."""
    return short_text(text, limit)


def _fill(words: list[str], width: int) -> list[str]:
    lines: list[str] = []
    line = words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines


def html_lines(text: str, width: int) -> str:
    """Wrapped, escaped text joined with `<BR/>`."""
    lines = wrap_lines(text, width)
    if _PLAIN.fullmatch(text):
        return "<BR/>".join(lines)  # one check for the whole text instead of one a line
    return "<BR/>".join(escape_html(line) for line in lines)


def _quote_label(label: str, quote: Callable[[str], str]) -> str:
    # An HTML-like label (`<...>`, which is every label argmap writes) is left as it is by
    # graphviz's `quote`; skip its regex over a long label.
    return label if label.startswith("<") and label.endswith(">") else quote(label)


def quick_quote(fallback: Callable[[str], str]) -> Callable[[str], str]:
    """graphviz's `quote`, with a shortcut for values that plainly need double quotes.

    A value that starts with a letter or `_` and holds a space, `-` or `.` is neither a DOT
    ID nor a number nor an HTML string, so `quote` wraps it in double quotes; without a
    quote or a backslash in it, nothing inside changes. Every claim's id and tooltip is such
    a value, and the shortcut skips `quote`'s four regular expressions. Anything else goes
    to `fallback` (graphviz's `quote`), so the DOT stays byte for byte the same.
    """

    def quote(value: str) -> str:
        first = value[:1]
        if (
            (first.isalpha() or first == "_")
            and ("-" in value or "." in value or " " in value)
            and '"' not in value
            and "\\" not in value
        ):
            return f'"{value}"'
        return fallback(value)

    return quote


def _font(text: str, size: float, colour: str, bold: bool = False) -> str:
    body = f"<B>{text}</B>" if bold else text
    return f'<FONT POINT-SIZE="{size:g}" COLOR="{colour}">{body}</FONT>'
