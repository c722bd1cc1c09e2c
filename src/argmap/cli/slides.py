"""`argmap slides`: a lecture-ready deck (PDF or PowerPoint) of each debate."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from argmap.cli.common import CliError, load_skipping_invalid, show
from argmap.cli.semantics_option import add_semantics_option
from argmap.export.deck_budget import DEFAULT_MAX_DECK_CLAIMS
from argmap.export.deck_select import DEFAULT_MAX_SLIDES, SMALL_DEBATE, SMALL_DECK

DEFAULT_FOLDER = Path("exports")


def register(subparsers: Any) -> None:
    """Add `argmap slides`."""
    parser = subparsers.add_parser(
        "slides",
        help="write a slide deck (PDF or PowerPoint) of each debate",
        description=(
            "Write a 16:9 slide deck of a debate: a title slide with the verdict, an "
            "overview listing every top-level claim, how to read the diagrams, slides for the "
            "branches that move the verdict most (branches too big to read are split into "
            "continuation slides) within --max-slides, and a closing slide. No "
            "text is smaller than 18 pt at 1920x1080. PowerPoint decks carry speaker notes "
            "with every claim's full text, label, reason and sources. The default output is "
            "exports/<debate-id>-slides.pdf; a folder gives one deck per debate."
        ),
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="debate files or folders")
    add_semantics_option(parser)
    parser.add_argument(
        "--out", "-o", metavar="DECK_OR_DIR", help="deck.pdf, deck.pptx, or a folder"
    )
    parser.add_argument(
        "--format",
        "-f",
        choices=("pdf", "pptx"),
        help="deck format (default: from --out, else pdf)",
    )
    parser.add_argument(
        "--theme", choices=("slides", "print", "dark"), default="slides", help="look"
    )
    parser.add_argument(
        "--reveal",
        action="store_true",
        help=(
            "build each branch up one level per slide; boxes keep their place, and a label "
            "shows from the step that shows what decides it"
        ),
    )
    parser.add_argument(
        "--depth", type=int, metavar="N", help="levels below each top-level claim to show"
    )
    parser.add_argument("--side", choices=("pro", "con"), help="only one side's claims")
    parser.add_argument(
        "--ballots",
        metavar="DIR",
        help="name the class's split and most contested claims (ballots in DIR) at the close",
    )
    parser.add_argument(
        "--max-claims",
        type=int,
        metavar="N",
        help=f"refuse a deck drawing more than N claims (default {DEFAULT_MAX_DECK_CLAIMS}; "
        "0: no limit)",
    )
    parser.add_argument(
        "--max-slides",
        type=int,
        metavar="N",
        help=f"at most N slides (default {SMALL_DECK} for a debate of up to {SMALL_DEBATE} "
        f"claims, a slide more per 3 claims beyond, at most {DEFAULT_MAX_SLIDES}, a 50-minute "
        "lecture; 0: no limit): branches that move the verdict most get slides, the rest "
        "are told in the speaker notes",
    )
    parser.add_argument(
        "--appendix",
        action="store_true",
        help="add the branches left out by --max-slides as appendix slides after the others",
    )
    parser.set_defaults(run=run)


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    if args.out:
        suffix = Path(args.out).suffix.lstrip(".").lower()
        if suffix in ("pdf", "pptx"):
            return suffix
    return "pdf"


def _is_folder(out: Path) -> bool:
    return out.is_dir() or str(out).endswith(("/", "\\")) or not out.suffix


class DeckProgress:
    """What a deck is doing, on stderr: redrawn in place on a terminal; in a log, a line
    every `EVERY` branches and one before the slides are drawn."""

    EVERY = 25

    def __init__(self, debate_id: str) -> None:
        self.name = show(debate_id)
        self.live = sys.stderr.isatty()
        self.drawn = False

    def _say(self, text: str) -> None:
        if self.live:
            sys.stderr.write(f"\r{text}\x1b[K")
            sys.stderr.flush()
            self.drawn = True
        else:
            print(text, file=sys.stderr)

    def planned(self, done: int, total: int) -> None:
        """A top-level claim's branch is planned."""
        if self.live or done % self.EVERY == 0:
            self._say(f"{self.name}: planned {done} of {total} branches")

    def writing(self, slides: int, target: Path) -> None:
        """The plan is done; the slides are being drawn and written."""
        self._say(f"{self.name}: drawing {slides} slides into {show(target)}")

    def done(self) -> None:
        """Clear the redrawn line, so the summary line stands alone."""
        if self.drawn:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self.drawn = False


def run(args: argparse.Namespace) -> int:
    """Plan and write one deck per valid debate; exit 1 if any file was skipped."""
    from argmap.export import ExportError
    from argmap.export.deck_budget import check_budget
    from argmap.export.slides import DeckOptions, build_deck, deck_output, write_deck

    options = DeckOptions(
        theme=args.theme,
        reveal=args.reveal,
        depth=args.depth,
        side=args.side,
        semantics=args.semantics,
        max_slides=args.max_slides,
        appendix=args.appendix,
    )
    try:
        options.check()
    except ExportError as exc:
        raise ValueError(str(exc)) from exc
    fmt = _format(args)
    out = Path(args.out) if args.out else None
    if out is not None and not _is_folder(out):
        suffix = out.suffix.lstrip(".").lower()
        if suffix not in ("pdf", "pptx"):
            raise ValueError(f"--out {show(out)}: a deck is .pdf or .pptx")
        if args.format and args.format != suffix:
            raise ValueError(f"--format {args.format} does not match --out's suffix .{suffix}")
    limit = DEFAULT_MAX_DECK_CLAIMS if args.max_claims is None else args.max_claims
    if limit < 0:
        raise ValueError("--max-claims must be 0 (no limit) or more")
    valid, skipped = load_skipping_invalid(args.paths, "make slides of")
    if out is not None and not _is_folder(out) and len(valid) > 1:
        raise ValueError(f"--out {show(out)} names one file, but there are {len(valid)} debates")
    # Every deck is checked against the budget before any is made.
    for item in valid:
        try:
            check_budget(item.graph, options, limit)
        except ExportError as exc:
            raise CliError(f"{show(item.debate_id)}: {exc}") from exc
    for item in valid:
        started = time.perf_counter()
        if out is None:
            target = deck_output(item.debate_id, fmt, DEFAULT_FOLDER)
        elif _is_folder(out):
            target = deck_output(item.debate_id, fmt, out)
        else:
            target = out
        progress = DeckProgress(item.debate_id)
        try:
            deck = build_deck(item.graph, options, progress.planned)
            if args.ballots:
                from argmap.ballots.deck import with_class_vote

                deck = with_class_vote(deck, item.graph, Path(args.ballots))
            progress.writing(len(deck.slides), target)
            write_deck(deck, target)
        except ExportError as exc:
            raise CliError(str(exc)) from exc
        finally:
            progress.done()
        elapsed = time.perf_counter() - started
        count = len(deck.slides)
        print(f"wrote {show(target)}: {count} slides in {elapsed:.1f} s", file=sys.stderr)
    return 1 if skipped else 0
