"""`argmap init [DIR]`: copy the bundled debates into a folder of one's own, to edit."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from argmap.bundled import LOCAL_FOLDER, bundled_files
from argmap.cli.common import EXIT_INVALID, EXIT_OK, CliError, show
from argmap.load import UnreadableFile, read_regular_file
from argmap.output import OutputError, make_folder, write_output


def register(subparsers: Any) -> None:
    """Add `argmap init`."""
    parser = subparsers.add_parser(
        "init",
        help="copy the bundled debates into ./arguments (or DIR) to edit them",
        description=(
            "Copy the debates that ship with argmap into DIR (default: ./arguments), where "
            "they can be edited; the bundled copies are read-only. A file that is already "
            "there is never overwritten: it is kept and named."
        ),
    )
    parser.add_argument(
        "dir", nargs="?", default=str(LOCAL_FOLDER), metavar="DIR", help="default: arguments"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    folder = Path(args.dir)
    try:
        make_folder(folder)
    except OutputError as exc:
        raise CliError(exc.message) from None
    copied = kept = refused = 0
    for source in bundled_files():
        target = folder / source.name
        try:
            data = read_regular_file(source)
            write_output(target, data, overwrite=False, make_parents=False)
        except UnreadableFile as exc:
            raise CliError(f"cannot read the bundled {show(source)}: {exc.message}") from None
        except OutputError as exc:
            # One target argmap will not write (a symbolic link, a folder, ...) is named
            # and skipped; the other debates are still copied.
            if exc.exists:
                print(f"argmap: kept {show(target)} (it already exists)", file=sys.stderr)
                kept += 1
            else:
                print(f"argmap: {show(exc.message)}", file=sys.stderr)
                refused += 1
            continue
        copied += 1
    print(
        f"copied {copied} debate{'s' * (copied != 1)} to {show(folder)}/"
        + (f"; kept {kept} already there" if kept else "")
        + (f"; could not write {refused} (named above)" if refused else ""),
        file=sys.stderr,
    )
    return EXIT_INVALID if refused else EXIT_OK
