"""The `--semantics NAME` option shared by `show`, `stats`, `check` and `export`."""

from __future__ import annotations

from typing import Any, get_args

from argmap.model import SemanticsName

#: The names `--semantics` accepts (`argmap.gradual.SEMANTICS`), the default first.
NAMES = get_args(SemanticsName)


def add_semantics_option(parser: Any) -> None:
    """Add `--semantics NAME` to a command's parser (default: the debate's own choice)."""
    parser.add_argument(
        "--semantics",
        choices=NAMES,
        metavar="NAME",
        help=(
            "weigh the debate with this gradual semantics: quadratic-energy (the default), "
            "df-quad or max-based (the strongest claim on each side decides; see "
            "docs/semantics.md); without it, the debate's own `semantics:` key"
        ),
    )
