"""Shared test helpers: write a debate file and load it."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from argmap.load import LoadedDebate, load_file


@pytest.fixture
def write_debate(tmp_path: Path) -> Callable[..., Path]:
    """Write YAML (dedented) to tmp_path/NAME and return the path."""

    def write(text: str, name: str = "debate.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture
def load_debate(write_debate: Callable[..., Path]) -> Callable[..., LoadedDebate]:
    """Write YAML and load it."""

    def load(text: str, name: str = "debate.yaml") -> LoadedDebate:
        return load_file(write_debate(text, name))

    return load
