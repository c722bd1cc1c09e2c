"""`argmap export`: diagrams (SVG, PNG, PDF, DOT), web pages and text formats of debates."""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.cli.common import (
    CliError,
    load_skipping_invalid,
    paths_or_default,
    show,
    unknown_claim,
)
from argmap.cli.semantics_option import add_semantics_option
from argmap.safetext import printable

if TYPE_CHECKING:
    from collections.abc import Callable

    from argmap.export import ExportOptions
    from argmap.export.batch import Diagram, DiagramPool
    from argmap.graph import ArgumentGraph
    from argmap.load import LoadedDebate

DIAGRAM_FORMATS = ("svg", "png", "pdf", "dot")
#: Formats written by `argmap.interop` (text, no Graphviz needed).
TEXT_FORMATS = ("json", "argdown", "aif", "kialo", "graphml")
#: Self-contained web pages written by `argmap.export.html` (one per debate, and an index).
PAGE_FORMATS = ("html",)
DEFAULT_FOLDER = Path("exports")
#: `--out -` writes text formats and DOT to standard output.
STDOUT = Path("-")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help=(
            "draw debates as SVG/PNG/PDF/DOT diagrams, HTML pages "
            "(or json/argdown/aif/kialo/graphml)"
        ),
        description=(
            "Draw a debate, or one branch of it, as a Graphviz diagram. The default output "
            "is exports/<debate-id>.<format> (exports/<debate-id>--<root>.<format> with "
            "--root). A folder exports every debate in it. --format html writes one "
            "self-contained web page per debate (diagram and outline) and, for a folder, "
            "an index.html listing them."
        ),
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="debate files or folders")
    parser.add_argument(
        "--format",
        "-f",
        choices=DIAGRAM_FORMATS + PAGE_FORMATS + TEXT_FORMATS,
        help="output format (default: from --out's suffix, else svg)",
    )
    parser.add_argument("--out", "-o", metavar="FILE_OR_DIR", help="output file or folder")
    add_semantics_option(parser)
    parser.add_argument("--root", metavar="ID", help="draw this claim and its path to the motion")
    parser.add_argument("--depth", type=int, metavar="N", help="levels below the root to draw")
    parser.add_argument("--side", choices=("pro", "con"), help="only the branches of one side")
    parser.add_argument(
        "--theme",
        choices=("light", "dark", "print", "slides"),
        default="light",
        help=(
            "look; slides: 1920x1080 images, no text under 18 pt. A diagram too big for "
            "one is split into <name>--<claim id> per branch, each as deep as fits, and "
            "the claims left out below it likewise; answers too many to fit beside their "
            "claim go in <name>--<claim id>--part1, --part2, ... (with --depth, the level "
            "below the root: <name>--part1, ...). Refused, with a command that works, only "
            "when one claim does not fit alone"
        ),
    )
    parser.add_argument(
        "--rankdir",
        choices=("TB", "LR", "auto"),
        default="auto",
        help="top-down or left-right (default auto: left-right when a level is wide)",
    )
    parser.add_argument("--wrap", type=int, default=30, metavar="N", help="wrap text at N chars")
    parser.add_argument("--show-ids", action="store_true", help="print claim ids in the boxes")
    parser.add_argument("--no-legend", action="store_true", help="leave the legend out")
    parser.add_argument(
        "--legend",
        choices=("separate",),
        help="separate: write the legend as an image of its own, <name>-legend.<format>",
    )
    parser.add_argument(
        "--strength",
        action="store_true",
        help="encode each claim's strength (border width and a small bar with the figure)",
    )
    parser.add_argument("--dpi", type=int, metavar="N", help="resolution of PNG output")
    parser.add_argument(
        "--layout",
        choices=("auto", "full", "fast", "tree"),
        default="auto",
        help=(
            "full: the detailed layout; fast: a quicker, rougher one; tree: a tidy tree "
            "laid out in linear time, cross-links drawn straight over it; auto (default): "
            "full up to 2,000 boxes, fast up to 5,000, tree above"
        ),
    )
    parser.add_argument(
        "--ballots",
        metavar="DIR",
        help="html: add the class's vote from the ballots in DIR under each verdict",
    )
    parser.add_argument(
        "--reveal",
        action="store_true",
        help=(
            "write <name>-01, -02, ... adding one level per step (slides that build up); "
            "boxes keep their place from step to step; labels and the verdict show from the "
            "step that shows what decides them"
        ),
    )
    parser.add_argument(
        "--graphml-flavor",
        choices=("plain", "yed"),
        help="graphml: plain data keys (default), or yed to add yEd's boxes and labels",
    )
    parser.set_defaults(run=run)


