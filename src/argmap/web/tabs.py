"""One browser tab's app process: started in a process group of its own, bounded, and ended
with the tab.

textual-serve passes whatever size the browser asks for to the app, which then allocates a
screen of that size (2147483648 columns grow it by gigabytes), and it asks the app to quit
when the tab closes but waits for as long as the app takes. Here sizes are clamped, messages
that are not what the page sends are dropped, and an app that has not quit a moment after
its tab closed is killed with everything it started.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import shlex
import signal
from asyncio.subprocess import Process
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService

if TYPE_CHECKING:
    from argmap.web.preload import Preloader

log = logging.getLogger("argmap.serve")

#: The terminal sizes a tab may ask for: a large monitor at a small font is about 400x120.
MIN_WIDTH, MAX_WIDTH = 20, 500
MIN_HEIGHT, MAX_HEIGHT = 5, 200
#: How long an app has to quit after its tab closed, before it is killed.
QUIT_GRACE = 2.0
#: How long an app may leave its input unread before it is taken for hung and killed.
STDIN_TIMEOUT = 30.0
#: The largest message a tab may send (keys and pasted text; the page sends a few bytes).
MAX_MESSAGE = 256 * 1024
#: How much of an app's stderr is logged.
MAX_STDERR = 16 * 1024


def clamp_size(width: object, height: object) -> tuple[int, int] | None:
    """A terminal size within bounds, or None when either value is not a whole number."""
    if not _whole(width) or not _whole(height):
        return None
    assert isinstance(width, int) and isinstance(height, int)
    return (
        min(max(width, MIN_WIDTH), MAX_WIDTH),
        min(max(height, MIN_HEIGHT), MAX_HEIGHT),
    )


def size_from_query(query: Any) -> tuple[int, int]:
    """The clamped size asked for by `?width=&height=` (80x24 when missing or not numbers)."""

    def number(key: str, default: int) -> int:
        value = str(query.get(key, ""))
        if not (value.isascii() and value.isdigit()):
            return default
        return int(value) if len(value) <= 6 else 10**6  # clamped below; no long numbers

    size = clamp_size(number("width", 80), number("height", 24))
    assert size is not None
    return size


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class TabService(AppService):
    """textual-serve's app service, with the app in its own process group.

    The app is forked from the preloader when there is one (see `web/preload.py`), and
    started afresh otherwise.
    """

    def __init__(
        self,
        *args: Any,
        preloader: Preloader | None = None,
        cwd: Path | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.preloader = preloader
        #: Where the app starts (the preloader's apps start where it does).
        self.cwd = cwd
        self._stopping: asyncio.Future[None] | None = None
        self._stderr_task: asyncio.Task[None] | None = None
        self._closing: asyncio.Future[None] | None = None

    def environment(self) -> dict[str, str]:
        """The environment of every tab's app but for its size (the preloader's too)."""
        return self._build_environment()

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        # The command is quoted words (see `app_command`): run it without a shell, so the
        # app is the process group's leader and nothing stands between it and its signals.
        words = shlex.split(self.command)
        forked = None
        if self.preloader is not None and self.preloader.runs(words):
            forked = await self.preloader.fork(words[3:], width, height)
        if forked is not None:
            # It has all textual-serve and this class use of a subprocess.
            process = cast(Process, forked)
        else:
            process = await asyncio.create_subprocess_exec(
                *words,
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
                env=self._build_environment(width=width, height=height),
                cwd=self.cwd,
                start_new_session=True,  # its own process group, so all of it can be ended
            )
        self._process = process
        assert process.stdin is not None and process.stderr is not None
        self._stdin = process.stdin
        # textual-serve keeps all of an app's stderr in memory and writes it raw to the
        # server's terminal; here the first MAX_STDERR bytes are logged, made printable.
        self._stderr_task = asyncio.create_task(_log_stderr(process.stderr))
        silent = asyncio.StreamReader()
        silent.feed_eof()
        process.stderr = silent
        return process

    async def start(self, width: int, height: int) -> None:
        """Start the app; when it ends (it quit, or crashed), hang up on the tab."""
        await super().start(width, height)
        assert self._task is not None
        self._task.add_done_callback(self._hang_up)

    def _hang_up(self, task: asyncio.Task[None]) -> None:
        self._closing = asyncio.ensure_future(self.remote_close())

    async def send_bytes(self, data: bytes) -> bool:
        return await self._send(self.encode_packet(b"D", data))

    async def send_meta(self, data: dict[str, str | int | bool | None]) -> bool:
        return await self._send(self.encode_packet(b"M", json.dumps(data).encode("utf-8")))

    async def _send(self, packet: bytes) -> bool:
        """Write to the app; an app that reads nothing for STDIN_TIMEOUT is killed.

        Otherwise a tab typing into a hung app would wait on the full pipe for ever, and
        never see that the tab has closed.
        """
        try:
            self.stdin.write(packet)
        except RuntimeError:
            return False
        try:
            async with asyncio.timeout(STDIN_TIMEOUT):
                await self.stdin.drain()
        except TimeoutError:
            log.warning("an app stopped reading its input; killing it")
            self.kill()
            return False
        except Exception:
            return False
        return True

    @property
    def pid(self) -> int | None:
        """The app process's id (its process group's too), once started."""
        return self._process.pid if self._process is not None else None

    def kill(self, sig: signal.Signals = signal.SIGKILL) -> None:
        """Send `sig` to the app and every process it started."""
        process = self._process
        if process is None or process.returncode is not None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, sig)

    async def stop(self) -> None:
        """Ask the app to quit; kill it (and what it started) if it has not soon after.

        Called from the tab's handler and from the server's shutdown alike: the second
        caller waits for the first one's stop.
        """
        if self._stopping is None:
            self._stopping = asyncio.ensure_future(self._stop())
        await asyncio.shield(self._stopping)

    async def _stop(self) -> None:
        task = self._task
        if task is None:
            self.kill()
            return
        try:
            async with asyncio.timeout(QUIT_GRACE):
                await self._download_manager.cancel_app_downloads(
                    app_service_id=self.app_service_id
                )
                await self.send_meta({"type": "quit"})
                await asyncio.shield(task)
        except TimeoutError:
            log.warning("an app did not quit when its tab closed; killing it")
        finally:
            self.kill()
            process = self._process
            if process is not None:
                await process.wait()
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            if self._stderr_task is not None:
                await self._stderr_task


async def _log_stderr(stderr: asyncio.StreamReader) -> None:
    """Log what an app wrote to stderr (its first MAX_STDERR bytes) once it closes it."""
    kept = bytearray()
    while chunk := await stderr.read(64 * 1024):
        kept += chunk[: MAX_STDERR - len(kept)]
    if kept.strip():
        more = " (cut)" if len(kept) >= MAX_STDERR else ""
        log.warning("an app wrote to stderr%s:\n%s", more, kept.decode("utf-8", "replace"))


async def relay(websocket: web.WebSocketResponse, service: TabService) -> None:
    """Pass the page's keys, sizes and focus changes to the app until the tab closes.

    The page sends JSON lists: `["stdin", text]`, `["resize", {"width": w, "height": h}]`,
    `["ping", data]`, `["blur"]`, `["focus"]`. Anything else is dropped.
    """
    async for message in websocket:
        if message.type != WSMsgType.TEXT:
            continue
        try:
            envelope = json.loads(message.data)
        except ValueError:
            continue
        if not isinstance(envelope, list) or not envelope:
            continue
        kind = envelope[0]
        data = envelope[1] if len(envelope) > 1 else None
        if kind == "stdin" and isinstance(data, str):
            await service.send_bytes(data.encode("utf-8", "replace"))
        elif kind == "resize" and isinstance(data, dict):
            size = clamp_size(data.get("width"), data.get("height"))
            if size is not None:
                await service.set_terminal_size(*size)
        elif kind == "ping" and isinstance(data, str) and len(data) <= 64:
            await websocket.send_json(["pong", data])
        elif kind == "blur":
            await service.blur()
        elif kind == "focus":
            await service.focus()
