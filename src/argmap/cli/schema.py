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
        "schema", help="print the JSON Schema of the debate format (for editors)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    print(schema_text(), end="")
    return 0
