"""Export from the app: the CLI's defaults, and never a file replaced without asking."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from tui_helpers import SIZE, open_energy, until

from argmap.cli import build_parser
from argmap.tui import ArgmapApp
from argmap.tui.screens.export import ExportScreen
from argmap.tui.screens.map import MapScreen


async def test_the_dialog_starts_from_the_clis_defaults(app: ArgmapApp) -> None:
    cli = build_parser(["export"]).parse_args(["export"])
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, ExportScreen))
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        options = dialog.options()
        assert options.rankdir == cli.rankdir
        assert options.theme == cli.theme
        assert options.layout == cli.layout


@pytest.mark.parametrize("in_git", [False, True])
async def test_an_existing_export_is_replaced_only_after_a_second_enter(
    app: ArgmapApp, in_git: bool, tmp_path: Path
) -> None:
    if in_git and shutil.which("git") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("git is missing")
        pytest.skip("needs git")
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, ExportScreen))
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        target = dialog._target()
        assert target is not None
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"mine")
        if in_git:
            subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
            subprocess.run(["git", "add", str(target)], cwd=tmp_path, check=True)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        assert app.screen is dialog  # still asking
        assert target.read_bytes() == b"mine"
        shown = str(dialog.query_one("#export-target").render())
        assert "exists" in shown and "Enter again replaces it" in shown
        assert ("git" in shown) is in_git
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, MapScreen))
        await app.workers.wait_for_complete()
        assert target.read_bytes() != b"mine"
