"""A class opening `argmap serve` at once: 30 browser tabs connect together, then type.

Run: .venv/bin/python benchmarks/bench_serve_burst.py [--tabs 30] [--keys 20] [--spawn]
     [--claims N]

Starts `argmap serve` on the bundled debates (a real server process on a free loopback
port), then opens --tabs websockets at the same moment, each from its own loopback address
(127.0.0.2, 127.0.0.3, ...: one computer per pupil), speaking textual-serve's protocol as
its page does. Prints, with the load average before and after:
- time to first screen: from connecting to the debates list drawn (a debate's title in
  the tab's output), median and worst (target: worst <= 5 s);
- key round trip: once every tab shows its list, each tab presses Down and Up --keys times
  with --gap seconds between presses; from sending a key to the first screen update it
  causes, median and 95th percentile over all tabs (target: median < 100 ms);
- memory: the apps' proportional set size (PSS: shared pages split between the processes
  that share them), total and per tab, and the tabs per GB that follows.
--spawn serves each tab a freshly started app process instead of a fork of the preloaded
one, for comparison. --claims N serves one generated debate of N claims (generate.py)
instead of the bundled debates; its list shows one row, named after its file.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

ARGUMENTS = Path(__file__).resolve().parents[1] / "arguments"
SERVER = (
    "import sys; from pathlib import Path; "
    "from argmap.web.serve import ServeOptions, serve; "
    "serve(ServeOptions(paths=(Path(sys.argv[1]),), port=int(sys.argv[2]), max_tabs=1000, "
    "preload=sys.argv[3] == 'preload'))"
)
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate_debate_yaml  # noqa: E402

#: What the list shows first, and once every debate is read: (first, all listed).
BUNDLED = (b"Brain drain", b"National sovereignty")
DOWN, UP = "\x1b[B", "\x1b[A"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def load() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def descendants(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int(
                    (entry / "stat").read_text().rsplit(")", 1)[1].split()[1]
                )
            except OSError:
                continue
    found, frontier = [], [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, up in parents.items() if up == parent]
        found += children
        frontier += children
    return found


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time the processes have used so far."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class Tab:
    """One browser tab: its websocket and the times it measured."""

    def __init__(self, number: int, url: str, needles: tuple[bytes, bytes]) -> None:
        self.url = url
        self.needles = needles
        self.address = f"127.0.0.{2 + number}"
        self.first_screen = 0.0
        self.round_trips: list[float] = []

    async def run(
        self, start: asyncio.Event, ready: asyncio.Barrier, keys: int, gap: float
    ) -> None:
        connector = aiohttp.TCPConnector(local_addr=(self.address, 0))
        async with aiohttp.ClientSession(connector=connector) as session:
            await start.wait()
            began = time.perf_counter()
            async with session.ws_connect(
                f"{self.url}/ws?width=80&height=24", origin=self.url, max_msg_size=0
            ) as websocket:
                seen = b""
                first, listed = self.needles
                while first not in seen:
                    seen += await self.receive(websocket)
                self.first_screen = time.perf_counter() - began
                while listed not in seen:
                    seen += await self.receive(websocket)
                await ready.wait()
                await self.quiet(websocket)
                for press in range(keys):
                    sent = time.perf_counter()
                    await websocket.send_json(["stdin", DOWN if press % 2 == 0 else UP])
                    await self.receive(websocket)
                    self.round_trips.append(time.perf_counter() - sent)
                    await asyncio.sleep(gap)
                    await self.quiet(websocket)

    @staticmethod
    async def receive(websocket: aiohttp.ClientWebSocketResponse) -> bytes:
        while True:
            message = await asyncio.wait_for(websocket.receive(), 60)
            if message.type == aiohttp.WSMsgType.BINARY:
                return bytes(message.data)
            if message.type != aiohttp.WSMsgType.TEXT:
                raise RuntimeError(f"the tab closed: {message.type!r} {message.data!r}")

    @staticmethod
    async def quiet(websocket: aiohttp.ClientWebSocketResponse) -> None:
        """Drop what the app still sends, so the next update read is the key's."""
        while True:
            try:
                await asyncio.wait_for(websocket.receive(), 0.05)
            except TimeoutError:
                return


