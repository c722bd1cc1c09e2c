"""Filter the map by side, kind, status or tag: Enter picks one and shows the map; Space
picks several before Enter; picking a chosen one (●) again drops it."""

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
        Binding("space", "mark", "Pick more", show=False),
        Binding("j", "cursor('down')", "Down", show=False),
        Binding("k", "cursor('up')", "Up", show=False),
    ]

    def __init__(self, entry: DebateEntry, current: ClaimFilter) -> None:
        super().__init__()
        self.entry = entry
        self.current = current
        #: The filter as picked so far (Space changes it; Enter applies it).
        self.working = current
        self.choices: list[tuple[str, object]] = []

    def compose(self) -> ComposeResult:
        choices: list[tuple[str, object]] = [("clear", None)]
        choices += [("side", side) for side in Side]
        choices += [("kind", kind.value) for kind in Kind]
        choices += [("status", label) for label in Label]
        choices += [("tag", tag) for tag in debate_tags(self.entry)]
        self.choices = choices
        with Vertical(id="filter-box") as box:
            box.border_title = "Filter the map"
            box.border_subtitle = "Enter picks · Space picks more · ● again drops · Esc"
            yield Static(id="filter-now")
            yield OptionList(*self._options(), id="filter-choices", markup=False)

    def _options(self) -> list[Option]:
        options = []
        for index, (field, value) in enumerate(self.choices):
            row = Text()
            if field == "clear":
                row.append("Show everything (clear the filter)", style="italic")
            else:
                chosen = getattr(self.working, field) == value
                row.append("● " if chosen else "○ ", style="bold" if chosen else "dim")
                row.append(f"{field}: ", style="bold")
                row.append(str(value))
            options.append(Option(row, id=str(index)))
        return options

    def _picked(self, index: int) -> ClaimFilter:
        """The working filter with choice `index` picked, or dropped if it was chosen."""
        field, value = self.choices[index]
        if field == "clear":
            return ClaimFilter()
        if getattr(self.working, field) == value:
            value = None
        return self.working.with_(**{field: value})

    def _show_working(self) -> None:
        self.query_one("#filter-now", Static).update(
            Text.assemble(("Now showing: ", "bold"), self.working.describe())
        )

    def on_mount(self) -> None:
        self._show_working()
        self.query_one(OptionList).focus()

    def action_mark(self) -> None:
        """Space: pick (or drop) the highlighted choice and stay, to pick another."""
        choices = self.query_one(OptionList)
        if choices.highlighted is None:
            return
        self.working = self._picked(choices.highlighted)
        highlighted = choices.highlighted
        choices.clear_options()
        choices.add_options(self._options())
        choices.highlighted = highlighted
        self._show_working()

    def action_cursor(self, direction: str) -> None:
        choices = self.query_one(OptionList)
        if direction == "down":
            choices.action_cursor_down()
        else:
            choices.action_cursor_up()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # Enter after Space applies what Space picked; alone it picks the highlighted one.
        if self.working == self.current:
            self.working = self._picked(int(event.option.id or 0))
        self.dismiss(self.working)

    def action_close(self) -> None:
        self.dismiss(None)
