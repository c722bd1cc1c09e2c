"""Time `argmap slides`: planning (layouts measured with `dot`) and writing PDF and PPTX.

    python benchmarks/bench_slides.py --sizes 100,300
    python benchmarks/bench_slides.py --sizes 0        # the bundled umbrella debate only

Prints one line per debate: claims, slides, how many candidate layouts `dot` measured, and
seconds to plan, to write the PDF and to write the PowerPoint file; then the PowerPoint file
written as it used to be (pictures drawn by one `dot` process, with twice the pixels a
projector shows) and the ratio of the two, and the load average before and after (on a
shared machine the seconds move with it; the ratio much less).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate_debate_yaml  # noqa: E402

import argmap.export.slides as slides  # noqa: E402
from argmap.export import deck_pdf, deck_pptx  # noqa: E402
from argmap.export.fit import measure  # noqa: E402
from argmap.graph import ArgumentGraph  # noqa: E402
from argmap.load import load_file, load_text  # noqa: E402


def run(name: str, graph: ArgumentGraph) -> None:
    measured = [0]

    def counting(sources: list[str], pad: float = 0.1) -> list[object]:
        measured[0] += len(sources)
        return list(measure(sources, pad))

    slides.measure = counting  # type: ignore[assignment]
    started = time.perf_counter()
    deck = slides.build_deck(graph)
    planned = time.perf_counter()
    deck_pdf.write(deck)
    pdf = time.perf_counter()
    deck_pptx.write(deck)
    pptx = time.perf_counter()
    deck_pptx.write(deck, jobs=1, oversampling=2)
    before = time.perf_counter()
    print(
        f"{name:<30} {len(graph):>6} {len(deck.slides):>6} {measured[0]:>8} "
        f"{planned - started:>6.1f} {pdf - planned:>6.1f} {pptx - pdf:>6.1f} "
        f"{before - pptx:>7.1f} {(before - pptx) / (pptx - pdf):>6.1f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,300", help="generated debate sizes; 0: none")
    args = parser.parse_args()
    head = f"{'debate':<30} {'claims':>6} {'slides':>6} {'layouts':>8}"
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} processors")
    print(f"{head} {'plan':>6} {'pdf':>6} {'pptx':>6} {'before':>7} {'ratio':>7}")
    umbrella = load_file(ROOT / "arguments" / "international-collaboration.yaml")
    run("international-collaboration", umbrella.graph)
    for size in (int(s) for s in args.sizes.split(",") if int(s) > 0):
        item = load_text(generate_debate_yaml(size, seed=3), f"generated-{size}.yaml")
        run(f"generated-{size}", item.graph)
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
