"""How long working out a verdict's robustness takes, beside the weighing it builds on.

For each bundled debate and for generated debates of 1,000 and 10,000 claims, prints the
seconds to weigh, to compute every removal contribution to the motion, and to work out the
robustness (flip sets, range, the other semantics), and the ratio of the last to the first.

    python benchmarks/bench_robustness.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate_debate_yaml

from argmap.contributions import contributions
from argmap.graph import ArgumentGraph
from argmap.load import load_paths, load_text
from argmap.robustness import robustness
from argmap.semantics import grounded
from argmap.strength import weigh

ROOT = Path(__file__).resolve().parent.parent


def measure(name: str, graph: ArgumentGraph) -> None:
    labelling = grounded(graph)
    started = time.perf_counter()
    weighing = weigh(graph, labelling)
    weigh_time = time.perf_counter() - started
    started = time.perf_counter()
    amounts = contributions(graph, weighing)
    contrib_time = time.perf_counter() - started
    started = time.perf_counter()
    found = robustness(graph, weighing, amounts)
    robust_time = time.perf_counter() - started
    print(
        f"{name:<30} {len(graph):>7} {weigh_time:>7.3f} {contrib_time:>9.3f} "
        f"{robust_time:>9.3f} {robust_time / max(weigh_time, 1e-9):>7.1f}  "
        f"{'robust' if found.robust else 'fragile'}",
        flush=True,
    )


def main() -> None:
    print(f"{'debate':<30} {'claims':>7} {'weigh':>7} {'contrib':>9} {'robust':>9} {'ratio':>7}")
    for item in load_paths([ROOT / "arguments"]):
        measure(item.graph.debate.id or item.path.stem, item.graph)
    for size in (1_000, 10_000):
        loaded = load_text(generate_debate_yaml(size, seed=1), f"generated-{size}.yaml")
        measure(f"generated {size}", loaded.graph)


if __name__ == "__main__":
    main()
