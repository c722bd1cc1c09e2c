"""Document symbols (the outline): the motion, then the pro and con claims nested as in
the file, each named by its id, or by the start of its text when it has none."""

from __future__ import annotations

from lsprotocol import types

from argmap.locate import ClaimPlace, TextIndex
from argmap.lsp.positions import ClientPositions
from argmap.model import MOTION_ID
from argmap.safetext import printable

_NAME_LENGTH = 48
#: How deep the outline nests. Deeper claims are left out (the claim at the limit says how
#: many): editors cannot show hundreds of levels, and encoding them as JSON recurses.
MAX_OUTLINE_DEPTH = 40


def _start_of(text: str) -> str:
    words = " ".join(text.split())
    return words if len(words) <= _NAME_LENGTH else words[: _NAME_LENGTH - 1] + "…"


def _symbol(
    place: ClaimPlace, index: TextIndex, positions: ClientPositions, depth: int = 1
) -> types.DocumentSymbol:
    name = place.id if place.explicit else _start_of(place.text) or place.id
    detail = _start_of(place.text) if place.explicit else place.id
    relation = {"r": "rebuttal", "s": "support"}.get(place.relation, place.side)
    selection = place.id_token or place.text_token
    select = (
        positions.range(selection.start, selection.end)
        if selection is not None
        else positions.range(place.start, place.start)
    )
    below = [
        index.claims[child]
        for child in place.children
        if child in index.claims and index.claims[child].parent == place.id
    ]
    children = []
    if depth < MAX_OUTLINE_DEPTH:
        children = [_symbol(child, index, positions, depth + 1) for child in below]
    elif below:
        detail += f" ({len(below)} more below, not shown)"
    return types.DocumentSymbol(
        name=printable(name, one_line=True) or "(empty)",
        detail=printable(f"{relation} · {detail}", one_line=True),
        kind=types.SymbolKind.Class if place.relation == "top" else types.SymbolKind.Field,
        range=positions.range(place.start, max(place.end, place.start)),
        selection_range=select,
        children=children,
    )


def outline(index: TextIndex, encoding: str) -> list[types.DocumentSymbol]:
    """The outline of a debate: motion, `pro` and `con`, with claims nested below."""
    positions = ClientPositions(index.text, encoding)
    symbols: list[types.DocumentSymbol] = []
    if index.motion is not None:
        span = positions.range(index.motion.start, index.motion.end)
        symbols.append(
            types.DocumentSymbol(
                name=MOTION_ID,
                detail=printable(_start_of(index.motion.value), one_line=True),
                kind=types.SymbolKind.Module,
                range=span,
                selection_range=span,
            )
        )
    for side in ("pro", "con"):
        tops = [p for p in index.order if p.side == side and p.relation == "top"]
        if not tops:
            continue
        children = [_symbol(p, index, positions) for p in tops]
        start, end = tops[0].start, max(p.end for p in tops)
        symbols.append(
            types.DocumentSymbol(
                name=side,
                detail=f"{len(tops)} claim{'s' if len(tops) != 1 else ''}",
                kind=types.SymbolKind.Namespace,
                range=positions.range(start, end),
                selection_range=positions.range(start, start),
                children=children,
            )
        )
    return symbols
