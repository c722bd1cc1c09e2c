"""The terminal app driven by keys, as a reader would use it."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console
from rich.text import Text
from textual.widgets import Input, OptionList, Static
from tui_helpers import SIZE, detail_follows, open_energy, ready

from argmap.tui import ArgmapApp, make_app
from argmap.tui.commands import COMMANDS
from argmap.tui.screens.debates import DebatesScreen, DebateTable
from argmap.tui.screens.diagnostics import DiagnosticsScreen
from argmap.tui.screens.help import HelpScreen
from argmap.tui.screens.map import MapScreen
from argmap.tui.widgets.claim_tree import ClaimTree


def map_screen(app: ArgmapApp) -> MapScreen:
    assert isinstance(app.screen, MapScreen), app.screen
    return app.screen


def cursor(app: ArgmapApp) -> str | None:
    return map_screen(app).cursor_claim


def static_text(app: ArgmapApp, selector: str) -> str:
    renderable = app.screen.query_one(selector, Static).render()
    return str(renderable)


async def goto(pilot, claim: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("g")
    await pilot.pause()
    pilot.app.screen.query_one(Input).value = claim
    await pilot.press("enter")
    await pilot.pause()


async def test_list_shows_every_debate_and_flags_the_broken_file(app: ArgmapApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        table = app.screen.query_one(DebateTable)
        assert table.row_count == 3
        rows = [" ".join(str(c) for c in table.get_row_at(i)) for i in range(3)]
        assert "✗ 2 errors" in rows[0] and "broken.yaml" in rows[0]
        assert "Shared research reactors" in rows[1] and "✓ valid" in rows[1]
        # Standing balance: both pro claims stand, neither con claim does.
        assert "2/2" in rows[1] and "0/2" in rows[1]


async def test_diagnostics_of_a_broken_file_are_one_key_away(app: ArgmapApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DiagnosticsScreen)
        listing = static_text(app, "#diagnostics-list")
        assert "broken.yaml:7:13: error: weight must be" in listing
        assert "broken.yaml:10:5: error: unknown key 'txt'" in listing
        await pilot.press("escape")
        assert isinstance(app.screen, DebatesScreen)


async def test_enter_on_a_broken_file_shows_its_errors_instead_of_crashing(app: ArgmapApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DiagnosticsScreen)


async def test_open_and_navigate_with_arrows_and_vim_keys(app: ArgmapApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        assert cursor(app) == "motion"
        await pilot.press("j")
        assert cursor(app) == "cost"
        await pilot.press("l")  # expand
        await pilot.press("l")  # into the first child
        await pilot.pause()
        assert cursor(app) == "overruns"
        assert "◆ motion › + cost › − overruns" in static_text(app, "#breadcrumb")
        await pilot.press("down")
        assert cursor(app) == "telescopes"
        await pilot.press("h")  # a leaf: up to the claim it answers
        assert cursor(app) == "cost"
        await pilot.press("h")  # collapse
        await pilot.press("k")
        assert cursor(app) == "motion"
        await pilot.press("escape")
        assert isinstance(app.screen, DebatesScreen)


async def test_detail_shows_status_reason_sources_tags_and_note(app: ArgmapApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_energy(pilot)
        await pilot.press("j")
        await detail_follows(pilot)  # the panel follows once the cursor rests
        detail = static_text(app, "#claim-text")
        assert "PRO" in detail and "cost" in detail
        assert "standing" in detail and "overruns" in detail
        assert "Joint Facilities Report https://example.org/report" in detail
        assert "Tags: money" in detail
        assert "Several countries already split the cost" in detail


async def test_claim_text_with_brackets_shows_as_written(app: ArgmapApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_energy(pilot)
        tree = app.screen.query_one(ClaimTree)
        labels = [str(child.label) for child in tree.root.children]
        assert any("[1AC]" in label for label in labels)
        assert any("[/x]" in label for label in labels)
        await goto(pilot, "overruns")
        assert "[citation needed]" in static_text(app, "#claim-text")
        await goto(pilot, "telescopes")
        assert "Treasury memo [draft]" in static_text(app, "#claim-text")


async def test_follow_a_cross_link_then_back_and_forward(app: ArgmapApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await goto(pilot, "charter")
        assert cursor(app) == "charter"
        await pilot.press("l", "l")  # expand, then onto the "↪ also rebuts delay" leaf
        await pilot.pause()
        tree = app.screen.query_one(ClaimTree)
        assert tree.cursor_is_link
        assert "↪ also rebuts" in str(tree.cursor_node.label)  # type: ignore[union-attr]
        await pilot.press("enter")
        await pilot.pause()
        assert cursor(app) == "delay"
        assert not tree.cursor_is_link
        await pilot.press("left_square_bracket")
        await pilot.pause()
        # Back on the link leaf that was followed, not on the row above it.
        assert tree.cursor_is_link
        assert tree.cursor_node is not None and tree.cursor_node.parent is not None
        assert tree.cursor_node.parent.data == "charter"
        assert "↪ also rebuts" in str(tree.cursor_node.label)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert cursor(app) == "delay"


async def test_links_pane_follows_a_see_link_into_another_debate(app: ArgmapApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_energy(pilot)
        await goto(pilot, "skills")
        links = app.screen.query_one("#links", OptionList)
        prompts = [str(links.get_option_at_index(i).prompt) for i in range(links.option_count)]
        assert any("see" in p and "transport:rail-pool" in p for p in prompts)
        await pilot.press("tab")
        assert app.focused is links
        # Walk to the `see` link and follow it.
        for _ in range(links.option_count):
            option = links.get_option_at_index(links.highlighted or 0)
            if option.id and option.id.endswith("transport\trail-pool"):
                break
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        screen = map_screen(app)
        assert screen.entry is not None and screen.entry.debate_id == "transport"
        assert cursor(app) == "rail-pool"
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert map_screen(app).entry.debate_id == "energy"  # type: ignore[union-attr]
        assert cursor(app) == "skills"


async def test_search_finds_claims_in_every_debate_as_you_type(app: ArgmapApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("slash")
        await pilot.press(*"duplicate")
        await pilot.pause()
        results = app.screen.query_one("#results", OptionList)
        assert results.option_count >= 1
        assert "transport:rail-pool" in str(results.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert map_screen(app).entry.debate_id == "transport"  # type: ignore[union-attr]
        assert cursor(app) == "rail-pool"


async def test_fuzzy_search_matches_letters_in_order(app: ArgmapApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await pilot.press("slash", *"ovrrns")
        await pilot.pause()
        results = app.screen.query_one("#results", OptionList)
        assert "energy:overruns" in str(results.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert cursor(app) == "overruns"


async def test_filter_by_side_then_escape_shows_everything(app: ArgmapApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await pilot.press("f")
        await pilot.pause()
        choices = app.screen.query_one(OptionList)
        while "side: con" not in str(choices.get_option_at_index(choices.highlighted or 0).prompt):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        tree = app.screen.query_one(ClaimTree)
        assert tree.shown is not None
        assert tree.shown.matches == {"control", "delay", "overruns", "template-unused"}
        assert "Filter: side con (4 matches)" in static_text(app, "#map-status")
        top = [child.data for child in tree.root.children]
        assert top == ["cost", "control", "delay"]  # cost only leads to a con rebuttal
        await pilot.press("escape")
        await pilot.pause()
        assert tree.shown is None
        assert isinstance(app.screen, MapScreen)


async def test_filter_by_status_tag_and_kind(app: ArgmapApp) -> None:
    from argmap.semantics import Label
    from argmap.tui.model import ClaimFilter

    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        screen = map_screen(app)
        screen.claim_filter = ClaimFilter(status=Label.UNDECIDED)
        screen._rebuild(None)
        assert screen.claim_tree.shown is not None
        assert screen.claim_tree.shown.matches == {
            "fast-track",
            "template-unused",
            "fast-track-again",
        }
        screen.claim_filter = ClaimFilter(tag="money")
        screen._rebuild(None)
        assert screen.claim_tree.shown.matches == {"cost"}
        screen.claim_filter = ClaimFilter(kind="evidence")
        screen._rebuild(None)
        assert screen.claim_tree.shown.matches == {"audits", "telescopes"}


async def test_focus_on_a_branch_and_back(app: ArgmapApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await pilot.press("j", "z")
        await pilot.pause()
        tree = app.screen.query_one(ClaimTree)
        assert tree.root_id == "cost"
        assert cursor(app) == "cost"
        assert "Focus: branch of cost" in static_text(app, "#map-status")
        assert "Sharing the cost" in str(tree.root.label)
        await pilot.press("z")
        await pilot.pause()
        assert tree.root_id == "motion"
        assert cursor(app) == "cost"


async def test_goto_by_id_and_an_unknown_id_keeps_the_dialog_open(app: ArgmapApp) -> None:
    from argmap.tui.screens.goto import GotoScreen

    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await goto(pilot, "audits")
        assert cursor(app) == "audits"
        assert "◆ motion › + cost › − overruns › + audits" in static_text(app, "#breadcrumb")
        await goto(pilot, "audit")
        # Still open, with the close ids only; the next keys are typed into the box.
        assert isinstance(app.screen, GotoScreen)
        hint = static_text(app, "#goto-hint")
        assert hint == "No claim 'audit' in energy. Close ids: audits."
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, GotoScreen)
        assert app.screen.query_one(Input).value == "audits"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MapScreen) and cursor(app) == "audits"
        await goto(pilot, "zzz-nothing")
        assert "No id is close to it." in static_text(app, "#goto-hint")
        await goto(pilot, "transport:standards")
        assert cursor(app) == "standards"


async def test_export_with_defaults_writes_a_file(
    app: ArgmapApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argmap.export import dot_available

    monkeypatch.chdir(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        suffix = "svg" if dot_available() else "dot"
        written = Path("exports") / f"energy.{suffix}"
        assert (tmp_path / written).is_file()
        assert any(str(written) in m for m in app.notice_log)


async def test_help_lists_every_key(app: ArgmapApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=200, record=True)
        console.print(app.screen.query_one("#help-keys", Static).content)
        keys = console.export_text()
        for command in COMMANDS:
            assert command.help in keys
            assert command.keys_shown in keys
        await pilot.press("escape")
        assert isinstance(app.screen, DebatesScreen)


async def test_palette_offers_the_map_commands(app: ArgmapApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for word in ("Filter", "Focus", "Go to id", "Export", "Search", "Help", "Quit"):
            assert any(t.startswith(word) for t in titles), word
        # Nothing to go back to yet: the history command is not offered.
        assert not any(t.startswith("Previous place") for t in titles)


async def test_theme_switches_between_light_and_dark(app: ArgmapApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        dark = app.current_theme.dark
        await pilot.press("t")
        assert app.current_theme.dark is not dark


async def test_q_quits_with_status_zero(app: ArgmapApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_value == 0


async def test_reload_keeps_the_cursor_on_the_same_claim(debates: Path) -> None:
    app = make_app([debates])
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await goto(pilot, "audits")
        path = debates / "energy.yaml"
        path.write_text(
            path.read_text().replace("Shared audits keep", "Independent audits keep"),
            encoding="utf-8",
        )
        app.reload_path(path)
        await pilot.pause()
        assert cursor(app) == "audits"
        assert "Independent audits keep" in static_text(app, "#claim-text")
        # A reload that breaks the file keeps the last good version on screen, flagged.
        path.write_text("title: [unclosed\n", encoding="utf-8")
        app.reload_path(path)
        await pilot.pause()
        assert isinstance(app.screen, MapScreen)
        assert cursor(app) == "audits"
        assert "Independent audits keep" in static_text(app, "#claim-text")
        assert "1 error on disk; showing the last good version" in static_text(app, "#map-status")
        await pilot.press("escape")
        await pilot.pause()
        table = app.screen.query_one(DebateTable)
        assert "error" in str(table.get_row_at(1)[0]) and "on disk" in str(table.get_row_at(1)[0])


async def test_a_missing_path_is_listed_not_fatal(tmp_path: Path) -> None:
    app = make_app([tmp_path / "nope.yaml"])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        table = app.screen.query_one(DebateTable)
        assert table.row_count == 1
        assert "error" in str(table.get_row_at(0)[0])


def test_cli_open_reports_a_missing_path(capsys: pytest.CaptureFixture[str]) -> None:
    from argmap.cli import main

    assert main(["open", "no-such-folder"]) == 1
    assert "no such file or folder: no-such-folder" in capsys.readouterr().err


def test_default_command_opens_the_default_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    from argmap.cli import main, tui

    opened: list[list[Path]] = []
    monkeypatch.setattr(tui, "open_app", lambda paths, **_: opened.append(list(paths)) or 0)
    assert main([]) == 0
    assert main(["open"]) == 0
    assert opened[0] == opened[1] and len(opened[0]) == 1


def test_status_text_is_never_markup() -> None:
    # Text objects, not strings: the bracketed words cannot be swallowed as markup.
    from argmap.tui.widgets.labels import shorten

    assert isinstance(Text(shorten("[b]x[/b]", 20)), Text)
    assert str(Text(shorten("[b]x[/b]", 20))) == "[b]x[/b]"


async def test_a_long_path_is_shortened_in_a_narrow_terminal(app: ArgmapApp) -> None:
    async with app.run_test(size=(40, 24)) as pilot:
        await open_energy(pilot)
        await goto(pilot, "fast-track-again")
        crumb = static_text(app, "#breadcrumb")
        assert crumb.startswith("◆ motion › … ›") and crumb.endswith("fast-track-again")


async def test_export_dialog_choices_by_arrow_keys_then_enter(
    app: ArgmapApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argmap.export import dot_available
    from argmap.tui.widgets.choice import ChoiceButton

    if not dot_available():
        pytest.skip("PDF needs the dot program")
    monkeypatch.chdir(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await pilot.press("x")
        await pilot.pause()
        # The focus starts on the formats, as the hint "←→ choose" says.
        await pilot.press("right", "right")  # svg -> png -> pdf
        await pilot.pause()
        marks = {str(b.label): b.BUTTON_INNER for b in app.screen.query(ChoiceButton)}
        assert marks["pdf"] == "●" and marks["svg"] == "○" and marks["png"] == "○"
        # The themes and directions of `argmap export` are all offered.
        assert {"light", "dark", "print", "slides", "TB", "LR", "auto"} <= set(marks)
        app.screen.query_one("#direction").focus()
        await pilot.press("left")  # auto (the default) -> LR
        await pilot.pause()
        assert app.screen.options().rankdir == "LR"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert (tmp_path / "exports" / "energy.pdf").is_file()


async def test_strength_shows_in_the_list_the_map_and_the_detail(app: ArgmapApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        library = app.library
        assert library is not None
        entry = next(e for e in library.entries if e.debate_id == "energy")
        motion = entry.weighing.motion_strength
        table = app.screen.query_one(DebateTable)
        row = " ".join(str(c) for c in table.get_row_at(1))
        assert "│" in row and f"{motion:.2f}" in row
        await pilot.press("down")
        await pilot.pause()
        info = static_text(app, "#debate-info")
        # The verdict with its robustness comes first; no grounded label of the motion.
        verdict = entry.verdict().line(entry.graph)
        assert " ".join(info.split()).index(" ".join(verdict.split())) < info.index("Motion:")
        assert "motion is defeated" not in info and "By labels alone" not in info
        await pilot.press("enter")
        await detail_follows(pilot)
        detail = " ".join(static_text(app, "#claim-text").split())
        headline = detail.index(" ".join(verdict.split()))
        assert headline < detail.index("Raised most by") < detail.index("Strict reading")
        tree = app.screen.query_one(ClaimTree)
        first = str(tree.root.children[0].label)
        assert f"{entry.strength('cost'):.2f}" in first and "Sharing the cost" in first
        await pilot.press("j")
        await detail_follows(pilot)
        detail = static_text(app, "#claim-text")
        assert f"Strength {entry.strength('cost'):.2f}" in detail
        # Claims are named by their text, not their ids.
        assert "lowered most by 'Joint projects overrun their…'" in detail
        assert "raised most by 'Telescopes are already built this…'" in detail


async def test_o_lists_answers_strongest_first_and_back(app: ArgmapApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_energy(pilot)
        tree = app.screen.query_one(ClaimTree)
        entry = map_screen(app).entry
        assert entry is not None
        await goto(pilot, "cost")
        await pilot.press("l")
        await pilot.pause()

        def under_cost() -> list[str]:
            cost = next(c for c in tree.root.children if c.data == "cost")
            return [str(child.data) for child in cost.children]

        # In the file the rebuttal 'overruns' (0.40) comes before the support 'telescopes'.
        assert under_cost() == ["overruns", "telescopes"]
        assert entry.strength("telescopes") > entry.strength("overruns")
        await pilot.press("o")
        await pilot.pause()
        assert under_cost() == ["telescopes", "overruns"]  # still open, strongest first
        assert cursor(app) == "cost"
        await pilot.press("o")
        await pilot.pause()
        assert under_cost() == ["overruns", "telescopes"]


def test_a_row_shows_strength_and_a_cut_link() -> None:
    from argmap.load import load_text
    from argmap.semantics import Label
    from argmap.tui.widgets.labels import claim_row

    graph = load_text(
        "title: T\nmotion: M.\ncon:\n  - id: stat\n    text: Papers [1] are cited more.\n"
        "    rebuttals:\n      - {id: cut, text: Not causal., undercut: true}\n",
        "t.yaml",
    ).graph
    row = claim_row(graph.nodes["stat"], Label.STANDING, strength=0.5, cut=True)
    # Strength first, then the strict label.
    assert row.plain == "− ▅0.50 ✓ ✂ Papers [1] are cited more."
    assert claim_row(graph.nodes["stat"], Label.STANDING).plain == "− ✓ Papers [1] are cited more."
