"""Go to a claim by id: `claim-id` here, or `debate-id:claim-id` in another debate."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from argmap.tui.model import DebateEntry, Location
from argmap.tui.widgets.labels import safe

#: Where typed text leads, or why it leads nowhere (shown in the dialog, which stays open).
Resolve = Callable[[str], Location | str]


class GotoScreen(ModalScreen[Location | None]):
    """An id box that completes the debate's claim ids (→ accepts the suggestion).

    An unknown id keeps the dialog open with the close ids, so the next keys are typed
    into the box and never reach the map.
    """

    CSS_PATH = "goto.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", key_display="esc"),
    ]

    def __init__(self, entry: DebateEntry, resolve: Resolve) -> None:
        super().__init__()
        self.entry = entry
        self.resolve = resolve

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
            yield Static(
                f"{len(ids) - 1} claims in {safe(self.entry.debate_id)}",
                id="goto-hint",
                markup=False,
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        typed = event.value.strip()
        if not typed:
            self.dismiss(None)
            return
        place = self.resolve(typed)
        if isinstance(place, str):
            self.query_one("#goto-hint", Static).update(safe(place))
            self.query_one(Input).focus()
            return
        self.dismiss(place)

    def action_close(self) -> None:
        self.dismiss(None)
