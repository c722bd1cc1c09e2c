"""What a new reader runs into first: the Footer, undo per debate, the palette, quitting."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.style import Style
from textual.widgets import Footer, Input, Static
from textual.widgets._footer import FooterKey
from tui_helpers import SIZE, open_energy, ready, settled

from argmap.tui import ArgmapApp
from argmap.tui.screens.add_claim import AddClaimScreen
from argmap.tui.screens.change_claim import ChangeClaimScreen
from argmap.tui.screens.map import MapScreen


def footer_keys(app: ArgmapApp) -> list[str]:
    """The keys the Footer shows now, in order."""
    app.screen.query_one(Footer)
    return [
        binding.key_display or binding.key
        for binding in (b.binding for b in app.screen.active_bindings.values())
        if binding.show
    ]


async def goto(pilot, claim: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("g")
    await pilot.pause()
    pilot.app.screen.query_one(Input).value = claim
    await pilot.press("enter")
    await pilot.pause()


async def test_the_footer_lists_reading_keys_then_editing_keys_and_never_loses_quit(
    app: ArgmapApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        keys = footer_keys(app)
        assert set(keys[:3]) == {"?", "q", "/"}
        for key in ("g", "f", "z", "x", "t", "[", "i"):
            assert key in keys, key
        assert not {"a", "s", "c", "e"} & set(keys)
        await pilot.press("j", "i")  # on a claim: every editing key applies
        await pilot.pause()
        keys = footer_keys(app)
        assert {"?", "q"} <= set(keys[:3])
        for key in ("a", "s", "c", "e", "i"):
            assert key in keys, key
        assert not {"g", "f", "z", "x"} & set(keys)
        # Every key works whichever set the Footer shows.
        await pilot.press("g")
        await pilot.pause()
        assert app.screen.query_one(Input).placeholder.startswith("claim id")
        await pilot.press("escape", "i", "a")  # (D, + and - work too; the help lists them)
        await pilot.pause()
        assert isinstance(app.screen, AddClaimScreen)
        # The whole Footer fits 80 columns in either set: nothing it lists is cut off.
        for _ in range(2):
            await pilot.press("escape", "i")
            await pilot.pause()
            entries = app.screen.query_one(Footer).query(FooterKey)
            assert max(key.region.right for key in entries) <= SIZE[0]


async def test_undo_and_redo_are_per_debate(app: ArgmapApp, debates: Path) -> None:
    energy = debates / "energy.yaml"
    transport = debates / "transport.yaml"
    energy_before, transport_before = energy.read_bytes(), transport.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await goto(pilot, "skills")
        await pilot.press("c")
        await pilot.pause()
        app.screen.query_one("#weight", Input).value = "2"
        await pilot.press("ctrl+s")  # saves from any field
        await settled(pilot)
        await pilot.pause()
        assert isinstance(app.screen, MapScreen)
        energy_after = energy.read_bytes()
        assert energy_after != energy_before
        # In the other debate, u has nothing of its own to undo.
        await goto(pilot, "transport:standards")
        await pilot.press("u")
        await settled(pilot)
        await pilot.pause()
        assert energy.read_bytes() == energy_after
        assert not app.undo_steps.get(app.current_file)
        await goto(pilot, "energy:skills")
        await pilot.press("u")
        await settled(pilot)
        await pilot.pause()
        assert energy.read_bytes() == energy_before
        assert "U redoes it" in app.notice_log[-1]
        await pilot.press("U")
        await settled(pilot)
        await pilot.pause()
        assert energy.read_bytes() == energy_after
        # A refused undo keeps its step and says why in the app's terms.
        changed = energy.read_text(encoding="utf-8").replace("Mixed teams", "Mixed crews")
        energy.write_text(changed, encoding="utf-8")
        await pilot.press("u")
        await settled(pilot)
        await pilot.pause()
        message = app.notice_log[-1]
        assert message.startswith("Not undone:") and "step is kept" in message
        assert "run the edit again" not in message
        # Said once: no title repeats the message's first words above it.
        assert message.count("Not undone") == 1
        assert app.undo_steps.get(app.current_file)
    assert energy.read_text(encoding="utf-8") == changed
    assert transport.read_bytes() == transport_before


async def test_the_palette_finds_commands_by_the_words_people_type(app: ArgmapApp) -> None:
    from argmap.tui.palette import ArgmapCommands

    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        provider = ArgmapCommands(app.screen)

        async def titles(query: str) -> list[str]:
            return [str(hit.text) async for hit in provider.search(query)]

        assert any(t.startswith("Theme") for t in await titles("theme"))
        assert any(t.startswith("Theme") for t in await titles("dark"))
        assert any(t.startswith("Export") for t in await titles("diagram"))
        assert any(t.startswith("Quit") for t in await titles("exit"))


async def test_ctrl_c_quits_and_asks_first_in_a_form_with_text(app: ArgmapApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await pilot.press("j", "a")
        await pilot.pause()
        assert isinstance(app.screen, AddClaimScreen)
        await pilot.press("N", "o")
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, AddClaimScreen)
        assert app.notice_log[-1].startswith("Quit?")
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_ctrl_c_quits_at_once_from_the_map(app: ArgmapApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert not app.is_running


async def test_a_refusal_in_a_form_goes_once_the_field_changes(app: ArgmapApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await goto(pilot, "skills")
        await pilot.press("a")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#text", Input).value = "A rebuttal."
        screen.query_one("#new-id", Input).value = "cost"  # taken
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settled(pilot)
        await pilot.pause()
        error = str(screen.query_one("#form-error", Static).render())
        assert "cost" in error and "line" not in error
        screen.query_one("#new-id", Input).value = "cost-2"
        await pilot.pause()
        assert str(screen.query_one("#form-error", Static).render()) == ""
        await pilot.press("ctrl+s")
        await settled(pilot)
        await pilot.pause()
        assert isinstance(app.screen, MapScreen) and app.screen.cursor_claim == "cost-2"


async def test_change_form_says_which_keys_save(app: ArgmapApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await goto(pilot, "skills")
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ChangeClaimScreen)
        subtitle = str(app.screen.query_one("#change-box").border_subtitle)
        assert "Ctrl+S saves" in subtitle and "in Note a new line" in subtitle


async def test_home_and_end_move_the_cursor_in_the_list(app: ArgmapApp) -> None:
    from argmap.tui.screens.debates import DebateTable

    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        table = app.screen.query_one(DebateTable)
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == table.row_count - 1 == 2
        assert table.scroll_x == 0
        await pilot.press("home")
        await pilot.pause()
        assert table.cursor_row == 0


def test_search_matches_words_counts_claims_and_points_at_the_hit() -> None:
    from tui_helpers import DATA

    from argmap.tui.model import Library, SearchIndex
    from argmap.tui.screens.search import snippet

    index = SearchIndex.build(Library.load([DATA]))
    found = index.find("cost")
    # "cost" starts a word in three claims of the fixtures; "costs" would count too,
    # a word merely containing the letters would not.
    assert not found.fuzzy
    assert {h.claim_id for h in found.hits} >= {"cost"}
    assert found.total == len(found.hits)
    assert all(h.label is not None for h in found.hits)
    assert index.find("ost").total == 0 or index.find("ost").fuzzy
    cost = next(h for h in found.hits if h.claim_id == "cost")
    shown = snippet(cost, 30)
    assert "cost" in shown.plain
    highlighted = [shown.plain[s.start : s.end] for s in shown.spans if "reverse" in str(s.style)]
    assert highlighted == ["cost"]


def test_search_shows_a_match_deep_in_a_long_claim() -> None:
    from argmap.tui.model import SearchHit
    from argmap.tui.screens.search import snippet

    text = "A very long opening " * 8 + "that finally mentions patents near the end."
    start = text.index("patents")
    hit = SearchHit("d", "c", text, None, 1.0, None, start, len("patent"))
    shown = snippet(hit, 40).plain
    assert shown.startswith("…") and "patents near" in shown


async def test_notifications_do_not_stack_up(app: ArgmapApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        for number in range(4):
            app.notify(f"Notice {number}")
        app.notify("Broken", severity="error")
        app.notify("After the error")
        await pilot.pause()
        shown = [n.message for n in app._notifications]
        # The newest notice, and the last error until it times out: never a column of them.
        assert shown == ["Broken", "After the error"]


async def test_a_folder_that_cannot_be_written_is_a_notice_not_a_crash(
    app: ArgmapApp, debates: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argmap.tui.app as app_module

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(app_module, "save", refuse)
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await goto(pilot, "skills")
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#text", Input).value = "A rebuttal."
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settled(pilot)
        await pilot.pause()
        assert "cannot write energy.yaml: Permission denied" in app.notice_log[-1]
        assert isinstance(app.screen, AddClaimScreen)  # the text typed is still there
    assert app.return_code in (None, 0)


async def test_an_edit_of_a_bundled_debate_is_refused_with_the_way_out(
    app: ArgmapApp, debates: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argmap.edit.files as files

    energy = debates / "energy.yaml"
    before = energy.read_bytes()
    # As if these were the debates installed with argmap.
    monkeypatch.setattr(files, "is_bundled", lambda path: Path(path).parent == debates)
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await goto(pilot, "skills")
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#text", Input).value = "A rebuttal."
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settled(pilot)
        await pilot.pause()
        notice = app.notice_log[-1]
        assert notice.startswith("Not changed:") and "argmap init" in notice
        assert "read-only" in str(app.screen.query_one("#form-error", Static).render())
    assert energy.read_bytes() == before
    assert app.return_code in (None, 0)


def test_sides_take_the_diagrams_colours_and_status_takes_none() -> None:
    from argmap.export.dot import THEMES
    from argmap.model import Side
    from argmap.tui.widgets.labels import SIDE_COLOURS, STATUS_STYLE

    for theme in ("light", "dark"):
        assert SIDE_COLOURS[theme][Side.PRO] == THEMES[theme].pro_border
    # Con is vermillion on both backgrounds (darker than pro's sky blue on a dark one).
    assert SIDE_COLOURS["light"][Side.CON] == THEMES["light"].con_border
    assert SIDE_COLOURS["dark"][Side.CON] == "#D55E00"
    # Status is a glyph with weight or dimming: never a colour, least of all a side's.
    assert all("#" not in style for style in STATUS_STYLE.values())


async def test_a_defeated_pro_claim_is_dimmed_not_red(app: ArgmapApp) -> None:
    from argmap.tui.widgets.claim_tree import ClaimTree

    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await goto(pilot, "overruns")  # a con claim that is defeated
        tree = app.screen.query_one(ClaimTree)
        label = tree.render_label(tree._by_claim["overruns"], Style(), Style())
        styles = {label.plain[s.start : s.end]: str(s.style) for s in label.spans}
        assert "✗" in styles and "#" not in styles["✗"]
        assert any("dim" in style for text, style in styles.items() if "overrun" in text)
        assert any(text == "−" and "#D55E00" in style for text, style in styles.items())
