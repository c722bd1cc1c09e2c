"""`argmap serve` listening on a loopback port, driven as a browser (or an attacker) would.

Each test starts the server on 127.0.0.1 and a free port and talks to it with aiohttp's
HTTP and websocket client. The app processes are real `argmap open` processes.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

pytest.importorskip("textual_serve", reason="textual-serve is not installed")

import aiohttp
import yarl
from aiohttp import web
from helpers import ARGUMENTS

from argmap.web import tabs
from argmap.web.serve import _Printable, app_command
from argmap.web.server import ArgmapServer
from argmap.web.tabs import MAX_STDERR, TabService

Start = Callable[..., Awaitable[ArgmapServer]]
CURSOR_MOVE = re.compile(rb"\x1b\[(\d+);(\d+)H")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def processes() -> list[tuple[int, str, int, int]]:
    """(pid, state, parent, process group) of every process (Linux)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            found.append((int(entry.name), fields[0], int(fields[1]), int(fields[2])))
    return found


def group_alive(group: int) -> bool:
    """Whether any process of a process group is still running (zombies are not)."""
    return any(pgrp == group and state != "Z" for _, state, _, pgrp in processes())


def hang(group: int) -> None:
    """Stop every process of an app's group: it can no longer quit when asked."""
    os.killpg(group, signal.SIGSTOP)


async def until(condition: Callable[[], object], limit: float = 20) -> None:
    """Wait for `condition` to hold (polling), failing after `limit` seconds."""
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, "the condition never held"
        await asyncio.sleep(0.05)


@pytest.fixture
async def start(tmp_path: Path) -> AsyncIterator[Start]:
    """Start an in-process server on 127.0.0.1 as if it served `host`; stopped at the end."""
    runners: list[web.AppRunner] = []

    async def starting(
        host: str = "127.0.0.1",
        public_url: str | None = None,
        max_tabs: int = 30,
        max_tabs_per_client: int = 10,
        allow_edits: bool = False,
        idle_timeout: float = 15,
        command: str | None = None,
        paths: list[Path] | None = None,
    ) -> ArgmapServer:
        port = free_port()
        server = ArgmapServer(
            command or app_command(paths or [ARGUMENTS], allow_edits=allow_edits),
            host=host,
            port=port,
            url=public_url or f"http://127.0.0.1:{port}",
            public_url=public_url,
            max_tabs=max_tabs,
            max_tabs_per_client=max_tabs_per_client,
            banner=[],
            idle_timeout=idle_timeout,
        )
        runners.append(await server.listen("127.0.0.1"))
        return server

    yield starting
    for runner in runners:
        await runner.cleanup()


def base(server: ArgmapServer) -> str:
    return f"http://127.0.0.1:{server.port}"


async def screen_until(
    websocket: aiohttp.ClientWebSocketResponse, *needles: bytes, limit: float = 30
) -> bytes:
    """What the app sent until every needle appeared."""
    seen = b""
    async with asyncio.timeout(limit):
        while not all(needle in seen for needle in needles):
            message = await websocket.receive()
            assert message.type == aiohttp.WSMsgType.BINARY, message
            seen += message.data
    return seen


def drawn_size(screen: bytes) -> tuple[int, int]:
    """The last row and column the app moved its cursor to (1-based)."""
    moves = [(int(row), int(column)) for row, column in CURSOR_MOVE.findall(screen)]
    return max(row for row, _ in moves), max(column for _, column in moves)


def only_tab(server: ArgmapServer) -> TabService:
    assert len(server.tabs) == 1
    return next(iter(server.tabs))


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Host": "evil.example:{port}", "Origin": "http://evil.example:{port}"},
        {"Host": "evil.example:{port}"},
        {"Origin": "null"},
    ],
)
async def test_a_websocket_from_another_site_is_refused_before_any_app_starts(
    start: Start, headers: dict[str, str]
) -> None:
    server = await start(allow_edits=True)
    sent = {key: value.format(port=server.port) for key, value in headers.items()}
    async with aiohttp.ClientSession() as session:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await session.ws_connect(f"{base(server)}/ws", headers=sent)
        assert refused.value.status == 403
        async with session.get(f"{base(server)}/", headers=sent) as page:
            assert page.status == 403
            assert "answers only requests made to the address it serves" in await page.text()
    assert server.tabs == set() and server.open_tabs == 0