def _format(args: argparse.Namespace) -> str:
    """The format --format names, else the one --out's suffix names, else svg.

    An --out file whose suffix names no format is an error (a `.jpg` must not quietly
    receive SVG).
    """
    if args.format:
        return str(args.format)
    if args.out and args.out != str(STDOUT):
        out = Path(args.out)
        if out.name.lower().endswith(".aif.json"):
            return "aif"
        suffix = out.suffix.lstrip(".").lower()
        if suffix in DIAGRAM_FORMATS + PAGE_FORMATS + TEXT_FORMATS:
            return suffix
        if not _out_is_folder(out):
            known = [f".{f}" for f in DIAGRAM_FORMATS + PAGE_FORMATS]
            known += [".json", ".argdown", ".aif.json", ".graphml"]
            raise ValueError(
                f"--out {show(out)}: argmap does not write '{show(out.suffix)}' files; end "
                f"the name with one of {', '.join(known)}, or give --format"
            )
    return "svg"


def _out_is_folder(out: Path) -> bool:
    return out.is_dir() or str(out).endswith(("/", "\\")) or not out.suffix


def _load(
    args: argparse.Namespace, each: Callable[[LoadedDebate], object] | None = None
) -> tuple[list[LoadedDebate], int]:
    """Valid debates to export, and how many files were skipped for errors.

    `each` is called with each file that loads without error, as soon as it has.
    """
    return load_skipping_invalid(args.paths, "export", each=each)


def _options(fmt: str, args: argparse.Namespace) -> ExportOptions:
    """The drawing options the flags ask for; a value out of range is a usage error."""
    from argmap.export import ExportError, ExportOptions

    options = ExportOptions(
        # Text formats take no drawing options, but their flags are still checked.
        format=fmt if fmt in DIAGRAM_FORMATS else "dot",
        root=args.root,
        depth=args.depth,
        side=args.side,
        theme=args.theme,
        rankdir=args.rankdir,
        wrap=args.wrap,
        show_ids=args.show_ids,
        legend=not args.no_legend and args.legend != "separate",
        strength=args.strength,
        layout=args.layout,
        dpi=args.dpi,
        semantics=args.semantics,
    )
    try:
        options.check()
    except ExportError as exc:
        raise ValueError(str(exc)) from exc
    return options


def run(args: argparse.Namespace) -> int:
    fmt = _format(args)
    options = _options(fmt, args)
    if fmt in TEXT_FORMATS + PAGE_FORMATS:
        scoped = [
            flag
            for flag, value in (
                ("--root", args.root),
                ("--depth", args.depth),
                ("--side", args.side),
                ("--reveal", args.reveal or None),
            )
            if value is not None
        ]
        if scoped:
            raise ValueError(f"{', '.join(scoped)} apply to diagrams only, not --format {fmt}")
    if args.graphml_flavor is not None and fmt != "graphml":
        raise ValueError(f"--graphml-flavor applies to --format graphml only, not {fmt}")
    if fmt in PAGE_FORMATS and args.dpi is not None:
        raise ValueError("--dpi applies to PNG only, not --format html")
    out = Path(args.out) if args.out else None
    if fmt in DIAGRAM_FORMATS and out != STDOUT:
        from argmap.export.batch import DiagramPool

        with DiagramPool() as pool:
            return _run(args, fmt, options, out, pool)
    return _run(args, fmt, options, out, None)


