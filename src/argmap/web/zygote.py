"""The preloader of `argmap serve`: one process that has imported the app, forked per tab.

Starting Python and importing Textual and the app costs a tab about 0.4 s of CPU; a class
opening 30 tabs at once on 2 cores would wait 10 s or more for its first screens. So the
server starts this process once (`python -m argmap.web.zygote FD`); it imports everything a
tab's app needs, then waits on FD, a socket only the server holds the other end of (a
socket pair, not a file anyone could connect to). For each tab the server sends the app's
arguments, the terminal size and three sockets: the app's input and output, its stderr,
and one for news of it. This process forks; the child starts a session of its own (so
the server can end it with everything it starts, as with any other tab), puts the sockets
in place of its standard streams and runs `argmap ARGS...` as `python -m argmap` would.
This process tells the server the child's pid, and its exit status once it has reaped it.

When the server goes (its end of FD closes), every app still running is killed and this
process exits.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import selectors
import signal
import socket
import sys
import threading
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

#: The largest request the server sends: arguments are the served paths.
MAX_REQUEST = 1024 * 1024
#: Sockets a request carries: the app's input and output, its stderr, its news.
REQUEST_FDS = 3


#: What a tab's app imports only once it runs (found with `sys.modules` before and after).
LATER_IMPORTS = (
    "concurrent.futures.thread",
    "queue",
    "rich._emoji_codes",
    "textual.layouts.factory",
    "textual.layouts.horizontal",
    "textual.layouts.stream",
    "textual.layouts.vertical",
    "textual.scrollbar",
)


def preload(paths: Sequence[str] = ()) -> None:
    """Import what a tab's app imports, and read the served debates, so that a fork of
    this process shows them at once."""
    import importlib
    import pkgutil

    import textual.drivers.web_driver  # noqa: F401
    from rich.cells import cell_len

    import argmap.cli
    import argmap.cli.tui
    import argmap.tui

    for module in pkgutil.walk_packages(argmap.tui.__path__, "argmap.tui."):
        importlib.import_module(module.name)
    for name in LATER_IMPORTS:
        importlib.import_module(name)
    argmap.cli.build_parser(["open"])
    cell_len("✓ ✗ · é 漢")  # loads Rich's table of character widths
    from argmap.tui import preloaded

    preloaded.read_ahead([Path(path) for path in paths])


def parse_request(data: bytes) -> tuple[list[str], int, int] | None:
    """The arguments and terminal size a request asks for, or None when it is malformed."""
    try:
        request = json.loads(data)
    except ValueError:
        return None
    if not isinstance(request, dict):
        return None
    argv, width, height = request.get("argv"), request.get("width"), request.get("height")
    if not isinstance(argv, list) or not all(isinstance(word, str) for word in argv):
        return None
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in (width, height)):
        return None
    assert isinstance(width, int) and isinstance(height, int)
    return argv, width, height


class Zygote:
    """The loop: fork an app for each request, report pids and exits, stop with the server."""

    def __init__(self, control: socket.socket) -> None:
        self.control = control
        self.control.setblocking(False)
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.control, selectors.EVENT_READ)
        self.wake_read, self.wake_write = os.pipe()
        os.set_blocking(self.wake_read, False)
        os.set_blocking(self.wake_write, False)
        self.selector.register(self.wake_read, selectors.EVENT_READ)
        #: Each running app's pid and the socket its news goes to.
        self.apps: dict[int, socket.socket] = {}

    def run(self) -> None:
        signal.signal(signal.SIGCHLD, lambda *_: None)  # wakes the selector (below)
        signal.set_wakeup_fd(self.wake_write)
        while True:
            for key, _ in self.selector.select():
                if key.fileobj is self.control:
                    if not self.receive():
                        self.stop()
                        return
                else:
                    while True:
                        try:
                            if not os.read(self.wake_read, 512):
                                break
                        except BlockingIOError:
                            break
                    self.reap()

    def receive(self) -> bool:
        """Serve one request; False once the server has gone."""
        try:
            data, fds, _, _ = socket.recv_fds(self.control, MAX_REQUEST, REQUEST_FDS)
        except (BlockingIOError, InterruptedError):
            return True
        except OSError:
            return False
        if not data and not fds:
            return False
        request = parse_request(data)
        if request is None or len(fds) != REQUEST_FDS:
            for fd in fds:
                os.close(fd)
            return True
        streams, stderr, news = fds
        argv, width, height = request
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            self.become_app(argv, width, height, streams, stderr, news)
        os.close(streams)
        os.close(stderr)
        reply = socket.socket(fileno=news)
        self.apps[pid] = reply
        self.tell(pid, {"pid": pid})
        return True

    def tell(self, pid: int, news: dict[str, int]) -> None:
        reply = self.apps.get(pid)
        if reply is None:
            return
        with contextlib.suppress(OSError):
            reply.sendall(json.dumps(news).encode() + b"\n")

    def reap(self) -> None:
        while self.apps:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            self.tell(pid, {"exit": os.waitstatus_to_exitcode(status)})
            reply = self.apps.pop(pid, None)
            if reply is not None:
                reply.close()

    def stop(self) -> None:
        """The server has gone: nobody will see these apps again."""
        for pid in list(self.apps):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signal.SIGKILL)
        while self.apps:
            try:
                pid, _ = os.waitpid(-1, 0)
            except ChildProcessError:
                break
            reply = self.apps.pop(pid, None)
            if reply is not None:
                reply.close()

    def become_app(
        self, argv: Sequence[str], width: int, height: int, streams: int, stderr: int, news: int
    ) -> NoReturn:
        """In the child: a session of its own, the sockets as its streams, then the app."""
        code = 1
        try:
            os.setsid()
            signal.set_wakeup_fd(-1)
            for sig in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP, signal.SIGPIPE):
                signal.signal(sig, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.default_int_handler)
            self.selector.close()
            self.control.close()
            os.close(self.wake_read)
            os.close(self.wake_write)
            for reply in self.apps.values():
                reply.close()
            os.close(news)
            os.dup2(streams, 0)
            os.dup2(streams, 1)
            os.dup2(stderr, 2)
            os.close(streams)
            os.close(stderr)
            os.environ["COLUMNS"] = str(width)
            os.environ["ROWS"] = str(height)
            from argmap.cli import main

            code = main(list(argv))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except BaseException:
            traceback.print_exc()
        finally:
            for stream in (sys.stdout, sys.stderr):
                with contextlib.suppress(Exception):
                    stream.flush()
            os._exit(code)


def main(argv: Sequence[str]) -> int:
    """`python -m argmap.web.zygote FD [PATH...]`: FD is the server's socket (a
    SOCK_SEQPACKET pair); the debates the PATHs name are read in advance."""
    if not argv or not argv[0].isdigit():
        print("usage: python -m argmap.web.zygote FD [PATH...]", file=sys.stderr)
        return 2
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server says when to stop
    control = socket.socket(fileno=int(argv[0]))
    preload(argv[1:])
    if threading.active_count() != 1:  # a fork copies only the thread that forks
        print("argmap: the preloader started a thread; it cannot fork apps", file=sys.stderr)
        return 1
    # Whatever was made so far is shared with every app; frozen, it is never collected,
    # so no app's collections write to (and so copy) the pages they share.
    gc.collect()
    gc.freeze()
    Zygote(control).run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
