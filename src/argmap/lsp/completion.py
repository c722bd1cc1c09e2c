"""Completion: claim ids, source ids, tags, kinds, `see` links and keys, ranked by context.

`argmap.locate.context_at` says what is being typed (a key, or the value of which key);
this module picks the candidates and ranks them: for `also_rebuts` the other side's
claims come first, for `also_supports` the same side's; keys not yet written in the
mapping come before keys already there (which would be duplicates).
"""

from __future__ import annotations

from collections import Counter

from lsprotocol import types

from argmap.ids import LineMap
from argmap.locate import ClaimPlace, Context, Role, TextIndex, context_at, index_text
from argmap.lsp.documents import Documents
from argmap.lsp.positions import ClientPositions
from argmap.model import FIELDS, MOTION_ID, SLUG_RE, Kind
from argmap.safetext import printable

TRIGGERS = ["[", ",", " ", ":", "-"]
_KIND_HELP = {
    Kind.CLAIM: "an argument (the default)",
    Kind.EVIDENCE: "a fact, figure or finding; cite a source",
    Kind.PROPOSAL: "a compromise or policy answer",
}
_EXPECT_KEYS = ("standing", "defeated", "undecided")


def _item(
    label: str,
    kind: types.CompletionItemKind,
    rank: int,
    detail: str | None,
    replace: types.Range,
    insert: str | None = None,
) -> types.CompletionItem:
    return types.CompletionItem(
        label=label,
        kind=kind,
        detail=printable(detail, one_line=True) if detail else None,
        sort_text=f"{rank:02d}{label}",
        filter_text=label,
        text_edit=types.TextEdit(replace, insert if insert is not None else label),
    )


def _claim_detail(place: ClaimPlace) -> str:
    text = " ".join(place.text.split())
    return f"{place.side}: {text[:70]}{'…' if len(text) > 70 else ''}"


def complete(
    docs: Documents, uri: str, position: types.Position, encoding: str
) -> types.CompletionList:
    """Completion items for the cursor in an open debate."""
    entry = docs.open_texts.get(uri)
    if entry is None:
        return types.CompletionList(is_incomplete=False, items=[])
    text = entry[1]
    positions = ClientPositions(text, encoding)
    offset = positions.offset(position)
    context = context_at(text, offset)
    replace = positions.range(context.prefix_start, offset)
    index = _index_while_typing(docs, uri, text, offset)
    items = _candidates(docs, uri, context, index, offset, replace)
    return types.CompletionList(is_incomplete=False, items=items)


def _index_while_typing(docs: Documents, uri: str, text: str, offset: int) -> TextIndex | None:
    """The buffer's index; when the line being typed breaks the YAML (an open `[`), the
    index of the text with that line blanked, so the rest of the file still counts."""
    current = docs.current(uri)
    if current is not None and current.index is not None:
        return current.index
    lines = LineMap(text)
    line, _ = lines.position(offset)
    start, end = lines.starts[line - 1], lines.line_end(line)
    repaired = index_text(text[:start] + " " * (end - start) + text[end:])
    return repaired if repaired is not None else docs.index(uri)


def _candidates(
    docs: Documents,
    uri: str,
    context: Context,
    index: TextIndex | None,
    offset: int,
    replace: types.Range,
) -> list[types.CompletionItem]:
    key = context.value_of
    variable = types.CompletionItemKind.Reference
    if key is None:
        return _keys(context, replace)
    if key == "kind":
        return [
            _item(k.value, types.CompletionItemKind.EnumMember, 0, _KIND_HELP[k], replace)
            for k in Kind
        ]
    if key in ("also_rebuts", "also_supports") or (
        context.mapping == "expect" and key in _EXPECT_KEYS
    ):
        if index is None:
            return []
        here = index.claim_at(offset) or _claim_above(index, offset)
        items = []
        for place in index.order:
            if not place.explicit and key.startswith("also_"):
                continue  # links need written ids; generated ones are not slugs
            if here is not None and place.id == here.id:
                continue
            rank = 1
            if here is not None and key == "also_rebuts":
                rank = 0 if place.side != here.side else 1
            elif here is not None and key == "also_supports":
                rank = 0 if place.side == here.side else 1
            items.append(_item(place.id, variable, rank, _claim_detail(place), replace))
        if context.mapping == "expect":
            items.append(_item(MOTION_ID, variable, 0, "the debate's motion", replace))
        return items
    if key == "sources" and context.mapping == "claim":
        if index is None:
            return []
        return [_item(source_id, variable, 0, "source", replace) for source_id in index.sources]
    if key == "tags":
        return _tags(docs, uri, index, replace)
    if key == "see":
        return _see(docs, uri, replace)
    return []


def _claim_above(index: TextIndex, offset: int) -> ClaimPlace | None:
    """The claim a line being typed belongs to, when the line is not part of it yet: the
    last claim starting above it whose keys are indented no deeper than the cursor."""
    line_text = index.lines.line_text(index.lines.position(offset)[0])
    indent = len(line_text) - len(line_text.lstrip(" "))
    found = None
    for place in index.order:
        if place.start > offset:
            break
        if index.lines.position(place.start)[1] - 1 <= indent:
            found = place
    return found


def _keys(context: Context, replace: types.Range) -> list[types.CompletionItem]:
    fields = FIELDS.get(context.mapping, FIELDS["claim"])
    first = {"claim": ("text", "id"), "debate": ("title", "motion"), "source": ("id", "title")}
    preferred = first.get(context.mapping, ())
    items = []
    for name in fields:
        if name in context.present:
            rank = 9  # already written: offered last, it would be a duplicate key
        elif name in preferred:
            rank = 0
        else:
            rank = 1
        items.append(
            _item(name, types.CompletionItemKind.Field, rank, context.mapping, replace, f"{name}: ")
        )
    return items


def _tags(
    docs: Documents, uri: str, index: TextIndex | None, replace: types.Range
) -> list[types.CompletionItem]:
    counts: Counter[str] = Counter()
    here = set(index.tags()) if index is not None else set()
    for _, _, other in docs.folder(uri):
        # Only well-formed tags: anything else would be an error to insert.
        counts.update(
            t.value for t in other.tokens if t.role is Role.TAG and SLUG_RE.match(t.value)
        )
    return [
        _item(
            tag,
            types.CompletionItemKind.Keyword,
            0 if tag in here else 1,
            f"tag used {count} time{'s' if count != 1 else ''}",
            replace,
        )
        for tag, count in counts.most_common()
    ]


def _see(docs: Documents, uri: str, replace: types.Range) -> list[types.CompletionItem]:
    items = []
    module = types.CompletionItemKind.Module
    for other_uri, debate_id, other in docs.folder(uri):
        if other_uri == uri or not SLUG_RE.match(debate_id):
            continue
        items.append(_item(debate_id, module, 0, "debate", replace))
        for place in other.order:
            if place.explicit:
                label = f"{debate_id}:{place.id}"
                items.append(_item(label, module, 1, _claim_detail(place), replace))
    return items
