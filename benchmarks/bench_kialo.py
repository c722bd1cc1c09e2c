"""Time the Kialo import in-process at 10k and 50k claims, phase by phase, beside arguebuf.

    .venv/bin/python benchmarks/bench_kialo.py [--runs 3] [SIZES...]

Each size is a generated debate (`generate.py`, seed 1) written in Kialo's classic text
layout, as `bench_all.py` writes it. Printed, in seconds of CPU time (the least of the
runs: on a machine other work shares, wall time also counts waiting for a core): *parse*,
reading the text into debate data (`parse_kialo`, with the garbage collector paused as
`argmap import` runs it);
*yaml*, writing that data as YAML; *load*, loading the YAML back with every check
(`load_text`, what `argmap import` does before it writes anything); *import*, the three
together (`import_text`); and *arguebuf*, `arguebuf.load.kialo` on the same text when
arguebuf is installed (it parses into its own graph and writes nothing). The whole-process
comparison with arguebuf is the `kialo` row of `bench_all.py`.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_all import kialo_text  # noqa: E402
from generate import generate_debate_yaml  # noqa: E402

from argmap.collector import collector_paused  # noqa: E402
from argmap.interop import import_text  # noqa: E402
from argmap.interop.kialo import parse_kialo  # noqa: E402
from argmap.interop.yaml_out import dump_debate  # noqa: E402
from argmap.load import load_text  # noqa: E402


def fastest(action: Callable[[], Any], runs: int) -> float:
    """The least of `runs` CPU times of `action` (all of it runs in this thread)."""
    times = []
    for _ in range(runs):
        started = time.process_time()
        action()
        times.append(time.process_time() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 50_000])
    args = parser.parse_args()
    try:
        import arguebuf
    except ImportError:
        arguebuf = None
    print(
        f"{'claims':>7} {'MB':>5} {'parse':>6} {'yaml':>6} {'load':>6} {'import':>7} "
        f"{'arguebuf':>8}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = Path(tmp) / f"generated-{size}.yaml"
            path.write_text(generate_debate_yaml(size, seed=1), encoding="utf-8")
            text = kialo_text(path)
            data = parse_kialo(text).data
            written = dump_debate(data)
            runs = args.runs
            with collector_paused():
                parse = fastest(lambda: parse_kialo(text), runs)  # noqa: B023 - called now
            dump = fastest(lambda: dump_debate(data), runs)  # noqa: B023
            load = fastest(lambda: load_text(written, "bench.yaml"), runs)  # noqa: B023
            whole = fastest(lambda: import_text("kialo", text, "bench.yaml"), runs)  # noqa: B023
            other = "-"
            if arguebuf is not None:
                other = f"{fastest(lambda: arguebuf.load.kialo(io.StringIO(text)), runs):.3f}"  # noqa: B023
            mb = len(text.encode()) / 1e6
            print(
                f"{size:>7} {mb:>5.1f} {parse:>6.3f} {dump:>6.3f} {load:>6.3f} {whole:>7.3f} "
                f"{other:>8}",
                flush=True,
            )


if __name__ == "__main__":
    main()
