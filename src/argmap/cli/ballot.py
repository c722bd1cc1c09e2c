"""`argmap ballot`: write a blank ballot for a debate, to fill in with any editor."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from argmap.cli.common import CliError, load_valid, show
from argmap.output import OutputError, write_output


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "ballot",
        help="write a blank ballot: a student's weights for a debate's claims",
        description=(
            "Write a blank ballot for DEBATE: every claim id in tree order with its text "
            "as a comment and the author's weight commented out. A student uncomments the "
            "claims they weigh and sets 1 to 5; `argmap tally` counts the class's ballots. "
            "Prints to stdout unless -o is given; never replaces an existing file."
        ),
    )
    parser.add_argument("debate", metavar="DEBATE", help="the debate file")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the ballot to FILE")
    parser.add_argument("--by", metavar="NAME", help="the student's name (fills `by:`)")
    parser.set_defaults(run=run)


def _checked_name(name: str) -> str:
    text = name.strip()
    if not text or show(text) != text or any("\ud800" <= c <= "\udfff" for c in text):
        raise ValueError(f"--by '{show(name)}' is not a plain name")
    return text


def run(args: argparse.Namespace) -> int:
    from argmap.ballots.blank import blank_ballot

    by = _checked_name(args.by) if args.by is not None else None
    loaded = load_valid([args.debate])
    if len(loaded) != 1:
        raise CliError(f"{show(args.debate)} holds {len(loaded)} debates; give one debate file")
    from argmap.cli.new import _schema_line

    # The editor's schema hint, as a debate file has: relative to where the ballot goes.
    folder = Path(args.output).parent if args.output is not None else Path.cwd()
    schema = _schema_line(folder, "ballot.schema.json", "argmap schema --ballot")
    text = blank_ballot(loaded[0].graph, by, schema_line=schema)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    target = Path(args.output)
    try:
        write_output(target, text.encode("utf-8"), overwrite=False)
    except OutputError as exc:
        if exc.exists:
            raise CliError(
                f"{show(target)} already exists; argmap ballot never overwrites a file"
            ) from None
        raise CliError(exc.message) from None
    print(show(target), file=sys.stderr)
    return 0
