"""Claim ids and source positions: the small vocabulary the loader, graph and editor share.

Generated ids (`pro.1`, `pro.1.r2`, `con.3.s1`) and the key-path → line/column index live
here, below both `argmap.load` and `argmap.graph`, so neither has to import the other.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right

#: A value's place in a debate file: mapping keys and list indexes from the top.
KeyPath = tuple[str | int, ...]
#: A 1-based line and column.
Pos = tuple[int, int]


#: Line breaks as editors count them (YAML also breaks at NEL, LS and PS).
_EDITOR_BREAKS = re.compile("\r\n|[\n\r]")


class LineMap:
    """Offsets to 1-based (line, column) as editors count them, and back.

    Lines end at CRLF, LF or a lone CR, as editors break them (YAML also breaks at NEL,
    LINE SEPARATOR and PARAGRAPH SEPARATOR, which editors show inside a line); columns
    count characters.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = _line_starts(text)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of an offset."""
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def offset(self, line: int, col: int) -> int:
        """The offset of a 1-based line and column, clamped to the line's end."""
        if line < 1:
            return 0
        if line > len(self.starts):
            return len(self.text)
        start = self.starts[line - 1]
        return min(start + max(col, 1) - 1, self.line_end(line))

    def line_end(self, line: int) -> int:
        """Offset of the line break ending a 1-based line (or of the text's end)."""
        if line < len(self.starts):
            end = self.starts[line] - 1
            if self.text[end - 1 : end + 1] == "\r\n":
                end -= 1
            return end
        return len(self.text)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        if line < 1 or line > len(self.starts):
            return ""
        return self.text[self.starts[line - 1] : self.line_end(line)]


def _line_starts(text: str) -> array[int]:
    """The offset where each line starts (as a compact array: a big file has many)."""
    if "\r" not in text:  # the common case, without a regular expression
        starts = array("q", [0])
        offset = 0
        for line in text.split("\n")[:-1]:
            offset += len(line) + 1
            starts.append(offset)
        return starts
    return array("q", [0, *(match.end() for match in _EDITOR_BREAKS.finditer(text))])


class Positions:
    """Where every value and every mapping key of a file starts, by key path.

    Each is kept as a character offset into `text`, as the YAML parser's marks give it,
    and turned into a 1-based line and column, as editors count them, when asked: a big
    debate has over ten places per claim, and most are never asked for.

    A plain class rather than a dataclass: generating a dataclass's methods (and importing
    `dataclasses`, which imports `inspect`) is a fifth of a small command's start-up.
    """

    __slots__ = ("_lines", "keys", "text", "values")

    def __init__(
        self,
        values: dict[KeyPath, int] | None = None,
        keys: dict[KeyPath, int] | None = None,
        text: str = "",
    ) -> None:
        self.values: dict[KeyPath, int] = {} if values is None else values
        self.keys: dict[KeyPath, int] = {} if keys is None else keys
        self.text = text
        self._lines: LineMap | None = None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Positions):
            return NotImplemented
        return (self.values, self.keys, self.text) == (other.values, other.keys, other.text)

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value

    def __repr__(self) -> str:
        return f"Positions({len(self.values)} values, {len(self.keys)} keys)"

    def pos(self, offset: int) -> Pos:
        """Line and column (1-based) of a character offset into `text`."""
        lines = self._lines
        if lines is None:
            lines = self._lines = LineMap(self.text)
        return lines.position(offset)

    def at(self, path: KeyPath) -> Pos:
        """Position of the value at `path`, or of its nearest ancestor that has one."""
        while path:
            offset = self.values.get(path)
            if offset is not None:
                return self.pos(offset)
            path = path[:-1]
        offset = self.values.get(())
        return (1, 1) if offset is None else self.pos(offset)

    def key_at(self, path: KeyPath) -> Pos:
        """Position of the key that introduces `path`, falling back to `at`."""
        offset = self.keys.get(path)
        return self.pos(offset) if offset is not None else self.at(path)

    def key_or_none(self, path: KeyPath) -> Pos | None:
        """Position of the key that introduces `path`; None when there is no such key."""
        offset = self.keys.get(path)
        return None if offset is None else self.pos(offset)


def top_level_id(side: str, index: int) -> str:
    """Generated id of the index-th (0-based) top-level claim of a side."""
    return f"{side}.{index + 1}"


def child_id(parent_id: str, relation: str, index: int) -> str:
    """Generated id of the index-th (0-based) rebuttal (`r`) or support (`s`) of a claim."""
    return f"{parent_id}.{relation}{index + 1}"
