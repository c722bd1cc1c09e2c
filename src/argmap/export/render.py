"""Turn DOT source into files: the formats, the `dot` program, and its failures."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from argmap.output import write_output

#: Formats `dot` renders, and `dot` itself (the source, no program needed).
FORMATS = ("svg", "png", "pdf", "dot")
RENDERED = ("svg", "png", "pdf")
#: `dot` with its layout engine named, as the `graphviz` package runs it; `-T` follows.
DOT_COMMAND = ["dot", "-Kdot"]

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
    if fmt not in RENDERED:
        raise RenderError(f"unknown diagram format '{fmt}'; choose one of {', '.join(FORMATS)}")
    # The source goes in and the drawing comes out through unnamed temporary files, not
    # pipes: Python then waits for `dot` in one call. Feeding and draining pipes wakes it
    # for every few kilobytes, and each wake waits for the interpreter lock, which a folder
    # export's main thread holds while it loads the next debate (see `export.batch`).
    with contextlib.ExitStack() as files:
        try:
            given, drawn, errors = (files.enter_context(tempfile.TemporaryFile()) for _ in "ioe")
            given.write(source.encode("utf-8"))
            given.seek(0)
        except OSError as exc:
            raise RenderError(f"could not hand the diagram to Graphviz `dot`: {exc}") from exc
        try:
            done = subprocess.run(
                [*DOT_COMMAND, f"-T{fmt}"], stdin=given, stdout=drawn, stderr=errors
            )
        except FileNotFoundError as exc:
            raise RenderError(MISSING_DOT.format(fmt=fmt.upper())) from exc
        except OSError as exc:
            raise RenderError(f"could not run Graphviz `dot`: {exc}") from exc
        if done.returncode != 0:
            errors.seek(0)
            detail = errors.read().decode("utf-8", "replace").strip().splitlines()
            reason = detail[-1] if detail else f"exit status {done.returncode}"
            raise RenderError(f"Graphviz `dot` could not draw the diagram: {reason}")
        drawn.seek(0)
        return drawn.read()


def write_atomic(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write through a temporary file and a rename, so a reader never sees half a diagram.

    `data` is the file's bytes, or chunks of them.

    Only a regular file is replaced (it keeps its mode); a device, pipe, folder or symbolic
    link at `path` is refused with an `OutputError` (see `argmap.output`).
    """
    write_output(path, data, overwrite=True)
