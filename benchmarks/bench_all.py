"""Every speed and memory target of argmap, each as a ratio to its baseline in one run.

Run: `.venv/bin/python benchmarks/bench_all.py [--runs 5] [--only startup,validate,...]`

Each figure runs argmap and its baseline as whole processes, in turn (A B A B ...), and
prints the median of each and the median of the ratios A/B taken pair by pair, so a
figure holds when the machine's speed drifts. Start-up and validate compare CPU time (user
plus system, of the process and its children): on a machine other work shares, wall time
also counts the time spent waiting for a core; their wall-time ratio is printed beside it.
Python runs with a private bytecode cache, as an installed argmap has (pip compiles it), so
argmap's own modules are not compiled afresh in every run when PYTHONDONTWRITEBYTECODE is
set. The figures:

- startup:   `argmap validate` of a one-claim file / `python -c "import yaml"` (target
             <= 1.5), and the same against `python -c pass`;
- validate:  `argmap validate` of a 10,000-claim file / a bare C-loader `yaml.load` of the
             same file with the garbage collector off, the floor for any Python tool that
             reads it (target <= 1.2);
- stats:     `argmap stats --json` / `argmap validate`, at 10,000 and 50,000 claims (target
             <= 1.3; stats works out every claim's contribution to the motion);
- app:       the terminal app in a real terminal (tmux, `bench_bigmap_keys.py`), from
             `argmap open BIG.yaml` (Enter sent as soon as its row is ready) until its map
             shows the motion and top-level claims with their figures / the bundled
             debates' first screen: 10,000 claims (target <= 1.5) and 50,000 (target <= 3);
- keys:      key to repaint over 100 cursor moves, wide and deep, in the 50,000-claim map:
             p95 / 50 ms (target <= 1, and the slowest <= 150 ms); then the app's peak
             resident memory after them, in MB (target < 300); `bench_bigmap_keys.py`
             also runs them on a debate from a second generator;
- export:    a folder of debates exported to SVG: wall time / CPU time of the whole process
             tree (target <= 0.7 on 2 cores, i.e. Graphviz runs on both);
- kialo:     `argmap import kialo` of a 10,000-claim export / arguebuf loading the same
             file in a process of its own (target <= 0.5; skipped without arguebuf);
- memory:    peak resident memory of `argmap validate` and `argmap export --format dot`
             / a bare C-loader parse of the same file, at 50,000 and 100,000 claims
             (`--memory-sizes`; target <= 1.25); then the DOT export of 50,000 claims in
             MB (target < 400), again with every claim's text made about 1.8 times longer
             (`longer_texts`), as debates written by people run, and on a debate from
             another generator (`bench_export.local_debate_yaml`: every claim with an id,
             each hung under one of the 50 latest, so branches run deep);
- layout:    `dot -Tsvg` of a 5,000-claim debate with the settings argmap chooses at that
             size / with the small-debate settings (target <= 0.6);
- svg:       `argmap export FILE --format svg` of 10,000 and 50,000 claims, as the user runs
             it (default layout): peak resident memory of the largest process, Python's or
             Graphviz's, in MB / 1024 (target < 1 GB, set for 100,000 claims), with CPU and
             wall time in the note; then how CPU time grows from 10,000 to 50,000 claims,
             as the exponent of claims (its ratio column; target <= 1.1).

Debates come from `generate.py` (seed 1); the Kialo file is written from the same debate.
Every row ends with the load average when it was taken. `bench_svg.py` has SVG export at
10,000 to 100,000 claims on a second generator too.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_bigmap_keys import moves, percentile, time_to_map  # noqa: E402
from generate import generate_debate_yaml  # noqa: E402

PYTHON = sys.executable
ARGMAP = [PYTHON, "-m", "argmap"]

FLOOR = (
    "import gc, sys, yaml\n"
    "gc.disable()\n"
    "with open(sys.argv[1], encoding='utf-8') as f:\n"
    "    yaml.load(f.read(), Loader=yaml.CSafeLoader)\n"
)
ARGUEBUF = (
    "import sys, arguebuf\n"
    "with open(sys.argv[1], encoding='utf-8') as f:\n"
    "    arguebuf.load.kialo(f)\n"
)

#: Runs a command and prints its wall time, CPU time of it and its children, and peak
#: memory (kB). A child started straight from this (by then large) process would report
#: this process's size as its peak: Linux carries the high-water mark across fork and exec.
LAUNCH = (
    "import os, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, "
    "stderr=subprocess.DEVNULL)\n"
    "_, status, usage = os.wait4(child.pid, 0)\n"
    "print(time.perf_counter() - start, usage.ru_utime + usage.ru_stime, status, "
    "usage.ru_maxrss)\n"
)


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float


def _environment(cache: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = cache
    return env


ENV = _environment(tempfile.mkdtemp(prefix="argmap-bench-pyc-"))


def launch(command: list[str]) -> Run:
    """One whole-process run of `command`, measured from a small launcher."""
    done = subprocess.run(
        [PYTHON, "-c", LAUNCH, *command], capture_output=True, text=True, check=True, env=ENV
    )
    wall, cpu, status, max_rss = done.stdout.split()
    if status != "0":
        raise RuntimeError(f"{' '.join(command[:5])} failed with status {status}")
    return Run(float(wall), float(cpu), int(max_rss) / 1024)


def paired_cpu(a: list[str], b: list[str], runs: int) -> tuple[float, float, float, float]:
    """Medians of A's and B's CPU times, of their ratio, and of their wall-time ratio."""
    launch(a), launch(b)
    pairs = [(launch(a), launch(b)) for _ in range(runs)]
    return (
        statistics.median(x.cpu for x, _ in pairs),
        statistics.median(y.cpu for _, y in pairs),
        statistics.median(x.cpu / y.cpu for x, y in pairs),
        statistics.median(x.wall / y.wall for x, y in pairs),
    )


def paired(a: Callable[[], float], b: Callable[[], float], runs: int) -> tuple[float, float, float]:
    """Medians of A and B and of the ratio A/B, run in turn after one warm-up of each."""
    a(), b()
    pairs = [(a(), b()) for _ in range(runs)]
    return (
        statistics.median(x for x, _ in pairs),
        statistics.median(y for _, y in pairs),
        statistics.median(x / y for x, y in pairs),
    )


def row(name: str, a: float, b: float, ratio: float, target: str, met: bool, note: str) -> None:
    """One figure, with the load average when it was taken (the machine may be shared)."""
    load = "/".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"| {name:<9} | {a:>8.3f} | {b:>8.3f} | {ratio:>6.2f} | {target:<7} "
        f"| {'yes' if met else 'NO':<4} | {note} (load {load})",
        flush=True,
    )


# --- Kialo text of a generated debate ------------------------------------------------------


def kialo_parse_note(text_path: Path, runs: int = 3) -> str:
    """In-process parse time of the Kialo file, argmap's and arguebuf's (fastest of `runs`).

    `bench_kialo.py` has every phase of the import at 10k and 50k claims.
    """
    import io

    import arguebuf

    from argmap.collector import collector_paused
    from argmap.interop.kialo import parse_kialo

    text = text_path.read_text(encoding="utf-8")

    def fastest(action: Callable[[], object]) -> float:
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            action()
            times.append(time.perf_counter() - started)
        return min(times)

    with collector_paused():  # as `argmap import` parses
        ours = fastest(lambda: parse_kialo(text))
    theirs = fastest(lambda: arguebuf.load.kialo(io.StringIO(text)))
    return f"in-process parse {ours:.3f} s vs arguebuf {theirs:.3f} s"


def kialo_text(yaml_path: Path) -> str:
    """The debate at `yaml_path` in Kialo's classic text layout (numbers, Pro/Con)."""
    from argmap.load import load_file

    graph = load_file(yaml_path).graph
    lines = [f"Discussion Title: {graph.motion.text}", "", f"1. {graph.motion.text}"]
    stack = [(child, "1.") for child in reversed(graph.children(graph.motion.id))]
    counters: dict[str, int] = {}
    while stack:
        node, prefix = stack.pop()
        counters[prefix] = counters.get(prefix, 0) + 1
        number = f"{prefix}{counters[prefix]}."
        if node.depth == 1:
            stance = "Pro" if node.side == "pro" else "Con"
        else:
            stance = "Con" if node.relation is not None and node.relation.is_attack else "Pro"
        lines.append(f"{number} {stance}: {node.text}")
        stack.extend((child, number) for child in reversed(graph.children(node.id)))
    return "\n".join(lines) + "\n"


