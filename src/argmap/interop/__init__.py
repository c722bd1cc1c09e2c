"""Bring debates in from other tools and take them out again, saying what was lost.

Exports (`export_text`) turn an `ArgumentGraph` into JSON, Argdown, AIF, Kialo or GraphML
text. Imports (`import_text`) turn a Kialo or AIF file into debate YAML, which then goes
through `argmap.load.load_text` like any file, so an import is held to every check a
hand-written debate is. Both directions return, next to the result, one message per thing the target
format could not carry, naming the claims concerned: nothing is dropped silently.

Format modules are imported on first use, so importing this package stays cheap.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.graph import ArgumentGraph
    from argmap.load import LoadedDebate

#: Export formats and the file extension each is written with.
TEXT_FORMATS: dict[str, str] = {
    "json": ".json",
    "argdown": ".argdown",
    "aif": ".aif.json",
    "kialo": ".kialo.txt",
    "graphml": ".graphml",
}
#: Import formats `argmap import` reads.
IMPORT_FORMATS: tuple[str, ...] = ("kialo", "aif", "argdown")


class InteropError(Exception):
    """Input that is not in the format it claims to be; `line` is 1-based when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True, slots=True)
class LostItem:
    """One thing a conversion left out, named by its id in the input and its text."""

    id: str
    text: str


@dataclass(frozen=True, slots=True)
class Loss:
    """Something a conversion could not carry, with the input line when there is one.

    `items` names every node or claim the message is about, so a report can list all of
    them (never "and 13 more").
    """

    message: str
    line: int | None = None
    items: tuple[LostItem, ...] = ()

    def format(self, name: str) -> str:
        """`name:line: note: message`, the shape of argmap's other diagnostics, followed by
        one `name: note:   id: text` line per item (text cut to one short line)."""
        return "\n".join(self.format_lines(name))

    def format_lines(self, name: str) -> list[str]:
        """The lines of `format`, one per list entry."""
        where = f"{name}:{self.line}" if self.line is not None else name
        lines = [f"{where}: note: {self.message}"]
        lines.extend(f"{name}: note:   {item.id}: {_excerpt(item.text)}" for item in self.items)
        return lines

    def as_json(self) -> dict[str, Any]:
        """The loss as plain data for `--report FILE.json`, with every item's full text."""
        data: dict[str, Any] = {"message": self.message}
        if self.line is not None:
            data["line"] = self.line
        if self.items:
            data["items"] = [{"id": item.id, "text": item.text} for item in self.items]
        return data


