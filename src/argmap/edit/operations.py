"""Edit operations on a debate's text: add, change and remove claims, touching only their lines.

Each operation takes the text of a debate file (LF line endings, no BOM) and returns an
`Edit` holding the text before and after, or raises `EditRefused` saying why. The new text
is loaded and validated before it is returned, and the changed values are read back from
it, so an `Edit` always holds a valid debate that says what was asked.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import yaml

from argmap.edit.document import (
    CHILD_KEYS,
    ClaimSite,
    Document,
    EditRefused,
    Patch,
    apply_patches,
    find_key,
    is_empty,
    str_value,
)
from argmap.edit.scalars import UnwritableValue, block_scalar, flow_list, inline_scalar
from argmap.ids import KeyPath, child_id, top_level_id
from argmap.load import LoadedDebate, load_text
from argmap.model import MOTION_ID, SIDES, SLUG_RE, Claim, Debate, Kind

#: The claim fields `set_fields` changes.
EDITABLE_FIELDS = ("text", "kind", "tags", "sources", "note", "weight")
#: The keys that link one claim to another, which removing a claim must not leave dangling.
LINK_KEYS = ("also_rebuts", "also_supports")

FieldValue = str | int | list[str] | None
ChildRelation = Literal["rebuttal", "support"]


@dataclass(frozen=True, slots=True)
class Edit:
    """A finished edit: the text before and after (for undo), and what changed where."""

    before: str
    after: str
    claim_id: str  # the claim added, changed or removed
    line: int  # 1-based line of that claim in `after` (for a removal: where it stood)
    summary: str  # one line for people: "added rebuttal 'x' under 'y'"

    @property
    def changed(self) -> bool:
        return self.before != self.after


# --- finding claims ------------------------------------------------------------------------


def find_claim(doc: Document, claim_id: str) -> ClaimSite:
    """The claim with this id (written or generated), or a refusal naming close matches."""
    site = doc.claims.get(claim_id)
    if site is not None:
        return site
    if claim_id == MOTION_ID:
        raise EditRefused(
            "'motion' is the debate's motion, not a claim; add claims answering it with "
            "--pro or --con"
        )
    matches = difflib.get_close_matches(claim_id, list(doc.claims), n=5, cutoff=0.5)
    hint = f"; did you mean {', '.join(matches)}?" if matches else ""
    raise EditRefused(f"no claim with id '{claim_id}'{hint}")


def _block_mapping(site: ClaimSite) -> yaml.MappingNode:
    mapping = site.mapping
    if mapping is None:
        raise EditRefused(f"claim '{site.id}' is not a mapping; fix the file first")
    if mapping.flow_style or site.seq.flow_style:
        raise EditRefused(
            f"claim '{site.id}' is written in flow style ({{...}} or [...]); argmap edits "
            "claims written as indented blocks, so edit this one by hand"
        )
    return mapping


def _not_shared(doc: Document, site: ClaimSite, *extra: yaml.Node | None) -> None:
    """Refuse an edit that would write through a YAML anchor used in more than one place."""
    node = doc.shared_at(site, *extra)
    if node is None:
        return
    line = node.start_mark.line + 1
    raise EditRefused(
        f"claim '{site.id}' shares YAML written once with an anchor (&) at line {line} and "
        "used again through an alias (*), so an edit here would change every place that "
        "uses it; edit the file by hand"
    )


def _check_new_id(doc: Document, new_id: str | None) -> None:
    if new_id is None:
        return
    if not SLUG_RE.match(new_id):
        raise EditRefused(
            f"'{new_id}' is not a valid id: use lowercase letters, digits, '-' and '_', "
            "starting with a letter or digit"
        )
    if new_id == MOTION_ID:
        raise EditRefused(f"the id '{MOTION_ID}' is reserved for the debate's motion")
    taken = doc.claims.get(new_id)
    if taken is not None:
        raise EditRefused(
            f"id '{new_id}' is already used by the claim at line {taken.node.start_mark.line + 1}"
        )


# --- writing values ------------------------------------------------------------------------


def _inline(value: FieldValue, style: str | None = None) -> str:
    if isinstance(value, list):
        return flow_list(value)
    if isinstance(value, bool) or value is None:
        raise EditRefused("internal error: no value to write")
    if isinstance(value, int):
        return str(value)
    return inline_scalar(value, style=style if style in {"'", '"'} else None)


def _insert_lines(doc: Document, after: int, lines: Sequence[str]) -> Patch:
    """Insert whole lines after 0-based line `after`."""
    at = doc.after_line(after)
    if at == len(doc.text) and not doc.text.endswith("\n"):
        return Patch(at, at, "\n" + "\n".join(lines))
    return Patch(at, at, "\n".join(lines) + "\n")


def _block_scalar_indent(doc: Document, key: yaml.Node, value: yaml.Node) -> int:
    header = doc.line_of(value.start_mark.index)
    for line in range(header + 1, doc.line_of(max(value.end_mark.index - 1, 0)) + 1):
        if not doc.is_blank(line):
            return doc.indent(line)
    return key.start_mark.column + 2


def _replace_value(doc: Document, key: yaml.Node, value: yaml.Node, new: FieldValue) -> Patch:
    """Replace only the span of `value` with `new`, keeping the style where it fits."""
    if is_empty(value):
        colon = doc.colon_after(key)
        return Patch(colon + 1, colon + 1, " " + _inline(new))
    if isinstance(value, yaml.ScalarNode) and value.style in {"|", ">"} and isinstance(new, str):
        end = doc.line_end(doc.last_line(value))
        block = block_scalar(new, value.style, _block_scalar_indent(doc, key, value))
        if block is not None:
            return Patch(value.start_mark.index, end, block)
        return Patch(value.start_mark.index, end, _inline(new))
    if (
        isinstance(value, yaml.SequenceNode)
        and not value.flow_style
        and value.value
        and isinstance(new, list)
    ):
        dash = doc.dash(value.value[0])
        column = dash - doc.line_start(doc.line_of(dash))
        items = [f"- {inline_scalar(item)}" for item in new]
        return Patch(dash, doc.content_end(value), ("\n" + " " * column).join(items))
    if isinstance(value, yaml.ScalarNode):
        return Patch(value.start_mark.index, value.end_mark.index, _inline(new, value.style))
    return Patch(value.start_mark.index, doc.content_end(value), _inline(new))


def _remove_pair(doc: Document, mapping: yaml.MappingNode, at: int) -> Patch:
    """Delete a key and its value: its whole lines, or, on a `- key:` line, up to the next key."""
    key, value = mapping.value[at]
    if doc.starts_line(key.start_mark.index):
        first = doc.line_of(key.start_mark.index)
        last = doc.trailing_comments(max(doc.last_line(value), first), key.start_mark.column)
        return Patch(doc.line_start(first), doc.after_line(last), "")
    if at + 1 < len(mapping.value):
        return Patch(key.start_mark.index, mapping.value[at + 1][0].start_mark.index, "")
    raise EditRefused("cannot remove the only key of a claim")


def _set_key(doc: Document, mapping: yaml.MappingNode, key: str, new: FieldValue) -> list[Patch]:
    """Patches setting `key` to `new` in a claim (None or [] removes the key)."""
    at = find_key(mapping, key)
    remove = new is None or (isinstance(new, list) and not new)
    if at is None:
        if remove:
            return []
        indent = " " * mapping.start_mark.column
        return [_insert_lines(doc, doc.last_line(mapping), [f"{indent}{key}: {_inline(new)}"])]
    if remove:
        return [_remove_pair(doc, mapping, at)]
    key_node, value = mapping.value[at]
    return [_replace_value(doc, key_node, value, new)]


# --- checking the result -------------------------------------------------------------------


def _validated(before: str, after: str, name: str) -> LoadedDebate:
    loaded = load_text(after, name)
    if loaded.ok:
        return loaded
    errors = loaded.errors
    original = load_text(before, name)
    if not original.ok:
        raise EditRefused(
            f"{name} has errors already; fix them first ({len(original.errors)} found)",
            original.errors,
        )
    first = errors[0].message if errors else "it would not load"
    raise EditRefused(f"the edit would make the debate invalid: {first}", errors)


def _claim_at(debate: Debate, path: KeyPath) -> Claim:
    holder: Any = debate
    for part in path:
        holder = holder[part] if isinstance(part, int) else getattr(holder, str(part))
    if not isinstance(holder, Claim):
        raise EditRefused("internal error: the edited claim moved")
    return holder


def _current(loaded: LoadedDebate, path: KeyPath) -> Claim | None:
    if loaded.debate is None:
        return None
    try:
        return _claim_at(loaded.debate, path)
    except (EditRefused, IndexError, AttributeError):
        return None


_UNKNOWN = object()


def _written(node: yaml.Node) -> object:
    """The value a key holds as written: text, a whole number or a list of texts."""
    if isinstance(node, yaml.SequenceNode):
        items = [str_value(item) for item in node.value]
        return items if all(i is not None for i in items) else _UNKNOWN
    text = str_value(node)
    if text is not None:
        return text
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:int":
        return int(node.value) if str(node.value).isdigit() else _UNKNOWN
    return _UNKNOWN


def _field_value(claim: Claim, field_name: str) -> FieldValue:
    value = getattr(claim, field_name)
    if isinstance(value, Kind):
        return value.value
    if isinstance(value, list):
        return [str(v) for v in value]
    return value  # type: ignore[no-any-return]


def _normalised(field_name: str, value: FieldValue) -> FieldValue:
    """The value as the loaded claim will hold it, to compare after writing."""
    if field_name in {"tags", "sources"}:
        return list(value) if isinstance(value, list) else []
    if field_name == "kind" and value is None:
        return Kind.CLAIM.value
    return value


def _claim_ids(debate: Debate | None) -> tuple[set[str], int]:
    """The written ids of a debate's claims, and how many claims it has."""
    if debate is None:
        return set(), 0
    ids: set[str] = set()
    count = 0
    stack: list[Claim] = [*debate.pro, *debate.con]
    while stack:
        claim = stack.pop()
        count += 1
        if claim.id:
            ids.add(claim.id)
        stack.extend(claim.rebuttals)
        stack.extend(claim.support)
    return ids, count


