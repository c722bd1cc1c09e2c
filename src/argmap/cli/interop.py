"""`argmap import kialo|aif|argdown FILE`: turn another tool's debate into argmap YAML.

The converted text goes through the same loader as any debate file and is written only
when it validates. What the conversion could not carry is printed to stderr, one note per
thing, naming the claims (every one, by id and text); `--report FILE.json` writes the same
notes as data. By default the file goes to `arguments/<name>.yaml` when there is an
`arguments/` folder here, else to `./<name>.yaml`; `-o -` prints it instead. An existing
file is never replaced without `--force`. `import aif --all -o DIR/` writes one debate per
top-level conclusion.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from argmap.cli.common import EXIT_OK, EXIT_USAGE, CliError, print_diagnostics
from argmap.load import UnreadableFile, read_regular_file, size_limit, slug_from_path
from argmap.output import OutputError, existing_target, write_output
from argmap.safetext import printable

if TYPE_CHECKING:
    from argmap.interop import ImportOutcome, Loss

_T = TypeVar("_T")

_FORMATS = {
    "kialo": ("Kialo plain-text discussion export (.txt)", "FILE.txt"),
    "aif": (
        "AIF JSON (AIFdb layout, or OVA's and xAIF's wrapper), e.g. from "
        "`argmap export --format aif`",
        "FILE.json",
    ),
    "argdown": ("an Argdown document (.argdown)", "FILE.argdown"),
}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import",
        help="convert a Kialo, AIF or Argdown debate into an argmap YAML file",
        description=(
            "Convert a debate from another tool into argmap YAML. The result is validated "
            "like any debate file and written only when it is valid; what the conversion "
            "could not carry is reported on stderr."
        ),
    )
    formats = parser.add_subparsers(dest="import_format", metavar="FORMAT", required=True)
    for name, (what, metavar) in _FORMATS.items():
        sub = formats.add_parser(name, help=what, description=f"Import {what}.")
        sub.add_argument("file", metavar=metavar, help="the file to import")
        sub.add_argument(
            "-o",
            "--output",
            metavar="OUT.yaml",
            help=(
                "where to write (default: arguments/NAME.yaml if ./arguments exists, "
                "else ./NAME.yaml; '-' for stdout)"
            ),
        )
        sub.add_argument(
            "--force", action="store_true", help="replace the output file if it exists"
        )
        sub.add_argument(
            "--report",
            metavar="FILE.json",
            help="also write every loss note, with the full text of what was left out, as JSON",
        )
        if name == "aif":
            sub.add_argument(
                "--motion",
                metavar="NODE",
                help="the nodeID of the I-node to make the motion (default: the top-level "
                "conclusion with most claims below it)",
            )
            sub.add_argument(
                "--all",
                action="store_true",
                help="write one debate per top-level conclusion into the folder -o DIR/",
            )
        elif name == "argdown":
            sub.add_argument(
                "--motion",
                metavar="TITLE",
                help="the statement to make the motion (default: the one with most incoming "
                "relations)",
            )
        sub.set_defaults(run=run)


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".aif.json", ".json", ".txt", ".argdown", ".ad"):
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return path.stem


def default_output(source: Path) -> Path:
    """`arguments/<slug>.yaml` when ./arguments exists, else `./<slug>.yaml`."""
    name = slug_from_path(Path(_stem(source))) + ".yaml"
    folder = Path("arguments")
    return folder / name if folder.is_dir() else Path(name)


def _read(path: Path) -> str:
    try:
        data = read_regular_file(path, size_limit())
    except UnreadableFile as exc:
        raise CliError(f"{_show(path)}: {exc.message}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CliError(f"{_show(path)}: file is not valid UTF-8; save it as UTF-8") from None


def _show(path: Path | str) -> str:
    return printable(str(path), one_line=True)


def _output_refusal(exc: OutputError, target: Path) -> str:
    if exc.exists:
        return f"{_show(target)} already exists; use --force to replace it"
    return exc.message


def _check_output(target: Path, force: bool) -> None:
    """Refuse an output that is not a regular file, or exists without --force, up front."""
    try:
        existing = existing_target(target)
    except OutputError as exc:
        raise CliError(exc.message) from None
    if existing is not None and not force:
        raise CliError(f"{_show(target)} already exists; use --force to replace it")


#: Items a note lists on the terminal; `--report FILE.json` lists every one.
_ITEMS_SHOWN = 50


def _print_losses(losses: list[Loss], source: Path) -> None:
    name = printable(str(source), one_line=True)
    for loss in losses:
        lines = loss.format_lines(name)
        shown = lines[: 1 + _ITEMS_SHOWN]
        for line in shown:
            print(printable(line, one_line=True), file=sys.stderr)
        if len(lines) > len(shown):
            print(
                f"{name}: note:   ... and {len(lines) - len(shown):,} more "
                "(--report FILE.json lists every one)",
                file=sys.stderr,
            )


def _write_report(
    path: Path | None,
    source: Path,
    fmt: str,
    written: list[tuple[Path, ImportOutcome]],
    losses: list[Loss],
    force: bool,
) -> None:
    """`--report FILE.json`: every loss note as data, per written debate and for the file."""
    if path is None:
        return
    report = {
        "source": str(source),
        "format": fmt,
        "debates": [
            {
                "file": str(target),
                "id": outcome.loaded.debate_id,
                "claims": outcome.claim_count() if outcome.loaded.ok else None,
                "losses": [loss.as_json() for loss in outcome.losses],
            }
            for target, outcome in written
        ],
        "losses": [loss.as_json() for loss in losses],
    }
    _write(path, json.dumps(report, indent=2, ensure_ascii=False) + "\n", force)
    print(f"wrote {printable(str(path), one_line=True)} (loss report)", file=sys.stderr)


def _check_free(targets: list[Path], force: bool) -> None:
    for target in targets:
        _check_output(target, force)


def _write(target: Path, text: str, force: bool) -> None:
    try:
        write_output(target, text.encode("utf-8"), overwrite=force)
    except OutputError as exc:
        raise CliError(_output_refusal(exc, target)) from None


def _converted(fmt: str, source: Path, call: Callable[[], _T]) -> _T:
    from argmap.interop import InteropError

    try:
        return call()
    except InteropError as exc:
        where = f"{source}:{exc.line}" if exc.line is not None else str(source)
        raise CliError(printable(f"{where}: {exc.message}", one_line=True)) from None


def _claims(outcome: ImportOutcome) -> str:
    count = outcome.claim_count()
    return f"{count} claim{'s' * (count != 1)}"


def run(args: argparse.Namespace) -> int:
    from argmap.interop import import_text

    fmt: str = args.import_format
    source = Path(args.file)
    if getattr(args, "all", False):
        return _run_all(args, source)
    text = _read(source)
    to_stdout = args.output == "-"
    target = default_output(source) if args.output is None else Path(args.output)
    display = target if not to_stdout else Path(slug_from_path(Path(_stem(source))) + ".yaml")
    report = Path(args.report) if args.report else None
    motion = getattr(args, "motion", None)
    # The input is converted first, so a file that is not in the format is named as such
    # before anything is said about the output.
    outcome = _converted(
        fmt, source, lambda: import_text(fmt, text, display, slug_from_path(display), motion)
    )
    _check_free([] if to_stdout else [target], args.force)
    _check_free([report] if report else [], args.force)
    _print_losses(outcome.losses, source)
    if not outcome.loaded.ok:
        print_diagnostics([outcome.loaded])
        raise CliError(
            f"the {fmt} file converted to a debate that does not validate; nothing written "
            "(the lines above are lines of the converted YAML)"
        )
    print_diagnostics([outcome.loaded])  # warnings, if any
    if to_stdout:
        sys.stdout.write(printable(outcome.yaml_text))
    else:
        _write(target, outcome.yaml_text, args.force)
        shown = printable(str(target), one_line=True)
        print(f"wrote {shown} ({_claims(outcome)})", file=sys.stderr)
    _write_report(report, source, fmt, [(display, outcome)], [], args.force)
    return EXIT_OK


def _run_all(args: argparse.Namespace, source: Path) -> int:
    """`import aif FILE --all -o DIR/`: one debate file per top-level conclusion."""
    from argmap.interop import import_aif_all

    if args.motion is not None:
        raise CliError("--all imports every conclusion; leave out --motion", EXIT_USAGE)
    if args.output == "-":
        raise CliError("--all writes several files; give a folder with -o DIR/", EXIT_USAGE)
    folder = Path(args.output) if args.output else default_output(source).parent
    if folder.exists() and not folder.is_dir():
        shown = printable(str(folder), one_line=True)
        raise CliError(f"{shown} is not a folder; --all writes one file per debate into -o DIR/")
    text = _read(source)
    base = slug_from_path(Path(_stem(source)))
    outcomes, losses, refused = _converted(
        "aif", source, lambda: import_aif_all(text, folder, base)
    )
    report = Path(args.report) if args.report else None
    _check_free([target for target, _ in outcomes], args.force)
    _check_free([report] if report else [], args.force)
    _print_losses(losses, source)
    for _, outcome in outcomes:
        _print_losses(outcome.losses, source)
    print_diagnostics([outcome.loaded for _, outcome in outcomes])
    # One debate that cannot be made or written is named; the others are still written.
    failed = [f"{_show(target)}: {reason}" for target, reason in refused]
    written: list[tuple[Path, ImportOutcome]] = []
    for target, outcome in outcomes:
        if not outcome.loaded.ok:
            failed.append(
                f"{_show(target)}: the debate does not validate (the lines above are lines "
                "of the converted YAML); not written"
            )
            continue
        try:
            _write(target, outcome.yaml_text, args.force)
        except CliError as exc:
            failed.append(str(exc))
            continue
        written.append((target, outcome))
        shown = printable(str(target), one_line=True)
        print(f"wrote {shown} ({_claims(outcome)})", file=sys.stderr)
    for message in failed:
        print(f"argmap: {printable(message, one_line=True)}", file=sys.stderr)
    shown = printable(str(folder), one_line=True)
    noun = "debate" if len(written) == 1 else "debates"
    print(f"{len(written)} {noun} written to {shown}/", file=sys.stderr)
    _write_report(report, source, "aif", written, losses, args.force)
    if failed:
        total = len(outcomes) + len(refused)
        raise CliError(f"{len(failed)} of the {total} debates could not be imported (named above)")
    return EXIT_OK
