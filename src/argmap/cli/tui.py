"""`argmap open` and `argmap` with no command: the terminal app."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from argmap.cli.common import EXIT_OK, NO_PATH_RULE, CliError
from argmap.safetext import printable


def register(subparsers: Any) -> None:
    """Add `argmap open PATH...`."""
    parser = subparsers.add_parser(
        "open",
        help="explore debates in the terminal app (press ? in it for the keys)",
        description=(
            f"Open the terminal app on debate files or folders. With no PATH: {NO_PATH_RULE}."
        ),
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="debate files or folders")
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="refuse every edit, undo and editor (the files are never written)",
    )
    parser.add_argument(
        "--ballots",
        metavar="DIR",
        help="the class's ballots (default: a ballots/ folder beside the debates); press v",
    )
    parser.set_defaults(run=run)


def app_paths() -> list[Path]:
    """The default debates for the app: the debate files of the current folder become
    the folder itself, so a debate file added to it later appears in the list."""
    from argmap.bundled import default_paths

    paths = default_paths(announce=True)
    if paths and all(not p.is_dir() and p.parent == Path(".") for p in paths):
        return [Path(".")]
    return paths


def run(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.paths] if args.paths else app_paths()
    ballots = Path(args.ballots) if args.ballots else None
    return open_app(paths, read_only=args.read_only, ballots=ballots)


def run_default(args: argparse.Namespace) -> int:
    """`argmap` alone: the app on the default debates (see `app_paths`)."""
    return open_app(app_paths())


def open_app(
    paths: Sequence[Path],
    *,
    headless: bool = False,
    read_only: bool = False,
    ballots: Path | None = None,
) -> int:
    """Run the app; after an unexpected error, one line on stderr and a non-zero status.

    `read_only` refuses every edit, undo and editor (as `argmap serve` starts it).
    """
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise CliError(f"no such file or folder: {printable(str(missing[0]), one_line=True)}")
    from argmap.tui import make_app
    from argmap.tui.crash import EXIT_CRASH, crash_message

    app = make_app(paths, read_only=read_only, ballots=ballots)
    result = app.run(headless=headless)
    if app.crash is not None:
        print(f"argmap: {crash_message(app.crash, app.crash_report)}", file=sys.stderr)
        return EXIT_CRASH
    if app.return_code not in (None, 0):
        return int(app.return_code)
    return EXIT_OK if result is None else int(result)
