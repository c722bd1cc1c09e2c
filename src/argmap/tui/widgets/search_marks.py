"""The words of the last search, marked where the hit is shown: in the claim's text in the
detail panel and in its row of the map.

A mark is reverse video and underline, so it reads in any theme and without colour. A word
of the query is marked where it starts a word of the text (as the search matched it), to
the end of that word: "patent" marks "patents", never "competent".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.style import Style
from rich.text import Text

from argmap.tui.widgets.labels import safe_block

HIT_STYLE = Style(reverse=True, underline=True)


def hit_pattern(words: Sequence[str]) -> re.Pattern[str] | None:
    """Where any of the words starts a word of a text; None for no words."""
    alternatives = sorted({w for w in words if w}, key=len, reverse=True)
    if not alternatives:
        return None
    escaped = "|".join(re.escape(w) for w in alternatives)
    return re.compile(rf"(?<![^\W_])(?:{escaped})[^\W_]*", re.IGNORECASE)


def mark_hits(text: Text, words: Sequence[str], start: int = 0, end: int | None = None) -> int:
    """Mark the words in `text` between `start` and `end`; how many places were marked."""
    pattern = hit_pattern(words)
    if pattern is None:
        return 0
    found = 0
    stop = len(text.plain) if end is None else end
    for match in pattern.finditer(text.plain, start, stop):
        text.stylize(HIT_STYLE, match.start(), match.end())
        found += 1
    return found


def mark_claim_text(described: Text, claim_text: str, words: Sequence[str]) -> Text:
    """A claim's description (see `describe_claim`) with the words marked in the claim's
    own text only: the second paragraph, after the heading line."""
    marked = described.copy()
    start = marked.plain.find("\n") + 1
    mark_hits(marked, words, start, start + len(safe_block(claim_text)))
    return marked
