"""Helpers the terminal app's tests share: where the fixture debates are, how to wait."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.css.query import NoMatches
from textual.pilot import Pilot
from textual.widgets import Static

from argmap.tui.screens.map import MapScreen
from argmap.tui.widgets.detail import describe_claim

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


async def until(
    pilot: Pilot[int],
    condition: Callable[[], bool],
    what: str = "the screen to get there",
    frames: int = 1000,
) -> None:
    """Let the app run, a frame at a time, until `condition()` holds; fail naming `what`.

    The bound is in frames, not seconds, so a loaded machine only makes the wait longer.
    """
    for _ in range(frames):
        try:
            if condition():
                return
        except NoMatches:
            pass  # not mounted yet
        await pilot.pause()
    raise AssertionError(f"gave up after {frames} frames waiting for {what}")


def detail_shows_cursor(pilot: Pilot[int]) -> bool:
    """Whether the map's detail panel shows the claim under the cursor."""
    screen = pilot.app.screen
    if not isinstance(screen, MapScreen) or screen.entry is None or not screen.cursor_claim:
        return False
    shown = str(screen.query_one("#claim-text", Static).render())
    return shown == str(describe_claim(screen.entry, screen.cursor_claim))


async def detail_follows(pilot: Pilot[int]) -> None:
    """Wait for the detail panel, which follows the cursor once it rests."""
    await until(pilot, lambda: detail_shows_cursor(pilot), "the detail panel to follow")
