"""The one helper that makes file text safe for a terminal."""

from hypothesis import given
from hypothesis import strategies as st

from argmap.safetext import printable


def test_escape_sequences_become_visible() -> None:
    shown = printable("T\x1b]0;title\x07\x1b[2J")
    assert "\x1b" not in shown and "\x07" not in shown
    assert shown == "T\\e]0;title\\x07\\e[2J"


def test_newline_and_tab_kept_unless_one_line() -> None:
    assert printable("a\nb\tc") == "a\nb\tc"
    assert printable("a\nb\tc", one_line=True) == "a\\nb\\tc"


def test_c1_controls_and_bidi_overrides_are_escaped() -> None:
    assert printable("x\x9b2Jy") == "x\\x9b2Jy"
    assert printable("abc\u202edef") == "abc\\u202edef"


def test_plain_text_is_unchanged() -> None:
    text = "Open science [1AC] — 23% «ok» 日本"
    assert printable(text) is text


@given(st.text())
def test_no_control_character_survives(text: str) -> None:
    shown = printable(text, one_line=True)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in shown)
