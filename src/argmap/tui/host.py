"""What the screens may ask of the app: a narrow protocol, so screens never import it.

The app (`argmap.tui.app.ArgmapApp`) implements this; screens reach it through their
`host` property and otherwise speak Textual (`push_screen`, `notify`, messages).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from argmap.edit import Edit
from argmap.tui.model import History, Library, Location


class Host(Protocol):
    """The app as the screens see it."""

    #: The open debates (None while they load).
    library: Library | None
    #: The places visited, for back (`[`) and forward (`]`).
    history: History
    #: Whether edits are refused (`argmap open --read-only`, `argmap serve`).
    read_only: bool
    #: Where the class's ballots are (`ballots/<debate-id>/<name>.yaml`).
    ballots_dir: Path

    def go_to(self, place: Location, *, record: bool = True) -> bool:
        """Show a claim on the map; a jump (`record`) adds it to the history."""
        ...

    def refresh_screens(self) -> None:
        """Show the library's current state (strengths included) on the list and the map."""
        ...

    def open_debate(self, debate_id: str) -> None:
        """Open a debate's map where the reader last was in it."""
        ...

    def apply_edit(
        self,
        path: Path,
        change: Callable[[str], Edit],
        done: Callable[[Edit | str], None] | None = None,
    ) -> None:
        """Write an edit to a file on a worker; `done` then gets the edit, or why it was
        refused."""
        ...
