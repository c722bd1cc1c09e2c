"""Text bars for strengths: what a reader sees beside a claim and under a debate."""

from __future__ import annotations

from argmap.bars import balance_bar, level_glyph, square_bar, strength_bar


def test_strength_bar_fills_in_eighths_and_keeps_its_width() -> None:
    assert strength_bar(0.0, 8) == " " * 8
    assert strength_bar(1.0, 8) == "█" * 8
    assert strength_bar(0.5, 8) == "████    "
    assert strength_bar(0.25 + 1 / 64, 8) == "██▏     "  # one eighth of a cell more
    assert all(len(strength_bar(v / 10, 6)) == 6 for v in range(11))
    assert strength_bar(-1, 4) == "    " and strength_bar(7, 4) == "████"


def test_balance_bar_grows_left_for_con_and_right_for_pro() -> None:
    assert balance_bar(0.5, 5) == "  │  "
    assert balance_bar(0.0, 5) == "██│  "
    assert balance_bar(1.0, 5) == "  │██"
    assert balance_bar(0.38, 5) == " ▐│  "  # a half cell still shows a lean
    assert balance_bar(0.63, 5) == "  │▌ "
    assert balance_bar(0.73, 11) == "     │██▌  "
    assert len(balance_bar(0.3, 10)) == 11  # made odd: the centre has its own cell


def test_square_bar_and_level_glyph() -> None:
    assert square_bar(0.5) == "■■■□□"  # half up
    assert square_bar(0.4) == "■■□□□"
    assert square_bar(0.0) == "□□□□□" and square_bar(1.0) == "■■■■■"
    assert level_glyph(0.0) == "▁" and level_glyph(1.0) == "█"
    # Read at two decimals, like the figure: 0.4996 shows as 0.50 and gets 0.50's glyph.
    assert level_glyph(0.4996) == level_glyph(0.5) == "▅"
