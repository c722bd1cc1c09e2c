"""Regenerate the terminal app's screenshots in docs/img/ (SVG, from Textual's screenshot).

    python docs/screenshots.py

Drives the app headless over the debates in `arguments/`: the map of the first debate at
80x24 (the smallest size the app is laid out for, where the panes stack) and at 120x40,
with the cursor on a pro claim that has been answered. The 80x24 one is also drawn as
`docs/tui-80x24.png` by headless Chromium (Debian's `chromium`), for pages that show no SVG.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import tempfile
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


def png(svg: Path, target: Path) -> Path:
    """Draw an SVG screenshot as a PNG of its own size with headless Chromium."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise SystemExit("chromium is needed for the PNG (apt-get install chromium)")
    box = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg.read_text(encoding="utf-8"))
    if box is None:
        raise SystemExit(f"{svg} has no viewBox")
    width, height = (round(float(v)) for v in box.groups())
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--hide-scrollbars",
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                f"--screenshot={target}",
                svg.as_uri(),
            ],
            check=True,
            capture_output=True,
        )
    return target


def main() -> None:
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
    OUT.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        svg = asyncio.run(shoot(size))
        print(f"wrote {svg.relative_to(ROOT)}")
        if size == (80, 24):
            drawn = png(svg, ROOT / "docs" / "tui-80x24.png")
            print(f"wrote {drawn.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
