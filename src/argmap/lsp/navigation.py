"""Go to definition, find references and rename, across the debates of one folder.

A claim id is defined by its `id:` and used in `also_rebuts`, `also_supports`, `expect`
and, from other debates, in `see: debate-id:claim-id` links; a source id is defined in
`sources` and cited by claims of the same debate; a debate id is used by `see` links.
Rename rewrites exactly those tokens (nothing else in any file changes) as one
workspace edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from lsprotocol import types
from pygls.exceptions import JsonRpcException

from argmap.locate import Role, TextIndex, Token
from argmap.lsp.documents import Documents
from argmap.lsp.positions import ClientPositions
from argmap.model import MOTION_ID, SLUG_RE
from argmap.safetext import printable


class Refused(JsonRpcException):
    """A request argmap declines, with the reason the editor shows (LSP RequestFailed)."""

    CODE = -32803
    MESSAGE = "Request failed"


@dataclass(frozen=True, slots=True)
class Target:
    """What the cursor names: a claim or source of a debate, or a debate."""

    kind: Literal["claim", "source", "debate"]
    debate: str
    value: str
    token: Token | None
    uri: str


def target_at(docs: Documents, uri: str, position: types.Position, encoding: str) -> Target | None:
    """What the token under the cursor names, or None."""
    index = docs.index(uri)
    analysis = docs.current(uri)
    if index is None or analysis is None:
        return None
    offset = ClientPositions(index.text, encoding).offset(position)
    token = index.token_at(offset)
    here = analysis.debate_id
    if token is None:
        place = index.claim_at(offset)
        if place is None:
            return None
        return Target("claim", here, place.id, None, uri)
    if token.role in (Role.CLAIM_ID, Role.CLAIM_REF):
        return Target("claim", here, token.value, token, uri)
    if token.role is Role.TEXT and token.claim is not None:
        return Target("claim", here, token.claim, token, uri)
    if token.role in (Role.SOURCE_ID, Role.SOURCE_REF):
        return Target("source", here, token.value, token, uri)
    if token.role is Role.SEE_CLAIM and token.debate is not None:
        return Target("claim", token.debate, token.value, token, uri)
    if token.role in (Role.SEE_DEBATE, Role.DEBATE_ID):
        return Target("debate", token.value, token.value, token, uri)
    return None


def _location(uri: str, index: TextIndex, start: int, end: int, encoding: str) -> types.Location:
    return types.Location(uri, ClientPositions(index.text, encoding).range(start, end))


def definition(docs: Documents, target: Target, encoding: str) -> types.Location | None:
    """Where the target is defined, in this file or another debate of the folder."""
    for uri, debate_id, index in docs.folder(target.uri):
        if debate_id != target.debate:
            continue
        if target.kind == "claim":
            span = index.definition(target.value)
            if span is not None:
                return _location(uri, index, *span, encoding)
        elif target.kind == "source":
            token = index.sources.get(target.value)
            if token is not None:
                return _location(uri, index, token.start, token.end, encoding)
        else:
            own = next((t for t in index.tokens if t.role is Role.DEBATE_ID), None)
            if own is not None:
                return _location(uri, index, own.start, own.end, encoding)
            return _location(uri, index, 0, 0, encoding)
    return None


def _tokens(
    docs: Documents, target: Target, include_declaration: bool
) -> list[tuple[str, TextIndex, Token]]:
    found: list[tuple[str, TextIndex, Token]] = []
    for uri, debate_id, index in docs.folder(target.uri):
        own = debate_id == target.debate
        if target.kind == "claim":
            if own:
                place = index.claims.get(target.value)
                if include_declaration and place is not None and place.id_token is not None:
                    found.append((uri, index, place.id_token))
                found.extend((uri, index, t) for t in index.claim_uses(target.value))
            found.extend((uri, index, t) for t in index.see_links(target.debate, target.value))
        elif target.kind == "source":
            if own and uri == target.uri:
                token = index.sources.get(target.value)
                if include_declaration and token is not None:
                    found.append((uri, index, token))
                found.extend((uri, index, t) for t in index.source_uses(target.value))
        else:
            if own and include_declaration:
                found.extend((uri, index, t) for t in index.tokens if t.role is Role.DEBATE_ID)
            found.extend((uri, index, t) for t in index.see_links(target.value))
    return found


def references(
    docs: Documents, target: Target, include_declaration: bool, encoding: str
) -> list[types.Location]:
    """Every place that names the target, in text order per file."""
    return [
        _location(uri, index, token.start, token.end, encoding)
        for uri, index, token in _tokens(docs, target, include_declaration)
    ]


def prepare_rename(docs: Documents, target: Target, encoding: str) -> types.PrepareRenameResult:
    """The range and current name of what would be renamed; refuses what cannot be."""
    _check_renamable(docs, target)
    index = docs.index(target.uri)
    token = target.token
    if index is None or token is None or token.role is Role.TEXT:
        raise Refused("put the cursor on the id to rename it")
    return types.PrepareRenamePlaceholder(
        range=ClientPositions(index.text, encoding).range(token.start, token.end),
        placeholder=token.value,
    )


def _check_renamable(docs: Documents, target: Target) -> TextIndex:
    if target.kind == "debate":
        raise Refused("debate ids are not renamed here; change the `id:` and its links by hand")
    if target.value == MOTION_ID:
        raise Refused("the motion's id cannot be renamed")
    current = docs.current(target.uri)
    if current is None or current.index is None:
        raise Refused("the file is not valid YAML right now; fix that first")
    for _, debate_id, index in docs.folder(target.uri):
        if debate_id != target.debate:
            continue
        if target.kind == "source" and target.value in index.sources:
            return index
        place = index.claims.get(target.value) if target.kind == "claim" else None
        if place is not None:
            if not place.explicit:
                raise Refused(
                    f"'{printable(target.value, one_line=True)}' is a generated id; "
                    "give the claim an id first (code action: add an id)"
                )
            return index
    raise Refused(f"no {target.kind} '{printable(target.value, one_line=True)}' to rename")


def rename(docs: Documents, target: Target, new_name: str, encoding: str) -> types.WorkspaceEdit:
    """One workspace edit that renames the id everywhere it is named, and nowhere else."""
    index = _check_renamable(docs, target)
    if not SLUG_RE.match(new_name):
        raise Refused(
            f"'{printable(new_name, one_line=True)}' is not an id: use lowercase letters, "
            "digits, '-' and '_', starting with a letter or digit"
        )
    taken = set(index.sources) if target.kind == "source" else set(index.claims) | {MOTION_ID}
    if new_name != target.value and new_name in taken:
        raise Refused(f"the id '{new_name}' is already used in this debate")
    changes: dict[str, list[types.TextEdit]] = {}
    for uri, text_index, token in _tokens(docs, target, include_declaration=True):
        changes.setdefault(uri, []).append(
            types.TextEdit(
                ClientPositions(text_index.text, encoding).range(token.start, token.end), new_name
            )
        )
    return types.WorkspaceEdit(changes=changes)
