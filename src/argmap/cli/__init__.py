"""The `argmap` command: argparse subcommands, each a few lines over the library.

Each subcommand lives in its own module with a `register(subparsers)` function that adds
its parser and sets `run` to a function taking the parsed arguments and returning an exit
code. Modules import heavy libraries (rich, Textual, graphviz) inside `run`, so
`argmap validate` starts fast.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Callable, Sequence

from argmap import __version__
from argmap.cli.common import EXIT_INVALID, EXIT_USAGE, NO_PATH_RULE, CliError
from argmap.collector import collector_paused
from argmap.safetext import printable

#: Subcommand modules, in the order `argmap --help` lists them.
COMMAND_MODULES = (
    "argmap.cli.tui",
    "argmap.cli.serve",
    "argmap.cli.validate",
    "argmap.cli.show",
    "argmap.cli.stats",
    "argmap.cli.ballot",
    "argmap.cli.tally",
    "argmap.cli.export",
    "argmap.cli.slides",
    "argmap.cli.edit",
    "argmap.cli.interop",
    "argmap.cli.schema",
    "argmap.cli.new",
    "argmap.cli.init",
    "argmap.cli.completion",
    "argmap.cli.lsp",
)


#: The module that registers each command, so a command line naming one registers only
#: that module (importing and building the other parsers is a tenth of `argmap validate`'s
#: start-up). A command missing here still works: every module is registered then.
COMMAND_MODULE = {
    "open": "argmap.cli.tui",
    "serve": "argmap.cli.serve",
    "validate": "argmap.cli.validate",
    "show": "argmap.cli.show",
    "stats": "argmap.cli.stats",
    "check": "argmap.cli.stats",
    "ballot": "argmap.cli.ballot",
    "tally": "argmap.cli.tally",
    "export": "argmap.cli.export",
    "add": "argmap.cli.edit",
    "set": "argmap.cli.edit",
    "remove": "argmap.cli.edit",
    "import": "argmap.cli.interop",
    "schema": "argmap.cli.schema",
    "new": "argmap.cli.new",
    "init": "argmap.cli.init",
    "completion": "argmap.cli.completion",
    "slides": "argmap.cli.slides",
    "lsp": "argmap.cli.lsp",
}


class _Parser(argparse.ArgumentParser):
    """argparse's parser, with the help's width measured here as `shutil` measures it.

    argparse makes a help formatter for every argument added, and each imports `shutil`
    (and with it the compression modules) only to read the terminal's width: a twentieth
    of a small command's start-up. The commands' parsers are of this class too.
    """

    def _get_formatter(self) -> argparse.HelpFormatter:
        # Every formatter class takes `width` (argparse's own subtract 2 from the columns).
        formatter: Callable[..., argparse.HelpFormatter] = self.formatter_class
        return formatter(prog=self.prog, width=_terminal_columns() - 2)


def _terminal_columns() -> int:
    """The terminal's width as `shutil.get_terminal_size().columns` gives it: `COLUMNS`
    when it is a positive number, else standard output's terminal, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    stdout = sys.__stdout__
    try:
        return os.get_terminal_size(stdout.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):  # no standard output, or not a terminal
        return 80


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The `argmap` parser with every command; or, when `argv` starts with a known command
    name, with that command's module alone (its parsing and help are the same)."""
    parser = _Parser(
        prog="argmap",
        description=(
            "Map policy debates as claim-rebuttal graphs. With no command, opens the "
            f"terminal app on {NO_PATH_RULE}. Commands given no PATH read the same."
        ),
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    only = COMMAND_MODULE.get(argv[0]) if argv else None
    for name in COMMAND_MODULES if only is None else (only,):
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 fine, 1 invalid input, 2 usage).

    Called without `argv` (as the `argmap` script and `python -m argmap` call it), it reads
    `sys.argv`, and the process ends when it returns.
    """
    if argv is not None:
        return _main(argv)
    code = _main(sys.argv[1:])
    # The process ends next, and interpreter shutdown would run one more full collection
    # over every object still alive: modules, models, a whole loaded debate. Frozen, they
    # are skipped (about 0.015 s of a one-claim `argmap validate`, 0.06 s at 10,000
    # claims); the memory goes back to the system with the process, and the standard
    # streams are flushed at shutdown as usual. Files argmap writes are closed by then.
    gc.freeze()
    return code


def _main(argv: Sequence[str]) -> int:
    # Importing the command's module brings in pydantic and the models: a burst of
    # long-lived objects that would set off several full collections on the way.
    with collector_paused(settle=True):
        parser = build_parser(argv)
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
    except OSError as exc:  # a path the system refuses (a name too long, a permission)
        from argmap.output import os_error_message

        print(f"argmap: {printable(os_error_message(exc), one_line=True)}", file=sys.stderr)
        return EXIT_INVALID
    except ValueError as exc:  # a usage problem found after parsing
        print(f"argmap: {printable(str(exc), one_line=True)}", file=sys.stderr)
        return EXIT_USAGE
