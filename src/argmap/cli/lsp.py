"""`argmap lsp`: run the language server over stdio (for editors; needs the `lsp` extra)."""

from __future__ import annotations

import argparse
from typing import Any

from argmap.cli.common import CliError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "lsp",
        help="run the language server for debate files over stdio (for editors)",
        description=(
            "Speak the Language Server Protocol on stdin/stdout: diagnostics as you type, "
            "go to definition, references, rename, hover, completion, outline and quick "
            "fixes for debate files. Editors start it; see docs/lsp.md."
        ),
    )
    # Some clients always pass --stdio; stdio is the only transport, so it is accepted.
    parser.add_argument("--stdio", action="store_true", help="use stdin/stdout (the default)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        from argmap.lsp.server import main
    except ImportError as exc:
        missing = (exc.name or "").split(".")[0]
        if missing not in {"pygls", "lsprotocol", "cattrs"}:
            raise
        raise CliError(
            f"the language server needs pygls ({missing} is not installed): "
            "pip install 'argmap[lsp]'"
        ) from exc
    return main()
