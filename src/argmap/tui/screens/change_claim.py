"""The form that changes a claim: text, kind, tags, sources, weight and note, prefilled."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical
from textual.widgets import Input, Label, Select, Static, TextArea

from argmap.tui.editing import ClaimFields, Finished
from argmap.tui.screens.add_claim import KIND_CHOICES
from argmap.tui.screens.claim_form import ClaimForm

#: Tries the change; returns why it was refused, or None when it was written.
Attempt = Callable[[ClaimFields, Finished], None]


class ChangeClaimScreen(ClaimForm):
    """Every editable field of a claim; Enter in a one-line field saves what changed."""

    CSS_PATH = "change_claim.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", key_display="esc"),
        # Saves from any field: Enter makes a new line in Note and opens the Kind list.
        Binding("ctrl+s", "submit", "Save", priority=True),
    ]

    def __init__(self, title: str, context: Text, fields: ClaimFields, attempt: Attempt) -> None:
        super().__init__()
        self.form_title = title
        self.context = context
        self.fields = fields
        self.attempt = attempt

    def compose(self) -> ComposeResult:
        fields = self.fields
        with Vertical(id="change-box", classes="claim-form") as box:
            box.border_title = Text(self.form_title)
            box.border_subtitle = (
                "Ctrl+S saves · Enter too, but in Note a new line · Tab next · Esc cancels"
            )
            yield Static(self.context, id="change-context", markup=False)
            with Grid(classes="form-fields"):
                yield Label("Text")
                yield Input(fields.text, id="text", compact=True)
                yield Label("Kind")
                yield Select(
                    KIND_CHOICES, value=fields.kind, allow_blank=False, id="kind", compact=True
                )
                yield Label("Tags")
                yield Input(fields.tags, placeholder="slugs, by commas", id="tags", compact=True)
                yield Label("Sources")
                yield Input(
                    fields.sources, placeholder="source ids, by commas", id="sources", compact=True
                )
                yield Label("Weight")
                yield Input(
                    fields.weight, placeholder="1 to 5, or empty", id="weight", compact=True
                )
                yield Label("Note")
                yield TextArea(
                    fields.note, id="note", compact=True, soft_wrap=True, tab_behavior="focus"
                )
            yield Static(id="form-error", markup=False)

    def on_mount(self) -> None:
        text = self.query_one("#text", Input)
        text.focus()
        text.cursor_position = len(text.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def on_input_changed(self, event: Input.Changed) -> None:
        # A refusal is about what was typed: once a field changes, it is stale.
        self.query_one("#form-error", Static).update("")

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.query_one("#form-error", Static).update("")

    def action_submit(self) -> None:
        self.submit()

    @property
    def unsaved(self) -> bool:
        """Whether a field differs from the claim (leaving would lose it)."""
        try:
            return bool(self.fields.changes_to(self.typed()))
        except ValueError:
            return True

    def typed(self) -> ClaimFields:
        """The fields as they are in the form now."""
        return ClaimFields(
            self.query_one("#text", Input).value,
            str(self.query_one("#kind", Select).value),
            self.query_one("#tags", Input).value,
            self.query_one("#sources", Input).value,
            self.query_one("#note", TextArea).text,
            self.query_one("#weight", Input).value,
        )

    def submit(self) -> None:
        """Try the change; close on success (or when nothing changed), else show why not."""
        if self._saving_started():
            self.attempt(self.typed(), self._finished)
