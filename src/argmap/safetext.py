"""Make text from a file safe to print: control characters become visible escapes.

Claim text, titles, ids, keys and file names come from files someone else may have written.
A raw ESC, CSI or OSC sequence printed to a terminal can retitle the window, wipe the
screen or rewrite what was printed before; a bidirectional override can make text read in
an order other than the bytes'. Every string from a file or a file name passes through
`printable` before it reaches a terminal or a widget.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, the C1 controls, and the bidirectional
# embedding, override and isolate characters. Compiled on first use: a class reaching past
# U+00FF compiles to a big bitmap, a few milliseconds of a command that may print nothing.
_UNSAFE = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
_UNSAFE_OR_NEWLINE = "[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
_compiled: dict[str, re.Pattern[str]] = {}

_NAMED = {"\x1b": "\\e", "\r": "\\r", "\n": "\\n", "\t": "\\t"}


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, one_line: bool = False) -> str:
    """`text` with every control character shown as an escape (`\\e`, `\\x07`, `\\u202e`).

    Newlines and tabs are kept unless `one_line` is true, when they are escaped too (for
    file names, ids and other values that must stay on one line).
    """
    source = _UNSAFE_OR_NEWLINE if one_line else _UNSAFE
    pattern = _compiled.get(source)
    if pattern is None:
        pattern = _compiled[source] = re.compile(source)
    if pattern.search(text) is None:
        return text
    return pattern.sub(_visible, text)
