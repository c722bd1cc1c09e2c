"""Where `argmap validate`'s start-up goes: the standard library it needs, beside yaml.

Run: `.venv/bin/python benchmarks/bench_startup_floor.py [--runs 9]`

`bench_all.py`'s startup figure compares a one-claim `argmap validate` with
`python -c "import yaml"` (target <= 1.5). This prints, as CPU-time ratios to that same
baseline (paired runs, private bytecode cache, as in `bench_all.py`): `import yaml` plus
each standard module the debate model and the command line import (typing for the
records, dataclasses for the loaded results, pathlib for paths, argparse for the command
line), all four together, the loader (`import argmap.load`), and the command itself.
The four together are the floor of any start-up that keeps them; a figure over the
target there means the target needs them off the path a command takes, not lazier
imports of argmap's own modules.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_all import ARGMAP, PYTHON, paired_cpu

ONE_CLAIM = "title: T\nmotion: M\npro:\n  - text: a\ncon:\n  - text: b\n"
STDLIB = ("typing", "dataclasses", "pathlib", "argparse")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    baseline = [PYTHON, "-c", "import yaml"]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"start-up / `import yaml`, CPU time, {args.runs} paired runs (load average {load})")
    print("| command                                   | ms     | yaml ms | ratio")
    print("|-------------------------------------------|-------:|--------:|------:")
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.yaml"
        one.write_text(ONE_CLAIM, encoding="utf-8")
        commands = [
            *((f"import yaml, {name}", [PYTHON, "-c", f"import yaml, {name}"]) for name in STDLIB),
            (
                "import yaml and all four",
                [PYTHON, "-c", f"import yaml, {', '.join(STDLIB)}"],
            ),
            ("import argmap.load", [PYTHON, "-c", "import argmap.load"]),
            ("argmap validate one.yaml", [*ARGMAP, "validate", str(one)]),
        ]
        for name, command in commands:
            a, b, ratio, _ = paired_cpu(command, baseline, args.runs)
            print(f"| {name:41s} | {a * 1000:6.1f} | {b * 1000:7.1f} | {ratio:5.2f}")


if __name__ == "__main__":
    main()
