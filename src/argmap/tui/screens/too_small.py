"""Shown instead of everything else while the terminal is too small to lay the app out."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

#: The smallest terminal the app lays out (columns, rows); below it, this notice.
MIN_SIZE = (40, 10)


class TooSmallScreen(Screen[None]):
    """An opaque screen with one notice: the screens below keep their last layout until
    the terminal is big enough again (laying them out in 5×3 cells fails)."""

    DEFAULT_CSS = """
    TooSmallScreen {
        align: center middle;
        overflow: hidden;
    }
    TooSmallScreen > Static {
        width: auto;
        height: auto;
        max-width: 100%;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,ctrl+c", "app.quit", "Quit", show=False, priority=True),
    ]

    def compose(self) -> ComposeResult:
        width, height = MIN_SIZE
        yield Static(f"Window too small: argmap needs {width}×{height}. q quits.", markup=False)
