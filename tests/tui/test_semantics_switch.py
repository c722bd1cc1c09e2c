"""The palette's semantics switch: the numbers on every surface follow the chosen
semantics, and the screen says which one is in use."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import Static
from tui_helpers import SIZE, detail_follows, ready, until

from argmap.gradual import solve
from argmap.graph import ArgumentGraph
from argmap.strength import QBAF
from argmap.tui import ArgmapApp, make_app
from argmap.tui.screens.debates import DebateTable
from argmap.tui.screens.map import MapScreen
from argmap.tui.semantics_palette import choices
from argmap.tui.widgets.claim_tree import ClaimTree


def strengths(graph: ArgumentGraph, semantics: str) -> dict[str, float]:
    """Every claim's strength under `semantics`, from the solver itself."""
    qbaf = QBAF.build(graph)
    sigma, _ = solve(qbaf, semantics)
    return {claim_id: sigma[qbaf.index[claim_id]] for claim_id in qbaf.ids}


def text_of(app: ArgmapApp, selector: str) -> str:
    return " ".join(str(app.screen.query_one(selector, Static).render()).split())


def energy_row(app: ArgmapApp) -> str:
    table = app.screen.query_one(DebateTable)
    return " ".join(str(c) for c in table.get_row_at(1))


async def pick(pilot, words: str, title: str) -> None:  # type: ignore[no-untyped-def]
    """Open the palette, type `words`, and choose the hit titled `title`."""
    app = pilot.app
    await pilot.press("ctrl+p")
    await until(pilot, lambda: isinstance(app.screen, CommandPalette), "the command palette")
    await pilot.press(*words)
    palette = app.screen

    def highlighted() -> str:
        options = palette.query_one("CommandList")
        index = options.highlighted
        return "" if index is None else str(options.get_option_at_index(index).prompt)

    await until(pilot, lambda: highlighted().startswith(title), f"'{title}' in the palette")
    await pilot.press("enter")
    await until(pilot, lambda: not isinstance(app.screen, CommandPalette), "the palette to close")


async def test_choosing_a_semantics_changes_every_number_on_screen(app: ArgmapApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert app.library is not None
        entry = next(e for e in app.library.entries if e.debate_id == "energy")
        graph = entry.graph
        quadratic, df_quad = strengths(graph, "quadratic-energy"), strengths(graph, "df-quad")
        # The fixture is one where the two differ, in the motion and in 'cost'.
        assert f"{quadratic['motion']:.2f}" != f"{df_quad['motion']:.2f}"
        assert f"{quadratic['cost']:.2f}" != f"{df_quad['cost']:.2f}"
        assert f"{quadratic['motion']:.2f}" in energy_row(app)
        assert "weighed by quadratic energy" in text_of(app, "#debates-title")

        await pick(pilot, "df-quad", "Weigh by DF-QuAD")
        await until(pilot, lambda: f"{df_quad['motion']:.2f}" in energy_row(app), "the list")
        assert "weighed by DF-QuAD" in text_of(app, "#debates-title")
        marked = [title for title, _, _ in choices(app.library) if "(in use)" in title]
        assert marked == ["Weigh by DF-QuAD (in use)"]
        await pilot.press("down")
        await until(
            pilot,
            lambda: f"({df_quad['motion']:.2f})" in text_of(app, "#debate-info"),
            "the verdict line under the list",
        )

        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, MapScreen), "the map")
        await detail_follows(pilot)
        assert "DF-QuAD" in text_of(app, "#map-title")
        tree = app.screen.query_one(ClaimTree)
        assert f"{df_quad['motion']:.2f}" in str(tree.root.label)
        assert f"{df_quad['cost']:.2f}" in str(tree.root.children[0].label)
        assert f"({df_quad['motion']:.2f})" in text_of(app, "#claim-text")

        # Chosen from the map: the rows and the detail panel follow at once.
        max_based = strengths(graph, "max-based")
        await pick(pilot, "max", "Weigh by max-based")
        await until(
            pilot,
            lambda: f"{max_based['cost']:.2f}" in str(tree.root.children[0].label),
            "the map's rows",
        )
        await detail_follows(pilot)
        assert f"({max_based['motion']:.2f})" in text_of(app, "#claim-text")
        assert "max-based" in text_of(app, "#map-title")


async def test_a_files_semantics_is_where_the_app_starts(debates: Path) -> None:
    energy = debates / "energy.yaml"
    text = energy.read_text(encoding="utf-8")
    energy.write_text("semantics: max-based\n" + text, encoding="utf-8")
    app = make_app([debates])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert app.library is not None
        graph = next(e for e in app.library.entries if e.debate_id == "energy").graph
        max_based = strengths(graph, "max-based")
        assert f"{max_based['motion']:.2f}" in energy_row(app)
        # The other files use the default: the title says the files differ.
        assert "weighed by each file's own semantics" in text_of(app, "#debates-title")
        await pick(pilot, "quadratic", "Weigh by quadratic energy")
        quadratic = strengths(graph, "quadratic-energy")
        await until(pilot, lambda: f"{quadratic['motion']:.2f}" in energy_row(app), "the list")
        await pick(pilot, "own", "Weigh by each file's own semantics")
        await until(pilot, lambda: f"{max_based['motion']:.2f}" in energy_row(app), "the list")
