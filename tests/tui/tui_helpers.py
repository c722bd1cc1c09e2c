"""Helpers the terminal app's tests share: where the fixture debates are, how to wait."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.css.query import NoMatches
from textual.pilot import Pilot
from textual.widgets import Static

from argmap.tui import ArgmapApp
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


class DiskLooks:
    """Counts the app's looks at the disk (its watch timer calls `check_disk`).

    A test that expects a change on disk NOT to be reported waits for a few looks after
    the change, instead of sleeping and hoping the timer has fired meanwhile.
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = ArgmapApp.check_disk

        def counted(app: ArgmapApp) -> None:
            real(app)
            self.count += 1

        monkeypatch.setattr(ArgmapApp, "check_disk", counted)

    async def wait(self, pilot: Pilot[int], looks: int = 3) -> None:
        """Let the app run until it has looked at the disk `looks` more times."""
        target = self.count + looks
        await until(pilot, lambda: self.count >= target, f"{looks} looks at the disk")
