"""Subcommands of this group are registered here once they exist."""

from __future__ import annotations

from typing import Any


def register(subparsers: Any) -> None:
    """Add this group's subcommands (none yet)."""
