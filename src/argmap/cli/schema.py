"""`argmap schema`: print the JSON Schema of the debate format."""

from __future__ import annotations

import argparse
import json
from typing import Any

from argmap.model import json_schema


def schema_text() -> str:
    """The schema as written to `schema/argmap.schema.json` (stable, newline-terminated)."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def ballot_schema_text() -> str:
    """The ballot format's schema, as written to `schema/ballot.schema.json`."""
    from argmap.ballots.schema import ballot_json_schema

    return json.dumps(ballot_json_schema(), indent=2, ensure_ascii=False) + "\n"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of the debate format (for editors)",
        description=(
            "Print the JSON Schema (draft 2020-12) of the debate file format. Save it, e.g. "
            "`argmap schema > argmap.schema.json`, and point your editor's YAML language "
            "server at it (`# yaml-language-server: $schema=argmap.schema.json`, as "
            "`argmap new` writes) for completion and checks as you type."
        ),
    )
    parser.add_argument("--ballot", action="store_true", help="the schema of ballot files instead")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    print(ballot_schema_text() if args.ballot else schema_text(), end="")
    return 0
