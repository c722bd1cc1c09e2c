"""`argmap serve` forks each tab's app from a preloaded process: the apps are still each in
a session of their own, end with their tab, show files as they are on disk, and tabs keep
opening when the preloader is gone."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest

pytest.importorskip("textual_serve", reason="textual-serve is not installed")

import aiohttp
from helpers import ARGUMENTS
from test_serve_live import (
    Start,
    base,
    group_alive,
    only_tab,
    processes,
    screen_until,
    start,
    until,
)

from argmap.web.zygote import parse_request

__all__ = ["start"]  # the fixture


def parent_and_group(pid: int) -> tuple[int, int]:
    found = next((parent, group) for p, _, parent, group in processes() if p == pid)
    return found


async def test_a_tabs_app_is_forked_in_a_session_of_its_own_and_ends_with_the_tab(
    start: Start,
) -> None:
    server = await start()
    async with aiohttp.ClientSession() as session:
        async with session.ws_connect(f"{base(server)}/ws", origin=base(server)) as websocket:
            await screen_until(websocket, b"Brain drain", b"National sovereignty")
            pid = only_tab(server).pid
            assert pid is not None and server.preloader is not None
            parent, group = parent_and_group(pid)
            assert parent == server.preloader.process.pid  # forked, not started afresh
            assert group == pid  # its own process group, ended as a whole
            await websocket.send_json(["stdin", "\r"])
            await screen_until(websocket, b"brain-drain")  # it answers keys
        await until(lambda: not group_alive(pid))
    await until(lambda: server.open_tabs == 0)


def open_sockets(pid: int) -> set[str]:
    """The sockets and pipes a process holds, each named by its inode (`socket:[123]`)."""
    names = {os.readlink(fd) for fd in Path(f"/proc/{pid}/fd").iterdir()}
    return {name for name in names if name.startswith(("socket:", "pipe:"))}


async def test_a_forked_app_holds_none_of_the_preloaders_sockets(start: Start) -> None:
    server = await start()
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(f"{base(server)}/ws", origin=base(server)) as websocket,
    ):
        await screen_until(websocket, b"Brain drain", b"National sovereignty")
        app = only_tab(server).pid
        assert app is not None and server.preloader is not None
        preloader = open_sockets(server.preloader.process.pid)
        # The preloader's own socket (the server's requests) and the one for news of this
        # app: an app holding either could fork apps or forge its own end.
        assert sum(name.startswith("socket:") for name in preloader) >= 2
        assert open_sockets(app) & preloader == set()


async def test_a_file_changed_after_the_preloader_read_it_is_shown_as_it_is_now(
    start: Start, tmp_path: Path
) -> None:
    folder = tmp_path / "debates"
    shutil.copytree(ARGUMENTS, folder)
    server = await start(paths=[folder])
    assert server.preloader is not None
    # The preloader reads the files as it starts; this tab is forked once it has.
    async with aiohttp.ClientSession() as session:
        async with session.ws_connect(f"{base(server)}/ws", origin=base(server)) as websocket:
            await screen_until(websocket, b"Brain drain")
        brain_drain = folder / "brain-drain.yaml"
        text = brain_drain.read_text(encoding="utf-8")
        title = next(line for line in text.splitlines() if line.startswith("title:"))
        brain_drain.write_text(
            text.replace(title, "title: Talent flight and who pays for it"), encoding="utf-8"
        )
        async with session.ws_connect(f"{base(server)}/ws", origin=base(server)) as websocket:
            screen = await screen_until(websocket, b"Talent flight", b"National sovereignty")
            assert b"Brain drain and talent mobility" not in screen


async def test_tabs_still_open_when_the_preloader_is_gone(start: Start) -> None:
    server = await start()
    assert server.preloader is not None
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(f"{base(server)}/ws", origin=base(server)) as first,
    ):
        await screen_until(first, b"Brain drain")
        forked = only_tab(server).pid
        assert forked is not None
        os.kill(server.preloader.process.pid, signal.SIGKILL)
        # Nothing can report its app's end any more: the server ends it.
        await until(lambda: not group_alive(forked))
        async with session.ws_connect(f"{base(server)}/ws", origin=base(server)) as second:
            await screen_until(second, b"Brain drain", b"National sovereignty")
            fresh = [tab.pid for tab in server.tabs if tab.pid != forked]
            assert len(fresh) == 1 and fresh[0] is not None
            assert parent_and_group(fresh[0]) == (os.getpid(), fresh[0])


@pytest.mark.parametrize(
    "request_",
    [
        b"",
        b"not json",
        b"[]",
        b'{"argv": "open", "width": 80, "height": 24}',
        b'{"argv": ["open", 3], "width": 80, "height": 24}',
        b'{"argv": ["open"], "width": true, "height": 24}',
        b'{"argv": ["open"], "width": 80}',
    ],
)
def test_a_malformed_request_to_the_preloader_forks_nothing(request_: bytes) -> None:
    assert parse_request(request_) is None


def test_a_request_names_the_arguments_and_size() -> None:
    assert parse_request(b'{"argv": ["open", "--", "a b.yaml"], "width": 90, "height": 30}') == (
        ["open", "--", "a b.yaml"],
        90,
        30,
    )