def longer_texts(text: str) -> str:
    """The debate YAML `text` with every claim's text about 1.8 times as long."""
    import re

    def longer(match: re.Match[str]) -> str:
        claim = match.group(2)
        again = claim[0].lower() + claim[1:-1]
        return f"{match.group(1)}{claim} In practice, {again}, and the evidence for this is mixed."

    return re.sub(r"^(\s*(?:- )?text: )(.*)$", longer, text, flags=re.M)


# --- the figures ----------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--only", default="startup,validate,stats,app,export,kialo,memory,layout,svg"
    )
    parser.add_argument("--validate-size", type=int, default=10_000)
    parser.add_argument("--app-size", type=int, default=50_000)
    parser.add_argument("--layout-size", type=int, default=5_000)
    parser.add_argument("--memory-sizes", default="50000,100000")
    args = parser.parse_args()
    only = set(args.only.split(","))
    runs = args.runs
    repo = HERE.parent
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"argmap benchmarks: {os.cpu_count()} CPUs (load average {load}), "
        f"{runs} paired runs each; times in s"
    )
    print("| figure    |   argmap | baseline |  ratio | target  | met  | note")
    print("|-----------|---------:|---------:|-------:|---------|------|-----")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sizes: dict[int, Path] = {}

        def debate(n: int) -> Path:
            if n not in sizes:
                sizes[n] = folder / f"generated-{n}.yaml"
                sizes[n].write_text(generate_debate_yaml(n, seed=1), encoding="utf-8")
            return sizes[n]

        if "startup" in only:
            one = folder / "one.yaml"
            one.write_text("title: T\nmotion: M\npro:\n  - text: a\ncon:\n  - text: b\n")
            a, b, ratio, wall = paired_cpu(
                [*ARGMAP, "validate", str(one)], [PYTHON, "-c", "import yaml"], runs
            )
            note = f"one-claim validate vs `import yaml`, CPU time (wall-time ratio {wall:.2f})"
            row("startup", a, b, ratio, "<= 1.5", ratio <= 1.5, note)
            a, b, ratio, wall = paired_cpu(
                [*ARGMAP, "validate", str(one)], [PYTHON, "-c", "pass"], runs
            )
            note = f"one-claim validate vs `python -c pass` (wall-time ratio {wall:.2f})"
            row("startup", a, b, ratio, "-", True, note)

        if "validate" in only:
            path = debate(args.validate_size)
            a, b, ratio, wall = paired_cpu(
                [*ARGMAP, "validate", str(path)], [PYTHON, "-c", FLOOR, str(path)], runs
            )
            note = (
                f"{args.validate_size} claims vs collector-off yaml.load, CPU time "
                f"(wall-time ratio {wall:.2f})"
            )
            row("validate", a, b, ratio, "<= 1.2", ratio <= 1.2, note)

        if "stats" in only:
            for size in (10_000, args.app_size):
                path = debate(size)
                a, b, ratio, wall = paired_cpu(
                    [*ARGMAP, "stats", "--json", str(path)],
                    [*ARGMAP, "validate", str(path)],
                    max(1, runs // 2),
                )
                note = f"{size} claims, stats --json vs validate, CPU time (wall {wall:.2f})"
                row("stats", a, b, ratio, "<= 1.3", ratio <= 1.3, note)

        if "app" in only:
            if shutil.which("tmux") is None:
                print("| app       | skipped: tmux is not installed")
            else:
                bundled = repo / "arguments"
                for size, target in ((10_000, 1.5), (args.app_size, 3.0)):
                    big = debate(size)
                    a, b, ratio = paired(
                        lambda big=big: time_to_map(big, folder),
                        lambda: time_to_map(bundled, folder),
                        max(1, runs // 2),
                    )
                    note = (
                        f"{size} claims: `argmap open` to its map readable (motion and "
                        "top-level claims with figures) vs the bundled first screen"
                    )
                    row("app", a, b, ratio, f"<= {target}", ratio <= target, note)
                moved = moves(args.app_size, 100)
                found = moved["repaint"]
                p95, worst = percentile(found, 0.95), max(found)
                note = (
                    f"key to repaint over {len(found)} moves in the {args.app_size}-claim map: "
                    f"p95 (vs 50 ms), max {worst * 1000:.0f} ms (target 150 ms)"
                )
                row("keys", p95, 0.05, p95 / 0.05, "<= 1", p95 <= 0.05 and worst <= 0.15, note)
                peak = moved["peak MB"][0]
                note = f"the app with {args.app_size} claims after the moves, peak MB"
                row("memory", peak, 300, peak / 300, "< 300MB", peak < 300, note)

        if "export" in only:
            out = folder / "svg"
            export = [*ARGMAP, "export", str(repo / "arguments"), "-o", str(out), "--format", "svg"]
            # One run first, as the other figures do: it fills the private bytecode cache,
            # which would otherwise count compiling argmap (a second of CPU, all on one
            # core) in one of the measured runs.
            launch(export)
            runs_ = []
            for _ in range(max(1, runs // 2)):
                shutil.rmtree(out, ignore_errors=True)
                runs_.append(launch(export))
            wall = statistics.median(r.wall for r in runs_)
            cpu = statistics.median(r.cpu for r in runs_)
            row(
                "export",
                wall,
                cpu,
                wall / cpu,
                "<= 0.7",
                wall / cpu <= 0.7,
                "bundled folder to SVG: wall / CPU time",
            )

        if "kialo" in only:
            try:
                import arguebuf  # noqa: F401
            except ImportError:
                print("| kialo     | skipped: `pip install arguebuf` to compare with it")
            else:
                text_path = folder / "kialo-10k.txt"
                text_path.write_text(kialo_text(debate(10_000)), encoding="utf-8")
                out_yaml = folder / "kialo-10k.yaml"
                command = [*ARGMAP, "import", "kialo", str(text_path), "-o", str(out_yaml)]
                command.append("--force")
                baseline = [PYTHON, "-c", ARGUEBUF, str(text_path)]
                launch(command), launch(baseline)
                pairs = [(launch(command), launch(baseline)) for _ in range(runs)]
                a = statistics.median(x.wall for x, _ in pairs)
                b = statistics.median(y.wall for _, y in pairs)
                ratio = statistics.median(x.wall / y.wall for x, y in pairs)
                cpu = statistics.median(x.cpu / y.cpu for x, y in pairs)
                note = (
                    f"10000 claims vs arguebuf, wall time (CPU-time ratio {cpu:.2f}); "
                    f"{kialo_parse_note(text_path)}"
                )
                row("kialo", a, b, ratio, "<= 0.5", ratio <= 0.5, note)

        if "memory" in only:
            for size in (int(n) for n in args.memory_sizes.split(",")):
                path = debate(size)
                floor = launch([PYTHON, "-c", FLOOR, str(path)]).peak_mb
                for words in (["validate"], ["export", "--format", "dot", "-o", "-"]):
                    command = [*ARGMAP, words[0], str(path), *words[1:]]
                    peak = max(launch(command).peak_mb for _ in range(2))
                    note = f"{words[0]} of {size} claims vs a bare C-loader parse, peak MB"
                    row("memory", peak, floor, peak / floor, "<= 1.25", peak <= 1.25 * floor, note)
            path = debate(50_000)
            peak = max(
                launch([*ARGMAP, "export", str(path), "--format", "dot", "-o", "-"]).peak_mb
                for _ in range(2)
            )
            row("memory", peak, 400, peak / 400, "< 400MB", peak < 400, "export DOT, 50k claims")
            long_path = folder / "generated-50000-long.yaml"
            long_path.write_text(longer_texts(path.read_text(encoding="utf-8")), encoding="utf-8")
            peak = max(
                launch([*ARGMAP, "export", str(long_path), "--format", "dot", "-o", "-"]).peak_mb
                for _ in range(2)
            )
            note = "export DOT, 50k claims, texts 1.8x longer"
            row("memory", peak, 400, peak / 400, "< 400MB", peak < 400, note)
            from bench_export import local_debate_yaml

            deep_path = folder / "local-50000.yaml"
            deep_path.write_text(local_debate_yaml(50_000, 1), encoding="utf-8")
            peak = max(
                launch([*ARGMAP, "export", str(deep_path), "--format", "dot", "-o", "-"]).peak_mb
                for _ in range(2)
            )
            note = "export DOT, 50k claims of bench_export's generator (deep branches, ids)"
            row("memory", peak, 400, peak / 400, "< 400MB", peak < 400, note)

        if "layout" in only:
            row_layout(debate(args.layout_size), folder, max(1, runs // 2), args.layout_size)

        if "svg" in only:
            if shutil.which("dot") is None:
                print("| svg       | skipped: Graphviz's `dot` is not installed")
            else:
                rows_svg(debate, folder, max(1, runs // 4))


def rows_svg(debate: Callable[[int], Path], folder: Path, runs: int) -> None:
    """SVG export of 10,000 and 50,000 claims: peak memory and time, and how time grows."""
    cpu: dict[int, float] = {}
    for size in (10_000, 50_000):
        out = folder / f"svg-{size}.svg"
        command = [*ARGMAP, "export", str(debate(size)), "--format", "svg", "-o", str(out)]
        found = [launch(command) for _ in range(runs)]
        cpu[size] = statistics.median(r.cpu for r in found)
        wall = statistics.median(r.wall for r in found)
        peak = max(r.peak_mb for r in found)
        note = (
            f"{size} claims to SVG, peak MB of the largest process (CPU {cpu[size]:.1f} s, "
            f"wall {wall:.1f} s)"
        )
        row("svg", peak, 1024, peak / 1024, "< 1GB", peak < 1024, note)
    grown = math.log(cpu[50_000] / cpu[10_000]) / math.log(5)
    note = "SVG CPU time 10000 -> 50000 claims: the ratio column is the growth exponent"
    row("svg", cpu[50_000], cpu[10_000], grown, "<= 1.1", grown <= 1.1, note)


def row_layout(path: Path, folder: Path, runs: int, size: int) -> None:
    """`dot` on the DOT argmap writes at this size against the small-debate settings."""
    from argmap.export import ExportOptions, to_dot
    from argmap.load import load_file

    graph = load_file(path).graph
    chosen = folder / "chosen.dot"
    full = folder / "full.dot"
    chosen.write_text(to_dot(graph, ExportOptions(format="dot")), encoding="utf-8")
    full.write_text(to_dot(graph, ExportOptions(format="dot", layout="full")), encoding="utf-8")
    a, b, ratio = paired(
        lambda: launch(["dot", "-Tsvg", "-o", os.devnull, str(chosen)]).wall,
        lambda: launch(["dot", "-Tsvg", "-o", os.devnull, str(full)]).wall,
        runs,
    )
    row("layout", a, b, ratio, "<= 0.6", ratio <= 0.6, f"dot -Tsvg, {size} claims")


if __name__ == "__main__":
    main()