def _run(
    args: argparse.Namespace,
    fmt: str,
    options: ExportOptions,
    out: Path | None,
    pool: DiagramPool | None,
) -> int:
    """Load, check the output against what loaded, and export.

    With a `pool`, each debate's diagrams start in `dot` as soon as it has loaded, while
    the next file loads (`DiagramPool.prepare`); a debate the checks across files then
    reject is not written.
    """
    debates, skipped = _load(args, _preparer(pool, options, args, out) if pool else None)
    if fmt in DIAGRAM_FORMATS:
        for item in debates:  # checked: from here on only their graphs are drawn
            item.drop_positions()
    if args.root:
        shown = [item for item in debates if args.root in item.graph]
        if not shown:
            raise unknown_claim(args.root, {n for item in debates for n in item.graph.nodes})
        debates = shown
    many = len(debates) > 1 or args.reveal
    if out == STDOUT and fmt not in (*TEXT_FORMATS, "dot"):
        if fmt in PAGE_FORMATS:
            raise ValueError("--out - writes text formats; give a file or folder for html")
        raise ValueError(f"--out - writes text; {fmt} is a binary format, give a file")
    if out == STDOUT and many and fmt == "dot":
        raise ValueError("--out - writes one DOT graph; name a single debate")
    if many and out is not None and out != STDOUT and not _out_is_folder(out):
        raise ValueError(f"--out {out} names a file, but this writes several; give a folder")
    if fmt in TEXT_FORMATS:
        written = _export_text(fmt, debates, out, args.graphml_flavor or "plain")
    elif fmt in PAGE_FORMATS:
        folder = any(Path(p).is_dir() for p in paths_or_default(args.paths))
        ballots = Path(args.ballots) if getattr(args, "ballots", None) else None
        written = _export_pages(options, debates, out, index=many or folder, ballots=ballots)
    elif pool is None:  # DOT on standard output
        from argmap.export import write_dot

        write_dot(debates[0].graph, options, sys.stdout, printable)
        written = 1
    else:
        written = _export_diagrams(options, debates, out, pool, args)
    return 1 if skipped else (0 if written else 1)


def _preparer(
    pool: DiagramPool, options: ExportOptions, args: argparse.Namespace, out: Path | None
) -> Callable[[LoadedDebate], None]:
    """Start each debate's diagrams in `pool` as soon as the debate has loaded."""

    def prepare(item: LoadedDebate) -> None:
        if _for_slides(options, args):
            return  # measured first (`slide_images`), once everything has loaded
        for diagram in _diagrams(item, options, args, out):
            pool.prepare(diagram)

    return prepare


def _target(out: Path | None, name: str) -> Path:
    """The file for `name`: in --out when it is a folder, --out itself, or exports/."""
    if out is None:
        return DEFAULT_FOLDER / name
    return out / name if _out_is_folder(out) else out


class _Progress:
    """A progress bar on a terminal; one line per file otherwise (logs, CI), on stderr."""

    WIDTH = 24

    def __init__(self, total: int) -> None:
        self.total = total
        self.bar = total > 1 and sys.stderr.isatty()

    def step(self, index: int, path: Path) -> None:
        if self.total <= 1:
            return
        if not self.bar:
            print(f"[{index}/{self.total}] {show(path)}", file=sys.stderr)
            return
        filled = round(self.WIDTH * index / self.total)
        bar = "█" * filled + "░" * (self.WIDTH - filled)
        # Redraw the one line in place; clear it when done, the summary follows.
        line = f"\r{bar} {index}/{self.total} {show(path.name)}\x1b[K"
        sys.stderr.write(line if index < self.total else "\r\x1b[K")
        sys.stderr.flush()


def _summary(count: int, kind: str, started: float, last: Path) -> None:
    """'7 diagrams written to exports/ in 3.2 s', or 'wrote FILE in 0.4 s' for one."""
    elapsed = time.perf_counter() - started
    if count == 1:
        print(f"wrote {show(last)} in {elapsed:.1f} s", file=sys.stderr)
    else:
        print(
            f"{count} {kind}s written to {show(last.parent)}/ in {elapsed:.1f} s", file=sys.stderr
        )


def _export_diagrams(
    options: ExportOptions,
    debates: list[LoadedDebate],
    out: Path | None,
    pool: DiagramPool,
    args: argparse.Namespace,
) -> int:
    from argmap.export import ExportError

    started = time.perf_counter()
    try:
        wanted, apart = _planned(debates, options, args, out)
        legends = _separate_legends(apart, options, out)
    except ExportError as exc:
        raise CliError(str(exc)) from exc
    if options.format != "dot":
        _note_fast_layouts(debates, options)
    last = Path()
    progress = _Progress(len(wanted))
    try:
        # Written and reported in the order of the files, so logs read the same on every
        # run; the pool lays out the biggest diagrams first.
        for index, last in enumerate(pool.export(wanted), start=1):
            progress.step(index, last)
    except ExportError as exc:
        raise CliError(str(exc)) from exc
    _summary(len(wanted), "diagram", started, last)
    if _for_slides(options, args) or legends:
        # The files written, one a line, for a script to pick up.
        for path in [*(d.out for d in wanted), *legends]:
            print(show(path))
    return len(wanted)


