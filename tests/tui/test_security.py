"""Files someone else wrote cannot run commands, drive the terminal or crash the app."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import OptionList, Static
from tui_helpers import DATA, SIZE, detail_follows, ready, until

from argmap.tui import ArgmapApp, make_app
from argmap.tui.editing import editor_command
from argmap.tui.screens.map import MapScreen

#: A file name vim reads as a command when it is passed as a bare word.
VIM_COMMAND_NAME = "+:sil !touch PWNED;: .yaml"


@contextlib.contextmanager
def no_suspend() -> Iterator[None]:
    yield


def recording_editor(folder: Path, name: str) -> Path:
    """An executable called `name` that writes its argv (as JSON) beside itself."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / name
    script.write_text(
        f"#!{sys.executable}\n"
        "import json, pathlib, sys\n"
        f"pathlib.Path({str(folder / 'argv.json')!r}).write_text(json.dumps(sys.argv[1:]))\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script


@pytest.mark.parametrize(
    ("editor", "expected"),
    [
        ("vim", ["+{line}", "--", "{path}"]),
        ("nvim", ["+{line}", "--", "{path}"]),
        ("nano", ["+{line}", "--", "{path}"]),
        ("emacs", ["+{line}", "--", "{path}"]),
        ("micro", ["+{line}", "{path}"]),
        ("hx", ["{path}:{line}"]),
        ("code", ["--goto", "{path}:{line}"]),
    ],
)
async def test_a_file_name_never_reaches_the_editor_as_an_option_or_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, editor: str, expected: list[str]
) -> None:
    folder = tmp_path / "debates"
    folder.mkdir()
    hostile = folder / VIM_COMMAND_NAME
    hostile.write_bytes((DATA / "energy.yaml").read_bytes())
    script = recording_editor(tmp_path / "bin", editor)
    # $EDITOR is split like a shell would split it, never run by one.
    monkeypatch.setenv("VISUAL", f"'{script}' --flag")
    monkeypatch.chdir(folder)
    app = make_app([Path(VIM_COMMAND_NAME)])
    monkeypatch.setattr(app, "suspend", no_suspend)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MapScreen)
        await pilot.press("e")
        await until(pilot, (tmp_path / "bin" / "argv.json").exists, "the editor to run")
    argv = json.loads((tmp_path / "bin" / "argv.json").read_text())
    line = 4  # the motion's line
    absolute = str(hostile)
    assert argv == ["--flag", *(w.format(line=line, path=absolute) for w in expected)]
    # No word the editor reads as an option or a `+command` names the file.
    assert not any(VIM_COMMAND_NAME in w and not w.startswith("/") for w in argv)
    assert not (folder / "PWNED").exists()


def test_editor_words_are_split_as_a_shell_would_but_never_run_by_one() -> None:
    command = editor_command(
        Path("rel/a b.yaml"), 3, {"EDITOR": "'/opt/my editor/vim' -u NONE; touch x"}
    )
    assert command is not None
    assert command[:5] == ["/opt/my editor/vim", "-u", "NONE;", "touch", "x"]
    assert command[-3:] == ["+3", "--", str(Path.cwd() / "rel/a b.yaml")]


# --- terminal control sequences from files ---------------------------------------------------

#: Retitles the window and wipes the screen when written raw to a terminal.
CONTROL = "\x1b]0;pwned\x07\x1b[2J\x9b31m"


def _quoted(text: str) -> str:
    return json.dumps(text)


def hostile_debates(folder: Path) -> Path:
    """A folder with a valid debate whose every string holds control sequences, in a file
    whose name holds them too, and a broken file whose errors quote them."""
    folder.mkdir(parents=True, exist_ok=True)
    c = CONTROL
    (folder / f"ctl{c}.yaml").write_text(
        "version: 1\n"
        "id: hostile\n"
        f"title: {_quoted('Title ' + c)}\n"
        f"motion: {_quoted('Motion ' + c)}\n"
        f"summary: {_quoted('Summary ' + c)}\n"
        "sources:\n"
        "  - id: src\n"
        f"    title: {_quoted('Source ' + c)}\n"
        f"    url: {_quoted('https://example.org/annual report.pdf' + c)}\n"
        "pro:\n"
        "  - id: p1\n"
        f"    text: {_quoted('Pro claim ' + c + ' [bold]x[/]')}\n"
        "    sources: [src]\n"
        f"    note: {_quoted('Note ' + c)}\n"
        "    rebuttals:\n"
        "      - id: r1\n"
        f"        text: {_quoted('Rebuttal ' + c)}\n"
        "        also_rebuts: [c1]\n"
        "con:\n"
        "  - id: c1\n"
        f"    text: {_quoted('Con ' + c)}\n",
        encoding="utf-8",
    )
    (folder / f"broken{c}.yaml").write_text(
        "version: 1\n"
        f"id: {_quoted('bad' + c)}\n"
        f"title: {_quoted('Broken ' + c)}\n"
        f"motion: {_quoted('Motion ' + c)}\n"
        "pro:\n"
        f"  - id: {_quoted('x' + c)}\n"
        f"    text: {_quoted('T ' + c)}\n"
        f"    kind: {_quoted('k' + c)}\n"
        f"    {_quoted('key' + c)}: 1\n",
        encoding="utf-8",
    )
    return folder


