"""`argmap stats` (size, shape and labels per debate) and `argmap check` (instructor rules)."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import TYPE_CHECKING, Any

from argmap.cli.common import EXIT_INVALID, EXIT_OK, CliError, paths_or_default, print_diagnostics
from argmap.load import LoadedDebate, load_paths

if TYPE_CHECKING:
    from argmap.stats import DebateStats


def register(subparsers: Any) -> None:
    """Add `argmap stats` and `argmap check`."""
    stats = subparsers.add_parser(
        "stats",
        help="count claims, depth and which claims stand, per debate",
        description=(
            "Summarise each debate: claims by side and kind, depth, branching, standing / "
            "defeated / undecided by side, unanswered claims, evidence without a source, "
            "the longest rebuttal chain, and the balance: the motion's strength, its verdict "
            "(leans-pro, balanced, leans-con) and the claims that move it most. Invalid "
            "files are reported on stderr (exit 1); the others are still summarised."
        ),
    )
    stats.add_argument("paths", nargs="*", metavar="PATH", help="debate files or folders")
    output = stats.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print an object with a `debates` list")
    output.add_argument("--csv", action="store_true", help="print one CSV row per debate")
    stats.set_defaults(run=run_stats)

    check = subparsers.add_parser(
        "check",
        help="check debates against instructor rules and their `expect:` labels",
        description=(
            "Report every breach of a rules file (see examples/rules.yaml) and every label "
            "that differs from a debate's `expect:` block, as file:line:col. Without --rules "
            "only `expect:` blocks are checked. Exit 1 on any breach."
        ),
    )
    check.add_argument("paths", nargs="*", metavar="PATH", help="debate files or folders")
    check.add_argument("--rules", metavar="RULES.yaml", help="a rules file")
    check.set_defaults(run=run_check)


def _load(paths: list[str] | None) -> tuple[list[LoadedDebate], int]:
    loaded = load_paths(paths_or_default(paths))
    if not loaded:
        raise CliError("no debate files (*.yaml, *.yml) found")
    errors = print_diagnostics([item for item in loaded if not item.ok])
    return [item for item in loaded if item.ok], errors


def run_stats(args: argparse.Namespace) -> int:
    from argmap.stats import CSV_COLUMNS, debate_stats

    valid, errors = _load(args.paths)
    results = [debate_stats(item.graph) for item in valid]
    if args.json:
        json.dump(
            {"debates": [r.to_json() for r in results]}, sys.stdout, indent=2, ensure_ascii=False
        )
        print()
    elif args.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for result in results:
            writer.writerow(result.to_row())
    else:
        print(format_table(results))
    return EXIT_INVALID if errors else EXIT_OK


def format_table(results: list[DebateStats]) -> str:
    """A plain aligned table, one debate a line, readable in a terminal and in a pipe."""
    headers = [
        "debate",
        "claims",
        "pro",
        "con",
        "evidence",
        "proposals",
        "depth",
        "standing",
        "defeated",
        "undecided",
        "unanswered",
        "balance",
        "labels say",
    ]
    rows = [
        [
            r.id,
            r.claims,
            r.by_side["pro"],
            r.by_side["con"],
            r.by_kind["evidence"],
            r.by_kind["proposal"],
            r.max_depth,
            r.by_label["standing"],
            r.by_label["defeated"],
            r.by_label["undecided"],
            len(r.unanswered),
            f"{r.verdict} {r.motion_strength:.2f}",
            f"motion {r.motion}",
        ]
        for r in results
    ]
    cells = [headers, *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = []
    for row in cells:
        # Names, the balance and the labels read left to right; numbers line up right.
        parts = [
            cell.ljust(width) if i in (0, len(row) - 2, len(row) - 1) else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)


def run_check(args: argparse.Namespace) -> int:
    from argmap.checks import check_expectations, check_rules, load_rules

    rules = None
    if args.rules is not None:
        rules, problems = load_rules(args.rules)
        if rules is None:
            for problem in problems:
                print(problem.format(), file=sys.stderr)
            raise CliError(f"the rules file {args.rules} is not valid; nothing was checked")
    valid, errors = _load(args.paths)
    breaches = 0
    for item in valid:
        found = check_expectations(item)
        if rules is not None:
            found += check_rules(item, rules)
        found.sort(key=lambda d: (d.line, d.col))
        for diagnostic in found:
            print(diagnostic.format())
        breaches += len(found)
    checked = len(valid)
    print(
        f"{checked} debate{'s' * (checked != 1)} checked: "
        f"{breaches} breach{'es' * (breaches != 1)}"
        + (f", {errors} file error{'s' * (errors != 1)}" if errors else ""),
        file=sys.stderr,
    )
    return EXIT_INVALID if breaches or errors else EXIT_OK
