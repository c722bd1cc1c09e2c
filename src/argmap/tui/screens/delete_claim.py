"""Ask before deleting a claim and its branch; name the claims that link into it."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from argmap.tui.editing import Linker
from argmap.tui.widgets.labels import WARNING_STYLE, safe

#: What the reader chose: None to keep the claim, else whether to remove links too.
DeleteChoice = bool | None


class DeleteClaimScreen(ModalScreen[DeleteChoice]):
    """Delete or keep; when other claims link into the branch, deleting removes the links."""

    CSS_PATH = "delete_claim.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "keep", "Keep", key_display="esc"),
        Binding("y", "delete", "Delete", show=False),
        Binding("left,h", "app.focus_previous", show=False),
        Binding("right,l", "app.focus_next", show=False),
    ]

    def __init__(self, claim_id: str, text: str, below: int, linkers: list[Linker]) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.text = text
        self.below = below
        self.linkers = linkers

    def compose(self) -> ComposeResult:
        question = Text()
        question.append(f"Delete '{self.claim_id}'", style="bold")
        if self.below:
            question.append(
                f" and the {self.below} claim{'s' * (self.below != 1)} below it", style="bold"
            )
        question.append("?\n")
        question.append(self.text, style="italic")
        links = Text()
        if self.linkers:
            count = len(self.linkers)
            links.append(
                f"{count} claim{'s' * (count != 1)} elsewhere link{'s' * (count == 1)} into it:\n",
                style=f"bold {WARNING_STYLE}",
            )
            for linker in self.linkers:
                links.append(f" • '{safe(linker.claim_id)}' (line {linker.line}) {linker.verb} ")
                links.append(f"'{safe(linker.target)}'\n")
            links.append("Deleting it removes those links too (u undoes both).", style="italic")
        verb = "Delete with the links" if self.linkers else "Delete"
        with Vertical(id="delete-box") as box:
            box.border_title = "Delete a claim"
            box.border_subtitle = "y deletes · n or Esc keeps · u undoes later"
            with VerticalScroll(id="delete-scroll"):
                yield Static(question, id="delete-question", markup=False)
                if self.linkers:
                    yield Static(links, id="delete-links", markup=False)
            with Horizontal(id="delete-buttons"):
                yield Button(verb, variant="error", id="delete", compact=True)
                yield Button("Keep it", id="keep", compact=True)

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "delete":
            self.action_delete()
        else:
            self.action_keep()

    def action_delete(self) -> None:
        # Force only when links must go: the edit library refuses otherwise, and says why.
        self.dismiss(bool(self.linkers))

    def action_keep(self) -> None:
        self.dismiss(None)
