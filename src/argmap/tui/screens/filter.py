"""Filter the map by side, kind, status or tag: pick one with Enter; pick again to drop it."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from argmap.model import Kind, Side
from argmap.semantics import Label
from argmap.tui.model import ClaimFilter, DebateEntry, debate_tags


class FilterScreen(ModalScreen[ClaimFilter | None]):
    """Choices for each criterion; the chosen ones combine."""

    CSS_PATH = "filter.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", key_display="esc"),
        Binding("j", "cursor('down')", "Down", show=False),
        Binding("k", "cursor('up')", "Up", show=False),
    ]

    def __init__(self, entry: DebateEntry, current: ClaimFilter) -> None:
        super().__init__()
        self.entry = entry
        self.current = current
        self.choices: list[tuple[str, object]] = []

    def compose(self) -> ComposeResult:
        choices: list[tuple[str, object]] = [("clear", None)]
        choices += [("side", side) for side in Side]
        choices += [("kind", kind.value) for kind in Kind]
        choices += [("status", label) for label in Label]
        choices += [("tag", tag) for tag in debate_tags(self.entry)]
        self.choices = choices
        options = []
        for index, (field, value) in enumerate(choices):
            row = Text()
            if field == "clear":
                row.append("Show everything (clear the filter)", style="italic")
            else:
                chosen = getattr(self.current, field) == value
                row.append("● " if chosen else "○ ", style="bold" if chosen else "dim")
                row.append(f"{field}: ", style="bold")
                row.append(str(value))
            options.append(Option(row, id=str(index)))
        with Vertical(id="filter-box") as box:
            box.border_title = "Filter the map"
            box.border_subtitle = "Enter picks (again: drops) · Esc closes"
            yield Static(
                Text.assemble(("Now showing: ", "bold"), self.current.describe()),
                id="filter-now",
            )
            yield OptionList(*options, id="filter-choices", markup=False)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def action_cursor(self, direction: str) -> None:
        choices = self.query_one(OptionList)
        if direction == "down":
            choices.action_cursor_down()
        else:
            choices.action_cursor_up()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        field, value = self.choices[int(event.option.id or 0)]
        if field == "clear":
            self.dismiss(ClaimFilter())
            return
        if getattr(self.current, field) == value:
            value = None
        self.dismiss(self.current.with_(**{field: value}))

    def action_close(self) -> None:
        self.dismiss(None)
