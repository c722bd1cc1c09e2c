"""`argmap open` and `argmap` with no command: the terminal app."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(subparsers: Any) -> None:
    """Add `argmap open` (once the terminal app exists)."""


def run_default(args: argparse.Namespace) -> int:
    print("argmap: the terminal app is not available yet; try `argmap --help`", file=sys.stderr)
    return 2
