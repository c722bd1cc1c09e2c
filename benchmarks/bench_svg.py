"""SVG export of big debates: how time and memory grow with the debate, on two generators.

Run: `.venv/bin/python benchmarks/bench_svg.py [--sizes 10000,50000,100000] [--runs 1]`

For each generator and size, `argmap export FILE --format svg` runs as a whole process
(measured from a small launcher, see `bench_all.launch`): its wall and CPU time (with
Graphviz's), and the peak resident memory of the largest single process, Python's or
Graphviz's. The growth exponent is the slope of log(CPU time) against log(claims) fitted
over the sizes. Targets: exponent <= 1.1 from 10k to 100k; peak < 1 GB at 100k.

The generators: `generate.py` (the project's, nested rebuttals and support up to 12
levels, cross-links between the sides) and `bench_export.local_debate_yaml` (a different
shape: each claim hangs under one of the 50 latest, so branches run deep and narrow).
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_all import ARGMAP, launch  # type: ignore[import-not-found]
from bench_export import local_debate_yaml  # type: ignore[import-not-found]
from generate import generate_debate_yaml  # type: ignore[import-not-found]

GENERATORS: dict[str, Callable[[int, int], str]] = {
    "generate.py": generate_debate_yaml,
    "local_debate_yaml": local_debate_yaml,
}


def exponent(sizes: list[int], seconds: list[float]) -> float:
    """The least-squares slope of log(seconds) against log(sizes)."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(t) for t in seconds]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,50000,100000")
    parser.add_argument("--runs", type=int, default=1, help="runs per size (median)")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"load average {os.getloadavg()[0]:.1f}; {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="argmap-bench-svg-") as folder:
        for name, make in GENERATORS.items():
            cpu: list[float] = []
            for size in sizes:
                path = Path(folder) / f"{size}.yaml"
                path.write_text(make(size, 1), encoding="utf-8")
                out = Path(folder) / f"{size}.svg"
                command = [*ARGMAP, "export", str(path), "--format", "svg", "-o", str(out)]
                runs = [launch(command) for _ in range(args.runs)]
                wall = statistics.median(r.wall for r in runs)
                cpu.append(statistics.median(r.cpu for r in runs))
                peak = max(r.peak_mb for r in runs)
                print(
                    f"{name:18} {size:>7,} claims: wall {wall:6.1f} s, cpu {cpu[-1]:6.1f} s, "
                    f"peak {peak:6.0f} MB, SVG {out.stat().st_size / 1e6:5.0f} MB"
                )
            if len(sizes) > 1:
                grown = exponent(sizes, cpu)
                verdict = "met" if grown <= 1.1 else "NOT met"
                print(
                    f"{name:18} CPU time grows with exponent {grown:.2f} (target <= 1.1: {verdict})"
                )
            print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
