"""Where the debates that ship with argmap live, and which debates a bare command uses.

Annotations are evaluated, not postponed, as in `argmap.model` (start-up).
"""

import os
import sys
from pathlib import Path
from typing import NamedTuple

#: The folder a bare command uses, and `argmap init` fills, when it exists.
LOCAL_FOLDER = Path("arguments")


def bundled_arguments_dir() -> Path:
    """The seed debates: inside the installed package, or at the top of a source checkout."""
    packaged = Path(__file__).parent / "arguments"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "arguments"


def bundled_files() -> list[Path]:
    """The bundled debate files, sorted."""
    folder = bundled_arguments_dir()
    return sorted(p for p in folder.glob("*.y*ml") if p.suffix in {".yaml", ".yml"})


def is_bundled(path: Path | str) -> bool:
    """True for a file inside the installed package's bundled debates (read-only).

    In a source checkout the top-level `arguments/` folder is the project's own, edited
    like any other; only the copy inside the package is protected. `ARGMAP_BUNDLED_DIR`
    names another folder to protect (tests use it).
    """
    protected = os.environ.get("ARGMAP_BUNDLED_DIR") or str(Path(__file__).parent / "arguments")
    try:
        real = Path(os.path.realpath(path))
        folder = Path(os.path.realpath(protected))
    except (OSError, ValueError):
        return False
    return real.parent == folder or folder in real.parents


class DefaultDebates(NamedTuple):
    """What a command given no path reads, and a line saying so."""

    paths: list[Path]
    note: str


def default_debates(cwd: Path | None = None) -> DefaultDebates:
    """The one rule for commands given no path.

    `./arguments` if it exists; else the `*.yaml` / `*.yml` debates in the current folder,
    if any; else the bundled debates. `note` says which, for stderr.
    """
    here = Path(".") if cwd is None else cwd
    local = here / LOCAL_FOLDER
    if local.is_dir():
        return DefaultDebates([local], f"using the debates in {local}/")
    try:
        own = sorted(
            p
            for p in here.iterdir()
            if p.suffix in {".yaml", ".yml"} and not p.name.startswith(".")
        )
    except OSError:  # an unreadable current folder holds no debates we can use
        own = []
    if own:
        count = len(own)
        return DefaultDebates(
            own, f"using the {count} debate file{'s' * (count != 1)} in the current folder"
        )
    count = len(bundled_files())
    return DefaultDebates(
        [bundled_arguments_dir()],
        f"using the {count} bundled debates; `argmap init` copies them here to edit",
    )


def default_paths(*, announce: bool = False) -> list[Path]:
    """The paths of `default_debates`; with `announce`, its note goes to stderr first."""
    chosen = default_debates()
    if announce:
        print(f"argmap: {chosen.note}", file=sys.stderr)
    return chosen.paths
