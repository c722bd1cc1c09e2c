"""Snapshots of the main screens at the smallest supported and a comfortable size.

Update only after reading the report: `pytest tests/tui/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from tui_helpers import DATA, detail_follows, open_energy, ready

from argmap.tui import make_app

SIZES = [(80, 24), (100, 30), (120, 40), (160, 50)]


@pytest.fixture(autouse=True)
def relative_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    # Paths on screen are shown as given: run beside the fixtures so they read "data/…".
    monkeypatch.chdir(DATA.parent)


def app():  # type: ignore[no-untyped-def]
    return make_app([Path("data")])


async def on_map(pilot: Pilot[int]) -> None:
    await open_energy(pilot)
    await pilot.press("j", "l", "l")  # the first pro claim, expanded, cursor on its rebuttal
    await detail_follows(pilot)  # the detail panel follows once the cursor rests


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_debates_screen(snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_map_screen(snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(), terminal_size=size, run_before=on_map)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help_screen(snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    async def on_help(pilot: Pilot[int]) -> None:
        await on_map(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(app(), terminal_size=size, run_before=on_help)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_export_screen(snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    async def on_export(pilot: Pilot[int]) -> None:
        await on_map(pilot)
        await pilot.press("x")
        await pilot.pause()

    assert snap_compare(app(), terminal_size=size, run_before=on_export)