def _for_slides(options: ExportOptions, args: argparse.Namespace) -> bool:
    """Whether the diagrams are slide images held to the 18 pt rule (`slide_images`)."""
    return options.theme == "slides" and options.format != "dot"


def _planned(
    debates: list[LoadedDebate], options: ExportOptions, args: argparse.Namespace, out: Path | None
) -> tuple[list[Diagram], list[LoadedDebate]]:
    """The diagrams to draw, in the order of the debates, and the debates whose legend is
    an image of its own."""
    from argmap.export.batch import Diagram
    from argmap.export.slide_images import plan_images, reveal_fit

    wanted: list[Diagram] = []
    apart: list[LoadedDebate] = []
    for item in debates:
        if not _for_slides(options, args) or (args.root and args.root not in item.graph):
            wanted += _diagrams(item, options, args, out)
            if args.legend == "separate" and options.format != "dot":
                apart.append(item)
            continue
        target = _target(out, output_name_for(item, options))
        command = shlex.quote(show(item.path))
        if args.reveal:
            steps = _reveal_steps(item.graph, options, target)
            last = steps[-1][1].reveal or 0
            fitted, legend_apart = reveal_fit(
                item.graph, options, last, show(item.debate_id), command
            )
            if fitted.legend != options.legend:
                steps = _reveal_steps(item.graph, fitted, target)
            wanted += [Diagram(*step) for step in steps]
            if legend_apart or args.legend == "separate":
                apart.append(item)
                if legend_apart:
                    print(
                        f"argmap: {show(item.debate_id)}: the legend is too wide to share "
                        "the reveal's images at 18 pt; it is written as an image of its own",
                        file=sys.stderr,
                    )
            continue
        plan = plan_images(item.graph, options, target, command)
        if plan.legend_apart or args.legend == "separate":
            apart.append(item)
            if options.legend:
                print(
                    f"argmap: {show(item.debate_id)}: the legend is too wide to share an image "
                    "at 18 pt; it is written as an image of its own",
                    file=sys.stderr,
                )
        if len(plan.images) > 1:
            print(
                f"argmap: {show(item.debate_id)}: too big for one image at 18 pt; "
                f"{plan.how} over {len(plan.images)} images",
                file=sys.stderr,
            )
        wanted += [Diagram(item.graph, i.options, i.target, i.source) for i in plan.images]
    return wanted, apart


def output_name_for(item: LoadedDebate, options: ExportOptions) -> str:
    """The default file name of a debate's diagram."""
    from argmap.export import output_name

    return output_name(item.debate_id, options.root, f".{options.format}")


def _separate_legends(
    debates: list[LoadedDebate], options: ExportOptions, out: Path | None
) -> list[Path]:
    """Each debate's legend as an image of its own."""
    from argmap.export import write_diagram
    from argmap.export.render import RenderError, render
    from argmap.export.slide_images import legend_source, legend_target

    written = []
    for item in debates:
        path = legend_target(_target(out, output_name_for(item, options)))
        try:
            write_diagram(path, render(legend_source(item.graph), options.format))
        except RenderError as exc:
            from argmap.export import ExportError

            raise ExportError(str(exc)) from exc
        written.append(path)
    return written


def _diagrams(
    item: LoadedDebate, options: ExportOptions, args: argparse.Namespace, out: Path | None
) -> list[Diagram]:
    """The diagrams of one debate: one, one per --reveal step, none without --root's claim."""
    from argmap.export import output_name
    from argmap.export.batch import Diagram

    if args.root and args.root not in item.graph:
        return []
    target = _target(out, output_name(item.debate_id, options.root, f".{options.format}"))
    if args.reveal:
        return [Diagram(*step) for step in _reveal_steps(item.graph, options, target)]
    return [Diagram(item.graph, options, target)]


def _note_fast_layouts(debates: list[LoadedDebate], options: ExportOptions) -> None:
    """Say on stderr which big diagrams get the quicker layout, and how to draw less."""
    from argmap.export import (
        LARGE_DIAGRAM,
        TREE_DIAGRAM,
        diagram_size,
        fast_layout_chosen,
        tree_layout_chosen,
    )
    from argmap.safetext import printable

    for item in debates:
        if tree_layout_chosen(item.graph, options):
            size, over, layout = diagram_size(item.graph, options), TREE_DIAGRAM, "a tidy tree"
        elif fast_layout_chosen(item.graph, options):
            size, over, layout = diagram_size(item.graph, options), LARGE_DIAGRAM, "a quicker"
            layout += ", rougher layout"
        else:
            continue
        print(
            f"argmap: {printable(item.debate_id, one_line=True)} draws {size:,} boxes "
            f"(over {over:,}), so it is laid out as {layout}; "
            "--layout full for the detailed one (much slower), or --root ID --depth N "
            "to draw one branch",
            file=sys.stderr,
        )


