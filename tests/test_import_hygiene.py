"""Each layer imports only what it may: the domain never a shell, Textual, Rich or pygls."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
SHELLS = ("cli", "tui", "lsp", "web")


def modules_of(layer: str) -> list[str]:
    """Every module of a layer, from the package tree: a shell's folder, or the domain
    (everything outside the shells' folders)."""
    found = []
    for path in sorted((SRC / "argmap").rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        if parts[-1] == "__main__":
            continue  # running it runs the command
        inner = parts[1] if len(parts) > 2 else None
        if (inner == layer) if layer in SHELLS else (inner not in SHELLS):
            found.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return found


#: What each layer must never import, by top-level package or module prefix.
FORBIDDEN = {
    "domain": (
        "textual",
        "rich",
        "pygls",
        "lsprotocol",
        "textual_serve",
        "argmap.cli",
        "argmap.tui",
        "argmap.lsp",
        "argmap.web",
    ),
    "lsp": ("textual", "rich", "textual_serve", "argmap.cli", "argmap.tui", "argmap.web"),
    "web": ("textual", "pygls", "argmap.cli", "argmap.tui", "argmap.lsp"),
    "tui": ("pygls", "lsprotocol", "argmap.cli", "argmap.lsp", "argmap.web"),
}

LAYERED = [
    pytest.param(module, layer, id=module) for layer in FORBIDDEN for module in modules_of(layer)
]


def test_the_layers_are_read_from_the_package_tree() -> None:
    domain = modules_of("domain")
    assert {"argmap", "argmap.semantics", "argmap.edit.document", "argmap.export.dot"} <= set(
        domain
    )
    assert not [m for m in domain if m.split(".")[1:2] in (["cli"], ["tui"], ["lsp"], ["web"])]
    assert "argmap.cli" in modules_of("cli")
    assert "argmap.lsp.server" in modules_of("lsp")
    assert "argmap.tui.app" in modules_of("tui")


@pytest.mark.parametrize(("module", "layer"), LAYERED)
def test_a_module_imports_nothing_its_layer_forbids(module: str, layer: str) -> None:
    forbidden = FORBIDDEN[layer]
    code = (
        f"import sys, {module}\n"
        f"forbidden = {forbidden!r}\n"
        "print(sorted(m for m in sys.modules if m in forbidden\n"
        "             or m.startswith(tuple(f + '.' for f in forbidden))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]", f"{module} ({layer}) imports {out.strip()}"


def test_the_graph_does_not_import_the_loader() -> None:
    # Ids and positions live in argmap.ids, below both: no import circle between them.
    code = "import sys, argmap.graph; print('argmap.load' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["False"]


def test_language_server_imports_no_other_shell() -> None:
    code = (
        "import sys\n"
        "from argmap.lsp.server import create_server\n"
        "create_server()\n"
        "shells = ('textual', 'rich', 'argmap.tui', 'argmap.cli')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in shells\n"
        "             or m.startswith(shells[2:]))\n"
        "assert not bad, bad\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_validate_loads_only_what_it_needs() -> None:
    code = (
        "import sys\n"
        "from argmap.cli import main\n"
        "main(['validate', '--json'])\n"
        "heavy = {'textual', 'rich', 'graphviz', 'argmap.edit', 'argmap.export',\n"
        "         'argmap.interop', 'concurrent.futures', 'argmap.cli.export',\n"
        "         'argmap.cli.edit', 'argmap.cli.interop', 'argmap.cli.completion',\n"
        "         'pygls', 'argmap.lsp', 'argmap.cli.lsp',\n"
        "         'pydantic', 'argmap.schema_model'}\n"
        "assert not heavy & set(sys.modules), sorted(heavy & set(sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_web_shell_imports_no_other_shell() -> None:
    """`argmap.web` starts the app as a command; it never imports the app or Textual."""
    code = (
        "import sys, argmap.web.serve\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'\n"
        "             or m.startswith(('argmap.tui', 'argmap.lsp', 'textual_serve'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
