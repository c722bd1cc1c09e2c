"""Diagrams for slides (`argmap export --theme slides`) that a projector shows readably.

The `slides` theme draws a diagram on a 1920 × 1080 image (13.333 × 7.5 in at 144 dpi).
Graphviz shrinks a big diagram to fit it, so a whole debate would come out with text a few
pixels high. Here every image is measured first, at its natural size, and held to the rule
of the slide decks (`argmap.export.fit`): no text smaller than 18 pt on the slide.

- A diagram that keeps its text at 18 pt is one image, as asked.
- Otherwise, with `--depth`, the level below the root is split across images, as many
  of its claims on each as fit, named `<name>--part1.<format>`, `--part2`, ...
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
from argmap.export.dot import (
    FONTNAME,
    THEMES,
    Scope,
    build_digraph,
    compute_scope,
    debate_legends,
    subtree_sizes,
)
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
    """One image to draw: the options (root and depth) and the file; `source`, the DOT of
    a part of a level (drawn as it is, not from the options)."""

    options: ExportOptions
    target: Path
    source: str | None = None


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
    if options.depth is not None and branches:
        images = _level_parts(graph, options, branches, target)
        if images is not None:
            return Plan(images, legend_apart)
    below = None if options.depth is None else max(0, options.depth - 1)
    parts = [replace(options, root=c, depth=below) for c in branches]
    points = _natural(graph, parts) if parts else []
    too_big = [p for p, pt in zip(parts, points, strict=True) if pt < MIN_POINTS - 1e-6]
    if not parts or too_big:
        hint = f"`argmap slides {command}` (a deck splits big branches over slides)"
        if too_big and too_big[0].root is not None:
            claim = too_big[0].root
            depth = _deepest_fitting(graph, options, claim)
            if depth == 0 and options.root is None and graph.nodes[claim].children:
                try:  # its answers too, split over images
                    plan_images(graph, replace(options, root=claim, depth=1), target, command)
                    depth = 1
                except ExportError:
                    pass
            if depth is not None:
                hint += (
                    f", or one branch at a time, e.g. `argmap export {command} --theme slides "
                    f"--format {options.format} --root {claim} --depth {depth}`"
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


#: Answers of the root tried together on one image, at most.
MOST_TOGETHER = 8


def _part_source(graph: ArgumentGraph, options: ExportOptions, children: list[str]) -> str:
    """DOT of the diagram `options` asks for, with only `children` of its root (and what
    is below them); the root's other answers are counted in its "+N more" stub."""
    full = compute_scope(graph, options.root, options.depth, options.side)
    keep = {node.id for node in graph.path_from_motion(full.root)}
    for child in children:
        keep.update(n.id for n in graph.subtree(child) if n.id in full)
    shown = [c for c in full.shown if c in keep]
    sizes = subtree_sizes(graph)
    hidden = {}
    for claim_id in shown:
        count = sum(sizes[c] for c in graph.nodes[claim_id].children if c not in keep)
        if count:
            hidden[claim_id] = count
    scope = Scope(full.root, shown, hidden)
    return str(build_digraph(graph, replace(options, format="dot"), scope=scope).source)


def _level_parts(
    graph: ArgumentGraph, options: ExportOptions, children: list[str], target: Path
) -> list[Image] | None:
    """The root with its answers split over images, as many on each as fit at 18 pt, in
    order (`<name>--part1`, `--part2`, ...). An answer too big to share an image with the
    root is drawn on its own (its title names the root); None when even that does not fit."""
    parts: list[tuple[list[str], bool]] = []  # answers, and whether drawn with the root
    start = 0
    while start < len(children):
        tries = [children[start : start + n] for n in range(1, MOST_TOGETHER + 1)]
        tries = [t for i, t in enumerate(tries) if len(t) == i + 1]
        sources = [_SQUEEZE.sub("", _part_source(graph, options, t), count=2) for t in tries]
        sizes = measure(sources, pad=0)
        fitting = [
            t
            for t, src, size in zip(tries, sources, sizes, strict=True)
            if readable_points(src, size) >= MIN_POINTS - 1e-6
        ]
        part = fitting[-1] if fitting else tries[0]
        parts.append((part, bool(fitting)))
        start += len(part)
    if len(parts) == 1 or not any(shared for _, shared in parts):
        # All on one image (the whole diagram, measured before), or the root with none:
        # then one image per answer, named after it.
        return None
    below = None if options.depth is None else max(0, options.depth - 1)
    own = {p[0]: replace(options, root=p[0], depth=below) for p, shared in parts if not shared}
    if own and min(_natural(graph, list(own.values()))) < MIN_POINTS - 1e-6:
        return None
    images = []
    for k, (part, shared) in enumerate(parts, start=1):
        name = target.with_name(f"{target.stem}--part{k}{target.suffix}")
        if shared:
            images.append(Image(options, name, _part_source(graph, options, part)))
        else:
            alone = own[part[0]]
            images.append(Image(alone, name, to_dot(graph, replace(alone, format="dot"))))
    return images


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
