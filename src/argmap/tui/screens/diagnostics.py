"""A modal listing one file's errors and warnings as `file:line:col: message`."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from argmap.tui.model import DebateEntry
from argmap.tui.widgets.labels import ERROR_STYLE, WARNING_STYLE, safe, safe_block


class DiagnosticsScreen(ModalScreen[None]):
    """The problems of one debate file, each with the line and column to fix."""

    CSS_PATH = "diagnostics.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,d,backspace", "dismiss", "Close", key_display="esc"),
    ]

    def __init__(self, entry: DebateEntry) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        diagnostics = self.entry.problems
        listing = Text()
        for diagnostic in diagnostics:
            style = ERROR_STYLE if diagnostic.is_error else WARNING_STYLE
            where = f"{safe(str(diagnostic.path))}:{diagnostic.line}:{diagnostic.col}: "
            listing.append(where, style="dim")
            listing.append(f"{diagnostic.severity.value}: ", style=style)
            listing.append(safe_block(diagnostic.message) + "\n")
        with Vertical(id="diagnostics-box") as box:
            box.border_title = Text(f"Problems in {safe(self.entry.path.name)}")
            box.border_subtitle = "Esc closes"
            with VerticalScroll():
                yield Static(listing, markup=False, id="diagnostics-list")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
