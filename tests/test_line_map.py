"""One line/offset mapper: the loader, the editor and the language server agree on lines.

Lines break at LF, CRLF and a lone CR (as editors and the LSP specification break them);
columns count characters for argmap and the negotiated code units for the server.
"""

from __future__ import annotations

import pytest
from lsprotocol.types import Position, PositionEncodingKind

from argmap.edit.document import Document
from argmap.ids import LineMap
from argmap.load import load_text
from argmap.lsp.positions import ClientPositions

#: The same three-line debate head with each kind of line break.
BREAKS = {"LF": "\n", "CRLF": "\r\n", "CR": "\r"}


def _debate(newline: str) -> str:
    return newline.join(["title: T 😀", "motion: M", "pro:", "  - text: é 😀 x", ""])


@pytest.mark.parametrize("kind", BREAKS)
def test_every_offset_maps_to_a_line_and_back(kind: str) -> None:
    text = _debate(BREAKS[kind])
    lines = LineMap(text)
    assert len(lines.starts) == 5
    for offset in range(len(text) + 1):
        line, col = lines.position(offset)
        if text[offset - 1 : offset + 1] != "\r\n":  # inside a CRLF is not a place
            assert lines.offset(line, col) == offset, (kind, offset)
    assert lines.line_text(4) == "  - text: é 😀 x"
    assert lines.position(text.rindex("x")) == (4, 15)


@pytest.mark.parametrize("kind", BREAKS)
def test_the_editor_reads_the_lines_the_loader_reports(kind: str) -> None:
    text = _debate(BREAKS[kind])
    doc = Document(text)
    loaded = load_text(text)
    line, col = loaded.positions.at(("pro", 0, "text"))
    assert (line, col) == (4, 11)
    offset = text.index("é")
    assert doc.line_of(offset) == line - 1
    assert doc.line(line - 1) == "  - text: é 😀 x"  # without a CR left at its end
    assert doc.line_count == 5
    assert text[doc.after_line(0)] == "m"


@pytest.mark.parametrize("kind", BREAKS)
def test_the_server_counts_utf16_units_for_astral_characters(kind: str) -> None:
    text = _debate(BREAKS[kind])
    x = text.rindex("x")
    # "  - text: é " is 12 units, the emoji two (four UTF-8 bytes), the space one.
    assert ClientPositions(text).position(x) == Position(3, 15)
    assert ClientPositions(text, PositionEncodingKind.Utf32).position(x) == Position(3, 14)
    assert ClientPositions(text, PositionEncodingKind.Utf8).position(x) == Position(3, 18)
    assert ClientPositions(text).offset(Position(3, 15)) == x
    assert ClientPositions(text).from_argmap(4, 15) == x


def test_a_lone_surrogate_is_one_character_and_one_utf16_unit() -> None:
    text = "a\ud800b\r\n\udc00c"
    lines = LineMap(text)
    assert lines.position(text.index("b")) == (1, 3)
    assert lines.position(text.index("c")) == (2, 2)
    utf16 = ClientPositions(text)
    assert utf16.position(text.index("b")) == Position(0, 2)
    assert utf16.offset(Position(1, 1)) == text.index("c")
    # Three bytes each, as Python writes a surrogate with `surrogatepass`.
    assert ClientPositions(text, PositionEncodingKind.Utf8).position(text.index("b")) == Position(
        0, 4
    )


def test_separators_inside_a_line_do_not_break_it() -> None:
    text = "a\u2028b\x85c\x0cd\ne"
    lines = LineMap(text)
    assert lines.position(text.index("d")) == (1, 7)
    assert ClientPositions(text).position(text.index("e")) == Position(1, 0)
