"""What the tests share by import: where the repository is, a minimal debate."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ARGUMENTS = REPO / "arguments"

MINIMAL = """\
version: 1
title: Test debate
motion: Something should happen.
pro:
  - id: p-a
    text: A reason for it.
con:
  - id: c-a
    text: A reason against it.
"""
