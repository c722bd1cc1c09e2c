"""`argmap serve`: the terminal app in a browser, for a class (needs `argmap[web]`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from argmap.cli.common import EXIT_OK, CliError, paths_or_default
from argmap.web.guard import BadPublicUrl, check_public_url
from argmap.web.serve import DEFAULT_MAX_TABS, DEFAULT_MAX_TABS_PER_CLIENT


def register(subparsers: Any) -> None:
    """Add `argmap serve [PATH...] [--host H] [--port N] [--allow-edits]`."""
    parser = subparsers.add_parser(
        "serve",
        help="serve the app to web browsers (read-only unless --allow-edits)",
        description=(
            "Serve the terminal app to web browsers with textual-serve: each browser tab "
            "gets its own app. Listens on this machine only (127.0.0.1) unless --host says "
            "otherwise. Debates are read-only unless --allow-edits. "
            "Needs pip install 'argmap[web]'."
        ),
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="debate files or folders")
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)",
    )
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument(
        "--allow-edits",
        action="store_true",
        help="let every browser tab add, change and delete claims in the files",
    )
    parser.add_argument(
        "--public-url",
        metavar="URL",
        help=(
            "the address browsers use, as scheme://host[:port], when not http://HOST:PORT "
            "(behind a proxy); only pages of this address and of HOST:PORT may drive the app"
        ),
    )
    parser.add_argument(
        "--max-tabs",
        type=int,
        default=DEFAULT_MAX_TABS,
        metavar="N",
        help=(
            f"browser tabs served at once, each its own app process of about 20 MB "
            f"(default {DEFAULT_MAX_TABS}, for 2 cores and 2 GB); more get a 'too many tabs' page"
        ),
    )
    parser.add_argument(
        "--max-tabs-per-client",
        type=int,
        default=DEFAULT_MAX_TABS_PER_CLIENT,
        metavar="N",
        help=(
            f"tabs one address may hold at once (default {DEFAULT_MAX_TABS_PER_CLIENT}); "
            "behind a proxy every tab comes from the proxy's address, so raise it to --max-tabs"
        ),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from argmap.web.serve import ServeError, ServeOptions, serve, warnings_for

    if not 1 <= args.port <= 65535:
        raise ValueError("--port must be between 1 and 65535")
    if not 1 <= args.max_tabs <= 1000:
        raise ValueError("--max-tabs must be between 1 and 1000")
    if not 1 <= args.max_tabs_per_client <= 1000:
        raise ValueError("--max-tabs-per-client must be between 1 and 1000")
    url = None
    if args.public_url is not None:
        try:
            url = check_public_url(args.public_url)
        except BadPublicUrl as exc:
            raise ValueError(str(exc)) from exc
    paths = paths_or_default(args.paths)
    missing = [p for p in paths if not p.exists()]
    if missing:
        from argmap.safetext import printable

        raise CliError(f"no such file or folder: {printable(str(missing[0]), one_line=True)}")
    options = ServeOptions(
        paths=tuple(Path(p) for p in paths),
        host=args.host,
        port=args.port,
        allow_edits=args.allow_edits,
        public_url=url,
        max_tabs=args.max_tabs,
        max_tabs_per_client=args.max_tabs_per_client,
    )
    for note in warnings_for(options):
        print(f"argmap: {note}", file=sys.stderr)
    try:
        serve(options)
    except ServeError as exc:
        raise CliError(str(exc)) from exc
    return EXIT_OK
