"""ArgmapApp: the debates list, the map, and the dialogs over them.

The app owns what every screen shares: the open debates (`Library`), the search index,
the history of places visited and the edits it can undo. Screens ask it to jump (`go_to`)
and to edit a file (`apply_edit`); it reloads a file on request (`reload_path`) or when the
file changes on disk, keeping the map's cursor on the same claim.
"""

from __future__ import annotations

import difflib
import gc
import os
import subprocess
from collections.abc import Awaitable, Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, ClassVar

from textual import work
from textual.app import App, SuspendNotSupported, SystemCommand
from textual.binding import BindingType
from textual.dom import DOMNode
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from argmap.edit import Edit, EditRefused, read_debate_file, save
from argmap.load import LoadedDebate, load_file
from argmap.tui.commands import COMMANDS, bindings_for
from argmap.tui.editing import UndoStep, editor_command
from argmap.tui.model import DebateEntry, Library, Location, SearchIndex
from argmap.tui.screens.debates import DebatesScreen
from argmap.tui.watch import FolderWatch

#: What an edit came to: the edit written, or why it was refused.
EditOutcome = Edit | str

#: Why nothing is written in a read-only app.
READ_ONLY = "These debates are open read-only; nothing can be changed here."


def refusal_text(refused: EditRefused) -> str:
    """A refused edit in one paragraph: the reason, then the first problems it would cause."""
    lines = [refused.message]
    for diagnostic in refused.diagnostics[:3]:
        if diagnostic.message not in refused.message:
            lines.append(f"line {diagnostic.line}: {diagnostic.message}")
    return "\n".join(lines)


def _sentence(summary: str) -> str:
    return summary[:1].upper() + summary[1:]


