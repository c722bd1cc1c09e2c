"""Every command of the terminal app, declared once.

Each declaration gives the keys, the action, the words for the Footer, the command palette
and the help screen, and where it applies. Bindings, palette entries and the help screen
are all derived from this table, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType


@dataclass(frozen=True, slots=True)
class Command:
    """One thing the user can do, and how to ask for it."""

    id: str
    keys: str  # Textual key names, comma separated
    action: str
    title: str  # short: Footer and palette
    help: str  # one line: palette and help screen
    group: str
    scope: str  # "app", "debates", "map" or "widget" (a widget binds the keys itself)
    footer: bool = False
    key_display: str | None = None
    palette: bool = True

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.title,
            show=self.footer,
            key_display=self.key_display,
            id=self.id,
        )

    @property
    def keys_shown(self) -> str:
        """The keys as the help screen writes them (every key, where the Footer shows one)."""
        names = {
            "question_mark": "?",
            "slash": "/",
            "left_square_bracket": "[",
            "right_square_bracket": "]",
            "escape": "Esc",
            "backspace": "Backspace",
            "enter": "Enter",
            "up": "↑",
            "down": "↓",
            "left": "←",
            "right": "→",
            "tab": "Tab",
            "ctrl+p": "Ctrl+P",
            "plus": "+",
            "minus": "-",
        }
        return " ".join(names.get(k, k) for k in self.keys.split(","))


MOVE = "Move"
OPEN = "Open and follow"
FIND = "Find and filter"
EDIT = "Edit"
VIEW = "View"
APP = "App"

COMMANDS: tuple[Command, ...] = (
    # Moving: the list and the tree bind these keys themselves.
    Command(
        "cursor-down", "down,j", "cursor_down", "Down", "Next row", MOVE, "widget", palette=False
    ),
    Command("cursor-up", "up,k", "cursor_up", "Up", "Previous row", MOVE, "widget", palette=False),
    Command(
        "expand",
        "right,l",
        "expand",
        "Expand",
        "Show the rebuttals and support under a claim (again: go to the first)",
        MOVE,
        "widget",
        palette=False,
    ),
    Command(
        "collapse",
        "left,h",
        "collapse",
        "Collapse",
        "Hide what is under a claim (again: go to the claim it answers)",
        MOVE,
        "widget",
        palette=False,
    ),
    Command(
        "switch-pane",
        "tab",
        "next_pane",
        "Switch pane",
        "Move between the map, the linked claims and the claim's full text",
        MOVE,
        "map",
    ),
    # Opening and following.
    Command(
        "open",
        "enter",
        "open",
        "Open",
        "Open the debate; in the map, follow a ↪ link or expand/collapse the claim",
        OPEN,
        "widget",
        palette=False,
    ),
    Command(
        "back",
        "escape,backspace",
        "back",
        "Back",
        "Back up one level: clear focus or filter, else return to the list of debates",
        OPEN,
        "map",
        footer=True,
        key_display="esc",
    ),
    Command(
        "file-problems",
        "d",
        "diagnostics",
        "Problems",
        "When the file on disk no longer loads: its errors (the map keeps the last good version)",
        OPEN,
        "map",
        footer=True,
    ),
    # Editing: the map's keys act on the selected claim and write the file at once.
    Command(
        "add-rebuttal",
        "a",
        "add_rebuttal",
        "Rebut",
        "Add a rebuttal under the selected claim (on the motion: a con claim)",
        EDIT,
        "map",
        footer=True,
    ),
    Command(
        "add-support",
        "s",
        "add_support",
        "Support",
        "Add support under the selected claim (on the motion: a pro claim)",
        EDIT,
        "map",
        footer=True,
    ),
    Command(
        "change",
        "c",
        "change_claim",
        "Change",
        "Change the selected claim's text, kind, tags, sources, note or weight",
        EDIT,
        "map",
        footer=True,
    ),
    Command(
        "delete",
        "D",
        "delete_claim",
        "Delete",
        "Delete the selected claim and everything below it (asks first)",
        EDIT,
        "map",
        key_display="D",
    ),
    Command(
        "add-pro",
        "plus",
        "add_pro",
        "Add pro",
        "Add a claim for the motion (a top-level pro claim)",
        EDIT,
        "map",
        key_display="+",
    ),
    Command(
        "add-con",
        "minus",
        "add_con",
        "Add con",
        "Add a claim against the motion (a top-level con claim)",
        EDIT,
        "map",
        key_display="-",
    ),
    Command(
        "editor",
        "e",
        "open_editor",
        "Editor",
        "Open the file in $VISUAL / $EDITOR at the selected claim; reloaded when you quit",
        EDIT,
        "app",
        footer=True,
    ),
    Command(
        "undo",
        "u",
        "undo",
        "Undo",
        "Undo the last edit made in argmap (the file goes back byte for byte)",
        EDIT,
        "app",
        footer=True,
    ),
    Command(
        "history-back",
        "left_square_bracket",
        "history_back",
        "Previous place",
        "Go back to the place you were before the last jump (like a browser)",
        OPEN,
        "map",
        key_display="[",
    ),
    Command(
        "history-forward",
        "right_square_bracket",
        "history_forward",
        "Next place",
        "Go forward again after going back",
        OPEN,
        "map",
        key_display="]",
    ),
    Command(
        "diagnostics",
        "d",
        "diagnostics",
        "Problems",
        "Show the errors and warnings of the selected file",
        OPEN,
        "debates",
        footer=True,
    ),
    Command(
        "reload",
        "r",
        "reload",
        "Reload",
        "Read the debate file again from disk",
        OPEN,
        "app",
    ),
    # Finding.
    Command(
        "search",
        "slash",
        "search",
        "Search",
        "Search every claim of every open debate (fuzzy; Enter jumps)",
        FIND,
        "app",
        footer=True,
        key_display="/",
    ),
    Command(
        "goto",
        "g",
        "goto",
        "Go to id",
        "Go to a claim by its id (or debate-id:claim-id)",
        FIND,
        "map",
    ),
    Command(
        "filter",
        "f",
        "filter",
        "Filter",
        "Show only claims of a side, kind, tag or status",
        FIND,
        "map",
    ),
    Command(
        "focus",
        "z",
        "focus_branch",
        "Focus",
        "Show only the selected claim's branch (again: show everything)",
        FIND,
        "map",
    ),
    # Viewing and exporting.
    Command(
        "export",
        "x",
        "export",
        "Export",
        "Export the debate or this branch as a diagram (SVG, PNG, PDF, DOT)",
        VIEW,
        "map",
    ),
    Command(
        "order",
        "o",
        "toggle_order",
        "Order",
        "List each claim's answers strongest first (again: in file order)",
        VIEW,
        "map",
    ),
    Command(
        "theme",
        "t",
        "toggle_theme",
        "Light/dark",
        "Switch between the light and the dark theme",
        VIEW,
        "app",
    ),
    Command(
        "help",
        "question_mark",
        "help",
        "Help",
        "Show every key",
        APP,
        "app",
        footer=True,
        key_display="?",
    ),
    Command(
        "palette",
        "ctrl+p",
        "command_palette",
        "Commands",
        "Find any command by name",
        APP,
        "widget",
        palette=False,
    ),
    Command("quit", "q", "quit", "Quit", "Leave argmap", APP, "app", footer=True),
)

GROUPS: tuple[str, ...] = (MOVE, OPEN, FIND, EDIT, VIEW, APP)


def commands_for(scope: str) -> list[Command]:
    """The commands a screen (or the app) binds."""
    return [c for c in COMMANDS if c.scope == scope]


def bindings_for(scope: str) -> list[BindingType]:
    """Bindings for a screen (or the app), Footer entries included."""
    return [c.binding() for c in commands_for(scope)]
