"""Cursor moves in the map of a big debate, as a user feels them: key to repaint in tmux.

Run: nice .venv/bin/python benchmarks/bench_bigmap_keys.py [--sizes 10000,50000] [--moves 100]
     [--generators project,outside]

For each size and generator (`generate.py`, the project's own; `generate_outside.py`, longer
texts, deeper chains, wider hubs, more cross-links) a debate is opened with `argmap open
FILE` in an 80x24 tmux pane (a server of its own), its map is opened, and `--moves` cursor
keys are sent one at a time: down and up through the motion's hundreds of top-level claims
(wide), right to open a claim and step into it, left back out (deep). For each key it
prints, over all moves:

- repaint: from sending the key until the screen changes (the cursor row moved);
- detail: until the detail panel names the claim the breadcrumb ends in;
- reason: until the panel shows what moved that claim's strength (worked out on a worker
  in a big debate; the claim shows before it).

Before the moves it prints the seconds from `argmap open FILE` to the map readable (the
motion and top-level claims with their figures; Enter sent as soon as the row is ready)
against the bundled debates' first screen (targets: 10k <= 1.5x, 50k <= 3x); after them,
the app's peak resident memory (target with 50k: < 300 MB).

First it prints the floor of the measurement: the same keys sent to a few lines of Python
that redraw the screen on each key. Keys and screen captures go through one tmux client in
control mode (no process started per poll), but on a loaded machine the floor itself
grows; compare the app with it.

Targets: repaint p95 <= 50 ms and max <= 150 ms. The load average is printed with each
line: the machine may be shared, and a loaded machine makes every number longer.
"""

from __future__ import annotations

import argparse
import contextlib
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
from generate_outside import outside_debate_yaml

ARGMAP = str(Path(sys.executable).with_name("argmap"))
#: Shown in the detail panel until what moved a strength is worked out.
WORKING = "working out what moved it"
#: Share of each key among the moves: down/up walk wide lists, right/left go deep.
KEYS = (("Down", 0.45), ("Right", 0.35), ("Up", 0.1), ("Left", 0.1))


class Pane:
    """One tmux server and session of our own, running one command at 80x24, driven
    through one client in control mode."""

    opened = 0

    def __init__(self, command: list[str], cwd: Path) -> None:
        # A socket of its own each time: a server just told to quit may still hold the last.
        Pane.opened += 1
        self.socket = f"argmap-keys-{os.getpid()}-{Pane.opened}"
        line = " ".join(shlex.quote(word) for word in command)
        size = ["-x", "80", "-y", "24"]
        subprocess.run(
            [
                "tmux",
                "-L",
                self.socket,
                "new-session",
                "-d",
                "-s",
                "bench",
                *size,
                "-c",
                str(cwd),
                line,
            ],
            capture_output=True,
            check=True,
        )
        self._client = subprocess.Popen(
            ["tmux", "-L", self.socket, "-C", "attach-session", "-t", "bench"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
        self._reply()  # to the attach itself
        self._command("refresh-client -f no-output")  # no stream of the pane's bytes

    def _reply(self) -> list[str]:
        """The lines of the next command's reply (notifications in between skipped)."""
        assert self._client.stdout is not None
        inside = False
        lines: list[str] = []
        for raw in self._client.stdout:
            if raw.startswith("%begin"):
                inside, lines = True, []
            elif inside and raw.startswith(("%end", "%error")):
                if raw.startswith("%error"):
                    raise RuntimeError("tmux: " + " ".join(lines))
                return lines
            elif inside:
                lines.append(raw.rstrip("\n"))
        raise RuntimeError("the app exited")

    def _command(self, line: str) -> list[str]:
        assert self._client.stdin is not None
        self._client.stdin.write(line + "\n")
        self._client.stdin.flush()
        return self._reply()

    def screen(self) -> str:
        return "\n".join(self._command("capture-pane -p -t bench"))

    def send(self, key: str) -> float:
        start = time.perf_counter()
        self._command(f"send-keys -t bench {key}")
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

    def peak_mb(self) -> float:
        """The highest peak resident memory among the pane's processes (the shell, if
        any, and the app), in MB."""
        pid = int(self._command("display-message -p -t bench '#{pane_pid}'")[0])
        peak, todo = 0, [pid]
        while todo:
            current = todo.pop()
            try:
                status = Path(f"/proc/{current}/status").read_text(encoding="utf-8")
                for task in Path(f"/proc/{current}/task").iterdir():
                    todo.extend(int(c) for c in (task / "children").read_text().split())
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]))
        return peak / 1024

    def close(self) -> None:
        socket = ""
        with contextlib.suppress(RuntimeError, IndexError):  # the app may be gone already
            socket = self._command("display-message -p '#{socket_path}'")[0]
        with contextlib.suppress(RuntimeError):  # the server went with the session
            self._command("kill-server")
        self._client.wait(timeout=10)
        if socket:
            Path(socket).unlink(missing_ok=True)


