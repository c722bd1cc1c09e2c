"""Fixtures for the terminal app's tests: a fixed terminal, quiet animations, no user state."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tui_helpers import DATA, SIZE

from argmap.tui import ArgmapApp, make_app


@pytest.fixture(autouse=True)
def quiet_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Same terminal everywhere, no animation, and exports land in a temporary folder."""
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    monkeypatch.setenv("COLUMNS", str(SIZE[0]))
    monkeypatch.setenv("LINES", str(SIZE[1]))
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.chdir(tmp_path)
    # No folder watching unless a test asks for it: a test's own writes stay its own.
    monkeypatch.setattr(ArgmapApp, "WATCH_INTERVAL", 0)


@pytest.fixture
def debates(tmp_path: Path) -> Path:
    """A private copy of the fixture debates (tests may edit it)."""
    folder = tmp_path / "debates"
    shutil.copytree(DATA, folder)
    return folder


@pytest.fixture
def app(debates: Path) -> ArgmapApp:
    return make_app([debates])
