"""Diagrams for slides (`argmap export --theme slides`) that a projector shows readably.

The `slides` theme draws a diagram on a 1920 × 1080 image (13.333 × 7.5 in at 144 dpi).
Graphviz shrinks a big diagram to fit it, so a whole debate would come out with text a few
pixels high. Here every image is measured first, at its natural size, and held to the rule
of the slide decks (`argmap.export.fit`): no text smaller than 18 pt on the slide.

- A diagram that keeps its text at 18 pt is one image, as asked.
- Otherwise, with `--depth`, the level below the root is split across images, as many
  of its claims on each as fit, named `<name>--part1.<format>`, `--part2`, ...
- Otherwise it is split into one image per top-level claim's branch, named
  `<name>--<claim id>.<format>`, with as many of the branch's levels as fit (with
  `--root`, the root's branch as deep as fits, `<name>.<format>`); a claim at the bottom
  of such an image whose answers are left out ("+N more") starts an image of its own,
  `<name>--<its id>.<format>`, and so on down. A claim whose answers do not fit beside
  it even one level deep has them split across `<name>--<claim id>--part1.<format>`,
  `--part2`, ... Images are listed in the order of the debate, each branch before the
  next.
- Only a claim too big for an image even alone stops this: then nothing is written and
  the error names the export with a wider `--wrap` when one works, and `argmap slides`,
  which shortens and splits claims over slides.
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
    subtree_sizes,
)
from argmap.export.dot_legend import debate_legend_columns
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


def natural_size(source: str) -> str:
    """A DOT source without the page size and ratio a theme asks for (the `slides`
    theme's 16:9 frame): drawn at its natural size."""
    return _SQUEEZE.sub("", source, count=2)


def readable_points(source: str, size: Size) -> float:
    """The smallest text of a diagram of natural `size` once fitted to the image, points
    of the 13.333 × 7.5 in slide."""
    scale = min(IMAGE_WIDTH / size.width, IMAGE_HEIGHT / size.height)
    return smallest_font(source) * scale


def _natural(graph: ArgumentGraph, options: list[ExportOptions]) -> list[float]:
    """For each diagram, its smallest text as shown on the image (one `dot` run)."""
    sources = [to_dot(graph, replace(o, format="dot")) for o in options]
    bare = [natural_size(s) for s in sources]
    sizes = measure(bare, pad=0)
    return [readable_points(s, size) for s, size in zip(bare, sizes, strict=True)]


def _branches(graph: ArgumentGraph, options: ExportOptions) -> list[str]:
    root = options.root or graph.motion.id
    children = list(graph.nodes[root].children)
    if options.root is None and options.side is not None:
        children = [c for c in children if graph.nodes[c].side.value == options.side]  # type: ignore[union-attr]
    return children


def _one_image(
    graph: ArgumentGraph, options: ExportOptions
) -> tuple[ExportOptions | None, bool, float]:
    """(the options that draw the diagram as one image at 18 pt, or None; whether its
    legend goes apart; the smallest text of the last way tried, points): as asked when
    that keeps 18 pt, else without the legend when that is enough (a legend asked for
    then goes in an image of its own, also when neither fits)."""
    points = _natural(graph, [options])[0]
    if points >= MIN_POINTS - 1e-6:
        return options, False, points
    if not options.legend:
        return None, False, points
    bare = replace(options, legend=False)
    points = _natural(graph, [bare])[0]
    return (bare if points >= MIN_POINTS - 1e-6 else None), True, points


@dataclass(frozen=True, slots=True)
class Plan:
    """The images of one diagram, and whether its legend goes in an image of its own."""

    images: list[Image]
    legend_apart: bool
    #: How a diagram too big for one image was split, for the user.
    how: str = ""


def plan_images(graph: ArgumentGraph, options: ExportOptions, target: Path, command: str) -> Plan:
    """The images `export --theme slides` writes for a diagram: one if it is readable at
    18 pt, else its level split (with `--depth`), else its branches (`_branch_images`).
    The legend, a wide grid, goes in an image of its own when the diagram is readable
    only without it. Raises ExportError, with the command that would work (`command` is
    how the user named the file), when a claim does not fit an image even alone."""
    fitted, legend_apart, whole = _one_image(graph, options)
    if fitted is not None:
        return Plan([Image(fitted, target)], legend_apart)
    if legend_apart:
        options = replace(options, legend=False)
    branches = _branches(graph, options)
    if options.depth is not None and branches:
        images = _level_parts(graph, options, branches, target)
        if images is not None:
            return Plan(images, legend_apart, "its level split")
    # A whole debate: its top-level branches; a branch (`--root`): itself, as deep as fits.
    tops, levels = branches, None if options.depth is None else max(0, options.depth - 1)
    if options.root is not None:
        tops, levels = [options.root], options.depth
    try:
        images = _branch_images(graph, options, tops, levels, target)
    except _TooBig as exc:
        hint = f"`argmap slides {command}` (a deck shortens and splits claims over slides)"
        wrap = _wider_wrap(graph, options, exc.claim, tops, levels, target)
        if wrap is not None:
            flags = [f"--theme slides --format {options.format}"]
            flags += [f"--root {options.root}"] if options.root else []
            flags += [f"--depth {options.depth}"] if options.depth is not None else []
            flags += [f"--side {options.side}"] if options.side else []
            flags += [f"--wrap {wrap}"]
            hint = f"`argmap export {command} {' '.join(flags)}` (wider boxes), or {hint}"
        raise ExportError(
            f"at 1920x1080 this diagram's text would be {whole:.0f} pt, under the "
            f"{MIN_POINTS:g} pt a projector needs, and claim '{exc.claim}' is too big for "
            f"an image even alone; nothing written. Draw it as {hint}"
        ) from None
    if not images:
        raise ExportError(
            f"at 1920x1080 this diagram's text would be {whole:.0f} pt, under the "
            f"{MIN_POINTS:g} pt a projector needs, and it has no branches to split it "
            f"into; nothing written. Draw it as `argmap slides {command}`"
        )
    return Plan(_unique(images), legend_apart, "split by branch")


def _unique(images: list[Image]) -> list[Image]:
    """`images` with a file name each: a name cut short (ids of 80 characters and more)
    that an earlier image has already gets `-2`, `-3`, ..."""
    taken: set[Path] = set()
    result = []
    for image in images:
        target, n = image.target, 1
        while target in taken:
            n += 1
            target = image.target.with_name(f"{image.target.stem}-{n}{image.target.suffix}")
        taken.add(target)
        result.append(replace(image, target=target))
    return result


#: Wider wraps tried, in turn, when a claim is too long to fit an image alone: its box
#: grows wider and shorter.
WIDER_WRAPS = (45, 60, 80)


def _wider_wrap(
    graph: ArgumentGraph,
    options: ExportOptions,
    claim: str,
    tops: list[str],
    levels: int | None,
    target: Path,
) -> int | None:
    """The first of WIDER_WRAPS at which `claim` fits an image alone and every image can
    be drawn, or None."""
    wider = [w for w in WIDER_WRAPS if w > options.wrap]
    alone = [replace(options, root=claim, depth=0, wrap=w) for w in wider]
    for trial, points in zip(alone, _natural(graph, alone), strict=True):
        if points < MIN_POINTS - 1e-6:
            continue
        try:
            _branch_images(graph, replace(options, wrap=trial.wrap), tops, levels, target)
        except _TooBig:
            continue
        return trial.wrap
    return None


class _TooBig(Exception):
    """A claim whose box does not fit an image at 18 pt even alone."""

    def __init__(self, claim: str) -> None:
        super().__init__(claim)
        self.claim = claim


def claim_target(target: Path, claim: str, root: str | None = None) -> Path:
    """The image of the diagram `target` that starts at `claim`: `<name>--<claim id>`,
    or `target` itself for its `root`."""
    if claim == root:
        return target
    return target.with_name(f"{target.stem}--{safe_name(claim)}{target.suffix}")


def _branch_images(
    graph: ArgumentGraph,
    options: ExportOptions,
    claims: list[str],
    levels: int | None,
    target: Path,
) -> list[Image]:
    """Images of the branches of `claims`, `levels` levels below each at most (None: all),
    in the order of the debate: each branch with as many of its levels as fit at 18 pt
    (`<name>--<claim id>`; the `--root` itself is `<name>`), and each claim at the bottom
    of such an image that has answers left out, in turn, the same way. A claim whose
    answers do not fit beside it even one level deep has them split across images
    (`<name>--<claim id>--part1`, ...), then each answer is drawn the same way. Raises
    _TooBig when a claim does not fit alone."""
    found: dict[str, tuple[list[Image], list[str]]] = {}
    work = [(claim, levels) for claim in claims]
    while work:  # one `dot` run per round: every depth of every claim of the round
        tries: list[tuple[str, int | None, int, ExportOptions]] = []
        for claim, left in work:
            height = max(n.depth for n in graph.subtree(claim)) - graph.depth(claim)
            limit = height if left is None else min(left, height)
            for d in range(limit, -1, -1):
                depth = None if d == height and options.depth is None else d
                tries.append((claim, left, d, replace(options, root=claim, depth=depth)))
        points = _natural(graph, [t[3] for t in tries])
        fitting: dict[str, tuple[int, ExportOptions]] = {}
        deepest: dict[str, int] = {}
        for (claim, _left, d, trial), pt in zip(tries, points, strict=True):
            deepest.setdefault(claim, d)
            if claim not in fitting and pt >= MIN_POINTS - 1e-6:
                fitting[claim] = (d, trial)
        rounds, work = work, []
        for claim, left in rounds:
            if claim not in fitting:
                raise _TooBig(claim)
            d, trial = fitting[claim]
            name = claim_target(target, claim, options.root)
            if d == deepest[claim]:
                found[claim] = ([Image(trial, name)], [])
                continue
            if d == 0:  # not even one level: its answers split across images
                d = 1
                images, alone = _answer_parts(graph, replace(options, root=claim, depth=1), name)
                images = images or [Image(trial, name)]
            else:
                images, alone = [Image(trial, name)], set()
            top = graph.depth(claim)
            # Next: the claims at the bottom of these images with answers left out, and
            # the answers too big to share an image with the claim.
            below = [
                n.id
                for n in graph.subtree(claim, d)
                if n.depth - top == d and (n.children or n.id in alone)
            ]
            found[claim] = (images, _in_order(graph, below))
            work += [(c, None if left is None else left - d) for c in below]

    def walk(claim: str) -> list[Image]:
        images, below = found[claim]
        return images + [image for c in below for image in walk(c)]

    return [image for claim in claims for image in walk(claim)]


def _answer_parts(
    graph: ArgumentGraph, options: ExportOptions, target: Path
) -> tuple[list[Image], set[str]]:
    """The root of `options` with its answers split across images (`target--part1`, ...,
    or `target` when one is enough), and the answers too big to share an image with it
    (drawn in their own images after these)."""
    assert options.root is not None
    split = _split_level(graph, options, list(graph.nodes[options.root].children))
    shared = [part for part, fits in split if fits]
    alone = {part[0] for part, fits in split if not fits}
    names = (
        [target]
        if len(shared) == 1
        else [
            target.with_name(f"{target.stem}--part{k}{target.suffix}")
            for k in range(1, len(shared) + 1)
        ]
    )
    images = [
        Image(options, name, _part_source(graph, options, part))
        for name, part in zip(names, shared, strict=True)
    ]
    return images, alone


def _in_order(graph: ArgumentGraph, claims: list[str]) -> list[str]:
    """`claims` in the debate's document order."""
    wanted = set(claims)
    return [node.id for node in graph.claims() if node.id in wanted]


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
    parts = _split_level(graph, options, children)
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


def _split_level(
    graph: ArgumentGraph, options: ExportOptions, children: list[str]
) -> list[tuple[list[str], bool]]:
    """The root's `children` in runs, in order, as many in each as fit beside the root at
    18 pt, and whether they do (False: an answer too big to share an image with it)."""
    parts: list[tuple[list[str], bool]] = []
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
    return parts


#: Characters a legend's description is wrapped at on the image of its own, tried in
#: turn: the first whose two columns fit a 16:9 slide at 18 pt is drawn (narrower columns
#: wrap more lines, so they are taller).
LEGEND_WRAPS = (30, 34, 38)
#: Padding round the legend, inches.
_LEGEND_PAD = 0.2


def legend_source(graph: ArgumentGraph) -> str:
    """DOT of the legend of everything the debate's diagrams draw, as an image of its own:
    two columns at the theme's 18 pt small text and 144 dpi, measured to fit a
    1920 × 1080 slide as it is."""
    theme, labels = THEMES["slides"], grounded(graph)
    return fitted_legend([debate_legend_columns(graph, labels, theme, w) for w in LEGEND_WRAPS])


def fitted_legend(tables: list[str]) -> str:
    """DOT of the first of a legend's `tables` that fits a slide at 144 dpi (else the last)."""
    tries = [legend_dot(table) for table in tables]
    for source, size in zip(tries, measure(tries, pad=_LEGEND_PAD), strict=True):
        if size.width <= IMAGE_WIDTH and size.height <= IMAGE_HEIGHT:
            return source
    return tries[-1]


def legend_dot(table: str) -> str:
    """DOT of an image of a legend's HTML-like `table` alone, at 144 dpi."""
    theme = THEMES["slides"]
    return (
        "digraph legend {\n"
        f'\tgraph [bgcolor="{theme.background}" pad="{_LEGEND_PAD}" margin="0" dpi=144]\n'
        f'\tnode [fontname="{FONTNAME}" shape=plaintext margin=0]\n'
        f"\tlegend [label=<{table}>]\n}}\n"
    )


def legend_target(target: Path) -> Path:
    """Where the legend of the images of `target` goes: `<name>-legend.<format>`."""
    return target.with_name(f"{target.stem}-legend{target.suffix}")


def image_points(graph: ArgumentGraph, options: ExportOptions) -> float:
    """The smallest text of one diagram as the slide image shows it, points."""
    return _natural(graph, [options])[0]


def reveal_fit(
    graph: ArgumentGraph, options: ExportOptions, last: int, name: str, command: str
) -> tuple[ExportOptions, bool]:
    """The options a `--reveal` in the slides theme is drawn with, and whether its
    legend goes in an image of its own: as asked when its last step (level `last`, the
    step that shows the most) keeps 18 pt, else without the legend when that is enough.
    A reveal's steps share one layout, so it is not split like a diagram: when even
    that is too small, ExportError names the deck, which splits and shortens claims."""
    fitted, legend_apart, points = _one_image(graph, replace(options, reveal=last))
    if fitted is not None:
        return replace(fitted, reveal=options.reveal), legend_apart
    where = f"the branch of {options.root}" if options.root else "the whole debate"
    raise ExportError(
        f"{name}: revealing {where} would show text at {points:.1f} pt on a 1920x1080 "
        f"slide, under the {MIN_POINTS:.0f} pt a projector needs; `argmap slides {command} "
        "--reveal` builds a deck that splits it over slides, or reveal a smaller branch "
        "with --root ID (and --depth N)"
    )
