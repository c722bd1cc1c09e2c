"""Text scans for the import parsers that stay linear on every input.

A regular expression such as `<!--.*?-->` or `\\[(...)*\\]\\(url\\)` is tried again at
every place its first character occurs, and each try may read to the end of the text
before failing: a line of 40,000 `[` or `<!--` without a closing mark costs the square of
its length. The functions here find the same matches as those expressions, but remember
what a failed try has shown (no closing mark after this point, or the same closing
bracket for every opening one before it), so each character is read a bounded number of
times.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

Replace = Callable[[re.Match[str]], str]

_COMMENT_OPEN = re.compile(r"<!--|/\*|(?<![\\:/])//")
_COMMENT_CLOSE = {"<!--": "-->", "/*": "*/"}


def comment_spans(text: str) -> list[tuple[int, int]]:
    """The spans of `<!-- -->`, `/* */` and `//` comments, as the expression
    `<!--.*?-->|/\\*.*?\\*/|(?<![\\\\:/])//[^\\n]*` (dot matching line breaks) finds them.

    An opening mark without its closing mark is not a comment; once one closing mark is
    missing after some point it is missing after every later point, so it is looked for
    once.
    """
    spans: list[tuple[int, int]] = []
    missing: set[str] = set()
    position = 0
    while True:
        match = _COMMENT_OPEN.search(text, position)
        if match is None:
            return spans
        start, opener = match.start(), match.group()
        if opener == "//":
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
        else:
            closer = _COMMENT_CLOSE[opener]
            found = -1 if opener in missing else text.find(closer, match.end())
            if found < 0:
                missing.add(opener)
                position = start + 1
                continue
            end = found + len(closer)
        spans.append((start, end))
        position = end


def sub_links(text: str, link: re.Pattern[str], replace: Replace, image: bool = False) -> str:
    """`link.sub(replace, text)` for a link pattern that starts with an unescaped `[`,
    reads its words up to the first unescaped `]`, and goes on after it.

    `link` must match, anchored, at the `[` (or at the `!` before it when `image`). Every
    `[` between a failed `[` and the `]` its words end at fails in the same way (it reaches
    the same `]` and the same text after it), so the search resumes after that `]`.
    """
    if "[" not in text:
        return text
    out: list[str] = []
    done = 0  # text before this is in `out`
    position = 0
    while True:
        opening = _OPEN_BRACKET.search(text, position)
        if opening is None:
            break
        start = opening.start()
        if image and start > done and text[start - 1] == "!":
            start -= 1
        match = link.match(text, start)
        if match is None and start != opening.start():
            match = link.match(text, opening.start())
        if match is not None:
            out.append(text[done : match.start()])
            out.append(replace(match))
            done = position = match.end()
            if match.end() == match.start():  # pragma: no cover - links are never empty
                position += 1
            continue
        words_end = _WORDS_END.match(text, opening.end())
        if words_end is None:
            break  # no `]` closes this `[`, nor any later one
        position = words_end.end()
    out.append(text[done:])
    return "".join(out)


_OPEN_BRACKET = re.compile(r"(?<!\\)\[")
# The words of a link: anything but `]`, with backslash escapes, then the closing `]`.
_WORDS_END = re.compile(r"(?:[^\]\\]|\\.)*\]", re.DOTALL)


def sub_emphasis(
    text: str,
    opener: re.Pattern[str],
    closers: dict[str, re.Pattern[str]],
    width: int,
) -> str:
    """Emphasis markers removed, as a lazy `OPEN(?=\\S)(.+?)CLOSE` substitution would.

    `opener` finds (zero-width, at its first character) every place a marker may open;
    the marker is the `width` characters there. `closers[marker]` finds every place the
    same marker may close. The words between hold at least one character and no line
    break. Each opening marker takes the nearest closing one, found by bisection among
    positions listed once, instead of a scan to the end of the text for every marker.
    """
    starts = [m.start() for m in opener.finditer(text)]
    if not starts:
        return text
    ends = {
        marker: [m.start() for m in pattern.finditer(text)] for marker, pattern in closers.items()
    }
    breaks = [m.start() for m in re.finditer("\n", text)]
    out: list[str] = []
    done = 0
    for start in starts:
        if start < done:
            continue
        marker = text[start : start + width]
        candidates = ends.get(marker)
        if not candidates:
            continue
        inner = start + width
        found = bisect_left(candidates, inner + 1)  # at least one character between
        if found == len(candidates):
            continue
        end = candidates[found]
        line_break = bisect_left(breaks, inner)
        if line_break < len(breaks) and breaks[line_break] < end:
            continue
        out.append(text[done:start])
        out.append(text[inner:end])
        done = end + width
    out.append(text[done:])
    return "".join(out)


def sub_tags(text: str, pattern: re.Pattern[str], word: re.Pattern[str], replace: Replace) -> str:
    """`pattern.sub(replace, text)` for the tag pattern `#(\\([^)]*\\)|WORD)`.

    A `#(` reads to the next `)`; after the last `)` of the text none can close, so there
    only `word` (the same pattern without the parenthesised form) is looked for.
    """
    last = text.rfind(")")
    out: list[str] = []
    done = 0
    for scan, start, end in ((pattern, 0, last + 1), (word, last + 1, len(text))):
        for match in scan.finditer(text, start, end):
            out.append(text[done : match.start()])
            out.append(replace(match))
            done = match.end()
    out.append(text[done:])
    return "".join(out)