async def test_the_own_page_drives_the_app(start: Start) -> None:
    server = await start(idle_timeout=0.5)  # an open tab is not an idle connection
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(f"{base(server)}/ws", origin=base(server)) as websocket,
    ):
        await screen_until(websocket, b"Brain drain", b"National sovereignty")
        await websocket.send_json(["stdin", "\r"])  # open the first debate's map
        await screen_until(websocket, b"brain-drain")


async def test_the_page_is_not_framed_by_other_sites(start: Start) -> None:
    server = await start()
    async with aiohttp.ClientSession() as session, session.get(f"{base(server)}/") as page:
        assert page.status == 200
        assert page.headers["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]


async def test_listening_everywhere_the_page_points_at_the_address_the_browser_used(
    start: Start,
) -> None:
    server = await start(host="0.0.0.0")
    async with aiohttp.ClientSession() as session:
        for host in (f"127.0.0.1:{server.port}", f"localhost:{server.port}"):
            async with session.get(f"{base(server)}/", headers={"Host": host}) as page:
                text = await page.text()
            assert f'data-session-websocket-url="ws://{host}/ws"' in text
            assert f'src="http://{host}/static/js/textual.js"' in text
            assert socket.gethostname() not in text


async def test_a_public_url_is_where_the_page_points(start: Start) -> None:
    server = await start(public_url="https://debates.example")
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"{base(server)}/", headers={"Host": "debates.example"}) as page,
    ):
        text = await page.text()
    assert 'data-session-websocket-url="wss://debates.example/ws"' in text


async def test_a_request_line_naming_another_host_does_not_redirect_the_page(
    start: Start,
) -> None:
    server = await start()
    host = f"127.0.0.1:{server.port}"
    reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
    writer.write(
        f"GET http://evil.example/ HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode()
    )
    answer = (await reader.read()).decode("utf-8", "replace")
    writer.close()
    assert answer.startswith("HTTP/1.1 200")
    assert f'data-session-websocket-url="ws://{host}/ws"' in answer
    assert "evil.example" not in answer


async def test_a_request_never_finished_is_hung_up_on(start: Start) -> None:
    server = await start(idle_timeout=0.5)
    held = []
    for _ in range(50):  # slowloris: headers that never end
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nX-Wait: ".encode())
        held.append((reader, writer))
    async with asyncio.timeout(20):
        for reader, writer in held:
            assert await reader.read() == b""  # the server closed it
            writer.close()
    async with aiohttp.ClientSession() as session, session.get(f"{base(server)}/") as page:
        assert page.status == 200


@pytest.mark.parametrize(
    "path",
    [
        "/static/../server.py",
        "/static/%2e%2e/server.py",
        "/static/..%2fserver.py",
        "/static/%2e%2e%2f%2e%2e%2fpyproject.toml",
        "/static//etc/passwd",
        "/static/js/../../server.py",
        "/static/",
        "/static/js/",
    ],
)
async def test_static_files_stay_in_their_folder(start: Start, path: str) -> None:
    server = await start()
    async with (
        aiohttp.ClientSession() as session,
        session.get(yarl_url(base(server) + path)) as answer,
    ):
        body = await answer.read()
    assert answer.status in (403, 404)
    assert b"textual_serve" not in body and b"import" not in body and b"root:" not in body


def yarl_url(text: str) -> yarl.URL:
    """The URL exactly as written: no `..` resolved, no `%2e` decoded."""
    return yarl.URL(text, encoded=True)