class ArgmapApp(App[int]):
    """Explore debates: a list of debate files, a map of each, search, filters, export."""

    CSS_PATH = "app.tcss"
    TITLE = "argmap"
    BINDINGS: ClassVar[list[BindingType]] = bindings_for("app")
    # Our commands replace the default palette entries; "Theme" and "Quit" stay in ours.
    # The list of debates is the bottom screen (a mode, so its stylesheet loads).
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {"debates": DebatesScreen}
    DEFAULT_MODE = "debates"

    #: Seconds between looks at the folders of the open files; 0 stops watching.
    WATCH_INTERVAL: ClassVar[float] = 0.3

    def __init__(self, paths: Sequence[Path | str], *, read_only: bool = False) -> None:
        super().__init__()
        self.paths = [Path(p) for p in paths]
        #: Never write a file nor start an editor (`argmap serve` runs the app this way, so
        #: one reader cannot rewrite a debate that others are reading).
        self.read_only = read_only
        if read_only:
            self.sub_title = "read-only"
        self.library: Library | None = None
        self._search_index: SearchIndex | None = None
        from argmap.tui.model import History

        self.history = History()
        #: Edits made in the app, the last one on top; `u` undoes them one by one.
        self.undo_steps: list[UndoStep] = []
        self._watch: FolderWatch | None = None

    # --- loading -------------------------------------------------------------------------

    def on_mount(self) -> None:
        from argmap.tui.screens.map import MapScreen

        self.install_screen(MapScreen(), name="map")
        self.load_library()
        if self.read_only:
            self.notify(READ_ONLY, title="Read-only", timeout=8, markup=False)

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load_library(self) -> Library:
        """Read every debate file off the main thread; the list fills in when done."""
        # Look at the folders first: a file saved while loading is then read again.
        watch = FolderWatch.over(self.paths) if self.WATCH_INTERVAL > 0 else None
        library = Library.load(self.paths)
        self.call_from_thread(self._library_loaded, library, watch)
        # Warm the export library (it pulls in graphviz) so `x` opens at once later.
        import argmap.export  # noqa: F401

        return library

    def _library_loaded(self, library: Library, watch: FolderWatch | None = None) -> None:
        self.library = library
        self._search_index = None
        # The debates just loaded live as long as the app: keep them out of the cyclic
        # collector's full passes, each of which would otherwise rescan them (a 150 ms
        # stall at 10,000 claims, every few dozen cursor moves). Objects of a later reload
        # are collected as usual.
        gc.freeze()
        self.refresh_screens()
        self.refresh_bindings()  # `e` needs a file under the cursor
        if watch is not None and self._watch is None:
            self._watch = watch
            self.set_interval(self.WATCH_INTERVAL, self.check_disk, name="watch")

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

    def reload_path(
        self, path: Path | str, loaded: LoadedDebate | None = None, *, announce: str = "Reloaded"
    ) -> DebateEntry | None:
        """Read one debate file again and refresh the screens, keeping the map's cursor on
        the same claim (or the nearest one that still exists).

        A file that no longer loads keeps its last good version on screen, flagged, with
        its problems one key (`d`) away. `announce` starts the notification ('' for none).
        """
        if self.library is None:
            return None
        path = Path(path)
        if loaded is None and self._watch is not None:
            self._watch.seen(path)  # read now: the watch need not report this version
        entry = self.library.reload(path, loaded)
        self._search_index = None
        self.refresh_screens()
        name = entry.path.name
        if entry.broken is not None:
            errors = entry.errors_on_disk
            self.notify(
                f"{name} no longer loads ({errors} error{'s' * (errors != 1)}); the last good "
                "version stays on screen. Press d for the problems, e to fix them.",
                title="File has errors on disk",
                severity="warning",
                timeout=8,
                markup=False,
            )
        elif not entry.ok:
            errors = len(entry.loaded.errors)
            self.notify(
                f"{name} has {errors} error{'s' * (errors != 1)}; press d on it "
                "in the list of debates to see them",
                severity="warning",
                markup=False,
            )
        elif announce:
            self.notify(f"{announce} {name}", markup=False)
        return entry

    # --- noticing changes on disk --------------------------------------------------------

    def check_disk(self) -> None:
        """Reload the open files that changed on disk (a timer calls this)."""
        if self._watch is None or self.library is None:
            return
        for path in self._watch.poll():
            self.load_changed(path)

    @work(thread=True, exit_on_error=False, group="reload")
    def load_changed(self, path: Path) -> None:
        """Load a changed file off the main thread, then show it."""
        loaded = load_file(path)
        self.call_from_thread(self.reload_path, path, loaded, announce="Changed on disk:")

    # --- editing -------------------------------------------------------------------------

    def apply_edit(self, path: Path, change: Callable[[str], Edit]) -> EditOutcome:
        """Run an edit operation on a file's current text, write it, and show the result.

        Returns the edit (the screens then put the cursor on its claim) or, when refused,
        why: the file is then untouched, and a notification says so.
        """
        if self.read_only:
            self.notify(READ_ONLY, title="Not changed", severity="error", markup=False)
            return READ_ONLY
        try:
            current = read_debate_file(path)
            edit = change(current.text)
            if not edit.changed:
                self.notify(_sentence(edit.summary), markup=False)
                return edit
            written = save(current, edit.after, validated=True)
        except EditRefused as refused:
            reason = refusal_text(refused)
            self.notify(reason, title="Not changed", severity="error", timeout=8, markup=False)
            return reason
        self.undo_steps.append(UndoStep(path, written, edit))
        self.reload_path(path, announce="")
        self.notify(
            f"{_sentence(edit.summary)} ({path.name}, line {edit.line}). u undoes it.",
            markup=False,
        )
        self.refresh_bindings()
        return edit

    def action_undo(self) -> None:
        """Write back the text from before the last edit made in the app."""
        from argmap.tui.screens.map import MapScreen

        if self.read_only:
            self.notify(READ_ONLY, severity="error", markup=False)
            return
        if not self.undo_steps:
            self.notify("Nothing to undo.", markup=False)
            return
        step = self.undo_steps.pop()
        self.refresh_bindings()
        try:
            save(step.written, step.edit.before, validated=True)
        except EditRefused as refused:
            self.notify(
                f"Not undone ({step.edit.summary}): {refused.message}",
                title="Not undone",
                severity="error",
                timeout=8,
                markup=False,
            )
            return
        self.reload_path(step.path, announce="")
        map_screen = self.get_screen("map", MapScreen)
        if map_screen.is_mounted:
            map_screen.land_on(step.edit.claim_id)
        self.notify(f"Undone: {step.edit.summary} ({step.path.name})", markup=False)

    def action_open_editor(self) -> None:
        """Open the file in the reader's editor at the selected claim; reload it after."""
        path = getattr(self.screen, "current_path", None)
        line = getattr(self.screen, "current_line", 1)
        if not isinstance(path, Path):
            return
        if self.read_only:
            self.notify(READ_ONLY, severity="error", markup=False)
            return
        command = editor_command(path, int(line))
        if command is None:
            self.notify(
                "No editor found: set $EDITOR (for example to nano or vim).",
                severity="error",
                markup=False,
            )
            return
        before = _signature(path)
        try:
            with self.suspend():
                finished = subprocess.run(command, check=False)
        except SuspendNotSupported:
            self.notify(
                "This terminal cannot be handed to an editor; edit the file outside argmap "
                "(it reloads by itself).",
                severity="error",
                markup=False,
            )
            return
        except OSError as exc:
            self.notify(
                f"Could not start {command[0]}: {exc.strerror or exc}. Set $EDITOR.",
                severity="error",
                markup=False,
            )
            return
        if finished.returncode != 0:
            self.notify(
                f"{command[0]} exited with status {finished.returncode}.",
                severity="warning",
                markup=False,
            )
        if _signature(path) == before:
            self.notify(f"{path.name} is unchanged.", markup=False)
            return
        self.reload_path(path)

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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.read_only and action in ("undo", "open_editor"):
            return False
        if action == "undo":
            return bool(self.undo_steps)
        if action == "open_editor":
            return isinstance(getattr(self.screen, "current_path", None), Path)
        return True

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


def _signature(path: Path) -> tuple[int, int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_size, status.st_mtime_ns, status.st_ino)


def make_app(paths: Sequence[Path | str], *, read_only: bool = False) -> ArgmapApp:
    """The app over these files and folders (the CLI and the tests both build it here).

    `read_only` refuses every edit, undo and editor (as `argmap serve` needs).
    """
    return ArgmapApp(paths, read_only=read_only)