def _line_of(loaded: LoadedDebate, path: KeyPath) -> int:
    return loaded.positions.at(path)[0]


# --- operations ----------------------------------------------------------------------------


def _new_claim_lines(
    dash_col: int, key_col: int, claim_text: str, new_id: str | None, kind: str | None
) -> list[str]:
    fields = []
    if new_id is not None:
        fields.append(f"id: {inline_scalar(new_id)}")
    fields.append(f"text: {inline_scalar(claim_text)}")
    if kind is not None:
        fields.append(f"kind: {inline_scalar(kind)}")
    first = " " * dash_col + "-" + " " * max(key_col - dash_col - 1, 1) + fields[0]
    return [first] + [" " * key_col + f for f in fields[1:]]


def _append_claim(
    doc: Document,
    holder: yaml.MappingNode,
    key: str,
    claim_text: str,
    new_id: str | None,
    kind: str | None,
) -> tuple[list[Patch], int]:
    """Patches appending a claim to the list `key` of `holder`; also the new item's index."""
    dash_offset, key_offset = doc.claim_style()
    at = find_key(holder, key)
    if at is None:
        column = holder.start_mark.column
        lines = [" " * column + f"{key}:"]
        lines += _new_claim_lines(
            column + dash_offset, column + dash_offset + key_offset, claim_text, new_id, kind
        )
        return [_insert_lines(doc, doc.last_line(holder), lines)], 0
    key_node, seq = holder.value[at]
    column = key_node.start_mark.column
    if isinstance(seq, yaml.SequenceNode) and not seq.flow_style and seq.value:
        last = seq.value[-1]
        dash = doc.dash(last)
        dash_col = dash - doc.line_start(doc.line_of(dash))
        key_col = dash_col + key_offset
        if doc.line_of(last.start_mark.index) == doc.line_of(dash):
            key_col = last.start_mark.column
        end = doc.trailing_comments(doc.last_line(last), dash_col)
        lines = _new_claim_lines(dash_col, key_col, claim_text, new_id, kind)
        return [_insert_lines(doc, end, lines)], len(seq.value)
    lines = _new_claim_lines(
        column + dash_offset, column + dash_offset + key_offset, claim_text, new_id, kind
    )
    if isinstance(seq, yaml.SequenceNode) and seq.flow_style and not seq.value:
        # `rebuttals: []` becomes `rebuttals:` with the new claim below it.
        colon = doc.colon_after(key_node)
        key_line = doc.line_of(seq.end_mark.index - 1)
        return [
            Patch(colon + 1, seq.end_mark.index, ""),
            _insert_lines(doc, key_line, lines),
        ], 0
    if is_empty(seq):
        return [_insert_lines(doc, doc.line_of(key_node.start_mark.index), lines)], 0
    if isinstance(seq, yaml.SequenceNode) and seq.flow_style:
        raise EditRefused(
            f"`{key}` is written in flow style ([...]); argmap adds claims only to lists "
            "written as indented blocks, so edit this one by hand"
        )
    raise EditRefused(f"`{key}` at line {key_node.start_mark.line + 1} is not a list")


