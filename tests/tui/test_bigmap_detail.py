"""In a big debate the detail panel shows a claim at once and what moved its strength when
a worker has worked it out; the map never waits for it."""

from __future__ import annotations

import pytest
from textual.widgets import Static
from tui_helpers import detail_follows, open_energy, until

from argmap.reading import strength_reason
from argmap.tui import ArgmapApp, model
from argmap.tui.screens.map import MapScreen
from argmap.tui.widgets import detail


@pytest.fixture(autouse=True)
def every_debate_is_big(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fixture debates are small: let the panel treat them as a big one."""
    monkeypatch.setattr(model, "AT_ONCE_CLAIMS", 0)


def shown(app: ArgmapApp) -> str:
    return " ".join(str(app.screen.query_one("#claim-text", Static).render()).split())


async def test_the_reason_fills_in_after_the_claim(app: ArgmapApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_energy(pilot)
        # The motion's headline: what moves the verdict arrives from the worker.
        await until(pilot, lambda: "Raised most by" in shown(app), "the motion's movers")
        assert detail.WORKING not in shown(app)
        await pilot.press("j")
        await until(pilot, lambda: "· cost" in shown(app), "the claim under the cursor")
        await until(pilot, lambda: "lowered most by" in shown(app), "what moved its strength")
        text = shown(app)
        assert "lowered most by 'Joint projects overrun their…'" in text
        assert "raised most by 'Telescopes are already built this…'" in text
        assert detail.WORKING not in text


async def test_after_quick_moves_the_panel_explains_the_claim_under_the_cursor(
    app: ArgmapApp,
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_energy(pilot)
        for key in ("j", "l", "l", "j", "j", "k", "j"):
            await pilot.press(key)
        await detail_follows(pilot)
        await app.workers.wait_for_complete()
        await detail_follows(pilot)
        screen = app.screen
        assert isinstance(screen, MapScreen) and screen.entry is not None
        claim = screen.cursor_claim
        assert claim is not None and claim != "motion"
        entry = screen.entry
        text = shown(app)
        assert f"· {claim}" in text
        assert detail.WORKING not in text
        expected = strength_reason(entry.graph, entry.weighing, claim)
        assert " ".join(expected.split()) in text


async def test_a_big_debates_row_shows_its_verdict_before_its_headline(app: ArgmapApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("down")
        info = " ".join(str(app.screen.query_one("#debate-info", Static).render()).split())
        library = app.library
        assert library is not None
        entry = next(e for e in library.entries if e.debate_id == "energy")
        weighing = entry.weighing
        assert f"{weighing.verdict.phrase} ({weighing.motion_strength:.2f})" in info
        # Its robustness is not worked out on the way to the list.
        assert entry.known_headline() is None
        await pilot.press("enter")
        await until(pilot, lambda: entry.known_headline() is not None, "the motion's headline")
        await until(pilot, lambda: "Raised most by" in shown(app), "the headline in the panel")
