"""The app's export dialog holds the slides theme's 18 pt rule as `argmap export` does."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import ARGUMENTS
from textual.widgets import RadioButton, RadioSet
from tui_helpers import SIZE, ready, until

from argmap.tui import make_app
from argmap.tui.screens.export import ExportScreen
from argmap.tui.screens.map import MapScreen


async def test_a_debate_too_big_for_one_slide_image_is_not_written_squeezed(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "debates"
    folder.mkdir()
    shutil.copy(ARGUMENTS / "brain-drain.yaml", folder)
    app = make_app([folder])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, MapScreen))
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, ExportScreen))
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        themes = dialog.query_one("#theme", RadioSet)
        next(b for b in themes.query(RadioButton) if b.name == "slides").value = True
        await until(pilot, lambda: dialog.options().theme == "slides")
        target = dialog._target()
        assert target is not None
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, MapScreen))
        await app.workers.wait_for_complete()
        await until(pilot, lambda: any(n.title == "Not exported" for n in app._notifications))
        message = next(n.message for n in app._notifications if n.title == "Not exported")
        assert "Too big for one slide image at 18 pt" in message
        assert "--theme slides" in message and "brain-drain.yaml" in message
        assert not target.exists()  # nothing squeezed was written
