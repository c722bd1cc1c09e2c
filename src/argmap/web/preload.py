"""The server's side of the preloader (`web/zygote.py`): start it, ask it for apps, stop it.

An app forked by the preloader is not the server's child, so it is handed to textual-serve
as a `ForkedApp`: what textual-serve and `TabService` use of a subprocess (its pid, its
streams, its exit status, `wait()`), with the exit status as the preloader reports it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import signal
import socket
from collections.abc import Sequence
from pathlib import Path

log = logging.getLogger("argmap.serve")

#: How long a tab waits for the preloader to fork its app (it may still be importing the
#: app and reading the debates when the first tabs connect) before its app is started
#: afresh instead.
FORK_TIMEOUT = 20.0
#: How long the preloader has to report an app's end once it was killed.
REPORT_GRACE = 1.0
#: How long the preloader has to exit once the server closes its socket.
STOP_GRACE = 5.0


class ForkedApp:
    """An app forked by the preloader, as a tab's `asyncio.subprocess.Process` would be."""

    def __init__(
        self,
        pid: int,
        streams: tuple[asyncio.StreamReader, asyncio.StreamWriter],
        stderr: tuple[asyncio.StreamReader, asyncio.StreamWriter],
        news: tuple[asyncio.StreamReader, asyncio.StreamWriter],
    ) -> None:
        self.pid = pid
        self.stdout, self.stdin = streams
        self.stderr: asyncio.StreamReader = stderr[0]
        self.returncode: int | None = None
        self._writers = (streams[1], stderr[1], news[1])
        self._ended = asyncio.ensure_future(self._watch(news[0]))

    async def _watch(self, news: asyncio.StreamReader) -> None:
        """Wait for the preloader's word that the app ended (and was reaped)."""
        code: int | None = None
        with contextlib.suppress(ValueError, OSError):
            while code is None and (line := await news.readline()):
                found = json.loads(line).get("exit")
                code = found if isinstance(found, int) else None
        if code is None:  # the preloader is gone: end the app here
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.pid, signal.SIGKILL)
            code = -signal.SIGKILL
        self.returncode = code

    async def wait(self) -> int:
        """The exit status, once the app has ended; its sockets are closed then.

        It is called once the app was killed: a preloader that does not say so within
        REPORT_GRACE is taken for hung, and the app for ended.
        """
        try:
            async with asyncio.timeout(REPORT_GRACE):
                await asyncio.shield(self._ended)
        except TimeoutError:
            log.warning("the app preloader did not report an app's end")
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.pid, signal.SIGKILL)
            self._ended.cancel()
            self.returncode = -signal.SIGKILL
        for writer in self._writers:
            writer.close()
        assert self.returncode is not None
        return self.returncode


class Preloader:
    """The preloader process, and the socket its requests go through."""

    def __init__(self, python: str, process: asyncio.subprocess.Process, control: socket.socket):
        self.python = python
        self.process = process
        self.control = control
        self.broken = False

    @classmethod
    async def start(
        cls,
        python: str,
        environment: dict[str, str],
        paths: Sequence[str] = (),
        cwd: Path | None = None,
    ) -> Preloader:
        """Start `python -m argmap.web.zygote` with the tabs' environment, in the folder
        they start in; it reads the debates `paths` name in advance."""
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            process = await asyncio.create_subprocess_exec(
                python,
                "-m",
                "argmap.web.zygote",
                str(theirs.fileno()),
                *paths,
                pass_fds=(theirs.fileno(),),
                stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.DEVNULL,
                env=environment,
                cwd=cwd,
                start_new_session=True,  # Ctrl+C in the terminal is for the server
            )
        except BaseException:
            ours.close()
            raise
        finally:
            theirs.close()
        ours.setblocking(False)
        return cls(python, process, ours)

    def runs(self, words: Sequence[str]) -> bool:
        """Whether a tab's command line is `PYTHON -m argmap ...`, which this can fork."""
        return (
            not self.broken
            and self.process.returncode is None
            and len(words) >= 3
            and words[0] == self.python
            and list(words[1:3]) == ["-m", "argmap"]
        )

    async def fork(self, argv: Sequence[str], width: int, height: int) -> ForkedApp | None:
        """An app running `argmap ARGV...` at this terminal size; None if the preloader failed."""
        pairs = [socket.socketpair() for _ in range(3)]
        request = json.dumps({"argv": list(argv), "width": width, "height": height}).encode()
        try:
            socket.send_fds(self.control, [request], [theirs.fileno() for _, theirs in pairs])
        except OSError as exc:  # gone, or so far behind that its queue is full
            log.warning("the app preloader failed (%s); starting apps afresh", exc.strerror)
            self.broken = True
            for ours, _ in pairs:
                ours.close()
            return None
        finally:
            for _, theirs in pairs:
                theirs.close()
        opened = [await asyncio.open_unix_connection(sock=ours) for ours, _ in pairs]
        streams, stderr, news = opened
        try:
            async with asyncio.timeout(FORK_TIMEOUT):
                reply = json.loads(await news[0].readline())
            pid = reply["pid"]
            if not isinstance(pid, int) or pid <= 0:
                raise ValueError(pid)
        except TimeoutError:  # still reading big debates, or hung: this app starts afresh
            log.warning("the app preloader did not answer in time; starting this tab's afresh")
            self.broken = self.process.returncode is not None
            for _, writer in opened:  # should it fork the app later, the app finds no streams
                writer.close()
            return None
        except (ValueError, KeyError, TypeError):
            log.warning("the app preloader answered nonsense; starting apps afresh")
            self.broken = True
            for _, writer in opened:
                writer.close()
            return None
        except BaseException:  # the tab closed meanwhile: its app finds its streams closed
            for _, writer in opened:
                writer.close()
            raise
        return ForkedApp(pid, streams, stderr, news)

    async def stop(self) -> None:
        """Close its socket (it kills what apps remain and exits); kill it if it does not."""
        self.control.close()
        try:
            async with asyncio.timeout(STOP_GRACE):
                await self.process.wait()
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                self.process.kill()
            await self.process.wait()