def _checked_text(claim_text: str) -> str:
    if not claim_text.strip():
        raise EditRefused("a claim's text must not be empty")
    return claim_text


def _finish_add(
    doc: Document,
    patches: list[Patch],
    name: str,
    path: KeyPath,
    claim_id: str,
    claim_text: str,
    kind: str | None,
    what: str,
) -> Edit:
    after = apply_patches(doc.text, patches)
    loaded = _validated(doc.text, after, name)
    claim = _current(loaded, path)
    if (
        claim is None
        or claim.text != claim_text
        or (kind is not None and claim.kind.value != kind)
        or (claim.id or claim_id) != claim_id
    ):
        raise EditRefused("internal error: the new claim did not read back as written")
    line = _line_of(loaded, path)
    return Edit(doc.text, after, claim_id, line, what)


def add_child(
    text: str,
    under: str,
    relation: ChildRelation,
    claim_text: str,
    *,
    new_id: str | None = None,
    kind: str | None = None,
    name: str = "<text>",
) -> Edit:
    """Add a rebuttal or a support as the last of its kind under the claim `under`."""
    try:
        doc = Document(text)
        parent = find_claim(doc, under)
        mapping = _block_mapping(parent)
        key, letter = CHILD_KEYS[0] if relation == "rebuttal" else CHILD_KEYS[1]
        at = find_key(mapping, key)
        _not_shared(doc, parent, mapping.value[at][1] if at is not None else None)
        _check_new_id(doc, new_id)
        patches, index = _append_claim(doc, mapping, key, _checked_text(claim_text), new_id, kind)
    except UnwritableValue as exc:
        raise EditRefused(str(exc)) from exc
    claim_id = new_id or child_id(parent.id, letter, index)
    return _finish_add(
        doc,
        patches,
        name,
        (*parent.key_path, key, index),
        claim_id,
        claim_text,
        kind,
        f"added {relation} '{claim_id}' under '{parent.id}'",
    )


