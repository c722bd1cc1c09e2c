"""Regenerate the class vote's screenshots in docs/img/ (SVG, from Textual's screenshot).

    python docs/class_vote_screenshots.py

Drives the app headless at 80x24 over a copy of `arguments/open-science-ip.yaml` and the
five ballots of `examples/ballots/`: a student opens the class vote (`v`), sets two
weights (`w`, their name, `1`; down; `w`, `5`), then switches to the class's median
weights (`m`). Saved: the author's view before, and the class's view after.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import OptionList

from argmap.tui import make_app
from argmap.tui.screens.class_vote import ClassVoteScreen

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "img"


async def until(pilot: Pilot[int], condition: Callable[[], bool]) -> None:
    """Let the app run until `condition` holds."""
    for _ in range(500):
        if condition():
            return
        await pilot.pause(0.02)
    raise TimeoutError("the app never got there")


def own_weight_shown(app: App[int], row: int) -> bool:
    options = app.screen.query_one(OptionList)
    return "y5" in str(options.get_option_at_index(row).prompt)


async def shoot(folder: Path) -> list[Path]:
    debates = folder / "arguments"
    debates.mkdir()
    shutil.copy(ROOT / "arguments" / "open-science-ip.yaml", debates)
    shutil.copytree(ROOT / "examples" / "ballots", folder / "ballots")
    app = make_app([debates])
    app.WATCH_INTERVAL = 0
    written = []
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter", "v")
        await until(pilot, lambda: isinstance(app.screen, ClassVoteScreen))
        await pilot.pause()
        before = OUT / "class-vote-author-80x24.svg"
        before.write_text(app.export_screenshot(title="argmap"), encoding="utf-8")
        written.append(before)
        own = folder / "ballots" / "open-science-ip" / "zoe.yaml"
        await pilot.press("w", *"Zoë", "enter", "1")
        await until(pilot, own.exists)
        await pilot.press(*"j" * 14, "w", "5")
        await until(pilot, lambda: "open-access-norms: 5" in own.read_text(encoding="utf-8"))
        await until(pilot, lambda: own_weight_shown(app, 14))
        await pilot.press("m")
        await pilot.pause()
        after = OUT / "class-vote-median-80x24.svg"
        after.write_text(app.export_screenshot(title="argmap"), encoding="utf-8")
        written.append(after)
    return written


def main() -> None:
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for path in asyncio.run(shoot(Path(tmp))):
            print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
