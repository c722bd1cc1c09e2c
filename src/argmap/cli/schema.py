"""`argmap schema`: print the JSON Schema of the debate format."""

from __future__ import annotations

import argparse
import json
from typing import Any

from argmap.model import json_schema


def schema_text() -> str:
    """The schema as written to `schema/argmap.schema.json` (stable, newline-terminated)."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


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
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    print(schema_text(), end="")
    return 0
