"""`argmap validate`: report every problem in debate files."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from argmap.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    json_text,
    paths_or_default,
    print_diagnostics,
    show,
)
from argmap.load import LoadedDebate

if TYPE_CHECKING:
    from argmap.ballots.format import LoadedBallot


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check debate files and report every problem as file:line:col",
        description="Check debate files. Exit 0 when there is no error (warnings allowed).",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders")
    parser.add_argument("--json", action="store_true", help="print diagnostics as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from argmap.ballots.validate import describe, load_checked

    loaded, ballots = load_checked(paths_or_default(args.paths))
    checked: list[LoadedDebate | LoadedBallot] = [*loaded, *ballots]
    errors = sum(d.is_error for item in checked for d in item.diagnostics)
    if args.json:
        report = {
            "files": [
                {"path": str(item.path), "ok": item.ok, "id": item.debate_id} for item in loaded
            ]
            + [{"path": str(b.path), "ok": b.ok, "kind": "ballot"} for b in ballots],
            "diagnostics": [d.to_json() for item in checked for d in item.diagnostics],
        }
        print(json_text(report))
    else:
        print_diagnostics(loaded)
        for ballot in ballots:
            for diagnostic in ballot.diagnostics:
                print(show(diagnostic.format()), file=sys.stderr)
            print(show(describe(ballot)), file=sys.stderr)
        warnings = sum(not d.is_error for item in checked for d in item.diagnostics)
        files = len(checked)
        print(
            f"{files} file{'s' * (files != 1)}: {errors} error{'s' * (errors != 1)}, "
            f"{warnings} warning{'s' * (warnings != 1)}",
            file=sys.stderr,
        )
    if not checked:
        print("argmap: no debate files (*.yaml, *.yml) found", file=sys.stderr)
        return EXIT_INVALID
    return EXIT_INVALID if errors else EXIT_OK
