"""ArgmapApp: the debates list, the map, and the dialogs over them.

The app owns what every screen shares: the open debates (`Library`), the search index,
the history of places visited and the edits it can undo. Screens ask it to jump (`go_to`)
and to edit a file (`apply_edit`); it reloads a file on request (`reload_path`) or when the
file changes on disk, keeping the map's cursor on the same claim.
"""

from __future__ import annotations

import difflib
import gc
import re
import subprocess
import time
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from textual import events, work
from textual.app import App, SuspendNotSupported, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.notifications import Notify, SeverityLevel
from textual.screen import Screen
from textual.theme import Theme
from textual.worker import Worker, WorkerState, get_current_worker

from argmap.edit import DebateFile, Edit, EditRefused, FileChanged, read_debate_file, save
from argmap.load import LoadCancelled, LoadedDebate
from argmap.safetext import printable
from argmap.tui import preloaded
from argmap.tui.commands import bindings_for
from argmap.tui.crash import EXIT_CRASH, save_report
from argmap.tui.editing import UndoStep, editor_command
from argmap.tui.model import (
    DebateEntry,
    Library,
    Location,
    SearchIndex,
    failed_entry,
    list_files,
    loading_order,
    prepare_entry,
)
from argmap.tui.palette import ArgmapCommands, palette_commands, runner
from argmap.tui.read_only import refusal
from argmap.tui.screens.debates import DebatesScreen
from argmap.tui.semantics_palette import SemanticsCommands
from argmap.tui.watch import FolderWatch
from argmap.tui.widgets.labels import use_theme

#: Seconds within which a second Ctrl+C quits a form with text typed in it.
QUIT_AGAIN_SECONDS = 3.0

#: What an edit came to: the edit written, or why it was refused.
EditOutcome = Edit | str

#: Why nothing is written in a read-only app.
READ_ONLY = "These debates are open read-only; nothing can be changed here."


#: "at line 14", "(line 3, column 5)": where in the file, which a form's reader never sees.
_FILE_POSITION = re.compile(r",? \(?(?:at |on )?line \d+(?:, column \d+)?\)?")


def refusal_text(refused: EditRefused) -> str:
    """A refused edit in one paragraph: the reason, then the first problems it would cause,
    in the terms of the form (its fields and claims), not of lines in the file."""
    lines = [_FILE_POSITION.sub("", refused.message)]
    for diagnostic in refused.diagnostics[:3]:
        if diagnostic.message not in refused.message:
            lines.append(_FILE_POSITION.sub("", diagnostic.message))
    return "\n".join(lines)


def _sentence(summary: str) -> str:
    return summary[:1].upper() + summary[1:]


