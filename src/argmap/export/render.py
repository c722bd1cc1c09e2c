"""Turn DOT source into files: the formats, the `dot` program, and its failures."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from argmap.output import write_output

#: Formats `dot` renders, and `dot` itself (the source, no program needed).
FORMATS = ("svg", "png", "pdf", "dot")
RENDERED = ("svg", "png", "pdf")
#: `dot` with its layout engine named, as the `graphviz` package runs it; `-T` follows.
DOT_COMMAND = ["dot", "-Kdot"]
#: Graphviz drawing boxes where the source pins them (`pos`, in points), laying out nothing:
#: the tidy tree of a big debate (`argmap.export.tidy`).
PINNED_COMMAND = ["neato", "-n2"]

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


def layout_command(source: str) -> list[str]:
    """The Graphviz command for `source`: the pinned drawing where its graph attributes ask
    for it (`layout=neato`, written only with every box pinned), otherwise `dot`."""
    for line in source[:4096].splitlines():
        if line.startswith("\tgraph ["):
            return PINNED_COMMAND if " layout=neato " in line else DOT_COMMAND
    return DOT_COMMAND


def render(source: str, fmt: str) -> bytes:
    """DOT source laid out and drawn by `dot` as svg, png or pdf bytes."""
    return b"".join(render_parts(source, fmt))


def render_parts(source: str, fmt: str) -> Iterable[bytes]:
    """The drawing `render` makes, as pieces of bytes to write one after the other: a big
    pinned diagram is drawn in pieces (see `argmap.export.pinned`), each only when the
    one before has been written."""
    if fmt == "svg" and layout_command(source) is PINNED_COMMAND:
        from argmap.export.pinned import draw

        pieces = draw(source, lambda text: _draw(text, fmt))
        if pieces is not None:
            return pieces
    return [_draw(source, fmt)]


def render_spooled(source: str, fmt: str) -> bytes | Iterator[bytes]:
    """The drawing `render` makes, drawn now: its bytes, or, when it is drawn in pieces,
    the pieces written to an unnamed temporary file as they come and read back in chunks
    by the iterator returned."""
    parts = render_parts(source, fmt)
    if isinstance(parts, list):
        return b"".join(parts)
    spool = tempfile.TemporaryFile()  # noqa: SIM115 (closed by the reader, `_read_back`)
    try:
        for part in parts:
            spool.write(part)
        spool.seek(0)
    except BaseException:
        spool.close()
        raise
    return _read_back(spool)


def _read_back(spool: IO[bytes]) -> Iterator[bytes]:
    with spool:
        while chunk := spool.read(1 << 20):
            yield chunk


def _draw(source: str, fmt: str) -> bytes:
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
                [*layout_command(source), f"-T{fmt}"], stdin=given, stdout=drawn, stderr=errors
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
