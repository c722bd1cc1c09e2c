"""Helpers the terminal app's tests share: where the fixture debates are, how to wait."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

DATA = Path(__file__).parent / "data"
SIZE = (80, 24)


async def ready(pilot: Pilot[int]) -> None:
    """Wait for the debates to load (a worker) and the screen to settle."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_energy(pilot: Pilot[int]) -> None:
    """From the list, open the 'Shared research reactors' debate (second row)."""
    await ready(pilot)
    await pilot.press("down", "enter")
    await pilot.pause()


async def settled(pilot: Pilot[int]) -> None:
    """Wait for an edit or undo, written and reloaded on a worker, to show."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
