"""The form that adds a claim: its text, an optional id, and its kind."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical
from textual.widgets import Input, Label, Select, Static

from argmap.model import Kind
from argmap.tui.editing import Finished
from argmap.tui.screens.claim_form import ClaimForm

KIND_CHOICES = [(kind.value, kind.value) for kind in Kind]


@dataclass(frozen=True, slots=True)
class NewClaim:
    """What the reader typed: the claim's text, its id (None: generated) and kind."""

    text: str
    new_id: str | None
    kind: str | None  # None: the default kind, left unwritten


#: Tries the edit; returns why it was refused, or None when it was written.
Attempt = Callable[[NewClaim, Finished], None]


class AddClaimScreen(ClaimForm):
    """Type a claim and press Enter; a refused edit keeps the form open with the reason."""

    CSS_PATH = "add_claim.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", key_display="esc"),
        # Saves from any field, the Kind list included (Enter there opens the list).
        Binding("ctrl+s", "submit", "Add", priority=True),
    ]

    def __init__(self, title: str, context: Text, attempt: Attempt) -> None:
        super().__init__()
        self.form_title = title
        self.context = context
        self.attempt = attempt

    def compose(self) -> ComposeResult:
        with Vertical(id="add-box", classes="claim-form") as box:
            box.border_title = Text(self.form_title)
            box.border_subtitle = "Enter or Ctrl+S adds · Tab next field · Esc cancels"
            yield Static(self.context, id="add-context", markup=False)
            with Grid(classes="form-fields"):
                yield Label("Text")
                yield Input(placeholder="the claim, in a sentence or two", id="text", compact=True)
                yield Label("Id")
                yield Input(placeholder="optional, e.g. shared-audits", id="new-id", compact=True)
                yield Label("Kind")
                yield Select(
                    KIND_CHOICES, value="claim", allow_blank=False, id="kind", compact=True
                )
            yield Static(id="form-error", markup=False)

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def on_input_changed(self, event: Input.Changed) -> None:
        # A refusal is about what was typed: once the field changes, it is stale.
        self.query_one("#form-error", Static).update("")

    def action_submit(self) -> None:
        self.submit()

    @property
    def unsaved(self) -> bool:
        """Whether anything typed would be lost by leaving."""
        return any(field.value.strip() for field in self.query(Input))

    def submit(self) -> None:
        """Try the edit with what is typed; close on success, else show why not."""
        text = self.query_one("#text", Input).value.strip()
        new_id = self.query_one("#new-id", Input).value.strip() or None
        kind = str(self.query_one("#kind", Select).value)
        error = self.query_one("#form-error", Static)
        if not text:
            error.update("Type the claim's text first.")
            self.query_one("#text", Input).focus()
            return
        if self._saving_started():
            self.attempt(NewClaim(text, new_id, None if kind == "claim" else kind), self._finished)
