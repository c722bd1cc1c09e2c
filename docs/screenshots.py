"""Regenerate the terminal app's screenshots in docs/img/ (SVG, from Textual's screenshot).

    python docs/screenshots.py

Drives the app headless over the debates in `arguments/`: the map of the first debate at
80x24 (the smallest size the app is laid out for, where the panes stack) and at 120x40,
with the cursor on a pro claim that has been answered.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from argmap.tui import make_app

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "img"
SIZES = [(80, 24), (100, 30), (120, 40), (160, 50)]


async def shoot(size: tuple[int, int]) -> Path:
    """Open the first debate's map, move to its first pro claim and expand it; save."""
    app = make_app([ROOT / "arguments"])
    app.WATCH_INTERVAL = 0
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")  # the first debate
        await pilot.pause()
        await pilot.press("j", "l")  # its first claim, opened
        await pilot.pause(0.3)  # the detail panel follows once the cursor rests
        target = OUT / f"map-{size[0]}x{size[1]}.svg"
        target.write_text(app.export_screenshot(title="argmap"), encoding="utf-8")
    return target


def main() -> None:
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
    OUT.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        print(f"wrote {asyncio.run(shoot(size)).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
