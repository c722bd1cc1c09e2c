"""A pinned diagram drawn as SVG in pieces, so Graphviz's memory stays bounded.

Graphviz keeps the text layout of every line of every box until it has written the whole
drawing: about 10 kB a box, over a gigabyte for a 100,000-claim debate. Once every box is
pinned (`argmap.export.tidy`) nothing needs the whole graph at once, so a big diagram is
drawn in pieces of `PIECE` boxes, one Graphviz run each, and the SVG pieces are joined:

- every piece holds the two invisible corner boxes the tidy layout writes, so every piece
  has the same bounding box and therefore the same coordinates;
- a link whose two ends fall in different pieces is drawn in its tail's piece, beside an
  invisible copy of its head (same label, same size), so it stops at the box's border;
- the pieces after the first get a graph id, which Graphviz puts before the ids it makes
  up for stubs and links, so no two elements of the joined drawing share an id.

The source is the exporter's own DOT: one statement a line (labels never hold a line
break), node statements `\\tNAME [...]`, link statements `\\tTAIL -> HEAD [...]`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

#: Boxes drawn by one Graphviz run.
PIECE = 15000
#: Names of the invisible boxes that fix the drawing's corners (see `Pins.pin`).
CORNER = "corner"

_LINK = re.compile(r"\t(\S+) -> (\S+) \[")
_NODE = re.compile(r"\t(\S+) \[")
_DEFAULTS = ("\tgraph [", "\tnode [", "\tedge [")


def split(source: str, piece: int | None = None) -> list[str] | None:
    """The DOT sources of the pieces of a pinned diagram with more than `piece` boxes
    (default `PIECE`), in drawing order, or None when it is small enough to draw at once."""
    piece = piece or PIECE
    lines = source.splitlines(keepends=True)
    head: list[str] = []
    corners: list[str] = []
    boxes: dict[str, str] = {}
    where: dict[str, int] = {}
    links: list[tuple[str, str, str]] = []
    for line in lines[1:-1]:
        if line.startswith(_DEFAULTS):
            head.append(line)
        elif link := _LINK.match(line):
            links.append((link.group(1), link.group(2), line))
        elif node := _NODE.match(line):
            name = node.group(1)
            if name.startswith(CORNER):
                corners.append(line)
            else:
                where[name] = len(boxes) // piece
                boxes[name] = line
        else:
            return None  # a statement this splitter does not know: draw it whole
    if len(boxes) <= piece:
        return None
    count = len(boxes) // piece + (len(boxes) % piece > 0)
    parts: list[list[str]] = [[] for _ in range(count)]
    for name, line in boxes.items():
        parts[where[name]].append(line)
    ghosts: list[dict[str, str]] = [{} for _ in range(count)]
    for tail, target, line in links:
        part = where.get(tail)
        if part is None or target not in where:
            return None
        parts[part].append(line)
        if where[target] != part:
            ghosts[part].setdefault(target, _ghost(boxes[target]))
    sources = []
    for index, body in enumerate(parts):
        named = [f'\tgraph [id="piece{index}"]\n'] if index else []
        sources.append(
            "".join([lines[0], *head, *named, *corners, *ghosts[index].values(), *body, "}\n"])
        )
    return sources


def _ghost(line: str) -> str:
    """An invisible copy of a box: the same label and size, no id of its own."""
    return f'{line[:-2]} style=invis id="" tooltip=""]\n'


def join(pieces: Iterator[bytes]) -> Iterator[bytes]:
    """The SVG of the whole drawing from the SVGs of its pieces (see `split`): the first
    piece whole but its closing tags, then the elements of each of the others."""
    closing = b"</g>\n</svg>\n"
    first = True
    for svg in pieces:
        end = svg.rfind(b"</g>")
        if first:
            yield svg[:end]
            first = False
            continue
        # Past the piece's own graph element, its title and background: the first of
        # its boxes and links, each of which Graphviz opens with a comment.
        start = svg.find(b"<!-- ", svg.find(b'class="graph"'))
        if start != -1 and start < end:
            yield svg[start:end]
    yield closing


def draw(source: str, draw_one: Callable[[str], bytes]) -> Iterator[bytes] | None:
    """The SVG of a big pinned diagram drawn piece by piece with `draw_one`, or None when
    it is drawn at once. Each piece is drawn only when the one before has been used."""
    sources = split(source)
    if sources is None:
        return None
    return join(draw_one(text) for text in sources)
