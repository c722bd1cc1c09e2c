"""Diagrams of debates for slides and handouts: Graphviz DOT, SVG, PNG and PDF.

`to_dot` gives deterministic DOT source for a debate or a part of it; `export_graph`
writes it, drawn by Graphviz's `dot` program when the format is svg, png or pdf.
Every failure a user can cause or meet is an `ExportError` with a one-line message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from argmap.export.dot import (
    LARGE_DIAGRAM,
    LAYOUTS,
    RANKDIRS,
    SIDES,
    THEMES,
    TREE_DIAGRAM,
    ScopeError,
    build_digraph,
    compute_scope,
    uses_fast_layout,
    uses_tree_layout,
)
from argmap.export.render import (
    FORMATS,
    RenderError,
    dot_available,
    render_parts,
    write_atomic,
)
from argmap.graph import ArgumentGraph
from argmap.output import write_failure

if TYPE_CHECKING:
    import graphviz

__all__ = [
    "FORMATS",
    "LARGE_DIAGRAM",
    "LAYOUTS",
    "RANKDIRS",
    "SIDES",
    "THEMES",
    "TREE_DIAGRAM",
    "ExportError",
    "ExportOptions",
    "default_output",
    "diagram_size",
    "dot_available",
    "export_graph",
    "fast_layout_chosen",
    "output_name",
    "safe_name",
    "to_dot",
    "tree_layout_chosen",
    "write_diagram",
    "write_dot",
]

#: Characters of DOT source gathered before each write of `write_dot`.
_CHUNK = 1 << 16


@dataclass(frozen=True)
class ExportOptions:
    """What to draw and how. `depth` counts levels below `root` (the motion when None)."""

    format: str = "svg"  # svg | png | pdf | dot
    root: str | None = None  # claim id; None = whole debate
    depth: int | None = None  # levels below root
    side: str | None = None  # "pro" | "con" | None
    theme: str = "light"  # light | dark | print | slides
    rankdir: str = "TB"  # TB | LR
    wrap: int = 30
    show_ids: bool = False
    legend: bool = True
    dpi: int | None = None
    #: Encode each claim's strength: border width, and a bar with the figure in the box.
    strength: bool = False
    layout: str = "auto"  # auto | full | fast | tree (see LARGE_DIAGRAM, TREE_DIAGRAM)
    #: A reveal step: claims more than this many levels below the root are laid out but
    #: not drawn, so every box stays where the full diagram puts it.
    reveal: int | None = None
    #: The gradual semantics to weigh with (`argmap.gradual`); None: the debate's own.
    semantics: str | None = None

    def check(self) -> None:
        """Raise ExportError naming the first option that is out of range."""
        choices = {
            "format": (self.format, FORMATS),
            "theme": (self.theme, tuple(THEMES)),
            "rankdir": (self.rankdir, RANKDIRS),
            "layout": (self.layout, LAYOUTS),
        }
        for name, (value, allowed) in choices.items():
            if value not in allowed:
                raise ExportError(f"unknown {name} '{value}'; choose one of {', '.join(allowed)}")
        if self.side is not None and self.side not in SIDES:
            raise ExportError(f"unknown side '{self.side}'; choose pro or con")
        if self.reveal is not None and self.reveal < 0:
            raise ExportError("reveal level must be 0 or more")
        if self.depth is not None and self.depth < 0:
            raise ExportError("depth must be 0 or more")
        if self.wrap < 8:
            raise ExportError("wrap must be at least 8 characters")
        if self.dpi is not None and not 10 <= self.dpi <= 1200:
            raise ExportError("dpi must be between 10 and 1200")


class ExportError(Exception):
    """A diagram could not be made; the message is one clear line for the user."""


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(text: str) -> str:
    """A file-name part made from an id: no separators, no leading dot, at most 80 chars."""
    name = _UNSAFE.sub("-", text).strip(".-")[:80].strip(".-")
    return name or "debate"


def output_name(debate: str, root: str | None, suffix: str) -> str:
    """`<debate>.<suffix>`, or `<debate>--<root>.<suffix>` for a diagram of one branch."""
    stem = safe_name(debate)
    if root:
        stem += f"--{safe_name(root)}"
    return stem + suffix


def default_output(debate_id: str, options: ExportOptions, folder: Path = Path("exports")) -> Path:
    """Where a diagram goes by default: `exports/<id>.<fmt>` or `exports/<id>--<root>.<fmt>`.

    Ids are sanitised, so the path always stays inside `folder`.
    """
    return folder / output_name(debate_id, options.root, f".{options.format}")


def diagram_size(graph: ArgumentGraph, options: ExportOptions) -> int:
    """How many boxes (claims and the motion) the diagram `options` asks for draws."""
    try:
        return len(compute_scope(graph, options.root, options.depth, options.side).shown)
    except ScopeError as exc:
        raise ExportError(str(exc)) from exc


def fast_layout_chosen(graph: ArgumentGraph, options: ExportOptions) -> bool:
    """Whether `layout: auto` picks the cheaper settings for this diagram (a big one)."""
    return options.layout == "auto" and uses_fast_layout(diagram_size(graph, options), "auto")


def tree_layout_chosen(graph: ArgumentGraph, options: ExportOptions) -> bool:
    """Whether `layout: auto` lays this diagram out as a tidy tree (a very big one)."""
    return options.layout == "auto" and uses_tree_layout(diagram_size(graph, options), "auto")


def to_dot(graph: ArgumentGraph, options: ExportOptions) -> str:
    """Deterministic DOT source of the debate, or of the part `options` selects."""
    options.check()
    try:
        source: str = build_digraph(graph, options).source
    except ScopeError as exc:
        raise ExportError(str(exc)) from exc
    return source


def write_dot(
    graph: ArgumentGraph,
    options: ExportOptions,
    stream: TextIO,
    transform: Callable[[str], str] | None = None,
) -> None:
    """Write the DOT source `to_dot` returns to `stream`, a chunk at a time.

    The source of a 50,000-claim debate is some 25 million characters; written in chunks
    it is never held as one string (nor, with `transform`, as two). `transform` is applied
    to each chunk, which holds whole lines (the CLI passes `printable`).
    """
    for text in _chunks(_digraph(graph, options)):
        stream.write(transform(text) if transform is not None else text)


def _digraph(graph: ArgumentGraph, options: ExportOptions) -> graphviz.Digraph:
    options.check()
    try:
        return build_digraph(graph, options)
    except ScopeError as exc:
        raise ExportError(str(exc)) from exc


def _chunks(digraph: graphviz.Digraph) -> Iterator[str]:
    """The digraph's source in pieces of whole lines, each about `_CHUNK` characters."""
    chunk: list[str] = []
    size = 0
    for line in digraph:
        chunk.append(line)
        size += len(line)
        if size >= _CHUNK:
            yield "".join(chunk)
            chunk.clear()
            size = 0
    yield "".join(chunk)


def export_graph(graph: ArgumentGraph, options: ExportOptions, out: Path) -> Path:
    """Write the diagram to `out` (creating folders) and return the path.

    Raises ExportError for an unknown root (with close matches), a missing `dot` program
    (naming the fix and `--format dot`), a failed render, or a file that cannot be written.
    """
    data: Iterable[bytes]
    try:
        if options.format == "dot":
            # Written in chunks: the DOT of a 50,000-claim debate is never held as one
            # string and its bytes besides (about 100 MB less at the peak).
            data = (chunk.encode("utf-8") for chunk in _chunks(_digraph(graph, options)))
        else:
            # A big pinned diagram is drawn piece by piece while it is written; a piece
            # that fails leaves no file behind (the write is atomic).
            data = render_parts(to_dot(graph, options), options.format)
        return write_diagram(out, data)
    except RenderError as exc:
        raise ExportError(str(exc)) from exc


def write_diagram(out: Path, data: bytes | Iterable[bytes]) -> Path:
    """Write a diagram's bytes to `out` atomically; ExportError says why it could not."""
    try:
        write_atomic(out, data)
    except OSError as exc:
        raise ExportError(write_failure(out, exc)) from exc
    return out
