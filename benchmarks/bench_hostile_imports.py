"""Grow hostile import files and print how time and memory grow: every parser linear.

    .venv/bin/python benchmarks/bench_hostile_imports.py [--sizes 5000,10000,20000,40000]
        [--only NAME,...]

Each generator makes a file of size n of one shape that used to cost the square of its
size (a deep chain, a line of `[`, a chain of Kialo links, unclosed comments, ...). Each
file is imported in a fresh process, as `argmap import` does (parse, depth check, YAML,
load), and the process reports its time and peak memory. One line per generator: the
seconds and megabytes at each size, and the exponent of a least-squares fit of log(time)
on log(n) (1 is linear, 2 quadratic; the target is at most 1.15). Imports that are refused
(too deep, no relations) count: a refusal must be as quick.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def aif_chain(n: int) -> str:
    nodes = [{"nodeID": "0", "type": "I", "text": "Motion."}]
    edges = []
    for i in range(1, n + 1):
        nodes.append({"nodeID": str(i), "type": "I", "text": f"Claim {i}."})
        nodes.append({"nodeID": f"s{i}", "type": "CA", "text": "Default Conflict"})
        edges.append({"edgeID": f"a{i}", "fromID": str(i), "toID": f"s{i}"})
        edges.append({"edgeID": f"b{i}", "fromID": f"s{i}", "toID": str(i - 1)})
    return json.dumps({"nodes": nodes, "edges": edges, "locutions": []})


def aif_cross_links(n: int) -> str:
    """One claim that attacks n others besides its parent (cross-links)."""
    nodes = [{"nodeID": "m", "type": "I", "text": "Motion."}]
    edges = []
    for i in range(n):
        nodes.append({"nodeID": f"c{i}", "type": "I", "text": f"Claim {i}."})
        nodes.append({"nodeID": f"s{i}", "type": "RA", "text": "RA"})
        nodes.append({"nodeID": f"x{i}", "type": "CA", "text": "CA"})
        edges.append({"edgeID": f"a{i}", "fromID": f"c{i}", "toID": f"s{i}"})
        edges.append({"edgeID": f"b{i}", "fromID": f"s{i}", "toID": "m"})
        edges.append({"edgeID": f"c{i}", "fromID": "c0", "toID": f"x{i}"})
        edges.append({"edgeID": f"d{i}", "fromID": f"x{i}", "toID": f"c{i}"})
    return json.dumps({"nodes": nodes, "edges": edges, "locutions": []})


def aif_wrapper_angles(n: int) -> str:
    """OVA's wrapper whose analysed text is n `<` without a `>`."""
    aif = {
        "nodes": [
            {"nodeID": "1", "type": "I", "text": "M."},
            {"nodeID": "2", "type": "I", "text": "A."},
            {"nodeID": "3", "type": "CA", "text": "CA"},
        ],
        "edges": [
            {"edgeID": "1", "fromID": "2", "toID": "3"},
            {"edgeID": "2", "fromID": "3", "toID": "1"},
        ],
    }
    return json.dumps({"AIF": aif, "text": "<" * n})


def argdown_chain(n: int) -> str:
    blocks = ["[c0]: The motion."]
    blocks.extend(f"[c{i}]: Claim {i}.\n  -> [c{i - 1}]" for i in range(1, n + 1))
    return "\n\n".join(blocks) + "\n"


def argdown_brackets(n: int) -> str:
    return "[" * n + "\n"