async def burst(
    url: str, tabs: int, keys: int, gap: float, server: int, needles: tuple[bytes, bytes]
) -> list[Tab]:
    opened = [Tab(number, url, needles) for number in range(tabs)]
    start = asyncio.Event()
    ready = asyncio.Barrier(tabs + 1)  # every tab shows its list, and the memory is read
    runs = [asyncio.create_task(tab.run(start, ready, keys, gap)) for tab in opened]
    await asyncio.sleep(0.2)  # every session is set up; now they connect together
    cpu_before = cpu_seconds([server, *descendants(server)])
    server_before = cpu_seconds([server])
    start.set()
    try:
        async with asyncio.timeout(120):
            await ready.wait()
    except TimeoutError:
        pass
    else:
        apps = descendants(server)
        cpu = cpu_seconds([server, *apps]) - cpu_before
        in_server = cpu_seconds([server]) - server_before
        print(
            f"CPU to serve every list: {cpu:.1f} s ({in_server:.1f} s in the server), "
            f"{cpu / tabs:.2f} s a tab; on "
            f"{os.cpu_count()} idle cores the last list would show after "
            f"{cpu / os.cpu_count():.1f} s"
            f" (/ 5 s target = {cpu / os.cpu_count() / 5:.2f})"
        )
        total_mb = sum(pss_kb(pid) for pid in apps) / 1024
        print(
            f"memory: {len(apps)} processes under the server, PSS {total_mb:.0f} MB in all, "
            f"{total_mb / tabs:.1f} MB a tab, about {1024 * tabs / total_mb:.0f} tabs per GB"
        )
    done = await asyncio.gather(*runs, return_exceptions=True)
    errors = [error for error in done if isinstance(error, BaseException)]
    if errors:
        raise RuntimeError(f"{len(errors)} tabs failed; the first: {errors[0]!r}")
    return opened


def report(tabs: list[Tab]) -> None:
    first = sorted(tab.first_screen for tab in tabs)
    trips = sorted(trip for tab in tabs for trip in tab.round_trips)
    print(
        f"first screen: median {statistics.median(first):.2f} s, worst {first[-1]:.2f} s "
        f"(worst / 5 s target = {first[-1] / 5:.2f})"
    )
    if trips:
        median = statistics.median(trips)
        p95 = trips[int(0.95 * (len(trips) - 1))]
        print(
            f"key round trip: median {median * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
            f"worst {trips[-1] * 1000:.0f} ms over {len(trips)} keys "
            f"(median / 100 ms target = {median / 0.1:.2f})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tabs", type=int, default=30)
    parser.add_argument("--keys", type=int, default=20, help="keys each tab presses")
    parser.add_argument("--gap", type=float, default=0.25, help="seconds between a tab's keys")
    parser.add_argument("--spawn", action="store_true", help="a fresh app process per tab")
    parser.add_argument("--claims", type=int, help="serve one generated debate this big")
    args = parser.parse_args()
    port = free_port()
    mode = "spawn" if args.spawn else "preload"
    with tempfile.TemporaryDirectory() as folder:
        served, needles = ARGUMENTS, BUNDLED
        if args.claims:
            served = Path(folder) / "generated-debate.yaml"
            served.write_text(generate_debate_yaml(args.claims), encoding="utf-8")
            needles = (b"generated-debate", b"generated-debate")
        run(args, port, mode, served, needles)


def run(
    args: argparse.Namespace, port: int, mode: str, served: Path, needles: tuple[bytes, bytes]
) -> None:
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(served), str(port), mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert server.stdout is not None
        server.stdout.readline()  # "serving ...": it listens
        time.sleep(3 + (args.claims or 0) / 2000)  # the preloader has read the debates
        what = f"a debate of {args.claims} claims" if args.claims else "the bundled debates"
        print(
            f"{args.tabs} tabs at once ({mode}) on {what}, {os.cpu_count()} CPUs, "
            f"load average {load()}"
        )
        url = f"http://127.0.0.1:{port}"
        report(asyncio.run(burst(url, args.tabs, args.keys, args.gap, server.pid, needles)))
        print(f"load average after: {load()}")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
