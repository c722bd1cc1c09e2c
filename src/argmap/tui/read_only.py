"""What a read-only app (as `argmap serve` starts it) refuses, and how it says so.

The refused commands are gone from the Footer and the help screen; pressing one of their
keys shows a notice that the debates are read-only (one at a time), rather than nothing.
"""

from __future__ import annotations

from argmap.tui.commands import COMMANDS, Command

#: Edits, undo and redo, the external editor, the export (it would write into the
#: server's folder) and the switch to the editing keys.
REFUSED = frozenset(
    {
        "add_rebuttal",
        "add_support",
        "add_pro",
        "add_con",
        "change_claim",
        "delete_claim",
        "open_editor",
        "undo",
        "redo",
        "export",
        "toggle_keys",
    }
)


def works(command: Command) -> bool:
    """Whether a read-only app runs this command."""
    return command.action not in REFUSED


def refused_by(key: str, scope: str) -> Command | None:
    """The refused command `key` asks for on a screen of `scope` ("map" or "debates")."""
    for command in COMMANDS:
        refused = command.action in REFUSED and command.scope in ("app", scope)
        if refused and key in command.keys.split(","):
            return command
    return None


def refusal(key: str, screen: object, focused: object) -> str | None:
    """What to say when `key` is pressed on `screen` of a read-only app, if it asks for a
    refused command (and is not typed into a text field)."""
    from textual.widgets import Input, TextArea

    from argmap.tui.screens.debates import DebatesScreen
    from argmap.tui.screens.map import MapScreen

    if isinstance(focused, (Input, TextArea)):
        return None
    if isinstance(screen, MapScreen):
        command = refused_by(key, "map")
    elif isinstance(screen, DebatesScreen):
        command = refused_by(key, "debates")
    else:
        return None
    if command is None:
        return None
    return f"{command.title} is off: these debates are read-only."
