"""ArgmapApp: the debates list, the map, and the dialogs over them.

The app owns what every screen shares: the open debates (`Library`), the search index and
the history of places visited. Screens ask it to jump (`go_to`), and it reloads a file on
request (`reload_path`) keeping the map's cursor on the same claim.
"""

from __future__ import annotations

import difflib
from collections.abc import Awaitable, Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.dom import DOMNode
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from argmap.tui.commands import COMMANDS, bindings_for
from argmap.tui.model import Library, Location, SearchIndex
from argmap.tui.screens.debates import DebatesScreen


class ArgmapApp(App[int]):
    """Explore debates: a list of debate files, a map of each, search, filters, export."""

    CSS_PATH = "app.tcss"
    TITLE = "argmap"
    BINDINGS: ClassVar[list[BindingType]] = bindings_for("app")
    # Our commands replace the default palette entries; "Theme" and "Quit" stay in ours.
    # The list of debates is the bottom screen (a mode, so its stylesheet loads).
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {"debates": DebatesScreen}
    DEFAULT_MODE = "debates"

    def __init__(self, paths: Sequence[Path | str]) -> None:
        super().__init__()
        self.paths = [Path(p) for p in paths]
        self.library: Library | None = None
        self._search_index: SearchIndex | None = None
        from argmap.tui.model import History

        self.history = History()

    # --- loading -------------------------------------------------------------------------

    def on_mount(self) -> None:
        from argmap.tui.screens.map import MapScreen

        self.install_screen(MapScreen(), name="map")
        self.load_library()

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load_library(self) -> Library:
        """Read every debate file off the main thread; the list fills in when done."""
        library = Library.load(self.paths)
        self.call_from_thread(self._library_loaded, library)
        # Warm the export library (it pulls in graphviz) so `x` opens at once later.
        import argmap.export  # noqa: F401

        return library

    def _library_loaded(self, library: Library) -> None:
        self.library = library
        self._search_index = None
        self.refresh_screens()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:
            self.notify(
                f"{event.worker.name}: {event.worker.error}",
                title="Something went wrong",
                severity="error",
                markup=False,
            )

    @property
    def search_index(self) -> SearchIndex:
        if self._search_index is None:
            assert self.library is not None
            self._search_index = SearchIndex.build(self.library)
        return self._search_index

    def refresh_screens(self) -> None:
        """Show the library's current state on the list and the map."""
        from argmap.tui.screens.debates import DebatesScreen
        from argmap.tui.screens.map import MapScreen

        for screen in self.screen_stack:
            if isinstance(screen, DebatesScreen):
                screen.show_library()
        map_screen = self.get_screen("map", MapScreen)
        if map_screen.is_mounted:
            map_screen.refresh_debate()

    def reload_path(self, path: Path | str) -> None:
        """Read one debate file again and refresh the screens, keeping the map's cursor on
        the same claim (or the nearest one that still exists)."""
        if self.library is None:
            return
        entry = self.library.reload(Path(path))
        self._search_index = None
        self.refresh_screens()
        if not entry.ok:
            errors = len(entry.loaded.errors)
            self.notify(
                f"{entry.path.name} has {errors} error{'s' * (errors != 1)}; press d on it "
                "in the list of debates to see them",
                severity="warning",
                markup=False,
            )
        else:
            self.notify(f"Reloaded {entry.path.name}", markup=False)

    # --- moving between places -----------------------------------------------------------

    def go_to(self, place: Location, *, record: bool = True) -> bool:
        """Show a claim on the map; a jump (`record`) adds it to the history."""
        from argmap.tui.screens.map import MapScreen

        if self.library is None:
            return False
        debate_id, claim_id = place
        entry = self.library.get(debate_id)
        if entry is None:
            self.notify(f"No open debate is called '{debate_id}'", severity="error", markup=False)
            return False
        if claim_id not in entry.graph.nodes:
            close = difflib.get_close_matches(claim_id, list(entry.graph.nodes), n=3, cutoff=0.5)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            self.notify(
                f"No claim '{claim_id}' in {debate_id}{hint}", severity="error", markup=False
            )
            return False
        if record:
            self.history.visit(place)
        map_screen = self.get_screen("map", MapScreen)
        if self.screen is not map_screen:
            while len(self.screen_stack) > 1:
                self.pop_screen()
            self.push_screen(map_screen)
        map_screen.show_place(entry, claim_id)
        return True

    def open_debate(self, debate_id: str) -> None:
        """Open a debate's map at the motion (or where the reader last was in it)."""
        place: Location = (debate_id, "motion")
        for earlier in reversed(self.history.places[: self.history.index + 1]):
            if earlier[0] == debate_id:
                place = earlier
                break
        self.go_to(place)

    # --- actions -------------------------------------------------------------------------

    def action_search(self) -> None:
        from argmap.tui.screens.search import SearchScreen

        if self.library is None:
            return

        def jump(place: Location | None) -> None:
            if place is not None:
                self.go_to(place)

        self.push_screen(SearchScreen(self.search_index), jump)

    def action_help(self) -> None:
        from argmap.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def action_reload(self) -> None:
        path = getattr(self.screen, "current_path", None)
        if isinstance(path, Path):
            self.reload_path(path)

    async def action_quit(self) -> None:
        self.exit(0)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every command that applies here, from the one table in `commands`."""
        scopes = {"app", getattr(screen, "SCOPE", "")}
        for command in COMMANDS:
            if not command.palette or command.scope not in scopes:
                continue
            target: DOMNode = screen if command.scope != "app" else self
            if target.check_action(command.action, ()) is not True:
                continue
            yield SystemCommand(
                f"{command.title} ({command.keys_shown})",
                command.help,
                _runner(self, target, command.action),
            )


def _runner(app: App[int], target: DOMNode, action: str) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        await app.run_action(action, target)

    return run


def make_app(paths: Sequence[Path | str]) -> ArgmapApp:
    """The app over these files and folders (the CLI and the tests both build it here)."""
    return ArgmapApp(paths)