def add_top_level(
    text: str,
    side: str,
    claim_text: str,
    *,
    new_id: str | None = None,
    kind: str | None = None,
    name: str = "<text>",
) -> Edit:
    """Add a claim for (`pro`) or against (`con`) the motion, as the last of its side."""
    if side not in SIDES:
        raise EditRefused(f"side must be 'pro' or 'con', not '{side}'")
    try:
        doc = Document(text)
        at = find_key(doc.root, side)
        if at is not None and id(doc.root.value[at][1]) in doc.shared:
            line = doc.root.value[at][1].start_mark.line + 1
            raise EditRefused(
                f"`{side}` is a YAML alias of the anchor at line {line}, so adding to it "
                "would add to every place that uses it; edit the file by hand"
            )
        _check_new_id(doc, new_id)
        patches, index = _append_claim(doc, doc.root, side, _checked_text(claim_text), new_id, kind)
    except UnwritableValue as exc:
        raise EditRefused(str(exc)) from exc
    claim_id = new_id or top_level_id(side, index)
    return _finish_add(
        doc,
        patches,
        name,
        (side, index),
        claim_id,
        claim_text,
        kind,
        f"added {side} claim '{claim_id}'",
    )


def set_fields(
    text: str,
    claim_id: str,
    changes: Mapping[str, FieldValue],
    *,
    name: str = "<text>",
) -> Edit:
    """Change fields of a claim: `text`, `kind`, `tags`, `sources`, `note`, `weight`.

    A value of None (or an empty list) removes the key; `text` cannot be removed. Only the
    spans of the values that change are rewritten; absent keys are added after the
    claim's last key, at its indentation.
    """
    unknown = sorted(set(changes) - set(EDITABLE_FIELDS))
    if unknown:
        raise EditRefused(
            f"cannot set {', '.join(unknown)}; editable fields: {', '.join(EDITABLE_FIELDS)}"
        )
    if "text" in changes:
        value = changes["text"]
        if not isinstance(value, str) or not value.strip():
            raise EditRefused("a claim's text must not be empty")
    doc = Document(text)
    site = find_claim(doc, claim_id)
    mapping = _block_mapping(site)
    _not_shared(
        doc,
        site,
        *(value for key, value in mapping.value if getattr(key, "value", None) in changes),
    )
    patches: list[Patch] = []
    changed: list[str] = []
    try:
        for field_name in EDITABLE_FIELDS:
            if field_name not in changes:
                continue
            new = changes[field_name]
            at = find_key(mapping, field_name)
            removing = new is None or new == []
            if (at is None and removing) or (
                at is not None and _written(mapping.value[at][1]) == new and not removing
            ):
                continue  # already so; leave its bytes alone
            patches.extend(_set_key(doc, mapping, field_name, new))
            changed.append(field_name)
    except UnwritableValue as exc:
        raise EditRefused(str(exc)) from exc
    if not patches:
        line = site.node.start_mark.line + 1
        return Edit(text, text, site.id, line, f"'{site.id}' already says that; nothing changed")
    after = apply_patches(text, patches)
    loaded = _validated(text, after, name)
    claim = _current(loaded, site.key_path)
    if claim is None or any(_field_value(claim, f) != _normalised(f, changes[f]) for f in changed):
        raise EditRefused("internal error: the change did not read back as written")
    line = _line_of(loaded, site.key_path)
    words = []
    for field_name in changed:
        removed = changes[field_name] is None or changes[field_name] == []
        words.append(f"removed {field_name}" if removed else f"set {field_name}")
    return Edit(text, after, site.id, line, f"{', '.join(words)} of '{site.id}'")


