"""Time the gradual strength (quadratic energy) at 1k, 10k and 50k claims.

    .venv/bin/python benchmarks/bench_strength.py [SIZES...]

Each debate comes from `benchmarks/generate.py` (nesting, support, undercuts, and
cross-links that make cycles). Printed per size, as the median of several runs: `weigh`
(grounded labelling for the cut links, building the framework, solving it), the motion's
removal contributions, and how many claims sit on cycles and whether they all settled.
`labels s` is the grounded labelling alone and `strength s` is `weigh` given that
labelling, so the strength's own cost can be compared with the labelling's on a busy
machine.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate_debate_yaml

from argmap.contributions import contributions
from argmap.load import load_text
from argmap.semantics import grounded
from argmap.strength import weigh

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
        f"{'claims':>8} {'labels s':>9} {'strength s':>11} {'weigh s':>8} {'contrib s':>10} "
        f"{'on cycles':>10} {'settled':>8}  motion"
    )
    for size in sizes:
        measure(size)


def measure(size: int) -> None:
    """Generate, load and time one debate of `size` claims; print one line."""
    loaded = load_text(generate_debate_yaml(size, seed=1), f"generated-{size}.yaml")
    assert loaded.ok, [d.format() for d in loaded.errors][:5]
    graph = loaded.graph
    labels_time = median_seconds(lambda: grounded(graph))
    labelling = grounded(graph)
    strength_time = median_seconds(lambda: weigh(graph, labelling))
    weigh_time = median_seconds(lambda: weigh(graph))
    weighing = weigh(graph)
    contrib_time = median_seconds(lambda: contributions(graph, weighing), runs=3)
    qbaf = weighing.qbaf
    assert qbaf is not None
    on_cycles = qbaf.on_cycles
    print(
        f"{size:>8} {labels_time:>9.3f} {strength_time:>11.3f} {weigh_time:>8.3f} "
        f"{contrib_time:>10.3f} {on_cycles:>10} "
        f"{'yes' if weighing.converged else 'no':>8}  {weighing.verdict.phrase} "
        f"({weighing.motion_strength:.2f})",
        flush=True,
    )


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or SIZES)
