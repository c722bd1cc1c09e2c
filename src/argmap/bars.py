"""Text bars for numbers in [0, 1]: a strength bar and a balance bar, for any terminal shell.

Plain strings of block characters, so the CLI, the app and exports can all use them without
knowing about debates.
"""

from __future__ import annotations

# Eighths of a cell, from empty to full.
_EIGHTHS = " ▏▎▍▌▋▊▉█"


def strength_bar(value: float, width: int = 8) -> str:
    """A left-aligned bar `width` cells wide, filled in eighths of a cell by `value` (0–1)."""
    value = min(1.0, max(0.0, value))
    eighths = round(value * width * 8)
    full, rest = divmod(eighths, 8)
    bar = "█" * full + (_EIGHTHS[rest] if rest else "")
    return bar.ljust(width)


def balance_bar(value: float, width: int = 11) -> str:
    """A bar with a centre mark: filled left of it below 0.5 (con), right of it above (pro).

    `width` is made odd so the centre is a cell of its own; each side fills in half cells
    (▐ grows leftwards, ▌ rightwards), so 0.38 on a width of 5 still shows.
    """
    value = min(1.0, max(0.0, value))
    width = max(3, width | 1)
    half = width // 2
    halves = int(abs(value - 0.5) * 4 * half + 0.5)  # half cells, rounded half up
    full, part = divmod(halves, 2)
    if value < 0.5:
        left = ("▐" if part else "") + "█" * full
        return left.rjust(half) + "│" + " " * half
    right = "█" * full + ("▌" if part else "")
    return " " * half + "│" + right.ljust(half)


def square_bar(value: float, width: int = 5) -> str:
    """`width` squares, filled (■) for `value` (0–1) rounded to whole squares, open (□) after.

    For fonts and places where eighth blocks and padding spaces do not line up (diagrams).
    """
    value = min(1.0, max(0.0, value))
    filled = int(value * width + 0.5)  # half up: 0.5 of five squares shows three
    return "■" * filled + "□" * (width - filled)


_LEVELS = "▁▂▃▄▅▆▇█"


def level_glyph(value: float) -> str:
    """One character whose height shows `value` (0–1): for a strength beside a row."""
    # Read at two decimals, like the figure beside it, so equal figures get equal glyphs.
    value = min(1.0, max(0.0, round(value, 2)))
    return _LEVELS[min(len(_LEVELS) - 1, int(value * len(_LEVELS)))]
