"""The bundled debates exported as HTML pages, once per theme for the whole test session.

Exporting the seven debates draws seven diagrams with `dot`, which takes seconds; the
browser modules that only read the pages share one export per theme (the pages are never
written to). Modules import the fixture as `bundled_site_fixture`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from argmap.cli import main

ARGUMENTS = Path(__file__).resolve().parents[2] / "arguments"


@pytest.fixture(scope="session", name="bundled_site")
def bundled_site_fixture(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """The folder of `arguments/` exported as HTML in a theme, made on first use."""
    made: dict[str, Path] = {}

    def site(theme: str) -> Path:
        if theme not in made:
            folder = tmp_path_factory.mktemp(f"site-{theme}")
            args = ["export", str(ARGUMENTS), "--format", "html", "--theme", theme]
            assert main([*args, "--out", f"{folder}/"]) == 0
            made[theme] = folder
        return made[theme]

    return site
