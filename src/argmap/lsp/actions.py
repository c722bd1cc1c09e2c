"""Code actions: the "did you mean" quick fixes, and "add an id" to a claim without one."""

from __future__ import annotations

from lsprotocol import types

from argmap.locate import TextIndex, id_insertion, suggest_id
from argmap.lsp.diagnostics import Published
from argmap.lsp.positions import ClientPositions
from argmap.model import MOTION_ID


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return (p.line, p.character)

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def quick_fixes(
    uri: str, published: list[Published], wanted: types.Range
) -> list[types.CodeAction]:
    """A quick fix for each "did you mean" diagnostic touching the range."""
    actions = []
    for item in published:
        if item.fix is None or not _overlaps(item.diagnostic.range, wanted):
            continue
        actions.append(
            types.CodeAction(
                title=item.fix.title,
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[item.diagnostic],
                is_preferred=True,
                edit=types.WorkspaceEdit(
                    changes={uri: [types.TextEdit(item.fix.range, item.fix.new_text)]}
                ),
            )
        )
    return actions


def add_id(
    uri: str, index: TextIndex, wanted: types.Range, encoding: str
) -> list[types.CodeAction]:
    """ "Add the id 'x' to this claim" for a claim without an id under the cursor."""
    positions = ClientPositions(index.text, encoding)
    place = index.claim_at(positions.offset(wanted.start))
    if place is None or place.explicit:
        return []
    taken = {p.id for p in index.order} | set(index.sources) | {MOTION_ID}
    new_id = suggest_id(place.text, taken)
    insertion = id_insertion(index, place.id, new_id)
    if insertion is None:
        return []
    offset, text = insertion
    at = positions.position(offset)
    return [
        types.CodeAction(
            title=f"Add the id '{new_id}' to this claim ({place.id})",
            kind=types.CodeActionKind.RefactorRewrite,
            edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(types.Range(at, at), text)]}),
        )
    ]
