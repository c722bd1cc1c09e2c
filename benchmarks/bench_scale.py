"""argmap on big debates: one table of load, validate, labelling, DOT, app and memory.

Run: `.venv/bin/python benchmarks/bench_scale.py [--sizes 1000,10000,50000] [--runs 3]`

Debates come from `generate.py` (seed 1). Every time is in seconds, the median of `--runs`:

- MB:         size of the debate file;
- load:       `load_file` in-process (parse, positions, validation, cross-references);
- validate:   a fresh `argmap validate FILE` process, interpreter start included;
- bare yaml:  a fresh process that only runs `yaml.load(text, Loader=CSafeLoader)`, with
              the collector on, as a plain script runs (bench_all.py compares validate
              with the stricter floor: the same parse with the collector off);
- label:      grounded labelling of every claim (`semantics.grounded`);
- to_dot:     DOT source of the whole debate (`export.to_dot`), labelling included;
- app open:   the terminal app, headless, from start to the claim map of the debate (the
              `open_big` of bench_tui.py, in its own process); "-" when the app cannot run;
- peak MB:    peak resident memory of a process that loads, labels and emits DOT.

Targets (2 cores): label well under 1 s at 50k; app open < 2 s at 10k; peak < 500 MB at
50k. The targets of benchmarks/bench_all.py are the ones the README reports.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate_debate_yaml  # noqa: E402

from argmap.export import ExportOptions, to_dot  # noqa: E402
from argmap.load import load_file  # noqa: E402
from argmap.semantics import grounded  # noqa: E402

BARE = (
    "import sys, yaml\n"
    "with open(sys.argv[1], encoding='utf-8') as f:\n"
    "    yaml.load(f.read(), Loader=yaml.CSafeLoader)\n"
)
PEAK = (
    "import sys\n"
    "from argmap.export import ExportOptions, to_dot\n"
    "from argmap.load import load_file\n"
    "from argmap.semantics import grounded\n"
    "loaded = load_file(sys.argv[1])\n"
    "assert loaded.ok\n"
    "grounded(loaded.graph)\n"
    "to_dot(loaded.graph, ExportOptions(format='dot'))\n"
)
APP = (
    "import asyncio, sys\n"
    "from pathlib import Path\n"
    f"sys.path.insert(0, {str(HERE)!r})\n"
    "from bench_tui import open_big\n"
    "timings = asyncio.run(open_big(Path(sys.argv[1])))\n"
    "print(timings[1], timings[2])  # to the claim map; per cursor move\n"
)


#: Runs a command and prints its wall time, exit status and peak memory (kB). A child
#: started straight from this (by then large) process would report this process's size as
#: its peak: Linux carries the high-water mark of resident memory across fork and exec.
LAUNCH = (
    "import os, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, "
    "stderr=subprocess.DEVNULL)\n"
    "_, status, usage = os.wait4(child.pid, 0)\n"
    "print(time.perf_counter() - start, status, usage.ru_maxrss)\n"
)


def process(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall time of a fresh process and its peak resident memory in MB."""
    times: list[float] = []
    peak_kb = 0
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", LAUNCH, *command], capture_output=True, text=True, check=True
        )
        seconds, status, max_rss = done.stdout.split()
        if status != "0":
            raise RuntimeError(f"{command[:4]} failed with status {status}")
        times.append(float(seconds))
        peak_kb = max(peak_kb, int(max_rss))  # kilobytes on Linux
    return statistics.median(times), peak_kb / 1024


def inprocess(fn: Callable[[], object], runs: int) -> float:
    times: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def app_open(path: Path, runs: int, timeout: float) -> tuple[str, str]:
    """Median seconds to the claim map and ms per cursor move, or why it was skipped."""
    opened: list[float] = []
    moves: list[float] = []
    for _ in range(runs):
        try:
            done = subprocess.run(
                [sys.executable, "-c", APP, str(path)],
                capture_output=True,
                text=True,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            return f">{timeout:.0f}", "-"
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["failed"])[-1]
            return "-", f"app not ready: {last[:70]}"
        seconds, per_move = done.stdout.split()
        opened.append(float(seconds))
        moves.append(float(per_move))
    return f"{statistics.median(opened):.2f}", f"{statistics.median(moves) * 1000:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-app", action="store_true", help="skip the terminal app column")
    parser.add_argument("--app-timeout", type=float, default=120.0)
    args = parser.parse_args()
    python = sys.executable
    header = (
        f"| {'claims':>6} | {'MB':>5} | {'load':>5} | {'validate':>8} | {'bare yaml':>9} "
        f"| {'label':>5} | {'to_dot':>6} | {'app open':>8} | {'peak MB':>7} |"
    )
    print(header)
    print("|" + "|".join("-" * (len(cell) - 1) + ":" for cell in header.split("|")[1:-1]) + "|")
    notes: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            path = Path(folder) / f"generated-{size}.yaml"
            text = generate_debate_yaml(size, seed=1)
            path.write_text(text, encoding="utf-8")
            loaded = load_file(path)
            if not loaded.ok:
                raise SystemExit(f"generated debate does not load: {loaded.errors[:3]}")
            graph = loaded.graph
            load = inprocess(partial(load_file, path), args.runs)
            validate, _ = process([python, "-m", "argmap", "validate", str(path)], args.runs)
            bare, _ = process([python, "-c", BARE, str(path)], args.runs)
            label = inprocess(partial(grounded, graph), args.runs)
            emit = inprocess(partial(to_dot, graph, ExportOptions(format="dot")), args.runs)
            _, peak = process([python, "-c", PEAK, str(path)], 1)
            if args.no_app:
                opened = "-"
            else:
                opened, per_move = app_open(path, args.runs, args.app_timeout)
                if opened == "-":
                    notes.append(f"{size}: {per_move}")
                else:
                    notes.append(f"{size}: cursor move {per_move} ms")
            print(
                f"| {size:>6} | {len(text.encode()) / 1e6:>5.1f} | {load:>5.2f} | {validate:>8.2f} "
                f"| {bare:>9.2f} | {label:>5.3f} | {emit:>6.2f} | {opened:>8} | {peak:>7.0f} |",
                flush=True,
            )
    for note in notes:
        print(f"app {note}")


if __name__ == "__main__":
    main()
