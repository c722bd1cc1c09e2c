"""Time the grounded labelling (and the rest of `argmap stats`) at 1k, 10k and 50k claims.

    .venv/bin/python benchmarks/bench_semantics.py [SIZES...]

Each debate comes from `benchmarks/generate.py` (nesting, support, evidence, cross-links,
a few mutual rebuttals). Loading is timed once, and so is the first labelling of the loaded
debate (`1st grounded s`: it also builds the attack framework the graph keeps); then the
labelling, the explanation of every claim and the full statistics are timed as the median
of several runs.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate_debate_yaml

from argmap.load import load_text
from argmap.semantics import explain, grounded
from argmap.stats import debate_stats

SIZES = (1_000, 10_000, 50_000)
RUNS = 5


def median_seconds(action: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(sizes: tuple[int, ...]) -> None:
    print(
        f"{'claims':>8} {'MB':>6} {'load s':>8} {'1st grounded s':>15} {'grounded s':>11} "
        f"{'explain all s':>14} "
        f"{'stats s':>8}  standing/defeated/undecided"
    )
    for size in sizes:
        measure(size)


def measure(size: int) -> None:
    """Generate, load and time one debate of `size` claims; print one line."""
    text = generate_debate_yaml(size, seed=1)
    start = time.perf_counter()
    loaded = load_text(text, f"generated-{size}.yaml")
    graph = loaded.graph
    load_time = time.perf_counter() - start
    assert loaded.ok, [d.format() for d in loaded.errors][:5]
    first_time = median_seconds(lambda: grounded(graph), runs=1)
    grounded_time = median_seconds(lambda: grounded(graph))
    labelling = grounded(graph)
    explain_time = median_seconds(
        lambda: [explain(graph, labelling, claim_id) for claim_id in graph.nodes], runs=3
    )
    stats_time = median_seconds(lambda: debate_stats(graph), runs=3)
    by_label = debate_stats(graph, labelling).by_label
    counts = f"{by_label['standing']}/{by_label['defeated']}/{by_label['undecided']}"
    print(
        f"{size:>8} {len(text.encode()) / 1e6:>6.1f} {load_time:>8.2f} {first_time:>15.3f} "
        f"{grounded_time:>11.3f} {explain_time:>14.3f} {stats_time:>8.3f}  {counts}",
        flush=True,
    )


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or SIZES)