def argdown_hashes(n: int) -> str:
    return "#" * n + "[" * (n // 5) + "\n"


def _one_claim(text: str) -> str:
    return f"[motion]: M.\n  - [a]: {text}\n"


def argdown_comments(n: int) -> str:
    return _one_claim("x <!--" * (n // 6))


def argdown_emphasis(n: int) -> str:
    return _one_claim(" *a **b" * (n // 7))


def argdown_tags(n: int) -> str:
    return _one_claim("#(" * (n // 2))


def argdown_links(n: int) -> str:
    return _one_claim("[x\\]" * (n // 4) + "(u)")


def argdown_headings(n: int) -> str:
    return "".join(f"# H{i}\n" for i in range(n)) + "[motion]: M.\n  - [a]: A.\n"


def _punctuation(i: int) -> str:
    """`i` written in six punctuation marks: distinct titles that all slug to one word."""
    marks = ""
    while True:
        i, digit = divmod(i, 6)
        marks += "!?.,;:"[digit]
        if not i:
            return marks


def argdown_same_slug(n: int) -> str:
    lines = ["[motion]: M."]
    lines.extend(f"  - [Same{_punctuation(i)}]: Text {i}." for i in range(n))
    return "\n".join(lines) + "\n"


def argdown_cross_links(n: int) -> str:
    lines = ["[motion]: M.", *(f"  - [c{i}]: Claim {i}." for i in range(n)), "", "[c0]"]
    lines.extend(f"  -> [c{i}]" for i in range(1, n))
    return "\n".join(lines) + "\n"


def kialo_see_chain(n: int) -> str:
    lines = ["Discussion Title: T", "", "1. Thesis."]
    lines.extend(f"1.{i}. Pro: -> See 1.{i + 1}." for i in range(1, n + 1))
    lines.append(f"1.{n + 1}. Pro: The end.")
    return "\n".join(lines) + "\n"


def kialo_list_items(n: int) -> str:
    lines = ["Discussion Title: T", "", "1. Thesis.", "1.1. Pro: A list:"]
    lines.extend(f"{i}. item" for i in range(1, n + 1))
    return "\n".join(lines) + "\n"


def kialo_brackets(n: int) -> str:
    return "Discussion Title: T\n\n1. Thesis.\n1.1. Pro: " + "[" * n + "](u)\n"


def kialo_links_to_one(n: int) -> str:
    lines = ["Discussion Title: T", "", "1. Thesis.", "1.1. Pro: Target."]
    for i in range(2, n // 2 + 2):
        lines.append(f"1.{i}. Con: Claim {i}.")
        lines.append(f"1.{i}.1. Con: -> See 1.1.")
    return "\n".join(lines) + "\n"


GENERATORS: dict[str, tuple[str, Callable[[int], str]]] = {
    "aif-chain": ("aif", aif_chain),
    "aif-cross-links": ("aif", aif_cross_links),
    "aif-wrapper-angles": ("aif", aif_wrapper_angles),
    "argdown-chain": ("argdown", argdown_chain),
    "argdown-brackets": ("argdown", argdown_brackets),
    "argdown-hashes": ("argdown", argdown_hashes),
    "argdown-comments": ("argdown", argdown_comments),
    "argdown-emphasis": ("argdown", argdown_emphasis),
    "argdown-tags": ("argdown", argdown_tags),
    "argdown-links": ("argdown", argdown_links),
    "argdown-headings": ("argdown", argdown_headings),
    "argdown-same-slug": ("argdown", argdown_same_slug),
    "argdown-cross-links": ("argdown", argdown_cross_links),
    "kialo-see-chain": ("kialo", kialo_see_chain),
    "kialo-list-items": ("kialo", kialo_list_items),
    "kialo-brackets": ("kialo", kialo_brackets),
    "kialo-links-to-one": ("kialo", kialo_links_to_one),
}


def one(name: str, size: int) -> None:
    """In a fresh process: import the file of `name` at `size`; print seconds and MB."""
    from argmap.interop import InteropError, import_text

    fmt, make = GENERATORS[name]
    text = make(size)
    started = time.perf_counter()
    try:
        outcome = import_text(fmt, text, "bench.yaml")
        result = f"{outcome.claim_count()} claims" if outcome.loaded.ok else "invalid"
    except InteropError as exc:
        result = "refused: " + exc.message[:40]
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": elapsed, "mb": peak, "bytes": len(text), "result": result}))


def exponent(sizes: list[int], seconds: list[float]) -> float:
    """The slope of log(seconds) on log(size), by least squares."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-6)) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000,10000,20000,40000")
    parser.add_argument("--only", default="", help="generator names, comma-separated")
    parser.add_argument("--one", nargs=2, metavar=("NAME", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one(args.one[0], int(args.one[1]))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    names = args.only.split(",") if args.only else list(GENERATORS)
    worst = 0.0
    for name in names:
        runs = []
        for size in sizes:
            command = [sys.executable, __file__, "--one", name, str(size)]
            output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
            runs.append(json.loads(output))
        fit = exponent(sizes, [r["seconds"] for r in runs])
        worst = max(worst, fit)
        cells = "  ".join(f"{r['seconds']:6.2f} s {r['mb']:4.0f} MB" for r in runs)
        print(f"{name:22} {cells}  exponent {fit:4.2f}  ({runs[-1]['result']})", flush=True)
    print(f"sizes {sizes}; worst exponent {worst:.2f} (target <= 1.15)")


if __name__ == "__main__":
    main()