def _excerpt(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")


@dataclass(slots=True)
class Imported:
    """Debate data read from another format, before it becomes YAML."""

    data: dict[str, Any]
    losses: list[Loss] = field(default_factory=list)


@dataclass(slots=True)
class ImportOutcome:
    """An import's YAML text, the debate loaded from it (or its diagnostics), and losses."""

    yaml_text: str
    loaded: LoadedDebate
    losses: list[Loss]

    def claim_count(self) -> int:
        """How many claims the imported debate holds, the motion excluded (0 when it did
        not load). The same number as `len(loaded.graph)`, without building the graph."""
        debate = self.loaded.debate
        if debate is None:
            return 0
        count = 0
        stack = [*debate.pro, *debate.con]
        while stack:
            claim = stack.pop()
            count += 1
            stack.extend(claim.rebuttals)
            stack.extend(claim.support)
        return count


def shorten_title(text: str, limit: int = 80) -> str:
    """A debate title made from a motion: its first line, cut at a word near `limit`."""
    first = text.split("\n", 1)[0].strip()
    if len(first) <= limit:
        return first
    return first[: limit - 1].rsplit(" ", 1)[0] + "…"


def export_text(
    fmt: str, graph: ArgumentGraph, *, graphml_flavor: str = "plain"
) -> tuple[str, list[str]]:
    """Serialize the debate in `fmt`; return the text and one message per thing the format
    could not carry (with claim ids). `graphml_flavor` is `yed` to add yEd's drawing."""
    if fmt == "json":
        from argmap.interop.jsonfmt import export_json

        return export_json(graph)
    if fmt == "argdown":
        from argmap.interop.argdown import export_argdown

        return export_argdown(graph)
    if fmt == "aif":
        from argmap.interop.aif import export_aif

        return export_aif(graph)
    if fmt == "kialo":
        from argmap.interop.kialo_out import export_kialo

        return export_kialo(graph)
    if fmt == "graphml":
        from argmap.interop.graphml import export_graphml

        return export_graphml(graph, graphml_flavor)
    raise ValueError(f"unknown export format '{fmt}'; expected one of {', '.join(TEXT_FORMATS)}")


def read_import(fmt: str, text: str, motion: str | None = None) -> Imported:
    """Parse `text` in an import format into debate data; InteropError when it is not.

    `motion` picks the claim that becomes the motion where a format has several candidates:
    an AIF nodeID, an Argdown statement title. Kialo has one thesis and refuses it.
    """
    if fmt == "kialo":
        if motion is not None:
            raise InteropError("a Kialo discussion has one thesis; --motion does not apply")
        from argmap.interop.kialo import parse_kialo

        return parse_kialo(text)
    if fmt == "aif":
        from argmap.interop.aif import parse_aif

        return parse_aif(text, motion)
    if fmt == "argdown":
        from argmap.interop.argdown_in import parse_argdown

        return parse_argdown(text, motion)
    raise ValueError(f"unknown import format '{fmt}'; expected one of {', '.join(IMPORT_FORMATS)}")


def _outcome(
    fmt: str, imported: Imported, path: Path | str, debate_id: str | None
) -> ImportOutcome:
    from argmap.interop.limits import check_depth
    from argmap.interop.yaml_out import dump_debate
    from argmap.load import load_text

    check_depth(imported.data)
    data = dict(imported.data)
    if debate_id is not None:
        data["id"] = debate_id
    header = f"Imported from {fmt} by `argmap import`; check it with `argmap validate`."
    yaml_text = dump_debate(data, header)
    return ImportOutcome(yaml_text, load_text(yaml_text, path), imported.losses)


def import_text(
    fmt: str,
    text: str,
    path: Path | str,
    debate_id: str | None = None,
    motion: str | None = None,
) -> ImportOutcome:
    """Convert `text` to debate YAML and load it through the same checks as any file.

    `path` names the debate file in diagnostics; `debate_id` is written as the debate's
    `id` when given; `motion` is passed to `read_import`. Raises InteropError when `text`
    is not in format `fmt`.
    """
    from argmap.collector import collector_paused

    # Parsing makes tens of thousands of dicts and lists and no reference cycles; the
    # collector would rescan them (and everything imported before) again and again.
    with collector_paused(settle=True):
        imported = read_import(fmt, text, motion)
    return _outcome(fmt, imported, path, debate_id)


def import_aif_all(
    text: str, folder: Path, base_id: str
) -> tuple[list[tuple[Path, ImportOutcome]], list[Loss], list[tuple[Path, str]]]:
    """One debate per top-level conclusion of an AIF file, as `folder/<id>.yaml` outcomes.

    Returns the outcomes, the losses of the file as a whole (each outcome carries its
    own), and the debates refused (too deep to read) with the reason, so one bad
    conclusion never stops the others. Raises InteropError when `text` is not AIF JSON.
    """
    from argmap.interop.aif import split_aif

    split = split_aif(text, base_id)
    outcomes: list[tuple[Path, ImportOutcome]] = []
    refused: list[tuple[Path, str]] = []
    for debate_id, imported in split.debates:
        target = folder / f"{debate_id}.yaml"
        try:
            outcomes.append((target, _outcome("aif", imported, target, debate_id)))
        except InteropError as exc:
            refused.append((target, exc.message))
    return outcomes, split.losses, refused
