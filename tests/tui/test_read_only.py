"""A read-only app (as `argmap serve` starts it) refuses every edit and leaves files alone."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input
from tui_helpers import SIZE, open_energy

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