def _reveal_steps(
    graph: ArgumentGraph, options: ExportOptions, target: Path
) -> list[tuple[ArgumentGraph, ExportOptions, Path]]:
    """One diagram per level below the root: `<name>-01`, `-02`, ... for building slides.

    Each step is laid out for the boxes it shows, a box already shown kept in its place
    (`argmap.export.reveal_layout`).
    """
    root = options.root or "motion"
    below = max((n.depth for n in graph.subtree(root)), default=0) - graph.depth(root)
    last = below if options.depth is None else min(options.depth, below)
    steps = range(1, last + 1) if last > 0 else range(0, 1)
    return [
        (
            graph,
            replace(options, reveal=level),
            target.with_name(f"{target.stem}-{max(level, 1):02d}{target.suffix}"),
        )
        for level in steps
    ]


def _export_text(
    fmt: str, debates: list[LoadedDebate], out: Path | None, graphml_flavor: str = "plain"
) -> int:
    from argmap.export import output_name
    from argmap.export.render import write_atomic
    from argmap.interop import TEXT_FORMATS as suffixes
    from argmap.interop import export_text
    from argmap.output import write_failure

    started = time.perf_counter()
    last = Path()
    progress = _Progress(len(debates))
    for index, item in enumerate(debates, start=1):
        target = _target(out, output_name(item.debate_id, None, suffixes.get(fmt, f".{fmt}")))
        try:
            text, losses = export_text(fmt, item.graph, graphml_flavor=graphml_flavor)
        except ValueError as exc:
            raise CliError(f"{item.debate_id}: {exc}") from exc
        for loss in losses:
            print(show(f"{item.debate_id}: {loss}"), file=sys.stderr)
        if out == STDOUT:
            sys.stdout.write(printable(text if text.endswith("\n") else text + "\n"))
            continue
        try:
            write_atomic(target, str(text).encode("utf-8"))
        except OSError as exc:
            raise CliError(write_failure(target, exc)) from exc
        last = target
        progress.step(index, target)
    if out != STDOUT:
        _summary(len(debates), "file", started, last)
    return len(debates)


def _export_pages(
    options: ExportOptions,
    debates: list[LoadedDebate],
    out: Path | None,
    *,
    index: bool,
    ballots: Path | None = None,
) -> int:
    """One web page per debate and, for a folder or several debates, index.html."""
    from concurrent.futures import ThreadPoolExecutor

    from argmap.ballots.html import with_class
    from argmap.export import ExportError
    from argmap.export.html import export_page, index_entry, index_page, page_name, with_strengths
    from argmap.export.render import write_atomic
    from argmap.output import write_failure

    options = replace(options, format="svg")
    _note_fast_layouts(debates, options)
    back = "index.html" if index else ""
    jobs = [(item, page_name(item.debate_id)) for item in debates]
    started = time.perf_counter()
    last = Path()
    entries = []
    progress = _Progress(len(jobs))
    # As for diagrams: `dot` runs in its own process, so threads keep the cores busy.
    with ThreadPoolExecutor(max_workers=min(len(jobs), os.cpu_count() or 1)) as pool:
        pending = [
            pool.submit(
                export_page,
                item.graph,
                options,
                _target(out, name),
                index=back,
                annotate=with_strengths if ballots is None else with_class(ballots),
                semantics=options.semantics,
            )
            for item, name in jobs
        ]
        try:
            for number, ((item, name), done) in enumerate(zip(jobs, pending, strict=True), start=1):
                entries.append(index_entry(item.graph, name, done.result()))
                last = _target(out, name)
                progress.step(number, last)
        except ExportError as exc:
            for future in pending:
                future.cancel()
            raise CliError(str(exc)) from exc
    _summary(len(jobs), "page", started, last)
    if index:
        target = last.parent / "index.html"
        try:
            write_atomic(target, index_page(entries, options).encode("utf-8"))
        except OSError as exc:
            raise CliError(write_failure(target, exc)) from exc
        print(f"wrote {show(target)}", file=sys.stderr)
    return len(jobs)
