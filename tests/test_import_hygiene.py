"""Each layer imports only what it may: the domain never a shell, Textual, Rich or pygls."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

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


#: What a layer's modules share, loaded once before they are tried (see `Importer`): the
#: libraries it may use and the domain's core, itself checked like every module.
CORE = ("yaml", "graphviz", "pydantic", "argmap.load", "argmap.schema_model", "argmap.export.dot")
PRELOAD = {
    "domain": CORE,
    "lsp": (*CORE, "pygls.lsp.server", "lsprotocol.types"),
    "web": CORE,
    "tui": (*CORE, "rich.console", "textual.app"),
}

#: A Python that imports the layer's libraries, then for each module name read from stdin
#: forks a copy of itself that imports the module and reports the forbidden modules then
#: loaded, one JSON line per name. Each module is thus imported in a fresh interpreter,
#: as in `python -c "import module"`, without paying the libraries' import every time.
SERVER = """
import json, os, sys
forbidden = tuple(sys.argv[1].split(","))
prefixes = tuple(f + "." for f in forbidden)
def found():
    return sorted(m for m in sys.modules if m in forbidden or m.startswith(prefixes))
for name in sys.argv[2].split(","):
    __import__(name)
print(json.dumps(found()), flush=True)
for line in sys.stdin:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            __import__(line.strip())
            out = found()
        except BaseException as exc:
            out = {"error": repr(exc)}
        os.write(write, json.dumps(out).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        out = pipe.read().decode()
    os.waitpid(pid, 0)
    print(out or json.dumps({"error": "the import killed the interpreter"}), flush=True)
"""


class Importer:
    """A layer's fork server (see SERVER); where there is no fork, a Python per module."""

    def __init__(self, layer: str) -> None:
        self.forbidden = FORBIDDEN[layer]
        self.server: subprocess.Popen[str] | None = None
        if hasattr(os, "fork"):
            args = [",".join(self.forbidden), ",".join(PRELOAD[layer])]
            self.server = subprocess.Popen(
                [sys.executable, "-c", SERVER, *args],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            assert self.server.stdout is not None
            if self.server.stdout.readline().strip() != "[]":
                # The preload failed or loaded what the layer forbids, which would hide a
                # bad import: try each module on its own, to name the one at fault.
                self.close()
                self.server = None

    def _answer(self) -> Any:
        assert self.server is not None and self.server.stdout is not None
        return json.loads(self.server.stdout.readline())

    def forbidden_loaded_by(self, module: str) -> Any:
        if self.server is None or self.server.stdin is None:
            code = (
                f"import json, sys, {module}\n"
                f"forbidden = {self.forbidden!r}\n"
                "print(json.dumps(sorted(m for m in sys.modules if m in forbidden\n"
                "      or m.startswith(tuple(f + '.' for f in forbidden)))))\n"
            )
            done = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            )
            return json.loads(done.stdout)
        self.server.stdin.write(module + "\n")
        self.server.stdin.flush()
        return self._answer()

    def close(self) -> None:
        if self.server is not None and self.server.stdin is not None:
            self.server.stdin.close()
            self.server.wait(timeout=60)


@pytest.fixture(scope="module")
def importers() -> Iterator[Callable[[str], Importer]]:
    """Each layer's importer, started when a test first needs it."""
    started: dict[str, Importer] = {}

    def importer(layer: str) -> Importer:
        if layer not in started:
            started[layer] = Importer(layer)
        return started[layer]

    yield importer
    for each in started.values():
        each.close()


@pytest.mark.parametrize(("module", "layer"), LAYERED)
def test_a_module_imports_nothing_its_layer_forbids(
    importers: Callable[[str], Importer], module: str, layer: str
) -> None:
    loaded = importers(layer).forbidden_loaded_by(module)
    assert loaded == [], f"{module} ({layer}) imports {loaded}"


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