def assert_no_control(app: ArgmapApp, where: str) -> None:
    """Nothing on screen, in a notification or in the titles holds a raw control byte."""
    shown = app.export_screenshot()
    for char in ("\x1b", "\x07", "\x9b"):
        assert char not in shown, f"{char!r} reached the screen on {where}"
    for text in (app.title, app.sub_title, app.screen.title or "", app.screen.sub_title or ""):
        assert "\x1b" not in text, where
    for notification in app._notifications:
        assert "\x1b" not in notification.message + notification.title, where


async def test_control_sequences_in_files_never_reach_the_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = hostile_debates(tmp_path / "hostile")
    app = make_app([folder])
    monkeypatch.setattr(app, "suspend", no_suspend)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert_no_control(app, "the list")
        await pilot.press("enter")  # the broken file: its problems
        await pilot.pause()
        assert_no_control(app, "the problems of the broken file")
        await pilot.press("escape", "down")
        await pilot.pause()
        assert_no_control(app, "the list, on the valid file")
        await pilot.press("enter")
        await detail_follows(pilot)
        assert_no_control(app, "the map")
        for claim in range(6):  # every row: motion, pro, its rebuttal and link, con
            await pilot.press("l", "j")
            await detail_follows(pilot)
            assert_no_control(app, f"the map, row {claim}")
        await pilot.press("g")
        await pilot.pause()
        assert_no_control(app, "go to")
        await pilot.press("p", "1", "enter")
        await until(
            pilot, lambda: getattr(app.screen, "cursor_claim", None) == "p1", "the cursor on p1"
        )
        await detail_follows(pilot)
        assert_no_control(app, "the map at p1 (sources, note, url)")
        for key in ("tab", "tab", "tab"):
            await pilot.press(key)
            await pilot.pause()
            assert_no_control(app, f"after {key}")
        depth = len(app.screen_stack)
        for key in ("c", "D", "a", "s", "f", "x", "question_mark", "slash"):
            await pilot.press(key)
            await until(pilot, lambda: len(app.screen_stack) > depth, f"the dialog of {key}")
            await pilot.pause()
            assert_no_control(app, f"the dialog of {key}")
            if key == "slash":
                await pilot.press("P", "r", "o")
                await until(
                    pilot,
                    lambda: app.screen.query_one(OptionList).option_count > 0,
                    "search results",
                )
                await pilot.pause()
                assert_no_control(app, "search results")
            await pilot.press("escape")
            await until(pilot, lambda: len(app.screen_stack) == depth, f"{key}'s dialog to close")
        reloads = len(app.notice_log)
        await pilot.press("r")  # the reload notification names the file
        await until(
            pilot,
            lambda: any(m.startswith("Reloaded") for m in app.notice_log[reloads:]),
            "the reload notification",
        )
        await pilot.pause()
        assert_no_control(app, "the reload notification")
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette), "the command palette")
        await pilot.pause()
        assert_no_control(app, "the command palette")


async def test_a_source_address_with_a_space_is_shown_not_a_crash(tmp_path: Path) -> None:
    debate = tmp_path / "url.yaml"
    debate.write_text(
        "version: 1\nid: url\ntitle: T\nmotion: M.\n"
        "sources:\n  - id: rep\n    title: Annual report\n"
        "    url: 'https://example.org/annual report.pdf'\n"
        "pro:\n  - id: p\n    text: Cited.\n    sources: [rep]\n",
        encoding="utf-8",
    )
    app = make_app([debate])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("enter", "j")
        await detail_follows(pilot)
        assert isinstance(app.screen, MapScreen)
        assert app.screen.cursor_claim == "p"
        shown = str(app.screen.query_one("#claim-text", Static).render())
        assert "https://example.org/annual report.pdf" in shown
    assert app.return_code in (None, 0)


# --- unexpected errors -----------------------------------------------------------------------


def test_a_crash_exits_non_zero_with_one_line_and_a_saved_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from argmap.cli.tui import open_app
    from argmap.tui.crash import EXIT_CRASH

    def boom() -> None:
        raise RuntimeError("broken on purpose \x1b[2J")

    mount = ArgmapApp.on_mount

    def mount_then_fail(self: ArgmapApp) -> None:
        mount(self)
        self.set_timer(0.2, boom)  # an action of the app's own that fails

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(ArgmapApp, "on_mount", mount_then_fail)
    status = open_app([DATA], headless=True)
    captured = capsys.readouterr()
    assert status == EXIT_CRASH
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert "RuntimeError: broken on purpose" in lines[0] and "\x1b" not in lines[0]
    reports = list((tmp_path / "cache" / "argmap").glob("argmap-crash-*.txt"))
    assert len(reports) == 1 and str(reports[0]) in lines[0]
    saved = reports[0].read_text(encoding="utf-8")
    assert "Traceback" in saved and "in boom" in saved


