"""The `argmap` command: argparse subcommands, each a few lines over the library.

Each subcommand lives in its own module with a `register(subparsers)` function that adds
its parser and sets `run` to a function taking the parsed arguments and returning an exit
code. Modules import heavy libraries (rich, Textual, graphviz) inside `run`, so
`argmap validate` starts fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from argmap import __version__
from argmap.cli.common import EXIT_INVALID, EXIT_USAGE, CliError
from argmap.safetext import printable

#: Subcommand modules, in the order `argmap --help` lists them.
COMMAND_MODULES = (
    "argmap.cli.tui",
    "argmap.cli.validate",
    "argmap.cli.show",
    "argmap.cli.stats",
    "argmap.cli.export",
    "argmap.cli.edit",
    "argmap.cli.interop",
    "argmap.cli.schema",
    "argmap.cli.new",
    "argmap.cli.init",
    "argmap.cli.completion",
    "argmap.cli.lsp",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="argmap",
        description=(
            "Map policy debates as claim-rebuttal graphs. With no command, opens the "
            "terminal app on ./arguments (or the bundled debates)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 fine, 1 invalid input, 2 usage)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    run: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    if run is None:
        from argmap.cli.tui import run_default

        run = run_default
    try:
        return run(args)
    except CliError as exc:
        # Messages quote ids, claim text and file names: never let their control
        # characters reach the terminal.
        print(f"argmap: {printable(str(exc), one_line=True)}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_INVALID
    except ValueError as exc:  # a usage problem found after parsing
        print(f"argmap: {printable(str(exc), one_line=True)}", file=sys.stderr)
        return EXIT_USAGE
