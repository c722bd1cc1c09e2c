"""Ballot files in the editor: diagnostics, completion of claim ids, hover with claim text.

A buffer is a ballot when it reads like one (`argmap.ballots.format.is_ballot_text`). Its
debate is found by id: an open debate buffer first, then the debate files near the
ballot on disk (`ballots/<debate-id>/name.yaml` sits two folders below the debates, or
below a folder holding `arguments/`), read through the server's cache of files.
"""

from __future__ import annotations

import re
from pathlib import Path

from lsprotocol import types

from argmap.ballots.format import is_ballot_text, load_ballot_text
from argmap.ballots.weights import author_weight
from argmap.diagnostics import warning
from argmap.graph import ArgumentGraph
from argmap.lsp.diagnostics import Published, to_lsp
from argmap.lsp.documents import SUFFIXES, Documents, uri_path
from argmap.lsp.hover import escape, quote
from argmap.lsp.positions import ClientPositions
from argmap.model import MOTION_ID
from argmap.safetext import printable

_DEBATE_LINE = re.compile(r"^debate[ \t]*:[ \t]*['\"]?([a-z0-9][a-z0-9_-]*)", re.MULTILINE)
#: A weight line being typed: indented, an id so far (or nothing), no colon yet.
_TYPING_ID = re.compile(r"^([ \t]+)([A-Za-z0-9_.\-]*)$")
_ID_AT = re.compile(r"[A-Za-z0-9_.\-]+")
#: How many folders up from a ballot its debate is looked for.
_LEVELS = 3


def is_ballot(docs: Documents, uri: str) -> bool:
    """True when the open buffer is a ballot file."""
    entry = docs.open_texts.get(uri)
    path = uri_path(uri)
    if entry is None or (path is not None and path.suffix not in SUFFIXES):
        return False
    return is_ballot_text(entry[1])


def debate_of(docs: Documents, uri: str, text: str) -> ArgumentGraph | None:
    """The valid debate a ballot names, open in the editor or on disk near it; or None."""
    match = _DEBATE_LINE.search(text)
    if match is None:
        return None
    debate_id = match.group(1)
    for other in docs.open_texts:
        analysis = docs.valid(other)
        loaded = analysis.loaded if analysis is not None else None
        if analysis is not None and loaded is not None and analysis.debate_id == debate_id:
            return loaded.graph
    path = uri_path(uri)
    if path is None:
        return None
    for folder in _folders_near(path):
        for candidate in _candidates(folder, debate_id):
            neighbour = docs.neighbour(candidate)
            if (
                neighbour is not None
                and neighbour.loaded.ok
                and neighbour.loaded.debate_id == debate_id
            ):
                return neighbour.loaded.graph
    return None


def _folders_near(path: Path) -> list[Path]:
    folders: list[Path] = []
    for parent in list(path.parents)[:_LEVELS]:
        folders += [parent, parent / "arguments"]
    return [f for f in folders if f.is_dir()]


def _candidates(folder: Path, debate_id: str) -> list[Path]:
    """Debate files of a folder, the one named after the debate first."""
    named = [folder / f"{debate_id}{suffix}" for suffix in SUFFIXES]
    try:
        others = sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p not in named)
    except OSError:
        others = []
    return [p for p in named if p.is_file()] + [p for p in others if p.is_file()]


def diagnostics(docs: Documents, uri: str, text: str, encoding: str) -> list[Published]:
    """The ballot checker's diagnostics of a ballot buffer, as LSP diagnostics."""
    graph = debate_of(docs, uri, text)
    path = uri_path(uri) or Path(uri.rsplit("/", 1)[-1] or "ballot.yaml")
    loaded = load_ballot_text(text, path, graph)
    found = list(loaded.diagnostics)
    match = _DEBATE_LINE.search(text)
    if graph is None and match is not None and loaded.ballot is not None:
        line = text.count("\n", 0, match.start(1)) + 1
        col = match.start(1) - (text.rfind("\n", 0, match.start(1)) + 1) + 1
        found.append(
            warning(
                str(path),
                (line, col),
                "debate-not-found",
                f"debate '{match.group(1)}' is not open and not found near this ballot; "
                "claim ids are not checked",
            )
        )
    return to_lsp(found, text, ClientPositions(text, encoding))


def _place(
    docs: Documents, uri: str, position: types.Position, encoding: str
) -> tuple[str, ClientPositions, int, int] | None:
    """The buffer's text, its positions, the offset asked about and its line's start."""
    entry = docs.open_texts.get(uri)
    if entry is None:
        return None
    text = entry[1]
    positions = ClientPositions(text, encoding)
    offset = positions.offset(position)
    return text, positions, offset, text.rfind("\n", 0, offset) + 1


def complete(
    docs: Documents, uri: str, position: types.Position, encoding: str
) -> types.CompletionList | None:
    """Claim ids (with their text) where a weight's id is being typed."""
    place = _place(docs, uri, position, encoding)
    if place is None:
        return None
    text, positions, offset, line_start = place
    typing = _TYPING_ID.match(text[line_start:offset])
    graph = debate_of(docs, uri, text)
    if typing is None or graph is None:
        return None
    start = offset - len(typing.group(2))
    present = set(re.findall(r"^[ \t]+([A-Za-z0-9_.\-]+)[ \t]*:", text, re.MULTILINE))
    items = [
        types.CompletionItem(
            label=node.id,
            kind=types.CompletionItemKind.Reference,
            detail=printable(f"{node.side.value if node.side else ''}: {node.text}", one_line=True),
            sort_text=f"{rank:06d}",
            filter_text=node.id,
            text_edit=types.TextEdit(
                positions.range(start, offset), f"{node.id}: {author_weight(graph, node.id)}"
            ),
        )
        for rank, node in enumerate(graph.claims())
        if node.id not in present
    ]
    return types.CompletionList(is_incomplete=False, items=items)


def hover(docs: Documents, uri: str, position: types.Position, encoding: str) -> types.Hover | None:
    """A claim's side, the author's weight and its text, over its id in a ballot."""
    place = _place(docs, uri, position, encoding)
    if place is None:
        return None
    text, positions, offset, line_start = place
    line_end = text.find("\n", offset)
    words = _ID_AT.finditer(text, line_start, len(text) if line_end < 0 else line_end)
    found = next((m for m in words if m.start() <= offset <= m.end()), None)
    graph = debate_of(docs, uri, text)
    if found is None or graph is None:
        return None
    claim_id = found.group()
    if claim_id not in graph.nodes or claim_id == MOTION_ID:
        return None
    node = graph.nodes[claim_id]
    side = node.side.value if node.side is not None else ""
    heading = (
        f"**{escape(side)}** claim `{printable(claim_id, one_line=True)}` · "
        f"author's weight {author_weight(graph, claim_id)}"
    )
    return types.Hover(
        contents=types.MarkupContent(
            kind=types.MarkupKind.Markdown, value=f"{heading}\n\n{quote(node.text)}"
        ),
        range=positions.range(found.start(), found.end()),
    )
