"""Diagnostics as you type: the loader's own messages, at its positions, as LSP diagnostics.

Each diagnostic starts exactly where the loader says (`line:col`, converted to the
client's units) and runs to the end of the token there: the id, key or `see` link named
in the message. Diagnostics whose message ends in "did you mean 'X'?" carry the quick fix
that writes X over the token, for the code-action handler.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lsprotocol import types

from argmap.diagnostics import Diagnostic, Severity
from argmap.lsp.positions import ClientPositions
from argmap.safetext import printable

SOURCE = "argmap"
#: How long typing must pause before a buffer is checked again.
DEBOUNCE_SECONDS = 0.1
_SUGGESTION = re.compile(r"\(did you mean '([^']+)'\?\)")
_WORD = re.compile(r"[A-Za-z0-9_.\-]+(?::[A-Za-z0-9_.\-]+)?")
_FIXABLE = frozenset(
    {"unknown-key", "unknown-claim", "unknown-source", "unknown-kind", "unknown-debate"}
)


@dataclass(frozen=True, slots=True)
class Fix:
    """A quick fix: replace `range` with `new_text`."""

    title: str
    range: types.Range
    new_text: str


@dataclass(frozen=True, slots=True)
class Published:
    """A diagnostic as sent to the client, with its quick fix when it has one."""

    diagnostic: types.Diagnostic
    fix: Fix | None


def _spans(text: str, offset: int) -> tuple[int, int, int, int]:
    """The span a diagnostic at `offset` covers, and the span a fix there replaces.

    Read from the text, not from an index, so diagnostics need no second parse: a quoted
    value up to its closing quote, else an id, key or `debate:claim` link.
    """
    quote = text[offset : offset + 1]
    if quote in {"'", '"'}:
        line_end = text.find("\n", offset)
        close = text.find(quote, offset + 1, line_end if line_end >= 0 else len(text))
        if close > offset:
            return offset, close + 1, offset + 1, close
    match = _WORD.match(text, offset)
    if match is not None:
        return offset, match.end(), offset, match.end()
    end = offset + 1 if offset < len(text) and text[offset] not in "\r\n" else offset
    return offset, end, offset, end


def _fix(
    item: Diagnostic, text: str, replace: tuple[int, int], positions: ClientPositions
) -> Fix | None:
    match = _SUGGESTION.search(item.message)
    if match is None or item.code not in _FIXABLE:
        return None
    start, end = replace
    suggestion = match.group(1)
    if item.message.startswith("`see`"):
        # The diagnostic covers the whole `debate:claim` link; fix only the part it names.
        debate, colon, _ = text[start:end].partition(":")
        if item.code == "unknown-debate":
            end = start + len(debate)
        elif colon:
            start = start + len(debate) + 1
    return Fix(
        f"Change to '{printable(suggestion, one_line=True)}'",
        positions.range(start, end),
        suggestion,
    )


def to_lsp(diagnostics: list[Diagnostic], text: str, positions: ClientPositions) -> list[Published]:
    """The loader's diagnostics of `text` as LSP diagnostics, with their quick fixes."""
    published: list[Published] = []
    for item in diagnostics:
        offset = positions.from_argmap(item.line, item.col)
        start, end, fix_start, fix_end = _spans(text, offset)
        severity = (
            types.DiagnosticSeverity.Error
            if item.severity is Severity.ERROR
            else types.DiagnosticSeverity.Warning
        )
        diagnostic = types.Diagnostic(
            range=positions.range(start, end),
            message=printable(item.message),
            severity=severity,
            code=item.code,
            source=SOURCE,
        )
        published.append(Published(diagnostic, _fix(item, text, (fix_start, fix_end), positions)))
    return published
