"""Claim ids and source positions: the small vocabulary the loader, graph and editor share.

Generated ids (`pro.1`, `pro.1.r2`, `con.3.s1`) and the key-path → line/column index live
here, below both `argmap.load` and `argmap.graph`, so neither has to import the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: A value's place in a debate file: mapping keys and list indexes from the top.
KeyPath = tuple[str | int, ...]
#: A 1-based line and column.
Pos = tuple[int, int]


@dataclass(slots=True)
class Positions:
    """Line and column (1-based) of every value and every mapping key, by key path."""

    values: dict[KeyPath, Pos] = field(default_factory=dict)
    keys: dict[KeyPath, Pos] = field(default_factory=dict)

    def at(self, path: KeyPath) -> Pos:
        """Position of the value at `path`, or of its nearest ancestor that has one."""
        while path:
            pos = self.values.get(path)
            if pos is not None:
                return pos
            path = path[:-1]
        return self.values.get((), (1, 1))

    def key_at(self, path: KeyPath) -> Pos:
        """Position of the key that introduces `path`, falling back to `at`."""
        pos = self.keys.get(path)
        return pos if pos is not None else self.at(path)


def top_level_id(side: str, index: int) -> str:
    """Generated id of the index-th (0-based) top-level claim of a side."""
    return f"{side}.{index + 1}"


def child_id(parent_id: str, relation: str, index: int) -> str:
    """Generated id of the index-th (0-based) rebuttal (`r`) or support (`s`) of a claim."""
    return f"{parent_id}.{relation}{index + 1}"
