"""Hover: what a claim is (side, kind, id), whether it stands and why, and its text.

Everything shown comes from the file, so every piece passes through `printable` (control
characters made visible) and is escaped for Markdown: a claim that says `[1AC]` or
`<b>` or `**` shows those characters, never markup.
"""

from __future__ import annotations

import re

from lsprotocol import types

from argmap.graph import ArgumentGraph, Relation
from argmap.load import LoadedDebate
from argmap.locate import ClaimPlace, Role
from argmap.lsp.documents import Documents
from argmap.lsp.navigation import Target
from argmap.lsp.positions import ClientPositions
from argmap.model import MOTION_ID
from argmap.reading import explain_strength
from argmap.safetext import printable
from argmap.semantics import Labelling, explain, grounded
from argmap.strength import Weighing, weigh
from argmap.verdict import debate_verdict

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~&$])")
_EXPECTED = frozenset({"standing", "defeated", "undecided"})
_RELATION = {
    Relation.REBUTS: "rebuts",
    Relation.SUPPORTS: "supports",
    Relation.UNDERCUTS: "undercuts",
}


def escape(text: str) -> str:
    """Text from a file, safe to put into Markdown: control characters shown as escapes,
    every Markdown and HTML special character backslash-escaped, one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", printable(text, one_line=True))


def quote(text: str) -> str:
    """A claim's text as a Markdown block quote, its own line breaks kept."""
    return "\n".join(
        "> " + _MARKDOWN_SPECIAL.sub(r"\\\1", printable(line)) for line in text.splitlines()
    )


def _code(value: str) -> str:
    # Ids are slugs, but a reference can be anything the author typed.
    shown = printable(value, one_line=True).replace("`", "'")
    return f"`{shown}`"


def claim_markdown(
    graph: ArgumentGraph, labels: Labelling, claim_id: str, weighing: Weighing | None = None
) -> str:
    """The hover text of a claim (or the motion) of a valid debate: what it is, its label
    and why, its gradual strength and what moved it, and its text."""
    node = graph.node(claim_id)
    verdict, _, reason = explain(graph, labels, claim_id, show_ids=True).partition(": ")
    if node.is_motion:
        head = f"**motion** of {_code(graph.debate.id or '')}"
    else:
        side = node.side.value if node.side else ""
        what = node.kind.value
        if node.relation is not None and node.parent is not None and node.parent != MOTION_ID:
            what += f", {_RELATION[node.relation]} {_code(node.parent)}"
        head = f"**{side}** {escape(what)} {_code(claim_id)}"
    parts = [head, f"**{verdict}**: {escape(reason)}"]
    if node.claim is not None and node.claim.scheme:
        parts.append(f"**scheme**: {escape(node.claim.scheme)}")
    if weighing is not None:
        if node.is_motion:
            # The verdict first; the motion's grounded label is the strict reading after it.
            reading = debate_verdict(graph, labels, weighing)
            lines = reading.lines(graph, show_ids=True)
            parts.insert(1, f"**verdict**: {escape(lines[0])}")
            parts[2] = f"**strict reading** ({verdict}): {escape(reason)}"
            parts += [escape(line) for line in lines[1:]]
        parts.append(escape(explain_strength(graph, weighing, claim_id, show_ids=True)))
    parts.append(quote(node.text))
    return "\n\n".join(parts)


def _place_markdown(place: ClaimPlace, why: str) -> str:
    head = f"**{place.side}** claim {_code(place.id)}"
    return "\n\n".join([head, f"*{escape(why)}*", quote(place.text)])


def _labelled(loaded: LoadedDebate) -> tuple[ArgumentGraph, Labelling, Weighing] | None:
    if not loaded.ok:
        return None
    graph = loaded.graph
    labels = grounded(graph)
    return graph, labels, weigh(graph, labels)


def hover(docs: Documents, target: Target, encoding: str) -> types.Hover | None:
    """The hover for the token or claim under the cursor."""
    index = docs.index(target.uri)
    if index is None:
        return None
    span = None
    if target.token is not None:
        span = ClientPositions(index.text, encoding).range(target.token.start, target.token.end)
    markdown = _markdown(docs, target)
    if markdown is None:
        return None
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=markdown),
        range=span,
    )


def _markdown(docs: Documents, target: Target) -> str | None:
    here = docs.current(target.uri)
    if here is None:
        return None
    if target.debate == here.debate_id:
        valid = docs.valid(target.uri)
        loaded = valid.loaded if valid is not None else None
        labels = valid.labels if valid is not None else None
        if target.kind == "source":
            return _source_markdown(loaded, target.value)
        if loaded is not None and labels is not None and target.value in loaded.graph:
            weighing = valid.weighing if valid is not None else None
            markdown = claim_markdown(loaded.graph, labels, target.value, weighing)
            token = target.token
            if token is not None and token.role is Role.CLAIM_REF and token.key in _EXPECTED:
                # An exercise's `expect:` entry: say whether the debate meets it.
                actual = labels[target.value].value
                met = "met" if actual == token.key else f"not met: it is {actual}"
                markdown = f"`expect` {token.key}: **{met}**\n\n" + markdown
            return markdown
        index = docs.index(target.uri)
        place = index.claims.get(target.value) if index is not None else None
        if place is not None:
            return _place_markdown(place, "no label yet: this version has not loaded cleanly")
        return None
    for neighbour in docs.neighbours(target.uri):
        if neighbour.debate_id != target.debate:
            continue
        labelled = _labelled(neighbour.loaded)
        if labelled is None:
            return f"debate {_code(target.debate)} has errors"
        graph, labels, weighing = labelled
        if target.kind == "debate":
            debate = graph.debate
            return "\n\n".join(
                [
                    f"**{escape(debate.title)}** ({_code(target.debate)})",
                    f"**verdict**: {escape(debate_verdict(graph, labels, weighing).line(graph))}",
                    quote(debate.motion),
                ]
            )
        if target.value in graph:
            return claim_markdown(graph, labels, target.value, weighing)
        return None
    return None


def _source_markdown(loaded: LoadedDebate | None, source_id: str) -> str | None:
    if loaded is None or loaded.debate is None:
        return f"source {_code(source_id)}"
    for source in loaded.debate.sources:
        if source.id == source_id:
            parts = [f"**source** {_code(source_id)}: {escape(source.title)}"]
            if source.url:
                parts.append(escape(source.url))
            if source.note:
                parts.append(quote(source.note))
            return "\n\n".join(parts)
    return None
