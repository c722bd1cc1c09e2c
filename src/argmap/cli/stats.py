"""`argmap stats` (size, shape and labels per debate) and `argmap check` (instructor rules)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from argmap.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    CliError,
    json_text,
    paths_or_default,
    print_diagnostics,
    show,
)
from argmap.cli.semantics_option import add_semantics_option
from argmap.load import LoadedDebate, load_paths
from argmap.safetext import printable

if TYPE_CHECKING:
    from argmap.stats import DebateStats


def register(subparsers: Any) -> None:
    """Add `argmap stats` and `argmap check`."""
    stats = subparsers.add_parser(
        "stats",
        help="count claims, depth and which claims stand, per debate",
        description=(
            "Summarise each debate: first its verdict (leans-pro, balanced, leans-con), the "
            "motion's strength and whether one removal or one weight step flips it "
            "(robust or fragile); then claims by side and kind, depth, standing / defeated "
            "/ undecided by side, unanswered claims, evidence without a source and the "
            "longest rebuttal chain. Invalid files are reported on stderr (exit 1); the "
            "others are still summarised."
        ),
    )
    stats.add_argument("paths", nargs="*", metavar="PATH", help="debate files or folders")
    output = stats.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print an object with a `debates` list")
    output.add_argument("--csv", action="store_true", help="print one CSV row per debate")
    add_semantics_option(stats)
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
    add_semantics_option(check)
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
    results = [debate_stats(item.graph, semantics=args.semantics) for item in valid]
    if args.json:
        print(json_text({"debates": [r.to_json() for r in results]}))
    elif args.csv:
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for result in results:
            writer.writerow(
                {k: printable(v) if isinstance(v, str) else v for k, v in result.to_row().items()}
            )
    else:
        import shutil

        terminal = sys.stdout.isatty()
        width = shutil.get_terminal_size().columns if terminal else None
        print(format_table(results, width, colour=_wants_colour()))
    return EXIT_INVALID if errors else EXIT_OK


#: Column headings, long and abbreviated (for narrow terminals).
HEADINGS = (
    ("debate", "debate"),
    # The verdict first: the balance (verdict and the motion's strength), how robust.
    ("balance", "bal"),
    ("robust", "rob"),
    ("claims", "claims"),
    ("pro", "pro"),
    ("con", "con"),
    ("evidence", "evid"),
    ("proposals", "prop"),
    ("depth", "dpth"),
    ("standing", "✓"),
    ("defeated", "✗"),
    ("undecided", "?"),
    ("unanswered", "unans"),
)
#: Verdicts in narrow tables.
SHORT_VERDICT = {"leans-pro": "pro", "balanced": "even", "leans-con": "con"}
#: The diagrams' colour-blind-safe pair, as 24-bit foreground colours.
_SIDE_COLOUR = {"pro": "\x1b[38;2;0;114;178m", "con": "\x1b[38;2;213;94;0m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"
_STATUS_STYLE = {"standing": _BOLD, "✓": _BOLD, "defeated": _DIM, "✗": _DIM}


def _fit(cell: str, width: int) -> str:
    """`cell` cut to `width` characters, ending in "…" when cut."""
    return cell if len(cell) <= width else cell[: max(width - 1, 0)] + "…"


def format_table(
    results: list[DebateStats], width: int | None = None, *, colour: bool = False
) -> str:
    """A plain aligned table, one debate a line, readable in a terminal and in a pipe.

    With `width` (a terminal's columns), the table fits: headings are abbreviated first
    (✓ ✗ ? for standing, defeated, undecided), then debate ids are cut with "…". Lines
    are never wrapped. With `colour`, the side columns take the diagrams' blue and
    vermillion, and a fragile verdict is dimmed.
    """
    rows = [
        [
            printable(r.id, one_line=True),
            f"{r.verdict} {r.motion_strength:.2f}",
            "robust" if r.robust else "fragile",
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
        ]
        for r in results
    ]
    body = [[str(c) for c in row] for row in rows]
    headers = [long for long, _ in HEADINGS]

    def widths_of(heads: list[str]) -> list[int]:
        return [max(len(row[i]) for row in [heads, *body]) for i in range(len(heads))]

    widths = widths_of(headers)
    total = sum(widths) + 2 * (len(widths) - 1)
    if width is not None and total > width:
        headers = [short for _, short in HEADINGS]
        # The balance shortens too: "con 0.38" for "leans-con 0.38".
        column = next(i for i, (name, _) in enumerate(HEADINGS) if name == "balance")
        for row, result in zip(body, results, strict=True):
            row[column] = f"{SHORT_VERDICT[result.verdict]} {result.motion_strength:.2f}"
        widths = widths_of(headers)
    columns = list(range(len(HEADINGS)))
    if width is not None:
        # Still too wide: leave out the least-read columns in turn, cutting the ids with
        # "…" (to 20 characters) before the proposals go, then as far as it takes.
        full = widths[0]
        for dropped, shortest in (
            ("depth", full),
            ("unanswered", full),
            ("evidence", 20),
            ("proposals", 12),
        ):
            others = sum(widths[i] + 2 for i in columns[1:])
            widths[0] = max(min(shortest, full), min(full, width - others))
            if widths[0] + others <= width:
                break
            columns.remove(next(i for i, (name, _) in enumerate(HEADINGS) if name == dropped))
        others = sum(widths[i] + 2 for i in columns[1:])
        widths[0] = max(min(8, full), min(full, width - others))
    lines = []
    for number, row in enumerate([headers, *body]):
        parts = []
        for i in columns:
            cell = _fit(row[i], widths[i])
            # Names, the balance and its robustness read left to right; numbers line up on
            # the right.
            left = i == 0 or HEADINGS[i][0] in ("balance", "robust")
            padded = cell.ljust(widths[i]) if left else cell.rjust(widths[i])
            if colour:
                padded = _coloured(padded, HEADINGS[i][0], cell, heading=number == 0)
            parts.append(padded)
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)


def _coloured(padded: str, column: str, cell: str, *, heading: bool) -> str:
    style = _SIDE_COLOUR.get(column, "")
    if not style and column in {"standing", "defeated"} and heading:
        style = _STATUS_STYLE[column]
    if not style and column == "robust" and not heading and cell.strip() == "fragile":
        style = _DIM
    return f"{style}{padded}{_RESET}" if style else padded


def _wants_colour() -> bool:
    import os

    return (
        sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    )


def run_check(args: argparse.Namespace) -> int:
    from argmap.checks import check_expectations, check_rules, load_rules

    rules = None
    if args.rules is not None:
        rules, problems = load_rules(args.rules)
        if rules is None:
            for problem in problems:
                print(show(problem.format()), file=sys.stderr)
            raise CliError(f"the rules file {show(args.rules)} is not valid; nothing was checked")
    valid, errors = _load(args.paths)
    breaches = 0
    for item in valid:
        found = check_expectations(item, args.semantics)
        if rules is not None:
            found += check_rules(item, rules, args.semantics)
        found.sort(key=lambda d: (d.line, d.col))
        for diagnostic in found:
            print(show(diagnostic.format()))
        breaches += len(found)
    checked = len(valid)
    print(
        f"{checked} debate{'s' * (checked != 1)} checked: "
        f"{breaches} breach{'es' * (breaches != 1)}"
        + (f", {errors} file error{'s' * (errors != 1)}" if errors else ""),
        file=sys.stderr,
    )
    return EXIT_INVALID if breaches or errors else EXIT_OK
