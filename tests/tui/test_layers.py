"""The app's layers: screens and widgets never import the app; its plain modules never
import Textual."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TUI = Path(__file__).resolve().parents[2] / "src" / "argmap" / "tui"


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at the top, inside functions or under TYPE_CHECKING."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


@pytest.mark.parametrize(
    "path",
    sorted([*TUI.glob("screens/*.py"), *TUI.glob("widgets/*.py")]),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_screens_and_widgets_never_import_the_app(path: Path) -> None:
    bad = {m for m in imported_modules(path) if m in ("argmap.tui", "argmap.tui.app")}
    bad |= {m for m in imported_modules(path) if m.startswith("argmap.tui.app.")}
    assert not bad, f"{path.name} imports {sorted(bad)}: speak to the app through tui/host.py"


@pytest.mark.parametrize("name", ["model", "editing", "watch", "crash", "host"])
def test_plain_modules_of_the_app_never_import_textual(name: str) -> None:
    # Importing them through the package would load the app; read their imports instead.
    modules = imported_modules(TUI / f"{name}.py")
    assert not {m for m in modules if m.split(".")[0] in ("textual", "rich")}
    assert not {m for m in modules if m.startswith(("argmap.tui.screens", "argmap.tui.app"))}
