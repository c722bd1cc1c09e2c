"""A read-only app (as `argmap serve` starts it) refuses every edit and leaves files alone."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input
from tui_helpers import SIZE, open_energy, until

from argmap.edit.operations import add_child
from argmap.tui import make_app
from argmap.tui.app import READ_ONLY
from argmap.tui.screens.add_claim import AddClaimScreen
from argmap.tui.screens.map import MapScreen

EDIT_KEYS = ("i", "a", "s", "c", "D", "plus", "minus")


async def goto(pilot: Pilot[int], claim: str) -> None:
    await pilot.press("g")
    await pilot.pause()
    pilot.app.screen.query_one(Input).value = claim
    await pilot.press("enter")
    await pilot.pause()


def footer_keys(pilot: Pilot[int]) -> set[str]:
    """The descriptions the Footer shows now."""
    return {
        b.description
        for (_, b, enabled, _) in pilot.app.screen.active_bindings.values()
        if b.show and enabled
    }


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.yaml"))}


@pytest.mark.parametrize("read_only", [True, False])
async def test_edit_keys_open_forms_only_when_edits_are_allowed(
    debates: Path, read_only: bool
) -> None:
    app = make_app([debates], read_only=read_only)
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await goto(pilot, "overruns")
        # `i` switches the Footer to the editing keys, where edits are allowed.
        assert ("Edit" in footer_keys(pilot)) is not read_only
        await pilot.press("i")
        await pilot.pause()
        shown = footer_keys(pilot)
        assert ("Rebut" in shown) is not read_only
        assert ("Change" in shown) is not read_only
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AddClaimScreen) is not read_only


async def test_no_key_changes_a_file_or_starts_an_editor(
    debates: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[object] = []
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: started.append(a))
    before = snapshot(debates)
    app = make_app([debates], read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await goto(pilot, "overruns")
        for key in (*EDIT_KEYS, "e", "u"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, MapScreen), key
        # Even a direct request (a command from elsewhere) is refused, with a reason.
        energy = debates / "energy.yaml"
        outcomes: list[object] = []
        app.apply_edit(
            energy, lambda text: add_child(text, "overruns", "rebuttal", "No."), outcomes.append
        )
        assert outcomes == [READ_ONLY]
        assert not app.workers  # nothing was started to write it
        await pilot.pause()
        assert any(READ_ONLY in n.message for n in app._notifications)
    assert started == []
    assert snapshot(debates) == before


@pytest.mark.parametrize("read_only", [True, False])
async def test_export_writes_on_the_server_only_when_edits_are_allowed(
    debates: Path, read_only: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argmap.tui.screens.export import ExportScreen

    monkeypatch.chdir(tmp_path)
    app = make_app([debates], read_only=read_only)
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        assert ("Export" in footer_keys(pilot)) is not read_only
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen) is not read_only


async def test_read_only_help_lists_only_the_keys_that_work(debates: Path) -> None:
    from rich.console import Console
    from textual.widgets import Static

    from argmap.tui.commands import COMMANDS
    from argmap.tui.screens.help import HelpScreen

    app = make_app([debates], read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), what="the help")
        console = Console(width=200, record=True)
        console.print(app.screen.query_one("#help-keys", Static).content)
        keys = console.export_text()
    helps = {c.id: c.help for c in COMMANDS}
    for refused in ("add-rebuttal", "delete", "undo", "redo", "editor", "export", "edit-keys"):
        assert helps[refused] not in keys, refused
    for works in ("filter", "goto", "search", "help", "quit", "theme"):
        assert helps[works] in keys, works


async def test_an_editing_key_says_read_only_once_and_a_reading_key_says_nothing(
    debates: Path,
) -> None:
    app = make_app([debates], read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await goto(pilot, "overruns")
        for key in (*EDIT_KEYS, "e", "u", "U", "x"):
            before = len(app.notice_log)
            await pilot.press(key)
            await until(pilot, lambda n=before: len(app.notice_log) > n, what=f"a notice for {key}")
            await pilot.pause()
            said = app.notice_log[before:]
            assert len(said) == 1 and "read-only" in said[0], (key, said)
            assert isinstance(app.screen, MapScreen), key
        shown = [n for n in app._notifications if "read-only" in n.message]
        assert len(shown) == 1  # one notice at a time, not a stack of them
        before = len(app.notice_log)
        await pilot.press("j", "f")  # reading keys (the filter's form takes the `a`)
        await pilot.press("a", "escape")
        await pilot.pause()
        assert app.notice_log[before:] == []
