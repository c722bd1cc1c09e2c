"""Diagrams for slides (`argmap export --theme slides`) that a projector shows readably.

The `slides` theme draws a diagram on a 1920 × 1080 image (13.333 × 7.5 in at 144 dpi).
Graphviz shrinks a big diagram to fit it, so a whole debate would come out with text a few
pixels high. Here every image is measured first, at its natural size, and held to the rule
of the slide decks (`argmap.export.fit`): no text smaller than 18 pt on the slide.

- A diagram that keeps its text at 18 pt is one image, as asked.
- Otherwise it is split into one image per top-level claim's branch (per answer of the
  root with `--root`), named `<name>--<claim id>.<format>`, if every branch fits.
- Otherwise nothing is written: the error names what does fit (`--root CLAIM --depth N`)
  and `argmap slides`, which splits branches over slides by itself.
- The legend, a wide grid below the diagram, goes in an image of its own
  (`legend_source`) when the diagram is readable only without it, or when asked
  (`--legend separate`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from argmap.export import ExportError, ExportOptions, safe_name, to_dot
from argmap.export.dot import FONTNAME, THEMES, debate_legends
from argmap.export.fit import MIN_POINTS, Size, measure, smallest_font
from argmap.graph import ArgumentGraph
from argmap.semantics import grounded

#: The image of the `slides` theme, inches (at 144 dpi: 1920 × 1080 pixels).
IMAGE_WIDTH = 13.333
IMAGE_HEIGHT = 7.5
#: Graphviz's attributes that squeeze a drawing into the image; measured without them.
_SQUEEZE = re.compile(r'\s(?:size="[^"]*"|ratio=(?:"[^"]*"|\w+))')


@dataclass(frozen=True, slots=True)
class Image:
    """One image to draw: the options (root and depth) and the file."""

    options: ExportOptions
    target: Path


def readable_points(source: str, size: Size) -> float:
    """The smallest text of a diagram of natural `size` once fitted to the image, points
    of the 13.333 × 7.5 in slide."""
    scale = min(IMAGE_WIDTH / size.width, IMAGE_HEIGHT / size.height)
    return smallest_font(source) * scale


def _natural(graph: ArgumentGraph, options: list[ExportOptions]) -> list[float]:
    """For each diagram, its smallest text as shown on the image (one `dot` run)."""
    sources = [to_dot(graph, replace(o, format="dot")) for o in options]
    bare = [_SQUEEZE.sub("", s, count=2) for s in sources]
    sizes = measure(bare, pad=0)
    return [readable_points(s, size) for s, size in zip(bare, sizes, strict=True)]


def _branches(graph: ArgumentGraph, options: ExportOptions) -> list[str]:
    root = options.root or graph.motion.id
    children = list(graph.nodes[root].children)
    if options.root is None and options.side is not None:
        children = [c for c in children if graph.nodes[c].side.value == options.side]  # type: ignore[union-attr]
    return children


def _deepest_fitting(graph: ArgumentGraph, options: ExportOptions, claim: str) -> int | None:
    """The most levels below `claim` that fit an image at 18 pt (None: not even alone)."""
    below = max(n.depth for n in graph.subtree(claim)) - graph.depth(claim)
    tries = [replace(options, root=claim, depth=d) for d in range(below, -1, -1)]
    for trial, points in zip(tries, _natural(graph, tries), strict=True):
        if points >= MIN_POINTS - 1e-6:
            return trial.depth
    return None


@dataclass(frozen=True, slots=True)
class Plan:
    """The images of one diagram, and whether its legend goes in an image of its own."""

    images: list[Image]
    legend_apart: bool


def plan_images(graph: ArgumentGraph, options: ExportOptions, target: Path, command: str) -> Plan:
    """The images `export --theme slides` writes for a diagram: one if it is readable at
    18 pt, else one per branch below the root. The legend, a wide grid, goes in an image
    of its own when the diagram is readable only without it. Raises ExportError, with the
    command that would work (`command` is how the user named the file), when a branch is
    too big."""
    whole = _natural(graph, [options])[0]
    if whole >= MIN_POINTS - 1e-6:
        return Plan([Image(options, target)], False)
    legend_apart = options.legend
    if legend_apart:
        options = replace(options, legend=False)
        whole = _natural(graph, [options])[0]
        if whole >= MIN_POINTS - 1e-6:
            return Plan([Image(options, target)], True)
    branches = _branches(graph, options)
    below = None if options.depth is None else max(0, options.depth - 1)
    parts = [replace(options, root=c, depth=below) for c in branches]
    points = _natural(graph, parts) if parts else []
    too_big = [p for p, pt in zip(parts, points, strict=True) if pt < MIN_POINTS - 1e-6]
    if not parts or too_big:
        hint = f"`argmap slides {command}` (a deck splits big branches over slides)"
        if too_big and too_big[0].root is not None:
            claim = too_big[0].root
            depth = _deepest_fitting(graph, options, claim)
            if depth is not None:
                hint += (
                    f", or one branch at a time, e.g. `argmap export {command} --theme slides "
                    f"--root {claim} --depth {depth}`"
                )
        raise ExportError(
            f"at 1920x1080 this diagram's text would be {whole:.0f} pt, under the "
            f"{MIN_POINTS:g} pt a projector needs, and "
            + (
                f"{len(too_big)} of its {len(parts)} branches are too big for one image too"
                if parts
                else "it has no branches to split it into"
            )
            + f"; nothing written. Draw it as {hint}"
        )
    images = [
        Image(part, target.with_name(f"{target.stem}--{safe_name(str(part.root))}{target.suffix}"))
        for part in parts
    ]
    return Plan(images, legend_apart)


def legend_source(graph: ArgumentGraph) -> str:
    """DOT of the legend of everything the debate's diagrams draw, as an image of its own."""
    theme = THEMES["slides"]
    boxes, links = debate_legends(graph, grounded(graph), replace(theme, fontsize=20.0))
    return (
        "digraph legend {\n"
        f'\tgraph [bgcolor="{theme.background}" pad="0.2" margin="0" dpi=144 nodesep=0.6]\n'
        f'\tnode [fontname="{FONTNAME}" shape=plaintext margin=0]\n'
        f"\tboxes [label=<{boxes}>]\n"
        f"\tlinks [label=<{links}>]\n"
        "\tboxes -> links [style=invis]\n}\n"
    )


def legend_target(target: Path) -> Path:
    """Where the legend of the images of `target` goes: `<name>-legend.<format>`."""
    return target.with_name(f"{target.stem}-legend{target.suffix}")
