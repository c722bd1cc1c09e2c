"""Claim ids and source positions: the small vocabulary the loader, graph and editor share.

Generated ids (`pro.1`, `pro.1.r2`, `con.3.s1`) and the key-path → line/column index live
here, below both `argmap.load` and `argmap.graph`, so neither has to import the other.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field

#: A value's place in a debate file: mapping keys and list indexes from the top.
KeyPath = tuple[str | int, ...]
#: A 1-based line and column.
Pos = tuple[int, int]


#: Line breaks as editors count them (YAML also breaks at NEL, LS and PS).
_EDITOR_BREAKS = re.compile("\r\n|[\n\r]")


@dataclass(slots=True)
class Positions:
    """Where every value and every mapping key of a file starts, by key path.

    Each is kept as a character offset into `text`, as the YAML parser's marks give it,
    and turned into a 1-based line and column, as editors count them, when asked: a big
    debate has over ten places per claim, and most are never asked for.
    """

    values: dict[KeyPath, int] = field(default_factory=dict)
    keys: dict[KeyPath, int] = field(default_factory=dict)
    text: str = ""
    _line_starts: array[int] | None = None

    def pos(self, offset: int) -> Pos:
        """Line and column (1-based) of a character offset into `text`."""
        starts = self._line_starts
        if starts is None:
            starts = self._line_starts = _line_starts(self.text)
        line = bisect_right(starts, offset)
        return (line, offset - starts[line - 1] + 1)

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


def _line_starts(text: str) -> array[int]:
    if "\r" not in text:  # the common case, without a regular expression
        starts = array("q", [0])
        offset = 0
        for line in text.split("\n")[:-1]:
            offset += len(line) + 1
            starts.append(offset)
        return starts
    return array("q", [0, *(match.end() for match in _EDITOR_BREAKS.finditer(text))])


def top_level_id(side: str, index: int) -> str:
    """Generated id of the index-th (0-based) top-level claim of a side."""
    return f"{side}.{index + 1}"


def child_id(parent_id: str, relation: str, index: int) -> str:
    """Generated id of the index-th (0-based) rebuttal (`r`) or support (`s`) of a claim."""
    return f"{parent_id}.{relation}{index + 1}"
