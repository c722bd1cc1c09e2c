"""Time how fast hostile files are refused: many tiny claims, and the claim cap's scan.

    .venv/bin/python benchmarks/bench_hostile.py [--claims 3300000]

Writes a file of that many one-line claims (`- text: a`, about 33 MB for 3.3 million,
under the 32 MiB size cap when raised to fit), then times `load_file` on it: it must be
refused by the claim cap (ARGMAP_MAX_CLAIMS, default 200,000) before any model is built.
Also times the same file with the escaped-key trick (`"\\x74ext": a`), which passes the
quick count and is stopped while the node tree is walked.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=3_300_000)
    args = parser.parse_args()
    from argmap.load import load_file

    with tempfile.TemporaryDirectory() as folder:
        for name, item in (("plain", "- text: a\n"), ("escaped keys", '- "\\x74ext": a\n')):
            path = Path(folder) / "many.yaml"
            path.write_text("title: T\nmotion: M.\npro:\n" + item * args.claims)
            size = path.stat().st_size
            os.environ["ARGMAP_MAX_BYTES"] = str(size + 1)
            started = time.perf_counter()
            loaded = load_file(path)
            elapsed = time.perf_counter() - started
            first = loaded.diagnostics[0].format() if loaded.diagnostics else "loaded"
            print(f"{name}: {args.claims:,} claims, {size / 1e6:.1f} MB: {elapsed:.2f} s")
            print(f"  {first[:150]}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
