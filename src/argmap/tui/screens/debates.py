"""The first screen: every debate file, how it stands, and whether it is valid."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from argmap.ballots.cache import TALLIES
from argmap.bars import balance_bar
from argmap.tui.class_split import Latest, class_cell, class_info
from argmap.tui.commands import bindings_for
from argmap.tui.host import Host
from argmap.tui.model import DebateEntry, balance
from argmap.tui.semantics_palette import in_use
from argmap.tui.widgets.labels import (
    ERROR_STYLE,
    WARNING_STYLE,
    safe,
    safe_block,
    shorten,
)


class DebateTable(DataTable[Text]):
    """The debates, one per row; Home and End go to the first and last debate (a
    DataTable would scroll sideways instead)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("home", "first_row", "First", show=False),
        Binding("end", "last_row", "Last", show=False),
    ]

    def action_first_row(self) -> None:
        self.move_cursor(row=0)

    def action_last_row(self) -> None:
        self.move_cursor(row=max(self.row_count - 1, 0))


def _status(entry: DebateEntry) -> Text:
    if entry.broken is not None:
        errors = entry.errors_on_disk
        return Text(f"✗ {errors} error{'s' * (errors != 1)} on disk", style=ERROR_STYLE)
    if not entry.ok:
        errors = len(entry.loaded.errors)
        return Text(f"✗ {errors} error{'s' * (errors != 1)}", style=ERROR_STYLE)
    warnings = len(entry.loaded.diagnostics)
    if warnings:
        return Text(f"! {warnings} warning{'s' * (warnings != 1)}", style=WARNING_STYLE)
    return Text("✓ valid", style="bold")


#: The columns whose texts may be cut to fit: the title, then the motion.
TITLE, MOTION = 2, 7
#: The class's split (empty without ballots: the column is then left out).
CLASS = 6


def fit_columns(
    headings: list[int], cells: list[list[Text]], width: int, padding: int
) -> list[int]:
    """Column widths for `width` cells: the figures as wide as they are, then the title
    whole if it fits, the motion the rest (cut with "…"; left out, width 0, when fewer
    than 10 cells are left for it: the panel below the list shows it in full)."""
    widths = [
        max([heading, *(row[index].cell_len for row in cells)])
        for index, heading in enumerate(headings)
    ]
    # Each column shown is padded (one of width 0 is left out); less the scroll bar.
    room = width - 2 * padding * sum(1 for w in widths if w) - 2
    fixed = sum(w for index, w in enumerate(widths) if index not in (TITLE, MOTION))
    free = max(room - fixed, 20)
    longest = widths[TITLE]
    if free >= longest:
        widths[TITLE] = longest
        widths[MOTION] = min(widths[MOTION], free - longest) if free - longest >= 10 else 0
    else:
        widths[TITLE] = max(free - 10, 20)
        widths[MOTION] = max(free - widths[TITLE], 0)
        if widths[MOTION] < 10:
            widths[TITLE], widths[MOTION] = free, 0
    return widths


def _cut(cell: Text, width: int) -> Text:
    """A cell cut to its column with "…" (at a word when one is near)."""
    if cell.cell_len <= width:
        return cell
    cut = Text(shorten(cell.plain, width), style=cell.style, justify=cell.justify)
    return cut


