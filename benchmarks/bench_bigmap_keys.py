"""Cursor moves in the map of a big debate, as a user feels them: key to repaint in tmux.

Run: nice .venv/bin/python benchmarks/bench_bigmap_keys.py [--sizes 10000,50000] [--moves 100]

For each size a debate from `generate.py` is opened with `argmap open FILE` in an 80x24
tmux pane (a server of its own), its map is opened, and `--moves` cursor keys are sent
one at a time: down and up through the motion's hundreds of top-level claims (wide), right
to open a claim and step into it, left back out (deep). For each key it prints, over all
moves:

- repaint: from sending the key until the screen changes (the cursor row moved);
- detail: until the detail panel names the claim the breadcrumb ends in;
- reason: until the panel shows what moved that claim's strength (worked out on a worker
  in a big debate; the claim shows before it).

Before the moves it prints the seconds from `argmap open FILE` to the map readable (the
motion and top-level claims with their figures; Enter sent as soon as the row is ready)
against the bundled debates' first screen (targets: 10k <= 1.5x, 50k <= 3x).

Targets: repaint p95 <= 50 ms and max <= 150 ms. The load average is printed with each
line: the machine may be shared, and a loaded machine makes every number longer.
"""

from __future__ import annotations

import argparse
import os
import random
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate_debate_yaml

ARGMAP = str(Path(sys.executable).with_name("argmap"))
#: Shown in the detail panel until what moved a strength is worked out.
WORKING = "working out what moved it"
#: Share of each key among the moves: down/up walk wide lists, right/left go deep.
KEYS = (("Down", 0.45), ("Right", 0.35), ("Up", 0.1), ("Left", 0.1))


class Pane:
    """One tmux server and session of our own, running one command at 80x24."""

    opened = 0

    def __init__(self, command: list[str], cwd: Path) -> None:
        # A socket of its own each time: a server just told to quit may still hold the last.
        Pane.opened += 1
        self.socket = f"argmap-keys-{os.getpid()}-{Pane.opened}"
        line = " ".join(shlex.quote(word) for word in command)
        self._tmux("new-session", "-d", "-s", "bench", "-x", "80", "-y", "24", "-c", str(cwd), line)

    def _tmux(self, *words: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, *words], capture_output=True, text=True, check=False
        )

    def screen(self) -> str:
        shown = self._tmux("capture-pane", "-p", "-t", "bench")
        if shown.returncode != 0:
            raise RuntimeError(f"the app exited: {shown.stderr.strip()}")
        return shown.stdout

    def send(self, key: str) -> float:
        start = time.perf_counter()
        self._tmux("send-keys", "-t", "bench", key)
        return start

    def wait(self, ready: Callable[[str], bool], timeout: float = 60.0) -> tuple[float, str]:
        """Poll until `ready(screen)`; the time it first held and that screen."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            screen = self.screen()
            if ready(screen):
                return time.perf_counter(), screen
            time.sleep(0.002)
        raise TimeoutError(f"the screen did not get there in {timeout:.0f} s:\n{self.screen()}")

    def close(self) -> None:
        self._tmux("kill-server")


def cursor_claim(screen: str) -> str:
    """The claim the breadcrumb (second line) ends in."""
    lines = screen.splitlines()
    return lines[1].split()[-1] if len(lines) > 1 and lines[1].split() else ""


def claim_box(screen: str) -> str:
    """The detail panel's claim text, borders left out."""
    lines = screen.splitlines()
    start = next((i for i, line in enumerate(lines) if "─ Claim ─" in line), None)
    if start is None:
        return ""
    inside = []
    for line in lines[start + 1 :]:
        if line.startswith("╰") or line.startswith("╭"):
            break
        inside.append(line.strip("│ "))
    return " ".join(inside)


def detail_shown(screen: str) -> bool:
    claim = cursor_claim(screen)
    if claim in ("", "…"):
        return False
    box = claim_box(screen)
    return ("MOTION" in box) if claim == "motion" else f"· {claim}" in box


