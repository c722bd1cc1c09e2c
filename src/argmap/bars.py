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

    `width` is made odd so the centre is a cell of its own.
    """
    value = min(1.0, max(0.0, value))
    width = max(3, width | 1)
    half = width // 2
    cells = round(abs(value - 0.5) * 2 * half)
    left = " " * (half - cells) + "█" * cells if value < 0.5 else " " * half
    right = "█" * cells + " " * (half - cells) if value > 0.5 else " " * half
    return left + "│" + right


def square_bar(value: float, width: int = 5) -> str:
    """`width` squares, filled (■) for `value` (0–1) rounded to whole squares, open (□) after.

    For fonts and places where eighth blocks and padding spaces do not line up (diagrams).
    """
    value = min(1.0, max(0.0, value))
    filled = int(value * width + 0.5)  # half up: 0.5 of five squares shows three
    return "■" * filled + "□" * (width - filled)
