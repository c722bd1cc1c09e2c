"""Every key, grouped; written from the same table that makes the bindings."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from argmap.tui.commands import COMMANDS, GROUPS
from argmap.tui.read_only import works

WHERE = {"app": "", "debates": "list", "map": "map", "widget": ""}

#: The difference between labels and strength, as the README says it.
LABELS_AND_STRENGTH = (
    "Strength (0 to 1: the bar and figure right after the side on each row) answers: which "
    "side weighs more? It "
    "starts from the claim's weight, goes down with the strength of what rebuts it and up "
    "with what supports it. The motion's verdict (leans pro above 0.55, leans con below "
    "0.45) is the headline, with how robust it is: fragile when removing one claim or "
    "moving one weight a step would change it. The strict label after the figure "
    "(✓ standing, ✗ defeated, ? undecided; the motion has none) answers another question: "
    "is every objection "
    "answered? One unanswered claim defeats what it rebuts, whatever its weight; where a "
    "label and a strength seem to disagree, the detail panel says why."
)


def help_table(read_only: bool = False) -> Table:
    """Every key, grouped; only those that work when `read_only`."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    shown = [c for c in COMMANDS if works(c)] if read_only else list(COMMANDS)
    for group in GROUPS:
        commands = [c for c in shown if c.group == group]
        if not commands:
            continue
        table.add_row(Text(group, style="bold underline"), "")
        for command in commands:
            where = WHERE[command.scope]
            line = Text(command.help)
            if where:
                line.append(f"  ({where})", style="dim")
            table.add_row(Text(command.keys_shown), line)
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    """The keys of argmap, grouped."""

    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,backspace", "close", "Close", key_display="esc"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "Esc closes · ↑↓ scroll"
            yield Static(help_table(getattr(self.app, "read_only", False)), id="help-keys")
            yield Static(
                Text(
                    "A claim stands when every rebuttal of it is defeated; it is defeated when "
                    "some rebuttal stands; undecided when rebuttals go round in a circle. An "
                    "undercut cuts the link from a claim to what it answers, not the claim.\n\n"
                    + LABELS_AND_STRENGTH,
                    style="italic",
                ),
                id="help-semantics",
            )

    def on_mount(self) -> None:
        self.query_one("#help-box").focus()

    def action_close(self) -> None:
        self.dismiss(None)
