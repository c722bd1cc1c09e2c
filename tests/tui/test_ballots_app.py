"""The class vote in the app: the class's split and median weights, and a student's own
weights written to their ballot, never to the debate."""

from __future__ import annotations

import shutil
from pathlib import Path

from test_background import until
from textual.widgets import OptionList, Static
from tui_helpers import DATA, open_energy

from argmap.ballots.format import load_ballot_file
from argmap.load import load_file
from argmap.tui import make_app
from argmap.tui.screens.class_vote import ClassVoteScreen


def _class(tmp_path: Path) -> tuple[Path, Path]:
    debates = tmp_path / "debates"
    shutil.copytree(DATA, debates)
    votes = tmp_path / "ballots" / "energy"
    votes.mkdir(parents=True)
    (votes / "ana.yaml").write_text("debate: energy\nby: Ana\nweights: {cost: 1}\n")
    (votes / "ben.yaml").write_text("debate: energy\nby: Ben\nweights: {cost: 2}\n")
    return debates, tmp_path / "ballots"


def _text(screen: ClassVoteScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_weights_set_in_the_app_move_the_class_verdict_and_leave_the_debate_alone(
    tmp_path: Path,
) -> None:
    debates, ballots = _class(tmp_path)
    debate = debates / "energy.yaml"
    before = debate.read_bytes()
    app = make_app([debates])  # ballots/ beside the debates' folder is found
    async with app.run_test(size=(80, 24)) as pilot:
        await open_energy(pilot)
        await pilot.press("v")
        await until(pilot, lambda: isinstance(app.screen, ClassVoteScreen))
        screen = app.screen
        assert isinstance(screen, ClassVoteScreen)
        assert "2 ballots" in _text(screen, "#vote-title")
        author = _text(screen, "#vote-verdict")
        await pilot.press("m")
        median = _text(screen, "#vote-verdict")
        assert "class's median weights" in median and median != author
        # Weigh the highlighted claim: the name is asked once.
        options = screen.query_one(OptionList)
        first = options.get_option_at_index(options.highlighted or 0).id
        await pilot.press("w")
        await pilot.press(*"Zoë", "enter")
        await pilot.press("5")
        own = ballots / "energy" / "zoe.yaml"
        await until(pilot, own.exists)
        await pilot.press("j", "w", "1")
        second = options.get_option_at_index(options.highlighted or 0).id
        graph = load_file(debate).graph

        def written() -> bool:
            loaded = load_ballot_file(own, graph)
            return loaded.ballot is not None and len(loaded.ballot.weights) == 2

        await until(pilot, written)
        loaded = load_ballot_file(own, graph)
        assert loaded.ok and loaded.name == "Zoë"
        assert loaded.ballot is not None and loaded.ballot.weights == {first: 5, second: 1}
        await until(pilot, lambda: "3 ballots" in _text(screen, "#vote-title"))
        assert debate.read_bytes() == before
        assert "y1" in str(options.get_option_at_index(options.highlighted or 0).prompt)


async def test_read_only_never_writes_a_ballot(tmp_path: Path) -> None:
    debates, ballots = _class(tmp_path)
    app = make_app([debates], read_only=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_energy(pilot)
        await pilot.press("v")
        await until(pilot, lambda: isinstance(app.screen, ClassVoteScreen))
        await pilot.press("w", "5")
        await pilot.app.workers.wait_for_complete()
        assert not app.screen.query("#ballot-name")  # no name asked
    assert sorted(p.name for p in (ballots / "energy").iterdir()) == ["ana.yaml", "ben.yaml"]


async def test_no_ballots_yet_says_so(tmp_path: Path) -> None:
    debates = tmp_path / "debates"
    shutil.copytree(DATA, debates)
    app = make_app([debates], ballots=tmp_path / "nowhere")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_energy(pilot)
        await pilot.press("v")
        await until(pilot, lambda: isinstance(app.screen, ClassVoteScreen))
        assert "No ballots yet" in _text(app.screen, "#vote-split")  # type: ignore[arg-type]