async def test_a_huge_size_is_clamped_on_connect_and_on_resize(start: Start) -> None:
    server = await start()
    huge = 2**31
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(
            f"{base(server)}/ws?width={huge}&height={huge}", origin=base(server)
        ) as websocket,
    ):
        screen = await screen_until(websocket, b"Brain drain", b"National sovereignty")
        pid = only_tab(server).pid
        assert pid is not None
        rows, columns = drawn_size(screen)
        assert rows == 200 and 400 < columns <= 500  # the app draws a 500x200 screen
        await websocket.send_json(["resize", {"width": huge, "height": huge}])
        await websocket.send_json(["resize", {"width": "9" * 50, "height": None}])
        await websocket.send_str("not json")
        await websocket.send_json({"not": "a list"})
        await websocket.send_json(["stdin", "\ud800"])
        # The app still answers: a key moves the cursor and it redraws.
        await websocket.send_json(["stdin", "j"])
        await screen_until(websocket, b"\x1b[")
        rss_kb = next(
            int(line.split()[1])
            for line in Path(f"/proc/{pid}/status").read_text().splitlines()
            if line.startswith("VmRSS:")
        )
        assert rss_kb < 1_000_000


@pytest.mark.parametrize("compress", [0, 15], ids=["plain", "deflated"])
async def test_a_message_over_the_limit_closes_only_that_tab(start: Start, compress: int) -> None:
    server = await start()
    async with aiohttp.ClientSession() as session:
        async with session.ws_connect(
            f"{base(server)}/ws", origin=base(server), compress=compress
        ) as websocket:
            assert websocket.compress == compress
            await screen_until(websocket, b"Brain drain")
            pid = only_tab(server).pid
            assert pid is not None
            # Deflated, 64 MB of one letter is a frame of about 64 KB.
            with contextlib.suppress(ConnectionError):  # hung up on while still sending
                await websocket.send_json(["stdin", "x" * (64 * 1024 * 1024)])
            ended = (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR)
            async with asyncio.timeout(20):
                while (await websocket.receive()).type not in ended:
                    pass
            if compress:
                assert websocket.close_code == aiohttp.WSCloseCode.MESSAGE_TOO_BIG
        await until(lambda: not group_alive(pid))
        async with session.get(f"{base(server)}/") as page:
            assert page.status == 200


@pytest.mark.parametrize("flood", [0, 8], ids=["idle", "flooded-with-keys"])
async def test_a_hung_app_dies_with_its_tab(
    start: Start, monkeypatch: pytest.MonkeyPatch, flood: int
) -> None:
    monkeypatch.setattr(tabs, "STDIN_TIMEOUT", 1.0)
    server = await start()
    async with aiohttp.ClientSession() as session:
        async with session.ws_connect(f"{base(server)}/ws", origin=base(server)) as websocket:
            await screen_until(websocket, b"Brain drain")
            pid = only_tab(server).pid
            assert pid is not None
            hang(pid)
            # More keys than the pipe holds: the server's writes to the app block.
            for _ in range(flood):
                await websocket.send_json(["stdin", "k" * 100_000])
        await until(lambda: not group_alive(pid))
    await until(lambda: server.open_tabs == 0)


async def test_tabs_beyond_the_limit_get_a_clear_refusal(start: Start) -> None:
    server = await start(max_tabs=1)
    async with aiohttp.ClientSession() as session:
        async with session.ws_connect(f"{base(server)}/ws", origin=base(server)) as first:
            await screen_until(first, b"Brain drain")
            async with session.get(f"{base(server)}/") as page:
                assert page.status == 503
                assert "already runs one tab" in await page.text()
            async with session.ws_connect(f"{base(server)}/ws", origin=base(server)) as second:
                message = await second.receive()
                assert b"already runs one tab" in message.data
                assert (await second.receive()).type == aiohttp.WSMsgType.CLOSE
                assert second.close_code == aiohttp.WSCloseCode.TRY_AGAIN_LATER
            assert len(server.tabs) == 1
        await until(lambda: server.open_tabs == 0)
        async with session.get(f"{base(server)}/") as page:
            assert page.status == 200


