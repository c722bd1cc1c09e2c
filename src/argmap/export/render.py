"""Turn DOT source into files: the formats, the `dot` program, and its failures."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path

#: Formats `dot` renders, and `dot` itself (the source, no program needed).
FORMATS = ("svg", "png", "pdf", "dot")
RENDERED = ("svg", "png", "pdf")

MISSING_DOT = (
    "the Graphviz `dot` program is not installed, so {fmt} cannot be drawn; install it "
    "(`apt-get install graphviz` or `brew install graphviz`) or use `--format dot` "
    "to write the diagram's DOT source"
)


class RenderError(Exception):
    """`dot` is missing or failed; the message is one line for the user."""


def dot_available() -> bool:
    """Whether the Graphviz `dot` program is on PATH."""
    return shutil.which("dot") is not None


def render(source: str, fmt: str) -> bytes:
    """DOT source laid out and drawn by `dot` as svg, png or pdf bytes."""
    import graphviz

    if fmt not in RENDERED:
        raise RenderError(f"unknown diagram format '{fmt}'; choose one of {', '.join(FORMATS)}")
    try:
        data: bytes = graphviz.pipe("dot", fmt, source.encode("utf-8"), quiet=True)
    except graphviz.ExecutableNotFound as exc:
        raise RenderError(MISSING_DOT.format(fmt=fmt.upper())) from exc
    except graphviz.CalledProcessError as exc:
        detail = (exc.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        reason = detail[-1] if detail else f"exit status {exc.returncode}"
        raise RenderError(f"Graphviz `dot` could not draw the diagram: {reason}") from exc
    except OSError as exc:
        raise RenderError(f"could not run Graphviz `dot`: {exc}") from exc
    return data


def _umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file and a rename, so a reader never sees half a diagram.

    The file gets the mode it had, or, when new, the mode `open()` would give it (a
    temporary file is private to its owner, and a page to publish must not be).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