# --- tiny terminals --------------------------------------------------------------------------


async def test_a_tiny_terminal_shows_a_notice_and_the_map_comes_back() -> None:
    from argmap.tui.screens.too_small import TooSmallScreen

    app = make_app([DATA])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("down", "enter", "j")
        await pilot.pause()
        assert isinstance(app.screen, MapScreen)
        claim = app.screen.cursor_claim
        await pilot.press("slash")  # a dialog with a list open over the map
        await pilot.pause()
        for size in [(5, 3), (1, 1), (39, 24), (80, 9)]:
            await pilot.resize_terminal(*size)
            await until(pilot, lambda: isinstance(app.screen, TooSmallScreen), f"{size} refused")
            assert "Window too small" in str(app.screen.query_one(Static).render())
            await pilot.press("j")  # keys do not reach the screens below
            await pilot.pause()
        await pilot.resize_terminal(*SIZE)
        await until(pilot, lambda: not isinstance(app.screen, TooSmallScreen), "the dialog back")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MapScreen)
        assert app.screen.cursor_claim == claim
        await pilot.resize_terminal(120, 40)
        await until(pilot, lambda: app.screen.size == (120, 40), "the bigger terminal")
        await pilot.press("j")
        await pilot.pause()
        assert app.screen.cursor_claim != claim
    assert app.return_code in (None, 0)


async def test_the_app_can_start_in_a_tiny_terminal() -> None:
    from argmap.tui.screens.too_small import TooSmallScreen

    app = make_app([DATA])
    async with app.run_test(size=(5, 3)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(*SIZE)
        await until(pilot, lambda: not isinstance(app.screen, TooSmallScreen), "the list")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MapScreen)
    assert app.return_code in (None, 0)


# --- reloading big files ---------------------------------------------------------------------


async def test_a_slow_reload_runs_off_the_ui_thread_and_keeps_the_last_version(
    debates: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    import argmap.tui.model as model

    energy = debates / "energy.yaml"
    release = threading.Event()
    threads: list[str] = []
    real_load = model.load_file

    def slow_load(path: Path, **options):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        if path == energy:
            # Holds until the test has pressed keys (a 20 MB file takes this long).
            release.wait(timeout=10)
        return real_load(path, **options)

    app = make_app([debates])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MapScreen)
        energy.write_text(
            energy.read_text(encoding="utf-8").replace("Sharing the cost", "Splitting the cost"),
            encoding="utf-8",
        )
        monkeypatch.setattr(model, "load_file", slow_load)
        loads = len(threads)
        await pilot.press("r")
        await until(pilot, lambda: len(threads) > loads, "the reload to start")
        # The load is stuck on its thread; the map still answers keys, with the old text.
        await pilot.press("j")
        await until(pilot, lambda: screen.cursor_claim == "cost", "the cursor on 'cost'")
        await detail_follows(pilot)
        detail = str(screen.query_one("#claim-text", Static).render())
        assert "Sharing the cost" in detail and not release.is_set()
        release.set()
        await app.workers.wait_for_complete()
        await until(
            pilot,
            lambda: "Splitting" in str(screen.query_one("#claim-text", Static).render()),
            "the reloaded text",
        )
        assert screen.cursor_claim == "cost"
        assert "Splitting the cost" in str(screen.query_one("#claim-text", Static).render())
    assert threads and threading.main_thread().name not in threads


async def test_a_file_deleted_on_disk_leaves_the_list_and_the_map(
    debates: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argmap.tui.screens.debates import DebatesScreen, DebateTable

    monkeypatch.setattr(ArgmapApp, "WATCH_INTERVAL", 0.05)
    app = make_app([debates])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MapScreen)
        (debates / "energy.yaml").unlink()
        await until(pilot, lambda: isinstance(app.screen, DebatesScreen), "the list", 5000)
        assert isinstance(app.screen, DebatesScreen)
        table = app.screen.query_one(DebateTable)
        rows = [" ".join(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]
        assert table.row_count == 2 and not any("Shared research" in r for r in rows)
        assert app.notice_log[-1] == "energy.yaml was deleted; it is no longer listed."
        await pilot.press("enter")  # the row under the cursor now is another file
        await pilot.pause()
        assert not (
            isinstance(app.screen, MapScreen)
            and app.screen.entry is not None
            and app.screen.entry.debate_id == "energy"
        )