class ArgmapApp(App[int]):
    """Explore debates: a list of debate files, a map of each, search, filters, export."""

    CSS_PATH = "app.tcss"
    TITLE = "argmap"
    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings_for("app"),
        # Ctrl+C quits from anywhere, a text field included (where Textual would copy).
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True, id="quit-ctrl-c"),
    ]
    # Our commands replace the default palette entries; "Theme" and "Quit" stay in ours.
    # The list of debates is the bottom screen (a mode, so its stylesheet loads).
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        ArgmapCommands,
        SemanticsCommands,
    }
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {"debates": DebatesScreen}
    DEFAULT_MODE = "debates"

    #: Seconds between looks at the folders of the open files; 0 stops watching.
    WATCH_INTERVAL: ClassVar[float] = 0.3

    def __init__(
        self,
        paths: Sequence[Path | str],
        *,
        read_only: bool = False,
        ballots: Path | None = None,
    ) -> None:
        super().__init__()
        self.paths = [Path(p) for p in paths]
        from argmap.ballots.classview import ballots_folder

        #: Where the class's ballots are (`v`), and the student's name once asked.
        self.ballots_dir = ballots_folder(self.paths, ballots)
        self.ballot_name: str | None = None
        #: Never write a file nor start an editor (`argmap serve` runs the app this way, so
        #: one reader cannot rewrite a debate that others are reading).
        self.read_only = read_only
        if read_only:
            self.sub_title = "read-only"
        self.library: Library | None = None
        self._search_index: SearchIndex | None = None
        from argmap.tui.model import History

        self.history = History()
        #: Edits made in the app, per debate file, the last one on top; `u` undoes the
        #: current debate's one by one, `U` makes an undone one again.
        self.undo_steps: dict[Path, list[UndoStep]] = {}
        self.redo_steps: dict[Path, list[UndoStep]] = {}
        self._quit_asked_at = 0.0
        self._watch: FolderWatch | None = None
        #: Files an edit or undo is being written to (on a worker).
        self._writing: set[Path] = set()
        #: Every notification shown, oldest first (only the newest stays on screen).
        self.notice_log: list[str] = []
        #: The error that stopped the app, and where its traceback was saved.
        self.crash: BaseException | None = None
        self.crash_report: Path | None = None

    # --- errors nobody expected ------------------------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        # Textual prints a traceback with its locals (which may quote a debate's text) to
        # the terminal and leaves the exit status to the caller: save it instead, exit
        # non-zero, and leave the one-line message to `argmap open`.
        if self.crash is None:
            self.crash = error
            self.crash_report = save_report(error)
        super()._handle_exception(error)
        self._exit_renderables.clear()
        self._return_code = EXIT_CRASH

    # --- terminal size -------------------------------------------------------------------

    async def _on_resize(self, event: events.Resize) -> None:
        # Before the screens see the new size: below the smallest layout, cover them with
        # a notice (Textual's widgets fail to lay out in a few cells); above it, uncover.
        self._fit_size(event.size.width, event.size.height)
        await super()._on_resize(event)

    def _fit_size(self, width: int, height: int) -> None:
        from argmap.tui.screens.too_small import MIN_SIZE, TooSmallScreen

        too_small = width < MIN_SIZE[0] or height < MIN_SIZE[1]
        covered = isinstance(self.screen_stack[-1], TooSmallScreen) if self.screen_stack else False
        if too_small and not covered:
            self.push_screen(TooSmallScreen())
        elif covered and not too_small:
            self.pop_screen()

    # --- notifications -------------------------------------------------------------------

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Show a notification; its text may quote a file, so it is never markup and its
        control characters show as escapes."""
        message, title = printable(message), printable(title)
        self.notice_log.append(f"{title}: {message}" if title else message)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def _on_notify(self, event: Notify) -> None:
        # One notice at a time (plus the last error, until it times out): a stack of
        # toasts would cover half of a 24-row terminal.
        for shown in list(self._notifications):
            if shown.severity != "error" or event.notification.severity == "error":
                self._unnotify(shown, refresh=False)
        super()._on_notify(event)

    # --- loading -------------------------------------------------------------------------

    def on_mount(self) -> None:
        from argmap.tui.screens.map import MapScreen

        self.install_screen(MapScreen(), name="map")
        use_theme(self.current_theme.dark)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.load_library()
        if self.read_only:
            self.notify(READ_ONLY, title="Read-only", timeout=8, markup=False)

    def on_key(self, event: events.Key) -> None:
        """A read-only app says so when a key asks for an edit, rather than nothing."""
        if self.read_only and (said := refusal(event.key, self.screen, self.focused)):
            self.notify(said, title="Read-only", markup=False)

    def _theme_changed(self, theme: Theme) -> None:
        from argmap.tui.screens.map import MapScreen

        use_theme(theme.dark)
        map_screen = self.get_screen("map", MapScreen)
        if map_screen.is_mounted:
            map_screen.restyle()

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load_library(self) -> None:
        """List the debate files, then load and label them one by one, all off the main
        thread: the list shows a row per file at once and fills each as it arrives."""
        worker = get_current_worker()
        # Look at the folders first: a file saved while loading is then read again.
        watch = FolderWatch.over(self.paths) if self.WATCH_INTERVAL > 0 else None
        files, cross = list_files(self.paths)
        self.call_from_thread(self._files_listed, files, cross, watch)
        for path in loading_order(files):
            if worker.is_cancelled:
                return
            try:
                prepared = _prepare(path, lambda: worker.is_cancelled)
            except LoadCancelled:
                return  # the app is closing: let it go without this file
            self.call_from_thread(self._debate_arrived, path, prepared)
        # Warm the export library (it pulls in graphviz) so `x` opens at once later.
        import argmap.export  # noqa: F401

    def _files_listed(self, files: list[Path], cross: bool, watch: FolderWatch | None) -> None:
        self.library = Library.listing(self.paths, files, cross)
        self._search_index = None
        self.refresh_screens()
        if watch is not None and self._watch is None:
            self._watch = watch
            self.set_interval(self.WATCH_INTERVAL, self.check_disk, name="watch")

    def _debate_arrived(self, path: Path, prepared: DebateEntry) -> None:
        """One file of the first load is read and labelled: fill in its row."""
        if self.library is None or self.library.by_path(path) is not None:
            return  # read already, since it changed on disk: that version is newer
        if path not in self.library.files:
            return  # deleted while it loaded
        self.library.reload(path, prepared=prepared)
        self._search_index = None
        # The debates just loaded live as long as the app: keep them out of the cyclic
        # collector's full passes, each of which would otherwise rescan them (a 150 ms
        # stall at 10,000 claims, every few dozen cursor moves). Objects of a later reload
        # are collected as usual.
        gc.freeze()
        self.refresh_screens()
        self.refresh_bindings()  # `e` needs a file under the cursor

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
        self,
        path: Path | str,
        loaded: LoadedDebate | None = None,
        *,
        prepared: DebateEntry | None = None,
        announce: str = "Reloaded",
    ) -> DebateEntry | None:
        """Read one debate file again and refresh the screens, keeping the map's cursor on
        the same claim (or the nearest one that still exists).

        A file that no longer loads keeps its last good version on screen, flagged, with
        its problems one key (`d`) away. `announce` starts the notification ('' for none).
        """
        if self.library is None:
            return None
        path = Path(path)
        if loaded is None and prepared is None and self._watch is not None:
            self._watch.seen(path)  # read now: the watch need not report this version
        entry = self.library.reload(path, loaded, prepared=prepared)
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
            if path in self._writing:
                continue  # argmap's own edit, written on a worker: it reloads the file itself
            self.load_changed(path)

    def load_changed(self, path: Path, announce: str = "Changed on disk:") -> None:
        """Read a file again on a worker thread; the last good version stays on screen
        (and the app answers keys) until the new one is loaded and labelled.

        One worker per file: a newer change of the same file cancels an older read.
        """
        self.run_worker(
            partial(self._load_in_background, path, announce),
            name=f"reload {path.name}",
            group=f"reload:{path}",
            thread=True,
            exclusive=True,
            exit_on_error=False,
        )

    def _load_in_background(self, path: Path, announce: str) -> None:
        worker = get_current_worker()
        if not path.exists():
            if not worker.is_cancelled:
                self.call_from_thread(self.forget_path, path)
            return
        prepared = _prepare(path)
        if not worker.is_cancelled:
            self.call_from_thread(self.reload_path, path, prepared=prepared, announce=announce)

    def forget_path(self, path: Path) -> None:
        """A file was deleted: take it off the list (and off the map if it was shown)."""
        if self.library is None or path not in self.library.files:
            return
        self.library.remove(path)
        self._search_index = None
        self.refresh_screens()
        self.notify(f"{path.name} was deleted; it is no longer listed.", severity="warning")

    # --- editing -------------------------------------------------------------------------

    def apply_edit(
        self,
        path: Path,
        change: Callable[[str], Edit],
        done: Callable[[EditOutcome], None] | None = None,
    ) -> None:
        """Run an edit operation on a file's current text, write it, and show the result.

        Reading, editing, writing and loading the new version run on a worker thread (a
        10,000-claim file takes a second or more), so the app answers keys meanwhile.
        `done` then gets the edit (the screens put the cursor on its claim) or, when
        refused, why: the file is then untouched, and a notification says so.
        """
        if self.read_only:
            self.notify(READ_ONLY, title="Not changed", severity="error", markup=False)
            if done is not None:
                done(READ_ONLY)
            return
        if not self._start_writing(path, done):
            return
        self.run_worker(
            partial(self._edit_in_background, path, change, done),
            name=f"edit {path.name}",
            group=f"edit:{path}",
            thread=True,
            exit_on_error=False,
        )

    def _start_writing(self, path: Path, done: Callable[[EditOutcome], None] | None) -> bool:
        """One write at a time per file: an edit or undo reads what the last one left."""
        if path in self._writing:
            reason = f"{path.name}: the last change is still being saved; try again in a moment."
            self.notify(reason, severity="warning", markup=False)
            if done is not None:
                done(reason)
            return False
        self._writing.add(path)
        return True

    def _edit_in_background(
        self, path: Path, change: Callable[[str], Edit], done: Callable[[EditOutcome], None] | None
    ) -> None:
        try:
            current = read_debate_file(path)
            edit = change(current.text)
            if not edit.changed:
                self.call_from_thread(self._edit_unchanged, path, edit, done)
                return
            written = save(current, edit.after, validated=True)
        except EditRefused as refused:
            self.call_from_thread(self._edit_refused, path, refusal_text(refused), done)
            return
        except OSError as exc:
            # A folder argmap may not write in (bundled debates, a read-only share).
            reason = f"cannot write {path.name}: {exc.strerror or exc}; the file is unchanged"
            self.call_from_thread(self._edit_refused, path, reason, done)
            return
        except Exception as exc:  # the form must not wait for ever on an unexpected error
            self.call_from_thread(self._edit_refused, path, f"not changed: {exc}", done)
            raise
        prepared = _prepare(path)
        self.call_from_thread(self._edit_written, path, written, edit, prepared, done)

    def _edit_unchanged(
        self, path: Path, edit: Edit, done: Callable[[EditOutcome], None] | None
    ) -> None:
        self._writing.discard(path)
        self.notify(_sentence(edit.summary), markup=False)
        if done is not None:
            done(edit)

    def _edit_refused(
        self, path: Path, reason: str, done: Callable[[EditOutcome], None] | None
    ) -> None:
        self._writing.discard(path)
        # The file by its name: a bundled debate's full path runs deep into site-packages.
        reason = reason.replace(printable(str(path), one_line=True), path.name)
        self.notify(reason, title="Not changed", severity="error", timeout=8, markup=False)
        if done is not None:
            done(reason)

    def _edit_written(
        self,
        path: Path,
        written: DebateFile,
        edit: Edit,
        prepared: DebateEntry,
        done: Callable[[EditOutcome], None] | None,
    ) -> None:
        self._writing.discard(path)
        self.undo_steps.setdefault(path, []).append(UndoStep(path, written, edit))
        self.redo_steps.pop(path, None)  # a new edit ends the line of undone ones
        self._seen(path)  # argmap wrote this version: the watch need not report it
        self.reload_path(path, prepared=prepared, announce="")
        self.notify(
            f"{_sentence(edit.summary)} ({path.name}, line {edit.line}). u undoes it.",
            markup=False,
        )
        self.refresh_bindings()
        if done is not None:
            done(edit)

    @property
    def current_file(self) -> Path | None:
        """The debate file the reader is on: the map's, or the one selected in the list
        (under a dialog or the command palette, the screen beneath it)."""
        for screen in reversed(self.screen_stack):
            if hasattr(screen, "current_path"):
                path = screen.current_path
                return path if isinstance(path, Path) else None
        return None

    def action_undo(self) -> None:
        """Write back the text from before the current debate's last edit in the app."""
        self._step_back_or_forward(undo=True)

    def action_redo(self) -> None:
        """Write again the current debate's last edit that was undone."""
        self._step_back_or_forward(undo=False)

    def _step_back_or_forward(self, *, undo: bool) -> None:

        if self.read_only:
            self.notify(READ_ONLY, severity="error", markup=False)
            return
        path = self.current_file
        stacks = self.undo_steps if undo else self.redo_steps
        steps = stacks.get(path, []) if path is not None else []
        if path is None or not steps:
            name = path.name if path is not None else "this debate"
            verb = "undo" if undo else "redo"
            self.notify(f"Nothing to {verb} in {name}.")
            return
        if not self._start_writing(path, None):
            return
        self.run_worker(
            partial(self._step_in_background, steps[-1], undo),
            name=f"{'undo' if undo else 'redo'} {path.name}",
            group=f"edit:{path}",
            thread=True,
            exit_on_error=False,
        )

    def _step_in_background(self, step: UndoStep, undo: bool) -> None:
        """Write an undo (or redo) and load the file again, off the main thread."""
        text = step.edit.before if undo else step.edit.after
        try:
            written = save(step.written, text, validated=True)
        except (EditRefused, OSError) as refused:
            self.call_from_thread(self._step_refused, step, undo, refused)
            return
        except Exception as exc:
            self.call_from_thread(self._step_refused, step, undo, OSError(str(exc)))
            raise
        prepared = _prepare(step.path)
        self.call_from_thread(self._step_written, step, undo, written, prepared)

    def _step_refused(self, step: UndoStep, undo: bool, refused: EditRefused | OSError) -> None:
        self._writing.discard(step.path)
        # The step stays: once the file is back as argmap left it, it can be tried again.
        verb = "undone" if undo else "redone"
        if isinstance(refused, FileChanged):
            message = (
                f"Not {verb}: {step.edit.summary}. {step.path.name} changed after argmap "
                "wrote it (another program or an editor), and argmap will not overwrite "
                "that. The step is kept; press e to change the file by hand."
            )
        elif isinstance(refused, EditRefused):
            message = f"Not {verb}: {step.edit.summary}. {refused.message}. The step is kept."
        else:
            reason = refused.strerror or str(refused)
            message = f"Not {verb}: {step.edit.summary}. {reason}. The step is kept."
        # The message starts with "Not undone:" itself; a title saying so again would
        # read "Not undone / Not undone: ...".
        self.notify(message, severity="error", timeout=8)

    def _step_written(
        self, step: UndoStep, undo: bool, written: DebateFile, prepared: DebateEntry
    ) -> None:
        from argmap.tui.screens.map import MapScreen

        self._writing.discard(step.path)
        path = step.path
        steps = (self.undo_steps if undo else self.redo_steps).get(path, [])
        if steps and steps[-1] is step:
            steps.pop()
        other = self.redo_steps if undo else self.undo_steps
        other.setdefault(path, []).append(UndoStep(path, written, step.edit))
        self.refresh_bindings()
        self._seen(path)
        self.reload_path(path, prepared=prepared, announce="")
        map_screen = self.get_screen("map", MapScreen)
        if map_screen.is_mounted:
            map_screen.land_on(step.edit.claim_id)
        done = "Undone" if undo else "Redone"
        again = "U redoes it" if undo else "u undoes it"
        self.notify(f"{done}: {step.edit.summary} ({path.name}). {again}.")

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
        before = preloaded.signature(path)
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
        if preloaded.signature(path) == before:
            self.notify(f"{path.name} is unchanged.", markup=False)
            return
        self._seen(path)
        self.load_changed(path, announce="Reloaded")

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
        from argmap.tui.screens.map import MapScreen
        from argmap.tui.screens.search import SearchScreen

        if self.library is None:
            return

        search = SearchScreen(self.search_index)

        def jump(place: Location | None) -> None:
            if place is not None:
                self.get_screen("map", MapScreen).mark_search(place, search.query_text.split())
                self.go_to(place)

        self.push_screen(search, jump)

    def action_class_vote(self) -> None:
        """The class vote on the debate shown: the class's weights and the student's."""
        from argmap.tui.screens.class_vote import open_class_vote

        open_class_vote(self, self.ballots_dir, self.read_only)

    def action_help(self) -> None:
        from argmap.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def action_reload(self) -> None:
        path = getattr(self.screen, "current_path", None)
        if isinstance(path, Path):
            self._seen(path)
            self.load_changed(path, announce="Reloaded")
        # Debate files added to an open folder since it was listed come in too.
        if self.library is not None:
            listed = set(self.library.files)
            for found, signature in FolderWatch.over(self.paths).known.items():
                if signature is not None and found not in listed:
                    self._seen(found)
                    self.load_changed(found, announce="New file:")

    def _seen(self, path: Path) -> None:
        if self._watch is not None:
            self._watch.seen(path)

    async def action_quit(self) -> None:
        """Leave; in a form with something typed, only when asked twice in a row."""
        unsaved = bool(getattr(self.screen, "unsaved", False))
        now = time.monotonic()
        if unsaved and now - self._quit_asked_at > QUIT_AGAIN_SECONDS:
            self._quit_asked_at = now
            self.notify(
                "The form has text you typed. Press Ctrl+C again to quit without saving it, "
                "or Esc to go back to the map.",
                title="Quit?",
                severity="warning",
            )
            return
        self.exit(0)

    async def action_shown(self, role: str, action: str) -> None:
        """A Footer entry's twin (see `commands.Command.bindings`): run the command."""
        await self.run_action(action)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.read_only and action in ("undo", "redo", "open_editor"):
            return False
        if action == "shown":
            role, real = str(parameters[0]), str(parameters[1])
            if getattr(self.screen, "footer_role", "explore") != role:
                return False
            return self.check_action(real, ())
        if action in ("undo", "redo"):
            # Offered wherever a debate file is at hand, even with nothing to undo: the
            # key then says so, and the palette finds "undo" by name.
            return self.current_file is not None
        if action == "open_editor":
            return isinstance(getattr(self.screen, "current_path", None), Path)
        return True

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every command that applies here, from the one table in `commands`."""
        for command, target in palette_commands(screen):
            yield SystemCommand(
                f"{command.title} ({command.keys_shown})",
                command.help,
                runner(screen, target, command.action),
            )


def _prepare(path: Path, stop: Callable[[], bool] | None = None) -> DebateEntry:
    """Load and label a file on a worker; an error nobody expected becomes the file's
    error row rather than a row that says "loading" for ever. `LoadCancelled` (when
    `stop` says so) passes through."""
    if (ready := preloaded.take(path)) is not None:
        return ready
    try:
        return prepare_entry(path, stop)
    except LoadCancelled:
        raise
    except Exception as problem:  # any failure is shown on the row
        return failed_entry(path, problem)


def make_app(
    paths: Sequence[Path | str], *, read_only: bool = False, ballots: Path | None = None
) -> ArgmapApp:
    """The app over these files and folders (the CLI and the tests both build it here).

    `read_only` refuses every edit, undo and editor (as `argmap serve` needs); `ballots`
    is the class's ballots folder (else `ballots/` beside the debates).
    """
    return ArgmapApp(paths, read_only=read_only, ballots=ballots)
