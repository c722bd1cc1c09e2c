"""Go to a claim by id: `claim-id` here, or `debate-id:claim-id` in another debate."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from argmap.tui.model import DebateEntry
from argmap.tui.widgets.labels import safe


class GotoScreen(ModalScreen[str | None]):
    """An id box that completes the debate's claim ids (→ accepts the suggestion)."""

    CSS_PATH = "goto.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", key_display="esc"),
    ]

    def __init__(self, entry: DebateEntry) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        ids = sorted(self.entry.graph.nodes)
        with Vertical(id="goto-box") as box:
            box.border_title = "Go to claim"
            box.border_subtitle = "→ completes · Enter goes · Esc closes"
            yield Input(
                placeholder="claim id, or debate-id:claim-id",
                suggester=SuggestFromList(ids, case_sensitive=False),
                id="claim-id",
            )
            yield Static(f"{len(ids) - 1} claims in {safe(self.entry.debate_id)}", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_close(self) -> None:
        self.dismiss(None)
