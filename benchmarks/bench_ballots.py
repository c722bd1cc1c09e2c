"""Time `argmap tally`: 30 ballots of a 500-claim debate, the target under 2 s on 2 cores.

    .venv/bin/python benchmarks/bench_ballots.py [CLAIMS] [BALLOTS]

The debate comes from `benchmarks/generate.py`; each ballot weighs a random third of its
claims (a fixed seed, so every run tallies the same files). Printed: the whole command as
a user runs it (a fresh process: start-up, loading, checking every ballot, the tally and
the report), the median of several runs, and its ratio to the 2 s target; then the
tally alone in this process.
"""

from __future__ import annotations

import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate_debate_yaml

from argmap.ballots.folder import load_ballots
from argmap.ballots.tally import tally
from argmap.load import load_file

TARGET_SECONDS = 2.0
RUNS = 5


def write_class(folder: Path, claims: int, ballots: int) -> Path:
    debate = folder / "big.yaml"
    debate.write_text(generate_debate_yaml(claims, seed=1), encoding="utf-8")
    graph = load_file(debate).graph
    ids = [node.id for node in graph.claims()]
    rng = random.Random(27)
    votes = folder / "ballots" / (graph.debate.id or "big")
    votes.mkdir(parents=True)
    for number in range(ballots):
        chosen = rng.sample(ids, len(ids) // 3)
        lines = [f"debate: {graph.debate.id}", f"by: Student {number + 1}", "weights:"]
        lines += [f"  {claim_id}: {rng.randint(1, 5)}" for claim_id in chosen]
        (votes / f"student-{number + 1:02}.yaml").write_text("\n".join(lines) + "\n")
    return debate


def main(claims: int, ballots: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        debate = write_class(folder, claims, ballots)
        command = [sys.executable, "-m", "argmap", "tally", str(debate), str(folder / "ballots")]
        times, cpu = [], []
        for _ in range(RUNS):
            used = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime)
        whole = statistics.median(times)
        graph = load_file(debate).graph
        loaded = load_ballots([folder / "ballots"], graph)
        start = time.perf_counter()
        tally(graph, loaded)
        alone = time.perf_counter() - start
    print(f"{claims} claims, {ballots} ballots")
    print(f"argmap tally (whole command, median of {RUNS}): {whole:.2f} s")
    print(f"ratio to the {TARGET_SECONDS:.0f} s target: {whole / TARGET_SECONDS:.2f}")
    # CPU time is what a busy, shared machine changes least.
    print(f"CPU time of the command (median): {statistics.median(cpu):.2f} s")
    print(f"tally alone (in process): {alone:.3f} s")


if __name__ == "__main__":
    main(
        int(sys.argv[1]) if len(sys.argv) > 1 else 500,
        int(sys.argv[2]) if len(sys.argv) > 2 else 30,
    )
