"""Keys a newcomer tries early: `u` with nothing to undo, the palette's "undo", the filter
dialog's several picks."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette
from textual.widgets import OptionList, Static
from tui_helpers import SIZE, open_energy, ready, until

from argmap.model import Side
from argmap.semantics import Label
from argmap.tui import ArgmapApp
from argmap.tui.screens.debates import DebateTable
from argmap.tui.screens.filter import FilterScreen
from argmap.tui.screens.map import MapScreen


async def test_u_with_nothing_to_undo_says_so(app: ArgmapApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await pilot.press("u")
        await until(pilot, lambda: any("Nothing to undo" in m for m in app.notice_log))
        await pilot.press("U")
        await until(pilot, lambda: any("Nothing to redo" in m for m in app.notice_log))


async def test_the_palette_finds_undo_and_redo_by_name(app: ArgmapApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        for word, title in (("undo", "Undo (u)"), ("redo", "Redo (U)")):
            await pilot.press("ctrl+p")
            await until(pilot, lambda: isinstance(app.screen, CommandPalette))
            await pilot.press(*word)

            def found(title: str = title) -> bool:
                hits = app.screen.query_one(CommandList)
                prompts = [
                    str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)
                ]
                return any(title in prompt for prompt in prompts)

            await until(pilot, found)
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, MapScreen))


async def test_the_filter_dialog_takes_several_picks_before_enter(app: ArgmapApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        screen = app.screen
        assert isinstance(screen, MapScreen)
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, FilterScreen))
        dialog = app.screen
        choices = dialog.query_one(OptionList)

        async def highlight(text: str) -> None:
            while text not in str(choices.get_option_at_index(choices.highlighted or 0).prompt):
                await pilot.press("down")

        await highlight("side: con")
        await pilot.press("space")
        assert app.screen is dialog  # still open after a pick
        await highlight("status: defeated")
        await pilot.press("space")
        now = str(dialog.query_one("#filter-now", Static).render())
        assert "con" in now and "defeated" in now
        # Picking a chosen one again drops it.
        await pilot.press("space")
        assert "defeated" not in str(dialog.query_one("#filter-now", Static).render())
        await pilot.press("space", "enter")
        await until(pilot, lambda: app.screen is screen)
        assert screen.claim_filter.side is Side.CON
        assert screen.claim_filter.status is Label.DEFEATED
        assert screen.claim_tree.shown is not None
        # The con claims (control, delay, overruns, template-unused) that are defeated.
        assert screen.claim_tree.shown.matches == {"control", "delay", "overruns"}


async def test_r_lists_a_debate_file_added_to_the_open_folder(
    app: ArgmapApp, debates: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        table = app.screen.query_one(DebateTable)
        before = table.row_count
        (debates / "zz-new.yaml").write_text(
            "version: 1\nid: zz-new\ntitle: A debate copied in\nmotion: M.\npro:\n  - text: A.\n",
            encoding="utf-8",
        )
        await pilot.press("r")
        await until(pilot, lambda: table.row_count == before + 1)
        await app.workers.wait_for_complete()
        await until(
            pilot,
            lambda: any(
                "A debate copied in" in str(table.get_row_at(i)[2]) for i in range(table.row_count)
            ),
        )


async def test_a_bundled_debate_says_read_only_before_any_edit(
    debates: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argmap.tui import make_app

    monkeypatch.setenv("ARGMAP_BUNDLED_DIR", str(debates))  # as if installed with argmap
    app = make_app([debates])
    async with app.run_test(size=(100, 30)) as pilot:
        await open_energy(pilot)
        title = str(app.screen.query_one("#map-title", Static).render())
        assert "read-only" in title and "argmap init" in title


async def test_a_debate_of_ones_own_says_nothing_of_the_kind(app: ArgmapApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await open_energy(pilot)
        assert "read-only" not in str(app.screen.query_one("#map-title", Static).render())


async def first_result(app: ArgmapApp, size: tuple[int, int], words: str) -> tuple[str, int]:
    """Search for `words` at `size`: the first result's row, and the list's width."""
    from argmap.tui.screens.search import SearchScreen

    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.press("slash")
        await until(pilot, lambda: isinstance(app.screen, SearchScreen))
        await pilot.press(*words)
        results = app.screen.query_one("#results", OptionList)
        await until(pilot, lambda: results.option_count > 0)
        return str(results.get_option_at_index(0).prompt), results.size.width


async def test_search_snippets_use_the_dialogs_width(app: ArgmapApp) -> None:
    row, _ = await first_result(app, (120, 40), "budgets")
    # The whole claim fits in a 100-column dialog: no cut before the end.
    assert "Joint projects overrun their budgets [citation needed]." in row


async def test_a_claim_that_fits_the_row_shows_whole_at_80_columns(app: ArgmapApp) -> None:
    row, _ = await first_result(app, (80, 24), "citation")
    # The match is near the end, but the whole claim fits: no "…" before it.
    assert "…" not in row.split("Joint")[0]
    assert "Joint projects overrun their budgets [citation needed]." in row
    # Where it is still follows it.
    assert row.endswith("energy:overruns")
