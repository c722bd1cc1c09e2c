"""Where `argmap validate`'s start-up goes: the standard library it needs, beside yaml.

Run: `.venv/bin/python benchmarks/bench_startup_floor.py [--runs 9] [--instructions]`

`bench_all.py`'s startup figure compares a one-claim `argmap validate` with
`python -c "import yaml"` (target <= 1.5). This prints, as CPU-time ratios to that same
baseline (paired runs, private bytecode cache, as in `bench_all.py`): `import yaml` plus
each standard module the command still imports that yaml does not (typing for the
records, pathlib for paths, argparse for the command line, and locale, which argparse's
translations import when LANG is set), all of them together (the floor of any start-up
that keeps them), then argmap's loader (`import argmap.load`), its command line
(`import argmap.cli`) and the command itself.

With `--instructions` (needs valgrind) each command's instructions are counted too, and
their ratio printed: unlike CPU time, the count does not change with the load of a
shared machine, so it shows what a change to start-up saves to within a percent.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_all import ARGMAP, ENV, PYTHON, paired_cpu

ONE_CLAIM = "title: T\nmotion: M\npro:\n  - text: a\ncon:\n  - text: b\n"
STDLIB = ("typing", "pathlib", "argparse", "locale")


def instructions(command: list[str]) -> float:
    """Millions of instructions `command` runs, as valgrind's callgrind counts them."""
    subprocess.run(command, capture_output=True, env=ENV, check=True)  # fill the cache
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        capture_output=True,
        text=True,
        env=ENV,
        check=True,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise RuntimeError("valgrind printed no count")
    return int(found.group(1)) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--instructions", action="store_true", help="count with valgrind")
    args = parser.parse_args()
    if args.instructions and shutil.which("valgrind") is None:
        parser.error("--instructions needs valgrind")
    baseline = [PYTHON, "-c", "import yaml"]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"start-up / `import yaml`, CPU time, {args.runs} paired runs (load average {load})")
    base_ir = instructions(baseline) if args.instructions else 0.0
    if args.instructions:
        print(f"`import yaml`: {base_ir:.1f} million instructions")
    print(f"| {'command':41s} | ms     | yaml ms | ratio | M instr | ratio")
    print(f"|{'-' * 43}|-------:|--------:|------:|--------:|------:")
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.yaml"
        one.write_text(ONE_CLAIM, encoding="utf-8")
        commands = [
            *((f"import yaml, {name}", [PYTHON, "-c", f"import yaml, {name}"]) for name in STDLIB),
            (
                "import yaml and all of them",
                [PYTHON, "-c", f"import yaml, {', '.join(STDLIB)}"],
            ),
            ("import argmap.load", [PYTHON, "-c", "import argmap.load"]),
            ("import argmap.cli, argmap.load", [PYTHON, "-c", "import argmap.cli, argmap.load"]),
            ("argmap validate one.yaml", [*ARGMAP, "validate", str(one)]),
        ]
        for name, command in commands:
            a, b, ratio, _ = paired_cpu(command, baseline, args.runs)
            counted = ""
            if args.instructions:
                ir = instructions(command)
                counted = f" | {ir:7.1f} | {ir / base_ir:5.2f}"
            print(f"| {name:41s} | {a * 1000:6.1f} | {b * 1000:7.1f} | {ratio:5.2f}{counted}")


if __name__ == "__main__":
    main()
