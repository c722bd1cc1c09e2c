"""The class's vote where a reader looks first: the split in the debates list and the
spread of the class's weights on a claim in the map's detail panel."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Static
from tui_helpers import detail_follows, ready, until

from argmap.tui import make_app
from argmap.tui.screens.map import MapScreen

THREE = Path(__file__).parent.parent / "data" / "ballots" / "three.yaml"
# Hand-computed in test_ballots: Ana leans pro, Ben leans con, Cy is balanced; on claim
# `a` they weigh 5, 1 and the author's 4.
BALLOTS = {
    "ana": "debate: three\nby: Ana\nweights: {a: 5, b: 1}\n",
    "ben": "debate: three\nby: Ben\nweights: {a: 1, b: 5, c: 1}\n",
    "cy": "debate: three\nby: Cy\nweights: {}\n",
}


def _class(tmp_path: Path, names: tuple[str, ...] = ("ana", "ben", "cy")) -> tuple[Path, Path]:
    debates = tmp_path / "debates"
    debates.mkdir()
    shutil.copy(THREE, debates / "three.yaml")
    votes = tmp_path / "ballots" / "three"
    votes.mkdir(parents=True)
    for name in names:
        (votes / f"{name}.yaml").write_text(BALLOTS[name])
    return debates, tmp_path / "ballots"


def _row(table: DataTable[object]) -> list[str]:
    return [str(cell) for cell in table.get_row_at(0)]


async def test_the_debates_list_shows_the_class_split(tmp_path: Path) -> None:
    debates, _ = _class(tmp_path)
    app = make_app([debates])
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        table = app.screen.query_one(DataTable)
        await until(pilot, lambda: "1·1·1" in _row(table), "the class's split in the row")
        assert "Class" in [str(c.label) for c in table.columns.values()]
        info = str(app.screen.query_one("#debate-info", Static).render())
        assert "Class vote, 3 ballots" in info
        assert "1 lean pro, 1 balanced, 1 lean con" in info


async def test_without_ballots_the_list_has_no_class_column(tmp_path: Path) -> None:
    debates, _ = _class(tmp_path, names=())
    app = make_app([debates])
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 1
        assert "Class" not in [str(c.label) for c in table.columns.values()]
        info = str(app.screen.query_one("#debate-info", Static).render())
        assert "Class vote" not in info


def _class_panel(app: object) -> str:
    screen = app.screen  # type: ignore[attr-defined]
    return str(screen.query_one("#claim-class", Static).render())


async def _on_claim_a(pilot: Pilot[int]) -> None:
    """Open the map and show claim `a` in the detail panel."""
    await ready(pilot)
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, MapScreen), "the map")
    pilot.app.go_to(("three", "a"))  # type: ignore[attr-defined]
    await detail_follows(pilot)


async def test_the_detail_panel_shows_the_spread_of_the_class_weights(tmp_path: Path) -> None:
    debates, ballots = _class(tmp_path)
    app = make_app([debates])
    async with app.run_test(size=(80, 24)) as pilot:
        await _on_claim_a(pilot)
        await until(pilot, lambda: "3 ballots" in _class_panel(app), "the class's weights")
        lines = _class_panel(app).splitlines()
        # Weights 5, 1 and the author's 4: one ballot each at 1, 4 and 5.
        assert [line.split()[-1] for line in lines[1:]] == ["1", "0", "0", "1", "1"]
        assert lines[1].startswith("1 █") and lines[2].split() == ["2", "0"]

        # A new ballot shows once the cursor comes back: the tally is made again.
        (ballots / "three" / "dee.yaml").write_text("debate: three\nweights: {a: 1}\n")
        app.go_to(("three", "b"))
        await detail_follows(pilot)
        app.go_to(("three", "a"))
        await detail_follows(pilot)
        await until(pilot, lambda: "4 ballots" in _class_panel(app), "the new ballot counted")
        lines = _class_panel(app).splitlines()
        assert [line.split()[-1] for line in lines[1:]] == ["2", "0", "0", "1", "1"]


async def test_without_ballots_the_detail_panel_has_no_histogram(tmp_path: Path) -> None:
    debates, _ = _class(tmp_path, names=())
    app = make_app([debates])
    async with app.run_test(size=(80, 24)) as pilot:
        await _on_claim_a(pilot)
        await app.workers.wait_for_complete()
        assert _class_panel(app).strip() == ""
