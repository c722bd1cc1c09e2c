"""The app answers keys while debates load and edits are written, both on worker threads."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Static
from tui_helpers import SIZE, DiskLooks, settled, until

import argmap.tui.app as app_module
import argmap.tui.model as model_module
from argmap.load import LoadCancelled
from argmap.tui import ArgmapApp, make_app
from argmap.tui.model import DebateEntry, prepare_entry
from argmap.tui.screens.add_claim import AddClaimScreen
from argmap.tui.screens.debates import DebatesScreen
from argmap.tui.screens.diagnostics import DiagnosticsScreen
from argmap.tui.screens.map import MapScreen

sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
from generate import generate_debate_yaml


def rows(app: ArgmapApp) -> list[str]:
    """The list's rows as text, cells joined by '|'."""
    table = app.screen.query_one(DataTable)
    return ["|".join(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]


def title(app: ArgmapApp) -> str:
    return str(app.screen.query_one("#debates-title", Static).render())


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Loading energy.yaml waits until the event is set (the others load at once)."""
    release = threading.Event()

    def prepare(path: Path, stop: Callable[[], bool] | None = None) -> DebateEntry:
        if path.name == "energy.yaml":
            release.wait(30)
        return prepare_entry(path, stop)

    monkeypatch.setattr(app_module, "prepare_entry", prepare)
    yield release
    release.set()  # never leave a worker thread waiting


async def test_the_list_shows_and_answers_keys_while_a_debate_loads(
    app: ArgmapApp, held: threading.Event
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        # energy.yaml, the biggest, is read last: the two others come in first.
        await until(
            pilot, lambda: "Shared rail research" in " ".join(rows(app)), "transport.yaml's row"
        )
        listed = rows(app)
        # A row per file at once: energy.yaml says it is loading, the others are filled in.
        energy_row = next(r for r in listed if "energy.yaml" in r)
        assert energy_row.startswith("… loading")
        assert any("Shared rail research" in r for r in listed)
        assert "loading: 2 of 3 ready" in title(app)
        # Keys work meanwhile: the cursor moves, and Enter on the loading row says so.
        table = app.screen.query_one(DataTable)
        index = listed.index(energy_row)
        await pilot.press(*(["down"] * index))
        assert table.cursor_row == index
        await pilot.press("enter")
        await pilot.pause()
        assert any("energy.yaml is still loading" in m for m in app.notice_log)
        assert isinstance(app.screen, DebatesScreen)
        # Once it is read, its row fills in, the progress goes, and the map opens as asked.
        held.set()
        await until(
            pilot,
            lambda: isinstance(app.screen, MapScreen) and app.screen.entry is not None,
            "energy.yaml's map",
        )
        assert isinstance(app.screen, MapScreen) and app.screen.entry is not None
        assert app.screen.entry.path.name == "energy.yaml"
        await pilot.press("escape")
        await pilot.pause()
        assert any("Shared research reactors" in r for r in rows(app))
        assert not any("loading" in r for r in rows(app))
        assert title(app) == "argmap · debates  ·  weighed by quadratic energy"


async def test_moving_off_a_loading_row_cancels_opening_it(
    app: ArgmapApp, held: threading.Event
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await until(
            pilot, lambda: "Shared rail research" in " ".join(rows(app)), "transport.yaml's row"
        )
        index = next(i for i, r in enumerate(rows(app)) if "energy.yaml" in r)
        await pilot.press(*(["down"] * index), "enter", "up")
        held.set()
        await settled(pilot)
        assert isinstance(app.screen, DebatesScreen)


async def test_a_file_whose_loading_fails_shows_an_error_row(
    app: ArgmapApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    def prepare(path: Path, stop: Callable[[], bool] | None = None) -> DebateEntry:
        if path.name == "transport.yaml":
            raise MemoryError("out of memory")
        return prepare_entry(path, stop)

    monkeypatch.setattr(app_module, "prepare_entry", prepare)
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        listed = rows(app)
        assert len(listed) == 3 and not any("loading" in r for r in listed)
        failed = next(r for r in listed if "transport.yaml" in r)
        assert failed.startswith("✗ 1 error")
        assert any("Shared research reactors" in r for r in listed)  # the others load
        await pilot.press(*(["down"] * listed.index(failed)), "d")
        await pilot.pause()
        assert isinstance(app.screen, DiagnosticsScreen)
        shown = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "could not load the file: out of memory" in shown


async def test_a_broken_file_gets_its_error_row_while_others_load(
    app: ArgmapApp, held: threading.Event
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: any(r.startswith("✗") for r in rows(app)), "an error row")
        assert any("broken.yaml" in r and r.startswith("✗ 2 errors") for r in rows(app))
        held.set()


@pytest.fixture
def big(tmp_path: Path) -> Path:
    path = tmp_path / "big" / "big.yaml"
    path.parent.mkdir()
    path.write_text(generate_debate_yaml(2000, seed=1), encoding="utf-8")
    return path


@pytest.fixture
def threads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, threading.Thread]]:
    """Which thread writes files and loads them, from here on."""
    seen: list[tuple[str, threading.Thread]] = []
    save, prepare = app_module.save, app_module.prepare_entry

    def recorded_save(*args: object, **kwargs: object) -> object:
        seen.append(("save", threading.current_thread()))
        return save(*args, **kwargs)  # type: ignore[arg-type]

    def recorded_prepare(path: Path, stop: Callable[[], bool] | None = None) -> DebateEntry:
        seen.append(("load", threading.current_thread()))
        return prepare(path, stop)

    monkeypatch.setattr(app_module, "save", recorded_save)
    monkeypatch.setattr(app_module, "prepare_entry", recorded_prepare)
    return seen


async def test_an_edit_of_a_big_debate_is_written_and_loaded_on_a_worker(
    big: Path, threads: list[tuple[str, threading.Thread]]
) -> None:
    app = make_app([big])
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MapScreen)
        await pilot.press("j", "a")  # a rebuttal of the first claim
        await pilot.pause()
        assert isinstance(app.screen, AddClaimScreen)
        threads.clear()
        app.screen.query_one("#text").value = "Nobody checked this."  # type: ignore[attr-defined]
        app.screen.query_one("#new-id").value = "unchecked"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settled(pilot)
        assert isinstance(app.screen, MapScreen)
        assert app.screen.cursor_claim == "unchecked"
        assert [what for what, _ in threads] == ["save", "load"]
        assert all(thread is not threading.main_thread() for _, thread in threads)
        assert "Nobody checked this." in big.read_text(encoding="utf-8")
        # Undo and redo go through a worker too, and land on the claim again.
        threads.clear()
        await pilot.press("u")
        await settled(pilot)
        assert "Nobody checked this." not in big.read_text(encoding="utf-8")
        assert [what for what, _ in threads] == ["save", "load"]
        assert all(thread is not threading.main_thread() for _, thread in threads)
        await pilot.press("U")
        await settled(pilot)
        assert "Nobody checked this." in big.read_text(encoding="utf-8")
        assert app.screen.cursor_claim == "unchecked"


async def test_a_refused_edit_keeps_the_form_open_with_the_reason(debates: Path) -> None:
    app = make_app([debates / "energy.yaml"])
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("j", "a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, AddClaimScreen)
        form.query_one("#text").value = "Again."  # type: ignore[attr-defined]
        form.query_one("#new-id").value = "motion"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settled(pilot)
        assert app.screen is form
        error = str(form.query_one("#form-error", Static).render())
        assert error and "Saving" not in error


async def test_an_edit_written_on_a_worker_is_not_reported_as_a_change_on_disk(
    debates: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The edit's worker writes the file, then loads it; the load is held until the watch
    # has looked at the folder a few times, so the watch meets the written file while
    # the edit is still under way (the window the app must not report as a change).
    monkeypatch.setattr(ArgmapApp, "WATCH_INTERVAL", 0.02)
    looks = DiskLooks(monkeypatch)
    prepare = app_module.prepare_entry
    released = threading.Event()
    held: list[Path] = []

    def held_until_released(path: Path, stop: Callable[[], bool] | None = None) -> DebateEntry:
        held.append(path)
        released.wait(timeout=60)
        return prepare(path, stop)

    path = debates / "energy.yaml"
    app = make_app([path])
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await pilot.press("enter")
        await pilot.pause()
        monkeypatch.setattr(app_module, "prepare_entry", held_until_released)
        await pilot.press("j", "a")
        await pilot.pause()
        app.screen.query_one("#text").value = "Nobody checked this."  # type: ignore[attr-defined]
        await pilot.press("enter")
        await until(pilot, lambda: bool(held), "the edit's load to start")
        assert "Nobody checked this." in path.read_text(encoding="utf-8")
        await looks.wait(pilot)  # the watch meets the written file, the edit not yet done
        released.set()
        await settled(pilot)
        await looks.wait(pilot)
        await settled(pilot)
        assert held == [path]  # only the edit loaded the file: no reload for a change
        assert any("Added rebuttal" in m for m in app.notice_log)
        assert not any("Changed on disk" in m for m in app.notice_log)


def test_loading_stops_between_steps_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Quitting while a big debate loads waits for the step under way, not the whole file:
    # asked to stop once the file is read, loading neither labels nor weighs it.
    path = tmp_path / "big.yaml"
    path.write_text(generate_debate_yaml(300, seed=3), encoding="utf-8")
    steps: list[str] = []
    real_grounded = model_module.grounded

    def counted(graph: Any) -> Any:
        steps.append("labelled")
        return real_grounded(graph)

    monkeypatch.setattr(model_module, "grounded", counted)
    with pytest.raises(LoadCancelled):
        prepare_entry(path, stop=lambda: True)
    assert steps == []
    # Not asked to stop, the same file is labelled and weighed as usual.
    entry = prepare_entry(path, stop=lambda: False)
    assert steps == ["labelled"]
    assert entry.labelling is not None and entry.headline()
