"""`argmap tally`: the class's verdict on a debate from the students' ballots."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from argmap.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    CliError,
    json_text,
    load_valid,
    show,
)
from argmap.safetext import printable
from argmap.verdict import weighed_title

if TYPE_CHECKING:
    from argmap.ballots.tally import Contested, Tally
    from argmap.graph import ArgumentGraph

#: Cells a spreadsheet would read as a formula start with one of these.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Claim texts in the report are cut to this many characters.
TEXT_WIDTH = 40


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "tally",
        help="the class's verdict from students' ballots: split, median, contested claims",
        description=(
            "Weigh DEBATE under each ballot's weights (a claim a ballot leaves out keeps "
            "the author's weight): the motion's strength and verdict per ballot, how many "
            "ballots lean pro / balanced / con, the median and interquartile range of the "
            "motion's strength, the verdict under the median weights, the most contested "
            "claims and where the class disagrees with the author. BALLOTS are files or "
            "folders (a folder with a sub-folder named after the debate uses that)."
        ),
    )
    parser.add_argument("debate", metavar="DEBATE", help="the debate file")
    parser.add_argument("ballots", nargs="*", metavar="BALLOTS", help="ballot files or folders")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the tally as JSON")
    output.add_argument("--csv", action="store_true", help="print one CSV row per ballot")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from argmap.ballots.folder import load_ballots
    from argmap.ballots.tally import tally

    loaded = load_valid([args.debate])
    if len(loaded) != 1:
        raise CliError(f"{show(args.debate)} holds {len(loaded)} debates; give one debate file")
    graph = loaded[0].graph
    ballots = load_ballots(args.ballots, graph)
    for ballot in ballots:
        for diagnostic in ballot.diagnostics:
            print(show(diagnostic.format()), file=sys.stderr)
    valid = [b for b in ballots if b.ok]
    skipped = len(ballots) - len(valid)
    if skipped:
        print(
            f"argmap: skipping {skipped} ballot{'s' * (skipped != 1)} with errors",
            file=sys.stderr,
        )
    if not valid:
        raise CliError(
            f"no valid ballot for debate '{show(graph.debate.id)}'"
            + ("" if ballots else "; give ballot files or folders (see `argmap ballot`)")
        )
    result = tally(graph, valid)
    if args.json:
        print(json_text(to_json(result)))
    elif args.csv:
        _print_csv(result)
    else:
        print(format_report(result))
    return EXIT_INVALID if skipped else EXIT_OK


def _row(result: Tally) -> list[dict[str, object]]:
    return [
        {
            "ballot": str(r.path),
            "by": r.name,
            "weighed": r.weighed,
            "strength": round(r.strength, 4),
            "verdict": r.verdict.value,
            "unknown_ids": " ".join(r.unknown),
        }
        for r in result.results
    ]


def _print_csv(result: Tally) -> None:
    import csv

    rows = _row(result)
    writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})


def _cell(value: object) -> object:
    """A value for a gradebook: text safe on a terminal, never read as a formula."""
    if not isinstance(value, str):
        return value
    text = printable(value, one_line=True)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_json(result: Tally) -> dict[str, object]:
    """The tally as JSON: one row per ballot, and the class's summary."""
    q1, median, q3 = result.quartiles
    graph = result.graph

    def contested(items: list[Contested]) -> list[dict[str, object]]:
        return [
            {
                "id": c.claim_id,
                "text": graph.nodes[c.claim_id].text,
                "spread": round(c.spread, 4),
                "low": round(c.low, 4),
                "high": round(c.high, 4),
            }
            for c in items
        ]

    return {
        "debate": graph.debate.id,
        "ballots": _row(result),
        "class": {
            "split": {v.value: n for v, n in result.split.items()},
            "median_strength": round(median, 4),
            "quartiles": [round(q1, 4), round(q3, 4)],
            "median_weights": {
                "strength": round(result.median.motion_strength, 4),
                "verdict": result.median.verdict.value,
            },
            "author": {
                "strength": round(result.author.motion_strength, 4),
                "verdict": result.author.verdict.value,
            },
            "contested_weights": contested(result.contested_weights),
            "contested_contributions": contested(result.contested_contributions),
            "disagreements": [
                {
                    "id": d.claim_id,
                    "text": graph.nodes[d.claim_id].text,
                    "author": d.author,
                    "median": d.median,
                }
                for d in result.disagreements
            ],
        },
    }


def _short(graph: ArgumentGraph, claim_id: str) -> str:
    from argmap.export.dot import shorten

    return printable(shorten(graph.nodes[claim_id].text, TEXT_WIDTH), one_line=True)


def _number(value: float) -> str:
    return f"{value:g}" if value == int(value) else f"{value:.1f}"


def format_report(result: Tally) -> str:
    """The tally as plain text: a table of ballots, then the class's summary."""
    graph = result.graph
    rows = [(printable(r.name, one_line=True), r) for r in result.results]
    name_width = max(6, *(len(name) for name, _ in rows))
    count = len(rows)
    lines = [
        f"{show(graph.debate.id)}: {show(graph.debate.title)} ({count} ballot{'s' * (count != 1)})",
        "",
        f"{'ballot':<{name_width}}  weighed  strength  verdict",
    ]
    for name, r in rows:
        lines.append(
            f"{name:<{name_width}}  {r.weighed:>7}  {r.strength:>8.2f}  {r.verdict.phrase}"
        )
    from argmap.strength import Verdict

    split = result.split
    q1, median, q3 = result.quartiles
    lines += [
        "",
        f"Class split: {split[Verdict.LEANS_PRO]} lean pro, "
        f"{split[Verdict.BALANCED]} balanced, {split[Verdict.LEANS_CON]} lean con",
        f"Motion strength: median {median:.2f}, interquartile range {q1:.2f}-{q3:.2f} "
        f"({q3 - q1:.2f})",
        f"Under the class's median weights: {weighed_title(result.median)}",
        f"Under the author's weights:       {weighed_title(result.author)}",
    ]
    lines += ["", "Most contested weights (standard deviation; lowest-highest):"]
    lines += [
        f"  {c.spread:.2f}  {_number(c.low)}-{_number(c.high)}  {_short(graph, c.claim_id)}"
        f"  [{show(c.claim_id)}]"
        for c in result.contested_weights
    ] or ["  none: every ballot gives every claim the same weight"]
    lines += ["", "Most contested contributions to the motion (lowest to highest):"]
    lines += [
        f"  {c.low:+.2f} to {c.high:+.2f}  {_short(graph, c.claim_id)}  [{show(c.claim_id)}]"
        for c in result.contested_contributions
    ] or ["  none: every claim moves the motion alike on every ballot"]
    lines += ["", "Where the class disagrees most with the author (author -> class median):"]
    lines += [
        f"  {d.author} -> {_number(d.median)}  {_short(graph, d.claim_id)}  [{show(d.claim_id)}]"
        for d in result.disagreements
    ] or ["  nowhere: the class's median weights are the author's"]
    return "\n".join(lines)