class DebatesScreen(Screen[None]):
    """The list of debates; Enter opens one, `d` shows a file's problems."""

    SCOPE = "debates"
    CSS_PATH = "debates.tcss"
    BINDINGS: ClassVar[list[BindingType]] = bindings_for("debates", lead=("help", "quit", "search"))

    @property
    def host(self) -> Host:
        """The app, through the narrow protocol screens use (no import of the app)."""
        return cast("Host", self.app)

    def compose(self) -> ComposeResult:
        yield Static(Text("argmap · debates", style="bold"), id="debates-title")
        yield DebateTable(id="debates", cursor_type="row", zebra_stripes=True)
        yield Static("Loading debates…", id="debate-info", markup=False)
        yield Footer(compact=True, show_command_palette=False)

    def __init__(self) -> None:
        super().__init__()
        #: A file Enter was pressed on while it loaded: opened once it arrives.
        self._open_when_ready: Path | None = None
        self._shown_width = 0
        #: The class's tallies, made on a worker.
        self._tallies = Latest()

    def on_mount(self) -> None:
        if self.host.library is not None:
            self.show_library()

    def on_resize(self) -> None:
        # Titles and motions are cut to the columns' room: lay them out for the new width.
        if self.host.library is not None and self.size.width != self._shown_width:
            self.show_library()

    #: The list's columns: key and heading.
    COLUMNS: ClassVar[list[tuple[str, str]]] = [
        ("status", "Status"),
        # The motion's strength as a bar about the middle: con to the left, pro right.
        ("balance", "Con│Pro"),
        ("title", "Title"),
        ("claims", "Claims"),
        ("pro", "Pro ✓"),
        ("con", "Con ✓"),
        # The class's ballots: how many lean pro · balanced · con.
        ("class", "Class"),
        ("motion", "Motion"),
    ]

    @property
    def selected_row(self) -> tuple[Path, DebateEntry | None] | None:
        """The file under the cursor and its entry (None while it loads)."""
        library = self.host.library
        table = self.query_one(DebateTable)
        if library is None or table.row_count == 0:
            return None
        rows = library.rows()
        if not rows:
            return None
        return rows[min(max(table.cursor_row, 0), len(rows) - 1)]

    @property
    def selected(self) -> DebateEntry | None:
        """The loaded debate under the cursor (None on a row still loading)."""
        row = self.selected_row
        return row[1] if row is not None else None

    @property
    def current_path(self) -> Path | None:
        row = self.selected_row
        return row[0] if row is not None else None

    @property
    def current_line(self) -> int:
        """Where an editor should open the selected file: its first error, else the top."""
        entry = self.selected
        if entry is None:
            return 1
        errors = [d for d in entry.problems if d.is_error]
        return errors[0].line if errors else 1

    def show_library(self) -> None:
        """Fill the table from the app's library, keeping the cursor where it was: a row
        per file, those still loading marked so, and the progress in the title line."""
        library = self.host.library
        if library is None:
            return
        table = self.query_one(DebateTable)
        row = table.cursor_row
        cells: list[list[Text]] = []
        rows = library.rows()
        for path, entry in rows:
            if entry is None:
                dash = Text("…", justify="right", style="dim")
                cells.append(
                    [
                        Text("… loading", style="italic"),
                        Text("…", style="dim"),
                        Text(safe(path.name), style="dim"),
                        dash,
                        dash,
                        dash,
                        Text(""),
                        Text(""),
                    ]
                )
                continue
            if entry.openable:
                stand = balance(entry)
                claims = Text(str(stand.claims), justify="right")
                pro = Text(f"{stand.pro_standing}/{stand.pro}", justify="right")
                con = Text(f"{stand.con_standing}/{stand.con}", justify="right")
                strength = entry.weighing.motion_strength
                leaning = Text(balance_bar(strength, 5), style="bold")
                leaning.append(f" {strength:.2f}")
            else:
                claims = pro = con = Text("–", justify="right", style="dim")
                leaning = Text("–", style="dim")
            cells.append(
                [
                    _status(entry),
                    leaning,
                    Text(safe(entry.title)),
                    claims,
                    pro,
                    con,
                    class_cell(TALLIES.known(entry.graph) if entry.openable else None),
                    Text(" ".join(safe_block(entry.motion).split())),
                ]
            )
        # Columns as wide as the rows shown now, set here: a DataTable's own widths never
        # narrow (a "loading" row seen earlier would stay in them) and follow on idle.
        table.clear(columns=True)
        # The class's column only once some debate has ballots.
        voted = any(row_cells[CLASS].plain for row_cells in cells)
        widths = fit_columns(
            [len(heading) if key != "class" or voted else 0 for key, heading in self.COLUMNS],
            cells,
            self.size.width or 80,
            table.cell_padding,
        )
        for (key, heading), width in zip(self.COLUMNS, widths, strict=True):
            if width:
                table.add_column(shorten(heading, width), key=key, width=width)
        for row_cells in cells:
            table.add_row(
                *(_cut(cell, width) for cell, width in zip(row_cells, widths, strict=True) if width)
            )
        self._shown_width = self.size.width
        self._show_progress()
        if rows:
            table.move_cursor(row=min(max(row, 0), len(rows) - 1))
        else:
            self.query_one("#debate-info", Static).update(
                "No debate files (*.yaml, *.yml) here. Try `argmap open PATH`."
            )
        table.focus()
        self.show_info()
        self._open_if_ready()
        self._tally_classes([e for _, e in rows if e is not None and e.openable])

    def on_screen_resume(self) -> None:
        # Back from a class vote (or anywhere): a ballot may have been written.
        library = self.host.library
        if library is not None:
            self._tally_classes([e for _, e in library.rows() if e is not None and e.openable])

    def _tally_classes(self, entries: list[DebateEntry]) -> None:
        """Tally each debate's ballots that changed, off the app's loop; show them after."""
        folder = self.host.ballots_dir

        def job() -> None:
            changed = False
            for entry in entries:
                changed = TALLIES.refresh(entry.graph, folder) or changed
            if changed:
                self.app.call_from_thread(self.show_library)

        if self._tallies.want(job):
            self.run_worker(self._tallies.run, thread=True, group="class-tally")

    def _show_progress(self) -> None:
        """ "loading 3 of 8…" beside the title while files are still being read."""
        library = self.host.library
        title = Text("argmap · debates", style="bold")
        if library is not None and library.entries:
            title.append(f"  ·  weighed by {in_use(library)}", style="dim")
        if library is not None and library.loading:
            total = len(library.files)
            done = total - len(library.loading)
            title.append(f"  · loading: {done} of {total} ready…", style="italic")
        self.query_one("#debates-title", Static).update(title)

    def _open_if_ready(self) -> None:
        """Open the file Enter was pressed on while it loaded, once it is in."""
        wanted = self._open_when_ready
        row = self.selected_row
        if wanted is None or row is None or row[0] != wanted or row[1] is None:
            return
        self._open_when_ready = None
        if self.app.screen is self:
            # After this refresh: the map is pushed from the app's own loop, not from
            # inside the list's update.
            self.call_after_refresh(self.action_open)

    def show_info(self) -> None:
        row = self.selected_row
        if row is None:
            return
        path, entry = row
        if entry is None:
            info = Text()
            info.append(safe(path.name), style="bold")
            info.append(f"  ({safe(str(path))})\n", style="dim")
            info.append("Still loading; Enter opens it when it is ready.", style="italic")
            self.query_one("#debate-info", Static).update(info)
            return
        info = Text()
        info.append(safe(entry.title), style="bold")
        info.append(f"  ({safe(str(entry.path))})\n", style="dim")
        if entry.openable:
            # The verdict first, with how robust it is: every surface leads with it.
            info.append(safe_block(entry.verdict_line()) + "\n", style="bold")
        if entry.openable:
            info.append_text(class_info(entry.graph, TALLIES.known(entry.graph)))
        if entry.motion:
            info.append("Motion: ", style="bold")
            info.append(safe_block(entry.motion) + "\n")
        if entry.openable:
            info.append("Enter opens the map.\n", style="italic")
        if entry.broken is not None:
            info.append(
                "The file on disk no longer loads; this is the last version that did.\n",
                style=ERROR_STYLE,
            )
        if entry.problems:
            count = len(entry.problems)
            errors = len(entry.loaded.errors) + entry.errors_on_disk
            style = ERROR_STYLE if errors else WARNING_STYLE
            info.append(
                f"{count} problem{'s' * (count != 1)} in this file; press d to see "
                f"{'them' if count != 1 else 'it'}.",
                style=style,
            )
        self.query_one("#debate-info", Static).update(info)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self._open_when_ready is not None and self.current_path != self._open_when_ready:
            self._open_when_ready = None  # the reader moved on
        self.show_info()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def _still_loading(self, then: str) -> bool:
        """Say so when the row under the cursor is still loading."""
        row = self.selected_row
        if row is None or row[1] is not None:
            return False
        self.app.notify(f"{row[0].name} is still loading; {then}", markup=False)
        return True

    def action_open(self) -> None:
        if self._still_loading("it opens when it is ready."):
            self._open_when_ready = self.current_path
            return
        entry = self.selected
        if entry is None:
            return
        if not entry.openable:
            self.app.notify(
                f"{entry.path.name} has errors, so it has no map yet; here they are.",
                severity="warning",
                markup=False,
            )
            self.action_diagnostics()
            return
        self.host.open_debate(entry.debate_id)

    def action_diagnostics(self) -> None:
        from argmap.tui.screens.diagnostics import DiagnosticsScreen

        if self._still_loading("its problems show once it is read."):
            return
        entry = self.selected
        if entry is None:
            return
        if not entry.problems:
            self.app.notify(f"{entry.path.name} has no problems.", markup=False)
            return
        self.app.push_screen(DiagnosticsScreen(entry))
