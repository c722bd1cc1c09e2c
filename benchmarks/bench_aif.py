"""Time AIF import at 10k and 50k nodes: one big argument, and a dialogue with many conclusions.

    .venv/bin/python benchmarks/bench_aif.py [SIZES...]

SIZES count AIF nodes (I-nodes plus the RA/CA nodes between them). Two generated files per
size: *tree*, one conclusion with every claim below it (each I-node answers a random
earlier one, about one in four as a conflict, with some extra cross relations), and
*dialogue*, many small arguments that share premises, as in a corpus of dialogue nodesets.
Printed: seconds to read the file into claims and relations (`read_nodeset`), for the whole
`import_text` (conversion, YAML, loading and checks), and for `--all` on the dialogue.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from argmap.interop import import_aif_all, import_text
from argmap.interop.aif import read_nodeset

SIZES = (10_000, 50_000)


def _document(nodes: list[dict[str, Any]], edges: list[tuple[int, int]]) -> str:
    edge_list = [
        {"edgeID": str(i), "fromID": str(a), "toID": str(b)} for i, (a, b) in enumerate(edges)
    ]
    return json.dumps({"nodes": nodes, "edges": edge_list, "locutions": []})


def tree_aif(size: int, seed: int = 1) -> str:
    """One conclusion; every other I-node supports or attacks an earlier one."""
    rng = random.Random(seed)
    claims = size // 2
    nodes: list[dict[str, Any]] = []
    edges: list[tuple[int, int]] = []
    for index in range(claims):
        nodes.append({"nodeID": str(index), "type": "I", "text": f"Claim number {index}."})
    next_id = claims
    for index in range(1, claims):
        for target in {rng.randrange(index)} | (
            {rng.randrange(index)} if index % 20 == 0 else set()
        ):
            kind = "CA" if rng.random() < 0.25 else "RA"
            nodes.append({"nodeID": str(next_id), "type": kind, "text": "Default"})
            edges += [(index, next_id), (next_id, target)]
            next_id += 1
    return _document(nodes, edges)


def dialogue_aif(size: int, seed: int = 1) -> str:
    """Arguments of a conclusion and three premises each; one premise in four is shared."""
    rng = random.Random(seed)
    nodes: list[dict[str, Any]] = []
    edges: list[tuple[int, int]] = []
    premises: list[int] = []
    next_id = 0

    def add(kind: str, text: str) -> int:
        nonlocal next_id
        nodes.append({"nodeID": str(next_id), "type": kind, "text": text})
        next_id += 1
        return next_id - 1

    while next_id < size:
        conclusion = add("I", f"Conclusion {next_id}.")
        for _ in range(3):
            if premises and rng.random() < 0.25:
                premise = rng.choice(premises)
            else:
                premise = add("I", f"Premise {next_id}.")
                premises.append(premise)
            link = add("RA" if rng.random() < 0.7 else "CA", "Default")
            edges += [(premise, link), (link, conclusion)]
    return _document(nodes, edges)


def seconds(action: Any) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or list(SIZES)
    print(f"{'nodes':>7} {'file':>9} {'MB':>5} {'read':>6} {'import':>7} {'--all':>6}")
    for size in sizes:
        for name, text in (("tree", tree_aif(size)), ("dialogue", dialogue_aif(size))):
            read = seconds(lambda: read_nodeset(text))  # noqa: B023 - called right away
            whole = seconds(lambda: import_text("aif", text, "bench.yaml"))  # noqa: B023
            split = "-"
            if name == "dialogue":
                with TemporaryDirectory() as folder:
                    split = f"{seconds(lambda: import_aif_all(text, Path(folder), 'b')):.2f}"  # noqa: B023
            mb = len(text.encode()) / 1e6
            print(f"{size:>7} {name:>9} {mb:>5.1f} {read:>6.2f} {whole:>7.2f} {split:>6}")


if __name__ == "__main__":
    main(sys.argv[1:])
