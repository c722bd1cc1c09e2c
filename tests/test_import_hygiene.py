"""The domain library never imports Textual; `argmap validate` starts without it."""

from __future__ import annotations

import subprocess
import sys

import pytest

DOMAIN_MODULES = [
    "argmap.model",
    "argmap.load",
    "argmap.graph",
    "argmap.semantics",
    "argmap.strength",
    "argmap.bars",
    "argmap.diagnostics",
    "argmap.collector",
    "argmap.export.html",
    "argmap.export.batch",
    "argmap.locate",
    "argmap.ids",
    "argmap.output",
    "argmap.bundled",
    "argmap.safetext",
    "argmap.export.slides",
    "argmap.export.deck_pdf",
    "argmap.export.deck_pptx",
    "argmap.export.deck",
    "argmap.export.deck_text",
    "argmap.export.verdict",
    "argmap.export.fit",
    "argmap.cli",
    "argmap.interop.kialo",
    "argmap.interop.aif",
    "argmap.interop.argdown",
    "argmap.interop.argdown_in",
]


def test_the_graph_does_not_import_the_loader() -> None:
    # Ids and positions live in argmap.ids, below both: no import circle between them.
    code = "import sys, argmap.graph; print('argmap.load' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["False"]


@pytest.mark.parametrize("module", DOMAIN_MODULES)
def test_domain_module_does_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; print('textual' in sys.modules, 'rich' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["False", "False"]


@pytest.mark.parametrize("module", DOMAIN_MODULES)
def test_domain_module_does_not_import_pygls(module: str) -> None:
    code = f"import sys, {module}; print('pygls' in sys.modules, 'lsprotocol' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["False", "False"]


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
