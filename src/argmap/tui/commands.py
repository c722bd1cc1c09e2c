"""Every command of the terminal app, declared once.

Each declaration gives the keys, the action, the words for the Footer, the command palette
and the help screen, and where it applies. Bindings, palette entries and the help screen
are all derived from this table, so they cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence
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
    #: When the Footer lists it: "always", "explore" (the map's reading keys, and the
    #: list's), "edit" (after `i`: the editing keys) or "" (never; the help lists it).
    #: The keys work in every case; this only decides what the Footer has room for.
    footer: str = ""
    key_display: str | None = None
    palette: bool = True
    #: Words people type in the command palette besides the title ("theme", "dark").
    aliases: str = ""
    #: A shorter title for the Footer, where 80 columns hold about ten entries.
    footer_title: str = ""

    def bindings(self) -> list[Binding]:
        """The binding that runs the command, after a Footer-only twin when the Footer
        shows it in one set only (the twin is enabled only while that set is shown)."""
        runs = Binding(
            self.keys,
            self.action,
            self.footer_title or self.title,
            show=self.footer == "always",
            key_display=self.key_display,
            id=self.id,
        )
        if self.footer not in ("explore", "edit"):
            return [runs]
        shown = Binding(
            self.keys,
            f"shown('{self.footer}', '{self.action}')",
            self.footer_title or self.title,
            key_display=self.key_display,
            id=f"{self.id}-footer",
        )
        return [shown, runs]

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
            "ctrl+c": "Ctrl+C",
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
        footer="",
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
        footer="always",
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
        footer="edit",
    ),
    Command(
        "add-support",
        "s",
        "add_support",
        "Support",
        "Add support under the selected claim (on the motion: a pro claim)",
        EDIT,
        "map",
        footer="edit",
    ),
    Command(
        "change",
        "c",
        "change_claim",
        "Change",
        "Change the selected claim's text, kind, tags, sources, note or weight",
        EDIT,
        "map",
        footer="edit",
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
        footer="",
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
        footer="",
        footer_title="Pro",
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
        footer="",
        footer_title="Con",
    ),
    Command(
        "editor",
        "e",
        "open_editor",
        "Editor",
        "Open the file in $VISUAL / $EDITOR at the selected claim; reloaded when you quit",
        EDIT,
        "app",
        footer="edit",
        aliases="vim nano emacs code open file external",
    ),
    Command(
        "undo",
        "u",
        "undo",
        "Undo",
        "Undo the last edit made in argmap to this debate (the file goes back byte for byte)",
        EDIT,
        "app",
        footer="edit",
        aliases="revert back",
    ),
    Command(
        "redo",
        "U",
        "redo",
        "Redo",
        "Make the last undone edit of this debate again",
        EDIT,
        "app",
        key_display="U",
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
        footer="explore",
        footer_title="Prev",
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
        footer="always",
    ),
    Command(
        "reload",
        "r",
        "reload",
        "Reload",
        "Read the debate file again from disk",
        OPEN,
        "app",
        aliases="refresh read again disk",
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
        footer="explore",
        key_display="/",
        aliases="find look for text words",
    ),
    Command(
        "goto",
        "g",
        "goto",
        "Go to id",
        "Go to a claim by its id (or debate-id:claim-id)",
        FIND,
        "map",
        footer="explore",
        aliases="jump id claim",
        footer_title="Go to",
    ),
    Command(
        "filter",
        "f",
        "filter",
        "Filter",
        "Show only claims of a side, kind, tag or status",
        FIND,
        "map",
        footer="explore",
        aliases="only side status tag kind hide",
    ),
    Command(
        "focus",
        "z",
        "focus_branch",
        "Focus",
        "Show only the selected claim's branch (again: show everything)",
        FIND,
        "map",
        footer="explore",
        aliases="branch zoom subtree",
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
        footer="explore",
        aliases="diagram svg png pdf dot graphviz picture save image",
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
        "class-vote",
        "v",
        "class_vote",
        "Class vote",
        "The class's ballots on this debate: split, median weights, your own weights",
        VIEW,
        "app",
        aliases="ballot ballots vote class weights tally",
    ),
    Command(
        "theme",
        "t",
        "toggle_theme",
        "Theme",
        "Switch between the light and the dark theme (colours, light/dark mode)",
        VIEW,
        "app",
        footer="explore",
        aliases="theme colours colors dark light mode appearance",
    ),
    Command(
        "help",
        "question_mark",
        "help",
        "Help",
        "Show every key",
        APP,
        "app",
        footer="always",
        key_display="?",
        aliases="keys keyboard shortcuts",
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
    Command(
        "edit-keys",
        "i",
        "toggle_keys",
        "Edit keys",
        "Switch the Footer between the keys for reading the map and the keys for editing it",
        VIEW,
        "map",
        footer="explore",
        footer_title="Edit",
    ),
    Command(
        "read-keys",
        "i",
        "toggle_keys",
        "Read keys",
        "Switch the Footer back to the keys for reading the map",
        VIEW,
        "map",
        footer="edit",
        palette=False,
        footer_title="Read",
    ),
    Command(
        "quit",
        "q,ctrl+c",
        "quit",
        "Quit",
        "Leave argmap (Ctrl+C too; in a form with text typed, press it twice)",
        APP,
        "app",
        footer="always",
        key_display="q",
        aliases="exit leave close",
    ),
)

GROUPS: tuple[str, ...] = (MOVE, OPEN, FIND, EDIT, VIEW, APP)


def commands_for(scope: str) -> list[Command]:
    """The commands a screen (or the app) binds."""
    return [c for c in COMMANDS if c.scope == scope]


def bindings_for(scope: str, lead: Sequence[str] = ()) -> list[BindingType]:
    """Bindings for a screen (or the app), Footer entries included.

    `lead` names app commands whose Footer entries a screen shows first, so a narrow
    terminal cuts the end of the Footer and never them (quit, help).
    """
    first: list[BindingType] = []
    for command in COMMANDS:
        if command.id in lead and command.scope == "app":
            key = command.keys.split(",")[0]
            first.append(
                Binding(
                    key,
                    f"app.{command.action}",
                    command.footer_title or command.title,
                    key_display=command.key_display,
                    id=f"{command.id}-{scope}",
                )
            )
    own = [binding for c in commands_for(scope) for binding in c.bindings()]
    # Footer twins before the bindings that run: a key shared by two commands (`i`)
    # shows the twin of whichever set the Footer lists.
    twins = [b for b in own if b.action.startswith("shown(")]
    return [*first, *twins, *(b for b in own if not b.action.startswith("shown("))]
