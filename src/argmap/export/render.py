"""Turn DOT source into files: the formats, the `dot` program, and its failures."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from argmap.output import write_output

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


def write_atomic(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write through a temporary file and a rename, so a reader never sees half a diagram.

    `data` is the file's bytes, or chunks of them.

    Only a regular file is replaced (it keeps its mode); a device, pipe, folder or symbolic
    link at `path` is refused with an `OutputError` (see `argmap.output`).
    """
    write_output(path, data, overwrite=True)