async def test_one_address_holds_at_most_its_share_of_tabs(start: Start) -> None:
    server = await start(max_tabs=5, max_tabs_per_client=1)
    other = aiohttp.TCPConnector(local_addr=("127.0.0.2", 0))  # another computer, as seen
    async with aiohttp.ClientSession() as session, aiohttp.ClientSession(connector=other) as pc:
        async with session.ws_connect(f"{base(server)}/ws", origin=base(server)) as first:
            await screen_until(first, b"Brain drain")
            async with session.get(f"{base(server)}/") as page:
                assert page.status == 503
                text = await page.text()
                assert "Too many tabs" in text and "already has one tab open here" in text
                assert "--max-tabs-per-client" in text
            async with session.ws_connect(f"{base(server)}/ws", origin=base(server)) as second:
                message = await second.receive()
                assert b"already has one tab open here" in message.data
                assert (await second.receive()).type == aiohttp.WSMsgType.CLOSE
            # Another address still gets its tab while the first holds its own.
            async with pc.get(f"{base(server)}/") as page:
                assert page.status == 200
            async with pc.ws_connect(f"{base(server)}/ws", origin=base(server)) as neighbour:
                await screen_until(neighbour, b"Brain drain")
                assert len(server.tabs) == 2
        await until(lambda: server.open_tabs == 0)
        async with session.get(f"{base(server)}/") as page:
            assert page.status == 200  # a closed tab gives its place back


async def test_an_apps_stderr_is_logged_bounded_and_printable(
    start: Start, caplog: pytest.LogCaptureFixture
) -> None:
    noisy = "import sys; sys.stderr.write('\\x1b]0;pwned\\x07\\x1b[2J' * 100000)"
    server = await start(command=shlex.join([sys.executable, "-c", noisy]))
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(f"{base(server)}/ws", origin=base(server)) as websocket,
    ):
        async with asyncio.timeout(20):  # the app ends at once, and the tab is closed
            while (await websocket.receive()).type != aiohttp.WSMsgType.CLOSE:
                pass
    await until(lambda: server.open_tabs == 0)
    logged = [r for r in caplog.records if "an app wrote to stderr" in r.getMessage()]
    assert len(logged) == 1 and "(cut)" in logged[0].getMessage()
    assert len(logged[0].getMessage()) < MAX_STDERR + 100
    shown = _Printable("%(message)s").format(logged[0])
    assert "\x1b" not in shown and "\\e]0;pwned\\x07" in shown


def serve_process(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "argmap", "serve", str(ARGUMENTS), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )


def descendants(pid: int) -> list[int]:
    """The processes `pid` started, and those they started, and so on."""
    table = processes()
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        below = [child for child, _, up, _ in table if up == parent]
        found += below
        frontier += below
    return found


async def test_the_first_ctrl_c_stops_the_server_and_its_hung_apps() -> None:
    port = free_port()
    process = serve_process("--port", str(port))
    url = f"http://127.0.0.1:{port}"
    try:
        assert process.stdout is not None
        assert process.stdout.readline().startswith("argmap: serving ")  # bound by then
        async with (
            aiohttp.ClientSession() as session,
            session.ws_connect(f"{url}/ws", origin=url) as websocket,
        ):
            await screen_until(websocket, b"Brain drain")
            # The app, and the preloader it was forked from, both stop answering.
            started = descendants(process.pid)
            assert len(started) == 2
            for pid in started:
                hang(pid)
            process.send_signal(signal.SIGINT)
            assert process.wait(timeout=15) == 0
        assert not any(group_alive(pid) for pid in started)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
    assert process.stderr is not None
    assert "Traceback" not in process.stderr.read()


def test_an_address_not_of_this_machine_fails_before_serving_is_announced() -> None:
    process = serve_process("--host", "192.0.2.1", "--port", str(free_port()))
    out, err = process.communicate(timeout=60)
    assert process.returncode == 1
    assert "argmap: cannot listen on 192.0.2.1:" in err
    assert "it is not an address of this machine" in err
    assert "serving" not in out and "Ctrl+C" not in out
    assert "Traceback" not in err


def test_help_names_the_tab_limit_and_its_default() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "serve", "--help"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "COLUMNS": "200"},
    )
    assert "--max-tabs N" in done.stdout and "default 30" in done.stdout
    assert "--max-tabs-per-client N" in done.stdout and "default 10" in done.stdout
