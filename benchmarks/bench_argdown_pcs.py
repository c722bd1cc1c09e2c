"""Argdown premise–conclusion structures: import and export time as files grow, and the
Argdown tools' own reading of what argmap writes.

    .venv/bin/python benchmarks/bench_argdown_pcs.py [--sizes 2500,5000,10000,20000]
        [--oracle FILE.argdown ...]

One line per shape: the seconds to import (and, for shapes that load, to export) at each
size, and the exponent of a least-squares fit of log(time) on log(n) (1 is linear; the
target is at most 1.15). A shape that is refused (a chain deeper than argmap reads) counts:
a refusal must be as quick.

With `--oracle`, each file is imported, exported back to Argdown, and both are given to
the Argdown command-line tool (`argdown json`, when it is on the PATH): the line says how
many relations Argdown lists for the original and how many it reports errors for in the
export (the target is none).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from bench_hostile_imports import exponent

from argmap.interop import InteropError, export_text, import_text


def premises(n: int) -> str:
    """One structure with n premises."""
    lines = "".join(f"({i}) Premise {i}.\n" for i in range(1, n + 1))
    return f"[T]: Thesis.\n\n{lines}----\n({n + 1}) Conclusion.\n  -> [T]\n"


def arguments(n: int) -> str:
    """n/10 arguments of ten premises and a named inference each, attacking the thesis."""
    blocks = ["[T]: Thesis."]
    for a in range(n // 10):
        body = "".join(f"({i}) Premise {a}.{i}.\n" for i in range(1, 11))
        blocks.append(f"<A{a}>: Argument {a}.")
        blocks.append(f"{body}-- Rule {a} {{uses: [1, 3, 5]}} --\n(11) Conclusion {a}.\n  -> [T]")
    return "\n\n".join(blocks) + "\n"


def steps(n: int) -> str:
    """Chains of 100 intermediary conclusions, n/100 of them."""
    blocks = ["[T]: Thesis."]
    for c in range(max(n // 100, 1)):
        chain = "".join(f"----\n({i}) Step {c}.{i}.\n" for i in range(2, 101))
        blocks.append(f"(1) Start {c}.\n{chain}  -> [T]")
    return "\n\n".join(blocks) + "\n"


def chain(n: int) -> str:
    """One chain of n intermediary conclusions (refused past argmap's depth)."""
    body = "".join(f"----\n({i}) Step {i}.\n" for i in range(2, n + 1))
    return f"[T]: Thesis.\n\n(1) Start.\n{body}  -> [T]\n"


def open_rule(n: int) -> str:
    """An inference opened with `--` and never closed, over n lines."""
    return "[T]: Thesis.\n  - [x]: X.\n\n(1) P.\n--\n" + "rule - rule\n" * n


SHAPES: dict[str, Callable[[int], str]] = {
    "pcs-premises": premises,
    "pcs-arguments": arguments,
    "pcs-steps": steps,
    "pcs-deep-chain": chain,
    "pcs-open-rule": open_rule,
}


def run(text: str) -> tuple[float, float, str]:
    started = time.perf_counter()
    try:
        outcome = import_text("argdown", text, "bench.yaml")
    except InteropError as exc:
        return time.perf_counter() - started, 0.0, "refused: " + exc.message[:40]
    imported = time.perf_counter() - started
    graph = outcome.loaded.graph
    if graph is None:
        return imported, 0.0, "invalid"
    started = time.perf_counter()
    export_text("argdown", graph)
    return imported, time.perf_counter() - started, f"{outcome.claim_count()} claims"


def _argdown_json(tool: str, path: Path) -> tuple[dict[str, Any], int]:
    """Argdown's JSON export of a file, and how many error lines it printed."""
    done = subprocess.run([tool, "json", str(path), "--stdout"], capture_output=True, text=True)
    try:
        data, _end = json.JSONDecoder().raw_decode(done.stdout)
    except json.JSONDecodeError:  # Argdown refused the file (syntax errors)
        data = {}
    errors = sum(1 for line in done.stderr.splitlines() if "rror" in line)
    return data, errors + (done.returncode != 0)


def _plain(text: str | None) -> str:
    return " ".join(re.sub(r"#\([^)]*\)|#\S+", "", text or "").split())


def _texts(data: dict[str, Any]) -> Callable[[str, str], str]:
    """The text of an Argdown node: a statement's, or a reconstructed argument's main
    conclusion's, or an argument's description."""

    def text(kind: str, title: str) -> str:
        if kind == "argument":
            argument = data["arguments"][title]
            if argument.get("pcs"):
                return text("statement", argument["pcs"][-1]["title"])
            members = argument.get("members", [])
        else:
            members = data["statements"][title]["members"]
        return next((_plain(m["text"]) for m in members if m.get("text")), "")

    return text


def _relations(outcome: Any) -> set[tuple[str, str, str]]:
    """(premise text, kind, target text) of every relation an imported debate holds."""
    debate = outcome.loaded.debate
    found: set[tuple[str, str, str]] = set()
    stack = [(c, "supports", debate.motion) for c in debate.pro]
    stack += [(c, "rebuts", debate.motion) for c in debate.con]
    claims = []
    while stack:
        claim, kind, parent = stack.pop()
        found.add((_plain(claim.text), kind, _plain(parent)))
        claims.append(claim)
        stack += [(s, "supports", claim.text) for s in claim.support]
        stack += [(r, "undercuts" if r.undercut else "rebuts", claim.text) for r in claim.rebuttals]
    by_id = {c.id: c.text for c in claims if c.id}
    for claim in claims:
        found.update((_plain(claim.text), "rebuts", _plain(by_id[t])) for t in claim.also_rebuts)
        found.update(
            (_plain(claim.text), "supports", _plain(by_id[t])) for t in claim.also_supports
        )
    return found


_KINDS = {"attack": "rebuts", "support": "supports", "undercut": "undercuts"}


def oracle(path: Path) -> None:
    tool = shutil.which("argdown")
    if tool is None:
        print(f"{path.name}: the argdown command is not on the PATH; no oracle")
        return
    try:
        outcome = import_text("argdown", path.read_text(encoding="utf-8"), "oracle.yaml")
    except InteropError as exc:
        print(f"{path.name}: refused: {exc.message}")
        return
    if not outcome.loaded.ok:
        print(f"{path.name}: the converted debate does not validate")
        return
    graph = outcome.loaded.graph
    data, errors = _argdown_json(tool, path)
    text, held = _texts(data), _relations(outcome)
    missing = []
    for relation in data.get("relations", []):
        kind = _KINDS.get(relation["relationType"], "rebuts")
        ends = (
            text(relation["fromType"], relation["from"]),
            text(relation["toType"], relation["to"]),
        )
        # An undercut of an argument nested elsewhere is held as a rebuttal cross-link.
        fallback = (ends[0], "rebuts", ends[1]) in held and kind == "undercuts"
        if (ends[0], kind, ends[1]) not in held and not fallback:
            missing.append(f"{relation['from']} {relation['relationType']} {relation['to']}")
    listed = len(data.get("relations", []))
    exported, _losses = export_text("argdown", graph)
    with tempfile.TemporaryDirectory() as folder:
        back = Path(folder) / "exported.argdown"
        back.write_text(exported, encoding="utf-8")
        again, back_errors = _argdown_json(tool, back)
    print(
        f"{path.name}: Argdown lists {listed} relations ({errors} error lines); argmap holds "
        f"{listed - len(missing)} of them; the export: {len(again.get('arguments', {}))} "
        f"arguments, {back_errors} error lines"
    )
    for item in missing:
        print(f"  not held: {item}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="2500,5000,10000,20000")
    parser.add_argument("--oracle", nargs="*", default=[], type=Path)
    args = parser.parse_args()
    for path in args.oracle:
        oracle(path)
    if args.oracle:
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    worst = 0.0
    for name, make in SHAPES.items():
        runs = [run(make(size)) for size in sizes]
        fits = [exponent(sizes, [r[0] for r in runs])]
        if all(r[1] for r in runs):
            fits.append(exponent(sizes, [r[1] for r in runs]))
        worst = max(worst, *fits)
        cells = "  ".join(f"{r[0]:5.2f}+{r[1]:4.2f} s" for r in runs)
        fit = " / ".join(f"{f:4.2f}" for f in fits)
        print(f"{name:16} {cells}  exponent {fit}  ({runs[-1][2]})", flush=True)
    print(f"sizes {sizes}; import+export seconds; worst exponent {worst:.2f} (target <= 1.15)")


if __name__ == "__main__":
    main()
