"""Time the terminal app headless: first screen, opening big debates, moving the cursor.

Run: .venv/bin/python benchmarks/bench_tui.py [--sizes 1000,10000]
Prints seconds; targets: bundled first screen < 1 s, 10k-claim debate opens < 2 s,
a cursor move well under 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import tempfile
import time
from pathlib import Path

from argmap.bundled import default_paths
from argmap.tui import make_app
from argmap.tui.screens.map import MapScreen


def _generate(n_claims: int, seed: int) -> str:
    try:  # the shared generator, when the benchmarks folder has one
        from generate import generate_debate_yaml  # type: ignore[import-not-found]

        return str(generate_debate_yaml(n_claims, seed))
    except ImportError:
        pass
    rng = random.Random(seed)
    lines = ["version: 1", "title: Generated debate", "motion: Something should be done.", "pro:"]
    # A random tree: each claim is a rebuttal or support of an earlier one, or top-level.
    children: dict[int, list[int]] = {-1: []}
    for i in range(n_claims):
        parent = -1 if i < 20 or rng.random() < 0.05 else rng.randrange(max(0, i - 200), i)
        children.setdefault(parent, []).append(i)
        children.setdefault(i, [])
    stack = [(c, 1) for c in reversed(children[-1])]
    while stack:
        claim, depth = stack.pop()
        pad = "  " * (2 * depth - 1)
        lines.append(f"{pad}- id: c{claim}")
        lines.append(f"{pad}  text: Claim number {claim} says something [{claim}] about it.")
        if children[claim]:
            lines.append(f"{pad}  rebuttals:")
            stack.extend((c, depth + 1) for c in reversed(children[claim]))
    return "\n".join(lines) + "\n"


async def first_screen(paths: list[Path]) -> float:
    start = time.perf_counter()
    app = make_app(paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        elapsed = time.perf_counter() - start
        await pilot.press("q")
    return elapsed


async def open_big(path: Path) -> tuple[float, float, float, float]:
    """Seconds to the list, to the map of the debate, and per cursor move (mean and worst
    of 200; the worst shows stalls such as a full pass of the garbage collector)."""
    start = time.perf_counter()
    app = make_app([path])
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        listed = time.perf_counter() - start
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MapScreen)
        opened = time.perf_counter() - start
        moves = 200
        t0 = time.perf_counter()
        worst = 0.0
        for index in range(moves):
            t_move = time.perf_counter()
            await pilot.press("down" if index % 40 < 20 else "l")
            worst = max(worst, time.perf_counter() - t_move)
        await pilot.pause()
        per_move = (time.perf_counter() - t0) / moves
        await pilot.press("q")
    return listed, opened, per_move, worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000")
    args = parser.parse_args()
    bundled = default_paths()
    print(
        f"bundled debates ({bundled[0]}): first screen {asyncio.run(first_screen(bundled)):.2f} s"
    )
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            path = Path(folder) / f"generated-{size}.yaml"
            path.write_text(_generate(size, seed=1), encoding="utf-8")
            listed, opened, per_move, worst = asyncio.run(open_big(path))
            print(
                f"{size:>6} claims: list {listed:.2f} s, map open {opened:.2f} s, "
                f"cursor move {per_move * 1000:.1f} ms (worst {worst * 1000:.0f} ms)"
            )


if __name__ == "__main__":
    main()
