"""Serve the terminal app to browsers with textual-serve: one app process per browser tab.

textual-serve runs a shell command for every tab that connects and relays the app's screen
over a websocket. The command is built here from quoted words (never by pasting a path into
a shell line), and it opens the app read-only unless edits are allowed.
"""

from __future__ import annotations

import ipaddress
import shlex
import socket
import sys
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.safetext import printable

if TYPE_CHECKING:
    from textual_serve.server import Server

MISSING = (
    "argmap serve needs the textual-serve package; install it with `pip install 'argmap[web]'`"
)


class ServeError(Exception):
    """The server cannot start; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class ServeOptions:
    """Where to listen and what each browser tab may do."""

    paths: tuple[Path, ...]
    host: str = "127.0.0.1"
    port: int = 8000
    allow_edits: bool = False
    #: The address browsers use to reach the server, when it differs from host:port
    #: (behind a proxy, or when listening on every interface).
    public_url: str | None = None


def is_loopback(host: str) -> bool:
    """Whether `host` is reachable only from this machine (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_wildcard(host: str) -> bool:
    """Whether `host` means every interface (0.0.0.0, ::, or empty)."""
    return host.strip("[]") in ("", "0.0.0.0", "::")


def app_command(
    paths: Sequence[Path], *, allow_edits: bool = False, python: str | None = None
) -> str:
    """The shell command textual-serve runs for each tab: every word quoted with shlex.

    Paths are made absolute (the app process may start elsewhere) and follow `--`, so a
    file named like an option is still read as a file.
    """
    words = [python or sys.executable, "-m", "argmap", "open"]
    if not allow_edits:
        words.append("--read-only")
    words.append("--")
    words.extend(str(path.resolve()) for path in paths)
    return shlex.join(words)


def public_url(host: str, port: int) -> str:
    """The URL to print and to give browsers: the machine's name when listening everywhere."""
    name = socket.gethostname() if is_wildcard(host) else host
    if ":" in name:  # an IPv6 address goes in brackets
        name = f"[{name.strip('[]')}]"
    return f"http://{name}:{port}"


def warnings_for(options: ServeOptions) -> list[str]:
    """What the person starting the server must know before others connect."""
    notes = []
    if not is_loopback(options.host):
        notes.append(
            f"warning: listening on {printable(options.host, one_line=True)}, not only on this "
            "machine: anyone who can reach it on the network can open these debates (there is "
            "no password)"
        )
    if options.allow_edits:
        notes.append(
            "warning: edits are allowed: every browser tab can change and delete claims in "
            "these files"
        )
    return notes


def make_server(options: ServeOptions) -> Server:
    """The textual-serve server for these options (not yet listening)."""
    try:
        from textual_serve.server import Server
    except ImportError as exc:
        raise ServeError(MISSING) from exc

    from aiohttp import WSCloseCode, web

    class _ArgmapServer(Server):
        """textual-serve's server, announcing itself in plain words and stopping promptly.

        Its own banner prints the command through Rich markup, where a bracket in a file
        name would be read as a style; ours is plain text. On Ctrl+C it closes the open
        tabs' websockets, which ends their app processes; otherwise the server would wait
        a minute for browsers to hang up.
        """

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.sockets: weakref.WeakSet[web.WebSocketResponse] = weakref.WeakSet()

        async def _make_app(self) -> web.Application:
            app = await super()._make_app()
            app.on_response_prepare.append(self._track)
            return app

        async def _track(self, request: web.Request, response: web.StreamResponse) -> None:
            if isinstance(response, web.WebSocketResponse):
                self.sockets.add(response)

        async def on_shutdown(self, app: web.Application) -> None:
            for socket_ in list(self.sockets):
                await socket_.close(code=WSCloseCode.GOING_AWAY, message=b"server stopped")

        async def on_startup(self, app: web.Application) -> None:
            shown = ", ".join(printable(str(p), one_line=True) for p in options.paths)
            mode = "edits allowed" if options.allow_edits else "read-only"
            url = printable(self.public_url, one_line=True)
            print(f"argmap: serving {shown} ({mode}) at {url}", flush=True)
            print("argmap: press Ctrl+C to stop", flush=True)

    url = options.public_url or public_url(options.host, options.port)
    return _ArgmapServer(
        app_command(options.paths, allow_edits=options.allow_edits),
        host=options.host,
        port=options.port,
        title="argmap",
        public_url=url.rstrip("/"),
    )


def serve(options: ServeOptions) -> None:
    """Listen until Ctrl+C (or SIGTERM); each browser tab runs its own app process."""
    server = make_server(options)
    try:
        server.serve()
    except OSError as exc:  # the port is taken, or the address is not this machine's
        where = printable(f"{options.host}:{options.port}", one_line=True)
        raise ServeError(f"cannot listen on {where}: {exc.strerror or exc}") from exc
