"""A slide deck as data, and writing it: slides, their text sections, notes and sizes.

`argmap.export.slides` plans a `Deck`; `write_deck` writes it as PDF
(`argmap.export.deck_pdf`) or PowerPoint (`argmap.export.deck_pptx`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from argmap.export import ExportError
from argmap.export.dot import Theme
from argmap.export.fit import Size
from argmap.export.render import RenderError
from argmap.output import write_failure

#: Themes a deck can take (`slides` is the light look with slide sizes).
DECK_THEMES = ("slides", "print", "dark")
#: Deck formats, by file suffix.
DECK_FORMATS = ("pdf", "pptx")


@dataclass(frozen=True)
class DeckOptions:
    """What the deck shows: look, build-up steps, depth below each top claim, one side."""

    theme: str = "slides"
    reveal: bool = False
    depth: int | None = None
    side: str | None = None
    #: The gradual semantics to weigh with (`argmap.gradual`); None: the debate's own.
    semantics: str | None = None
    #: Slides at most (`argmap.export.deck_select`); 0: every planned slide; None: as
    #: many as the debate's size calls for (`deck_select.lecture_slides`).
    max_slides: int | None = None
    #: The branch parts left out for the budget as slides after the branches.
    appendix: bool = False

    def check(self) -> None:
        """Raise ExportError naming the first option out of range."""
        if self.theme not in DECK_THEMES:
            raise ExportError(
                f"unknown deck theme '{self.theme}'; choose one of {', '.join(DECK_THEMES)}"
            )
        if self.side is not None and self.side not in ("pro", "con"):
            raise ExportError(f"unknown side '{self.side}'; choose pro or con")
        if self.depth is not None and self.depth < 1:
            raise ExportError("depth must be 1 or more")
        if self.max_slides is not None and self.max_slides < 0:
            raise ExportError("--max-slides must be 0 (every slide) or more")


@dataclass(frozen=True, slots=True)
class Section:
    """A block of a text slide: a heading (may be empty) and its lines."""

    heading: str
    lines: tuple[str, ...]
    size: float = 20.0


@dataclass(slots=True)
class Slide:
    """One slide: a title, a breadcrumb, and either a diagram (DOT) or text sections."""

    kind: str  # title | overview | legend | branch | closing
    title: str
    breadcrumb: str = ""
    source: str | None = None
    size: Size | None = None
    sections: tuple[Section, ...] = ()
    #: A text slide's chart (DOT), drawn in the right half beside its text, and its size.
    chart: str | None = None
    chart_size: Size | None = None
    #: Claims drawn on the slide (shown ones only, for a reveal step), document order.
    claims: tuple[str, ...] = ()
    notes: str = ""


@dataclass(slots=True)
class Deck:
    """A planned deck, ready for `deck_pdf.write` or `deck_pptx.write`."""

    debate_id: str
    title: str
    theme: Theme
    slides: list[Slide]


def deck_output(debate: str, fmt: str, folder: Path = Path("exports")) -> Path:
    """Where a deck goes by default: `exports/<debate-id>-slides.<fmt>`."""
    from argmap.export import safe_name

    return folder / f"{safe_name(debate)}-slides.{fmt}"


MISSING_LIBRARY = (
    "{what} needs the `{package}` package; install argmap's slides extra "
    "(`pip install 'argmap[slides]'`)"
)


def write_deck(deck: Deck, out: Path) -> Path:
    """Write the deck to `out`, PDF or PowerPoint by its suffix, atomically.

    Raises ExportError for an unknown suffix, a missing library or `dot`, or a file that
    cannot be written.
    """
    from argmap.export.render import write_atomic

    fmt = out.suffix.lstrip(".").lower()
    if fmt not in DECK_FORMATS:
        raise ExportError(f"a deck is .pdf or .pptx, not '{out.suffix or out.name}'")
    try:
        if fmt == "pdf":
            from argmap.export import deck_pdf as writer
        else:
            from argmap.export import deck_pptx as writer  # type: ignore[no-redef]
        data = writer.write(deck)
    except ModuleNotFoundError as exc:
        package = {"pptx": "python-pptx"}.get(exc.name or "", exc.name or "?")
        what = "a PDF deck" if fmt == "pdf" else "a PowerPoint deck"
        raise ExportError(MISSING_LIBRARY.format(what=what, package=package)) from exc
    except RenderError as exc:
        raise ExportError(str(exc)) from exc
    try:
        write_atomic(out, data)
    except OSError as exc:
        raise ExportError(write_failure(out, exc)) from exc
    return out
