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
from argmap.locate import Role, TextIndex
from argmap.lsp.positions import Positions
from argmap.safetext import printable

SOURCE = "argmap"
#: How long typing must pause before a buffer is checked again.
DEBOUNCE_SECONDS = 0.12
_SUGGESTION = re.compile(r"\(did you mean '([^']+)'\?\)")
_WORD = re.compile(r"[A-Za-z0-9_.\-]+")
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


def _spans(text: str, index: TextIndex | None, offset: int) -> tuple[int, int, int, int]:
    """The span a diagnostic at `offset` covers, and the span a fix there replaces."""
    if index is not None:
        quoted = text[offset : offset + 1] in {"'", '"'}
        token = index.token_at(offset + 1 if quoted else offset)
        if token is not None and token.start == offset + (1 if quoted else 0):
            end = token.end
            if token.role is Role.SEE_DEBATE:
                follower = index.token_at(token.end + 1)
                if follower is not None and follower.role is Role.SEE_CLAIM:
                    end = follower.end
            return offset, end + (1 if quoted else 0), token.start, end
    match = _WORD.match(text, offset)
    if match is not None:
        return offset, match.end(), offset, match.end()
    end = offset + 1 if offset < len(text) and text[offset] not in "\r\n" else offset
    return offset, end, offset, end


def _fix(item: Diagnostic, text: str, replace: tuple[int, int], positions: Positions) -> Fix | None:
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


def to_lsp(
    diagnostics: list[Diagnostic], text: str, index: TextIndex | None, positions: Positions
) -> list[Published]:
    """The loader's diagnostics of `text` as LSP diagnostics, with their quick fixes."""
    published: list[Published] = []
    for item in diagnostics:
        offset = positions.from_argmap(item.line, item.col)
        start, end, fix_start, fix_end = _spans(text, index, offset)
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
