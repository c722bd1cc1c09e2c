"""The class vote at 80x24: the highlighted claim's panel (text, weights, the histogram and
the key to weigh) fits its room, with nothing scrolled out of sight."""

from __future__ import annotations

from pathlib import Path

from test_background import until
from textual.widgets import Static
from tui_helpers import open_energy

from argmap.tui import make_app
from argmap.tui.screens.class_vote import ClassVoteScreen

LONG = (
    "Shared reactors spread the cost of building and running a research reactor over "
    "several countries, so each pays a fraction of what a national reactor would cost, "
    "and the savings go to instruments, staff and the beam time that small countries "
    "could never afford alone [citation needed]."
)


def _panel_fits(screen: ClassVoteScreen) -> bool:
    panel = screen.query_one("#vote-detail", Static)
    region = panel.content_region
    needed = panel.get_content_height(region.size, screen.size, region.width)
    return needed <= region.height


async def test_the_histogram_and_the_key_to_weigh_fit_at_80x24(tmp_path: Path) -> None:
    debates = tmp_path / "debates"
    debates.mkdir()
    (debates / "aa.yaml").write_text("title: A\nmotion: M.\npro:\n  - id: x\n    text: X.\n")
    (debates / "energy.yaml").write_text(
        "id: energy\ntitle: Shared research reactors\nmotion: Build reactors together.\n"
        f"pro:\n  - id: cost\n    text: {LONG}\n    weight: 4\n"
        "con:\n  - id: delay\n    text: Joint projects overrun their schedules.\n",
        encoding="utf-8",
    )
    votes = tmp_path / "ballots" / "energy"
    votes.mkdir(parents=True)
    for name, weight in (("ana", 1), ("ben", 5), ("cy", 5), ("di", 3)):
        (votes / f"{name}.yaml").write_text(
            f"debate: energy\nby: {name}\nweights: {{cost: {weight}}}\n", encoding="utf-8"
        )
    app = make_app([debates])
    async with app.run_test(size=(80, 24)) as pilot:
        await open_energy(pilot)
        await pilot.press("v")
        await until(pilot, lambda: isinstance(app.screen, ClassVoteScreen))
        screen = app.screen
        assert isinstance(screen, ClassVoteScreen)
        panel = screen.query_one("#vote-detail", Static)
        await until(pilot, lambda: "5 " in str(panel.render()))
        assert _panel_fits(screen)
        await pilot.press("w")
        await pilot.press(*"Zoë", "enter")
        await until(pilot, lambda: "Press 1 (weak) to 5 (strong)" in str(panel.render()))
        shown = str(panel.render())
        # Every weight's bar is there, the fifth (two ballots) the longest.
        assert [line.split()[0] for line in shown.splitlines()[-5:]] == list("12345")
        assert _panel_fits(screen)
