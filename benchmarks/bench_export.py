"""Time DOT emission next to Graphviz `dot` layout of the same debate.

    .venv/bin/python benchmarks/bench_export.py [--sizes 1000,2000,10000] [--timeout 60]

Emission (`to_dot`) is timed at every size; layout (`dot -Tsvg`) runs with a timeout,
since `dot` grows much faster than linearly and 10k claims can take minutes.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def local_debate_yaml(n_claims: int, seed: int) -> str:
    """A synthetic debate: pro/con trees with rebuttals, support and a few cross-links."""
    import yaml

    rng = random.Random(seed)
    words = [
        "data",
        "share",
        "open",
        "access",
        "cost",
        "risk",
        "value",
        "team",
        "lab",
        "fund",
        "rule",
        "law",
        "trust",
    ]
    made = 0
    all_ids: list[str] = []

    def claim() -> dict[str, object]:
        nonlocal made
        made += 1
        claim_id = f"c{made}"
        all_ids.append(claim_id)
        text = " ".join(rng.choice(words) for _ in range(rng.randint(6, 18))).capitalize()
        return {"id": claim_id, "text": text + ".", "rebuttals": [], "support": []}

    pro: list[dict[str, object]] = []
    con: list[dict[str, object]] = []
    frontier: list[dict[str, object]] = []
    while made < n_claims:
        if not frontier or rng.random() < 0.05:
            top = claim()
            (pro if rng.random() < 0.5 else con).append(top)
            frontier.append(top)
            continue
        parent = rng.choice(frontier[-50:])
        child = claim()
        key = "rebuttals" if rng.random() < 0.7 else "support"
        parent[key].append(child)  # type: ignore[attr-defined]
        frontier.append(child)
        if rng.random() < 0.03 and len(all_ids) > 2:
            child["also_rebuts"] = [rng.choice(all_ids[:-1])]
    data = {"title": f"Synthetic {n_claims}", "motion": "Synthetic motion.", "pro": pro, "con": con}
    return yaml.safe_dump(data, sort_keys=False)


def debate_yaml(n_claims: int, seed: int) -> str:
    try:
        from generate import generate_debate_yaml  # type: ignore[import-not-found]
    except ImportError:
        return local_debate_yaml(n_claims, seed)
    text: str = generate_debate_yaml(n_claims, seed)
    return text


def main() -> None:
    from argmap.export import ExportOptions, to_dot
    from argmap.load import load_text

    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,2000,5000,10000")
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args()
    print(f"{'claims':>7} {'to_dot':>9} {'dot -Tsvg':>12} {'emission share':>15}")
    for size in (int(s) for s in args.sizes.split(",")):
        loaded = load_text(debate_yaml(size, seed=1), f"bench-{size}.yaml")
        graph = loaded.graph
        to_dot(graph, ExportOptions(rankdir="TB"))  # warm up imports
        start = time.perf_counter()
        source = to_dot(graph, ExportOptions(rankdir="TB"))
        emit = time.perf_counter() - start
        start = time.perf_counter()
        try:
            subprocess.run(
                ["dot", "-Tsvg", "-o", "/dev/null"],
                input=source.encode(),
                check=True,
                timeout=args.timeout,
                capture_output=True,
            )
            layout = time.perf_counter() - start
            shown = f"{layout:10.2f} s"
            share = f"{emit / (emit + layout):14.1%}"
        except subprocess.TimeoutExpired:
            shown = f">{args.timeout:.0f} s (timeout)"
            share = "-"
        print(f"{len(graph):>7} {emit:8.3f}s {shown:>12} {share:>15}", flush=True)


if __name__ == "__main__":
    main()
