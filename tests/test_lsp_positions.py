"""LSP positions: 0-based lines, columns in the negotiated code units, editor line breaks."""

from __future__ import annotations

import pytest
from lsprotocol.types import Position, PositionEncodingKind

from argmap.lsp.positions import ClientPositions

TEXT = "a: 1\r\nb: 😀é x\rc: \u2028d\n"


@pytest.mark.parametrize(
    ("encoding", "column"),
    [
        (PositionEncodingKind.Utf16, 7),  # the emoji is two UTF-16 units
        (PositionEncodingKind.Utf8, 10),  # four bytes for the emoji, two for é
        (PositionEncodingKind.Utf32, 6),  # characters
    ],
)
def test_columns_count_the_negotiated_units(encoding: str, column: int) -> None:
    positions = ClientPositions(TEXT, encoding)
    x = TEXT.index("x")
    assert positions.position(x) == Position(1, column)
    assert positions.offset(Position(1, column)) == x


def test_lines_break_where_editors_break_them() -> None:
    positions = ClientPositions(TEXT)
    # CR alone ends a line; U+2028 does not (Python's splitlines would say it does).
    assert positions.position(TEXT.index("d")) == Position(2, 4)
    assert positions.from_argmap(3, 5) == TEXT.index("d")
    # Past the end of a line or of the text: clamped.
    assert positions.offset(Position(0, 99)) == TEXT.index("\r\n")
    assert positions.offset(Position(9, 0)) == len(TEXT)
