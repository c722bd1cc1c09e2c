"""`argmap import kialo|aif FILE`: turn another tool's debate into an argmap YAML file.

The converted text goes through the same loader as any debate file and is written only
when it validates. What the conversion could not carry is printed to stderr, one note per
thing, naming the claims. By default the file goes to `arguments/<name>.yaml` when there
is an `arguments/` folder here, else to `./<name>.yaml`; `-o -` prints it instead. An
existing file is never replaced without `--force`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from argmap.cli.common import EXIT_OK, CliError, print_diagnostics
from argmap.load import UnreadableFile, read_regular_file, slug_from_path
from argmap.output import OutputError, existing_target, write_output
from argmap.safetext import printable

_FORMATS = {
    "kialo": ("Kialo plain-text discussion export (.txt)", "FILE.txt"),
    "aif": ("AIF JSON (AIFdb layout), e.g. from `argmap export --format aif`", "FILE.json"),
}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import",
        help="convert a Kialo or AIF debate into an argmap YAML file",
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
        sub.set_defaults(run=run)


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".aif.json", ".json", ".txt"):
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
        data = read_regular_file(path)
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


def run(args: argparse.Namespace) -> int:
    from argmap.interop import InteropError, import_text

    fmt: str = args.import_format
    source = Path(args.file)
    text = _read(source)
    to_stdout = args.output == "-"
    target = default_output(source) if args.output is None else Path(args.output)
    display = target if not to_stdout else Path(slug_from_path(Path(_stem(source))) + ".yaml")
    # The input is converted first, so a file that is not a Kialo or AIF export is named
    # as such before anything is said about the output.
    try:
        outcome = import_text(fmt, text, display, slug_from_path(display))
    except InteropError as exc:
        where = f"{source}:{exc.line}" if exc.line is not None else str(source)
        raise CliError(f"{_show(where)}: {printable(exc.message)}") from None
    if not to_stdout:
        _check_output(target, args.force)
    for loss in outcome.losses:
        print(_show(loss.format(str(source))), file=sys.stderr)
    if not outcome.loaded.ok:
        print_diagnostics([outcome.loaded])
        raise CliError(
            f"the {fmt} file converted to a debate that does not validate; nothing written "
            "(the lines above are lines of the converted YAML)"
        )
    print_diagnostics([outcome.loaded])  # warnings, if any
    if to_stdout:
        sys.stdout.write(printable(outcome.yaml_text))
        return EXIT_OK
    try:
        write_output(target, outcome.yaml_text.encode("utf-8"), overwrite=args.force)
    except OutputError as exc:
        raise CliError(_output_refusal(exc, target)) from None
    graph = outcome.loaded.graph
    noun = "claim" if len(graph) == 1 else "claims"
    print(f"wrote {_show(target)} ({len(graph)} {noun})", file=sys.stderr)
    return EXIT_OK