#: What the floor runs in the pane: raw keys in, the screen redrawn for each.
ECHO_KEYS = (
    "import os, sys, tty\n"
    "tty.setraw(0)\n"
    "os.write(1, b'ready')\n"
    "count = 0\n"
    "while True:\n"
    "    got = os.read(0, 64)\n"
    "    if got == b'q':\n"
    "        break\n"
    "    count += 1\n"
    "    rows = ''.join(f'row {r} after key {count}\\r\\n' for r in range(20))\n"
    "    os.write(1, b'\\x1b[H\\x1b[2J' + rows.encode())\n"
)


def floor(count: int) -> list[float]:
    """Seconds from key to repaint of a program that does nothing else (the harness)."""
    with tempfile.TemporaryDirectory() as folder:
        pane = Pane([sys.executable, "-c", ECHO_KEYS], Path(folder))
        try:
            pane.wait(lambda s: "ready" in s, 30)
            pane.send("x")
            pane.wait(lambda s: "after key 1" in s, 30)
            found = []
            for _ in range(count):
                before = pane.screen()
                start = pane.send("Down")
                painted, _ = pane.wait(lambda s, b=before: s != b, 5)
                found.append(painted - start)
                time.sleep(0.05)
            return found
        finally:
            pane.close()


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


#: The debates to open: a generator's name and its function (claims, seed) -> YAML.
GENERATORS: dict[str, Callable[[int, int], str]] = {
    "project": generate_debate_yaml,
    "outside": outside_debate_yaml,
}


def moves(
    size: int, count: int, seed: int = 7, generator: str = "project"
) -> dict[str, list[float]]:
    """Seconds per key: repaint, detail and reason, over `count` moves in the map; and
    under "peak MB" the app's peak resident memory at the end, in MB."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{generator}-{size}.yaml"
        path.write_text(GENERATORS[generator](size, 1), encoding="utf-8")
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
            found["peak MB"] = [pane.peak_mb()]
            return found
        finally:
            pane.close()


def spread(ms: list[float]) -> str:
    return (
        f"p50 {statistics.median(ms):6.0f} ms  p95 {percentile(ms, 0.95):6.0f} ms  "
        f"max {max(ms):6.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,50000")
    parser.add_argument("--moves", type=int, default=100)
    parser.add_argument("--generators", default="project,outside")
    options = parser.parse_args()
    bundled = Path(__file__).resolve().parent.parent / "arguments"
    ms = [v * 1000 for v in floor(min(options.moves, 50))]
    print(f" floor   repaint  moves {len(ms):>3}  {spread(ms)}  [{load_average()}]", flush=True)
    for size in (int(s) for s in options.sizes.split(",")):
        for generator in options.generators.split(","):
            name = f"{size:>6} {generator:<8}"
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / f"{generator}-{size}.yaml"
                path.write_text(GENERATORS[generator](size, 1), encoding="utf-8")
                big, small = time_to_map(path, Path(folder)), time_to_map(bundled, Path(folder))
            print(
                f"{name} map readable {big:.2f} s, bundled first screen {small:.2f} s, "
                f"ratio {big / small:.2f}  [{load_average()}]",
                flush=True,
            )
            found = moves(size, options.moves, generator=generator)
            peak = found.pop("peak MB")[0]
            for what, values in found.items():
                ms = [v * 1000 for v in values]
                line = f"{name} {what:<8} moves {len(ms):>3}  {spread(ms)}"
                if what == "repaint":
                    met = percentile(ms, 0.95) <= 50 and max(ms) <= 150
                    line += f"  (target p95 <= 50, max <= 150: {'met' if met else 'NOT met'})"
                print(f"{line}  [{load_average()}]", flush=True)
            print(f"{name} app peak resident memory {peak:.0f} MB (target with 50k: < 300 MB)")


if __name__ == "__main__":
    main()