def links_to(doc: Document, removed: set[str]) -> list[tuple[ClaimSite, str, list[str]]]:
    """Claims outside `removed` whose `also_rebuts` / `also_supports` name a removed id."""
    found = []
    for site in doc.order:
        mapping = site.mapping
        if site.id in removed or mapping is None:
            continue
        for key in LINK_KEYS:
            at = find_key(mapping, key)
            if at is None or not isinstance(mapping.value[at][1], yaml.SequenceNode):
                continue
            targets = [str_value(n) for n in mapping.value[at][1].value]
            if any(t in removed for t in targets if t is not None):
                found.append((site, key, [t for t in targets if t is not None]))
    return found


def remove_claim(text: str, claim_id: str, *, force: bool = False, name: str = "<text>") -> Edit:
    """Remove a claim with everything below it, and its leading comment lines.

    Refused when claims outside it link to it (or to a claim below it) through
    `also_rebuts` / `also_supports`, unless `force`, which removes those links too. When the
    claim was the last of its list, `rebuttals:` / `support:` goes with it, and `pro:` /
    `con:` becomes `pro: []` / `con: []`.
    """
    doc = Document(text)
    site = find_claim(doc, claim_id)
    _not_shared(doc, site)
    if site.seq.flow_style:
        raise EditRefused(
            f"claim '{site.id}' is in a list written in flow style ([...]); edit it by hand"
        )
    subtree = doc.subtree(site)
    removed = {s.id for s in subtree if s.explicit}
    linkers = links_to(doc, removed)
    if linkers and not force:
        named = "; ".join(
            f"'{s.id}' (line {s.node.start_mark.line + 1}) {key}"
            f" {', '.join(t for t in targets if t in removed)}"
            for s, key, targets in linkers
        )
        raise EditRefused(
            f"other claims link to '{site.id}' or below it: {named}; remove those links "
            "first, or force the removal to take them out too",
            links_block_removal=True,
        )
    first, last = doc.item_region(site)
    patches: list[Patch] = []
    if len(site.seq.value) == 1:
        key = str(site.seq_key.value)
        if key in SIDES:
            colon = doc.colon_after(site.seq_key)
            patches.append(Patch(colon + 1, colon + 1, " []"))
            patches.append(Patch(doc.line_start(first), doc.after_line(last), ""))
        else:
            at = find_key(site.holder, key)
            if at is None:  # pragma: no cover - the index found the key
                raise EditRefused("internal error: the claim's list has no key")
            patches.append(_remove_pair(doc, site.holder, at))
    else:
        if (
            first > 0
            and doc.is_blank(first - 1)
            and last + 1 < doc.line_count
            and doc.is_blank(last + 1)
        ):
            last += 1  # keep one blank line where the claim stood between two
        elif site.seq.value[0] is site.node:
            # The first item goes with the blank lines that set it apart from the next,
            # so the list does not start with a gap under its key.
            while last + 1 < doc.line_count and doc.is_blank(last + 1):
                last += 1
        patches.append(Patch(doc.line_start(first), doc.after_line(last), ""))
    for linker, key, targets in linkers:
        mapping = linker.mapping
        if mapping is not None:
            kept = [t for t in targets if t not in removed]
            patches.extend(_set_key(doc, mapping, key, kept))
    after = apply_patches(text, patches)
    loaded = _validated(text, after, name)
    left, count = _claim_ids(loaded.debate)
    if removed & left or count != len(doc.order) - len(subtree):
        raise EditRefused("internal error: the claims left are not the ones expected")
    below = len(subtree) - 1
    summary = f"removed '{site.id}'"
    if below:
        summary += f" and {below} claim{'s' * (below != 1)} below it"
    if linkers:
        summary += f", and its links from {', '.join(sorted({s.id for s, _, _ in linkers}))}"
    line = doc.line_of(doc.dash(site.node)) + 1
    return Edit(text, after, site.id, line, summary)
