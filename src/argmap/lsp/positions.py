"""LSP positions (0-based lines, columns in the client's code units) and text offsets.

argmap counts 1-based lines and columns in characters, with lines ending at LF, CRLF or
CR, as editors do. LSP counts 0-based lines and, by default, UTF-16 code units: a
character outside the Basic Multilingual Plane (an emoji) is two units. The client may
negotiate UTF-8 or UTF-32 instead; `ClientPositions` converts for whichever was agreed.

Lines come from `argmap.ids.LineMap`, the one line/offset mapper the loader, the editor
and the server share, so a diagnostic, an edit and a hover agree on where a line starts.
pygls offers `PositionCodec` for the columns, and it counts units as this module does
(a lone surrogate is one UTF-16 unit, three UTF-8 bytes). It is not used because it
works on the list of lines pygls's `TextDocument.lines` makes with `str.splitlines`,
which also breaks at form feed, NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR: the
protocol breaks lines only at LF, CRLF and CR, so a claim quoting a U+2028 would shift
every later line by one. Converting with `LineMap` keeps one notion of a line.
"""

from __future__ import annotations

from lsprotocol import types

from argmap.ids import LineMap


def count_units(text: str, encoding: str) -> int:
    """How many code units of the negotiated encoding `text` takes."""
    if encoding == types.PositionEncodingKind.Utf32:
        return len(text)
    if encoding == types.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class ClientPositions:
    """Convert between character offsets into one text and LSP positions and ranges."""

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.text = text
        self.lines = LineMap(text)
        self.encoding = encoding

    def position(self, offset: int) -> types.Position:
        """The LSP position of a character offset."""
        line, col = self.lines.position(max(0, min(offset, len(self.text))))
        start = self.lines.starts[line - 1]
        return types.Position(
            line - 1, count_units(self.text[start : start + col - 1], self.encoding)
        )

    def range(self, start: int, end: int) -> types.Range:
        """The LSP range of text[start:end]."""
        return types.Range(self.position(start), self.position(end))

    def offset(self, position: types.Position) -> int:
        """The character offset of an LSP position (clamped to its line)."""
        line = position.line + 1
        if line > len(self.lines.starts):
            return len(self.text)
        text = self.lines.line_text(line)
        units = 0
        for index, char in enumerate(text):
            if units >= position.character:
                return self.lines.starts[line - 1] + index
            units += count_units(char, self.encoding)
        return self.lines.starts[line - 1] + len(text)

    def from_argmap(self, line: int, col: int) -> int:
        """The offset of argmap's 1-based line and character column."""
        return self.lines.offset(line, col)