def reason_shown(screen: str) -> bool:
    return detail_shown(screen) and WORKING not in screen


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def load_average() -> str:
    return "load {:.1f} {:.1f} {:.1f}".format(*os.getloadavg())


def top_level_shown(screen: str) -> bool:
    """The map shows the motion and top-level claims with their strengths under it."""
    lines = screen.splitlines()
    map_at = next((i for i, line in enumerate(lines) if "─ Map ─" in line), None)
    if map_at is None:
        return False
    rows = lines[map_at + 1 : map_at + 8]
    claims = [line for line in rows if ("├" in line or "└" in line) and "0." in line]
    return any("Motion:" in line for line in rows) and len(claims) >= 1


def time_to_map(path: Path, cwd: Path, timeout: float = 600.0) -> float:
    """Seconds from `argmap open PATH` to its map readable: the list row is ready, Enter
    is sent at once, and the map shows the motion and top-level claims with figures.
    The bundled debates (a folder) count until their list is painted, their first screen.
    """
    pane = Pane([ARGMAP, "open", str(path)], cwd)
    try:
        start = time.perf_counter()
        if path.is_dir():
            done, _ = pane.wait(lambda s: "✓ valid" in s and "Quit" in s, timeout)
            return done - start
        pane.wait(lambda s: "✓ valid" in s and "loading" not in s, timeout)
        pane.send("Enter")
        done, _ = pane.wait(top_level_shown, timeout)
        return done - start
    finally:
        pane.close()


def moves(size: int, count: int, seed: int = 7) -> dict[str, list[float]]:
    """Seconds per key: repaint, detail and reason, over `count` moves in the map."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"generated-{size}.yaml"
        path.write_text(generate_debate_yaml(size, seed=1), encoding="utf-8")
        pane = Pane([ARGMAP, "open", str(path)], Path(folder))
        try:
            pane.wait(lambda s: "✓ valid" in s and "loading" not in s, 600)
            pane.send("Enter")
            pane.wait(lambda s: "─ Map ─" in s and reason_shown(s), 600)
            found: dict[str, list[float]] = {"repaint": [], "detail": [], "reason": []}
            names, weights = zip(*KEYS, strict=True)
            for _ in range(count):
                before = pane.screen()
                key = rng.choices(names, weights)[0]
                start = pane.send(key)
                # A key that changes nothing (left at the motion) is not a move: skip it.
                try:
                    painted, _ = pane.wait(lambda s, b=before: s != b, 5)
                except TimeoutError:
                    continue
                shown, _ = pane.wait(detail_shown)
                reasoned, _ = pane.wait(reason_shown)
                found["repaint"].append(painted - start)
                found["detail"].append(shown - start)
                found["reason"].append(reasoned - start)
                time.sleep(0.05)
            return found
        finally:
            pane.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,50000")
    parser.add_argument("--moves", type=int, default=100)
    options = parser.parse_args()
    bundled = Path(__file__).resolve().parent.parent / "arguments"
    for size in (int(s) for s in options.sizes.split(",")):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"generated-{size}.yaml"
            path.write_text(generate_debate_yaml(size, seed=1), encoding="utf-8")
            big, small = time_to_map(path, Path(folder)), time_to_map(bundled, Path(folder))
        print(
            f"{size:>6} claims  map readable {big:.2f} s, bundled first screen {small:.2f} s, "
            f"ratio {big / small:.2f}  [{load_average()}]",
            flush=True,
        )
        found = moves(size, options.moves)
        for what, values in found.items():
            ms = [v * 1000 for v in values]
            line = (
                f"{size:>6} claims  {what:<8} moves {len(ms):>3}  "
                f"p50 {statistics.median(ms):6.0f} ms  p95 {percentile(ms, 0.95):6.0f} ms  "
                f"max {max(ms):6.0f} ms"
            )
            if what == "repaint":
                met = percentile(ms, 0.95) <= 50 and max(ms) <= 150
                line += f"  (target p95 <= 50, max <= 150: {'met' if met else 'NOT met'})"
            print(f"{line}  [{load_average()}]", flush=True)


if __name__ == "__main__":
    main()
