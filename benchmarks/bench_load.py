"""Loading speed: argmap's loader and `argmap validate` against PyYAML's bare C loader.

Run: `.venv/bin/python benchmarks/bench_load.py [--sizes 1000,10000,50000]`

For each size it prints, in seconds (median of a few runs):
- bare load:   a fresh process that only runs `yaml.load(text, Loader=CSafeLoader)` (the floor
               a Python tool that keeps no positions pays, interpreter start included);
- validate:    a fresh `argmap validate FILE` process, positions and all diagnostics included;
- in-process:  `load_file` alone, and the C composer alone (what it builds on);
- peak MB:     the peak resident memory of the `argmap validate` process.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate_debate_yaml

from argmap.load import load_file

BARE = (
    "import sys, yaml\n"
    "with open(sys.argv[1], encoding='utf-8') as f:\n"
    "    yaml.load(f.read(), Loader=yaml.CSafeLoader)\n"
)


def _median_seconds(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall time of a fresh process, and its peak resident memory in MB."""
    times = []
    peak_kb = 0
    for _ in range(runs):
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(child.pid, 0)
        times.append(time.perf_counter() - start)
        peak_kb = max(peak_kb, usage.ru_maxrss)
    return statistics.median(times), peak_kb / 1024


def _median_inprocess(fn: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    argmap = [sys.executable, "-m", "argmap", "validate"]
    print(
        f"{'claims':>7} {'MB':>6} {'bare load':>10} {'validate':>9} "
        f"{'load_file':>10} {'compose':>8} {'peak MB':>8}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            path = Path(folder) / f"bench-{size}.yaml"
            text = generate_debate_yaml(size, seed=1)
            path.write_text(text, encoding="utf-8")
            loaded = load_file(path)
            assert loaded.ok, [d.format() for d in loaded.diagnostics[:5]]
            bare, _ = _median_seconds([sys.executable, "-c", BARE, str(path)], args.runs)
            validate, peak = _median_seconds([*argmap, str(path)], args.runs)
            inprocess = _median_inprocess(lambda p=path: load_file(p), args.runs)
            compose = _median_inprocess(
                lambda t=text: yaml.compose(t, Loader=yaml.CSafeLoader), args.runs
            )
            print(
                f"{size:>7} {len(text.encode()) / 1e6:>6.1f} {bare:>10.2f} {validate:>9.2f} "
                f"{inprocess:>10.2f} {compose:>8.2f} {peak:>8.0f}"
            )


if __name__ == "__main__":
    main()
