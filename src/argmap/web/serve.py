"""Serve the terminal app to browsers with textual-serve: one app process per browser tab.

textual-serve takes one command line, runs it for every tab that connects and relays the
app's screen over a websocket. The line is built here from quoted words (never by pasting a
path into it), so a shell and `shlex.split` alike read each path as one word; the tabs
(`web/tabs.py`) split it and run it without a shell. It opens the app read-only unless
edits are allowed.
"""

from __future__ import annotations

import errno
import ipaddress
import logging
import os
import shlex
import socket
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.safetext import printable

if TYPE_CHECKING:
    from textual_serve.server import Server

MISSING = (
    "argmap serve needs the textual-serve package; install it with `pip install 'argmap[web]'`"
)


#: Each tab runs an app process (forked from the preloader: about 20 MB of its own) that
#: uses a core only while it draws: 2 cores and 2 GB serve a class of this size (see
#: docs/web.md, "A class at once").
DEFAULT_MAX_TABS = 30
#: How many of them one client address may hold: a browser restoring a session of old
#: tabs, or a script, cannot take the whole class's share.
DEFAULT_MAX_TABS_PER_CLIENT = 10


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
    #: How many browser tabs (app processes) may be open at once.
    max_tabs: int = DEFAULT_MAX_TABS
    #: How many of them one client address may hold.
    max_tabs_per_client: int = DEFAULT_MAX_TABS_PER_CLIENT
    #: Fork each tab's app from a process that has already imported it (see `web/zygote`),
    #: rather than start a new Python for each.
    preload: bool = True


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
    paths: Sequence[Path],
    *,
    allow_edits: bool = False,
    python: str | None = None,
    root: Path | None = None,
) -> str:
    """The command line each tab runs: every word quoted with shlex.

    Paths are made absolute (the app process may start elsewhere), or relative to `root`
    (where the app then starts), and follow `--`, so a file named like an option is
    still read as a file.
    """
    words = [python or sys.executable, "-m", "argmap", "open"]
    if not allow_edits:
        words.append("--read-only")
    words.append("--")
    for path in paths:
        full = path.resolve()
        words.append(str(full.relative_to(root) if root is not None else full))
    return shlex.join(words)


def served_root(paths: Sequence[Path]) -> Path:
    """The folder the tabs' apps start in: the served folder, or the one holding every
    served file and folder. The apps name files relative to it, so no page shows where
    the debates are on the server."""
    folders = [p.resolve() if p.is_dir() else p.resolve().parent for p in paths]
    return Path(os.path.commonpath(folders)) if folders else Path.cwd()


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


def banner(options: ServeOptions, url: str) -> list[str]:
    """What is printed once the server listens: what, how, where, and how to stop it."""
    shown = ", ".join(printable(str(p), one_line=True) for p in options.paths)
    mode = "edits allowed" if options.allow_edits else "read-only"
    where = printable(url, one_line=True)
    if is_wildcard(options.host) and options.public_url is None:
        where += (
            " (or any other address of this machine: each browser is answered at the one it used)"
        )
    lines = [f"argmap: serving {shown} ({mode}) at {where}"]
    lines.append(
        f"argmap: at most {options.max_tabs} tabs at once, {options.max_tabs_per_client} from "
        "one address; press Ctrl+C to stop"
    )
    return lines


def make_server(options: ServeOptions) -> Server:
    """The textual-serve server for these options (not yet listening)."""
    try:
        import textual_serve.server  # noqa: F401
    except ImportError as exc:
        raise ServeError(MISSING) from exc

    from argmap.web.server import ArgmapServer

    url = options.public_url or public_url(options.host, options.port)
    root = served_root(options.paths)
    return ArgmapServer(
        app_command(options.paths, allow_edits=options.allow_edits, root=root),
        cwd=root,
        host=options.host,
        port=options.port,
        url=url,
        public_url=options.public_url,
        max_tabs=options.max_tabs,
        max_tabs_per_client=options.max_tabs_per_client,
        preload=options.preload,
        banner=banner(options, url),
    )


class _Printable(logging.Formatter):
    """Log lines with control characters shown as escapes: they quote request headers."""

    def format(self, record: logging.LogRecord) -> str:
        return printable(super().format(record))


def serve(options: ServeOptions) -> None:
    """Listen until Ctrl+C (or SIGTERM); each browser tab runs its own app process."""
    server = make_server(options)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Printable("argmap: %(levelname)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler])
    try:
        server.serve()
    except OSError as exc:  # the port is taken, or the address is not this machine's
        where = printable(f"{options.host}:{options.port}", one_line=True)
        reason = os.strerror(exc.errno) if exc.errno else printable(str(exc), one_line=True)
        hint = _BIND_HINTS.get(exc.errno or 0, "")
        raise ServeError(f"cannot listen on {where}: {reason}{hint}") from exc


_BIND_HINTS = {
    errno.EADDRNOTAVAIL: " (it is not an address of this machine; see `hostname -I`)",
    errno.EADDRINUSE: " (another program listens there; choose another --port)",
}
