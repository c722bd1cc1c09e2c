"""The words on slides and in speaker notes: safe text, claim lines, notes, breadcrumbs."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from argmap.export.dot import shorten
from argmap.graph import ArgumentGraph
from argmap.model import Side
from argmap.reading import label_and_strength, name
from argmap.safetext import printable
from argmap.semantics import Labelling, explain
from argmap.strength import Weighing

_XML_UNUSABLE = re.compile("[\ud800-\udfff\ufffe\uffff]")


def plain(text: str) -> str:
    """File text made safe for a slide or its notes: control characters shown as escapes."""
    return _XML_UNUSABLE.sub("\ufffd", printable(text))


def side_word(graph: ArgumentGraph, claim_id: str) -> str:
    """PRO or CON: the side of a claim, as slides name it."""
    side = graph.nodes[claim_id].side
    return "PRO" if side is Side.PRO else "CON"


def title_text(text: str, limit: int) -> str:
    """`text` on one line in at most `limit` characters, cut after a whole word with "…"
    (mid-word only when its first word alone is longer than `limit`)."""
    words = " ".join(text[: limit * 4].split())
    if len(words) <= limit and len(text) <= limit * 4:
        return words
    cut = words[: limit - 1]
    if words[limit - 1 : limit] != " ":  # the cut falls inside a word: drop that word
        space = cut.rfind(" ")
        if space > 0:
            cut = cut[:space]
    return cut.rstrip(" ,;:.-–—·") + "…"


def claim_line(graph: ArgumentGraph, claim_id: str, limit: int = 70) -> str:
    """`+ text…` (pro) or `− text…` (con), shortened to fit a line of a text slide."""
    mark = "+" if graph.nodes[claim_id].side is Side.PRO else "−"
    return f"{mark} {shorten(plain(graph.nodes[claim_id].text), limit)}"


def claim_notes(
    graph: ArgumentGraph, labels: Labelling, claim_id: str, weighing: Weighing | None = None
) -> str:
    """A claim for the speaker: full text, label and its reason, sources and note; with
    `weighing`, its strength, and a sentence where label and strength seem to disagree."""
    node = graph.nodes[claim_id]
    if node.is_motion:
        head = "MOTION"
    else:
        head = f"{side_word(graph, claim_id)} {node.kind.value} {plain(name(graph, claim_id))}"
    lines = [f"{head} ({labels[claim_id].value})", plain(node.text)]
    lines.append("Why: " + plain(explain(graph, labels, claim_id)))
    if weighing is not None and not node.is_motion:
        lines.append(f"Strength: {weighing.strength(claim_id):.2f}")
        note = label_and_strength(graph, labels, weighing, claim_id)
        if note:
            lines.append(plain(note))
    if node.claim is not None:
        sources = {s.id: s for s in graph.debate.sources}
        cited = []
        for source_id in node.claim.sources:
            source = sources.get(source_id)
            if source is None:
                continue
            host = urlsplit(source.url).hostname if source.url else None
            cited.append(plain(source.title) + (f", at {plain(host)}" if host else ""))
        if cited:
            lines.append(f"{'Source' if len(cited) == 1 else 'Sources'}: " + "; ".join(cited))
        if node.claim.note:
            lines.append("Note: " + plain(spoken(graph, node.claim.note)))
        if node.claim.see:
            lines.append("See also: " + ", ".join(plain(ref) for ref in node.claim.see))
    return "\n".join(lines)


#: A quoted claim id ('id' or `id`): ids have no spaces, so prose in quotes is left alone.
_QUOTED = re.compile(r"(['`])([\w.:-]{1,200})\1")


def spoken(graph: ArgumentGraph, sentence: str) -> str:
    """An author's note as a speaker says it: each quoted claim id named by the short form
    of its text (argmap's own sentences already name claims so)."""

    def named(match: re.Match[str]) -> str:
        claim_id = match.group(2)
        return name(graph, claim_id) if claim_id in graph.nodes else match.group(0)

    return _QUOTED.sub(named, sentence)


def slide_notes(
    graph: ArgumentGraph,
    labels: Labelling,
    claims: Iterable[str],
    weighing: Weighing | None = None,
) -> str:
    """Speaker notes for the claims of a slide, one paragraph each."""
    return "\n\n".join(claim_notes(graph, labels, c, weighing) for c in claims)


def breadcrumb(graph: ArgumentGraph, claim_id: str, limit: int = 96) -> str:
    """`Motion › first claim… › next claim…`: the way back from a slide's root."""
    path = graph.path_from_motion(claim_id)[:-1]
    parts = ["Motion: " + shorten(plain(graph.motion.text), 60)]
    parts += [shorten(plain(node.text), 26) for node in path[1:]]
    crumb = " › ".join(parts)
    while len(crumb) > limit and len(parts) > 2:
        # Keep the motion and the nearest claims; elide from the second on.
        parts = [parts[0], "…", *parts[3:]] if parts[1] == "…" else [parts[0], "…", *parts[2:]]
        crumb = " › ".join(parts)
    return crumb
