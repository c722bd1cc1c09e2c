"""Write a debate in Kialo's classic plain-text layout, which `argmap.interop.kialo` reads."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from argmap.interop.kialo_order import Link, plan
from argmap.model import MOTION_ID

if TYPE_CHECKING:
    from argmap.graph import ArgumentGraph

# What the importer unescapes; escaping these (and the backslash) keeps any text exact.
_EXPORT_SPECIAL = re.compile(r"([\\\[\]()`*_])")
_LINE_START = re.compile(r"^(\s*)(\d+)\.")


def _kialo_text(text: str, footnotes: list[int]) -> str:
    """Claim text as Kialo lines: markup characters escaped, nothing read as structure."""
    lines = []
    for line in text.strip().split("\n"):
        line = _EXPORT_SPECIAL.sub(r"\\\1", line.strip())
        # A line that would start a claim, a link or the Sources section stays text.
        line = _LINE_START.sub(r"\1\2\\.", line)
        if line.startswith("->"):
            line = "\\" + line
        if line == "Sources:":
            line = "Sources\\:"
        lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    marks = "".join(f" [{n}]" for n in footnotes)
    return "\n".join(lines) + marks


def export_kialo(graph: ArgumentGraph) -> tuple[str, list[str]]:
    """The debate in Kialo's classic plain-text layout, and what Kialo cannot hold.

    The motion is the thesis `1.`; each claim is `1.x.y. Pro:` (support) or `Con:` (a
    rebuttal or undercut) under its parent's number (claims imported from Kialo keep theirs);
    a cross-link is a link entry `-> See 1.x.y.` under the claim it answers, after the claim
    it names. Sources with a URL become footnotes in a `Sources:` section that claims cite
    as `[N]`.
    """
    from argmap.graph import Relation
    from argmap.interop.aif import id_list
    from argmap.model import Kind

    debate = graph.debate
    footnote_of: dict[str, int] = {}
    for source in debate.sources:
        if source.url and not any(c.isspace() for c in source.url):
            footnote_of[source.id] = len(footnote_of) + 1
    lines = [f"Discussion Title: {' '.join(debate.title.split())}", ""]
    lines.append(f"1. {_kialo_text(graph.motion.text, [])}")
    lost: dict[str, list[str]] = {}

    def note(what: str, claim_id: str) -> None:
        lost.setdefault(what, []).append(claim_id)

    # Cross-links become link entries under the claim they answer; `plan` numbers the
    # claims (keeping Kialo's numbers where the claims came from Kialo) and orders siblings
    # so that every link entry comes after the claim it names.
    links: list[Link] = []
    for node in graph.claims():
        assert node.claim is not None
        links.extend(Link(node.id, target, "Pro") for target in node.claim.also_supports)
        links.extend(Link(node.id, target, "Con") for target in node.claim.also_rebuts)
    layout = plan(graph, links)
    number = layout.number
    work: list[tuple[str, bool]] = [(c, False) for c in reversed(layout.children[MOTION_ID])]
    while work:
        claim_id, links_only = work.pop()
        node = graph.nodes[claim_id]
        if links_only:
            lines.extend(
                f"{entry}. {link.stance}: -> See {number[link.source]}."
                for entry, link in layout.links[claim_id]
            )
            continue
        claim = node.claim
        assert claim is not None and node.relation is not None
        stance = "Pro" if node.relation is Relation.SUPPORTS else "Con"
        if node.relation is Relation.UNDERCUTS:
            note("undercuts (written as plain Con claims)", claim_id)
        if claim.weight is not None:
            note("weights", claim_id)
        if claim.kind is not Kind.CLAIM:
            note("kinds (evidence, proposal)", claim_id)
        if claim.tags:
            note("tags", claim_id)
        if claim.note:
            note("notes", claim_id)
        if claim.scheme:
            note("argumentation schemes", claim_id)
        if claim.see:
            note("`see` links into other debates", claim_id)
        if any(s not in footnote_of for s in claim.sources):
            note("sources without a URL (a Kialo footnote needs one)", claim_id)
        marks = [footnote_of[s] for s in claim.sources if s in footnote_of]
        lines.append(f"{number[claim_id]}. {stance}: {_kialo_text(node.text, marks)}")
        if claim_id in layout.links:
            work.append((claim_id, True))
        work.extend((c, False) for c in reversed(layout.children[claim_id]))
    if footnote_of:
        lines.extend(["", "Sources:"])
        for source in debate.sources:
            if source.id in footnote_of:
                title = " ".join(source.title.split())
                lines.append(f"[{footnote_of[source.id]}] {source.url} {title}".rstrip())
                if source.note:
                    lines.extend(
                        _EXPORT_SPECIAL.sub(r"\\\1", line.strip())
                        for line in source.note.strip().split("\n")
                        if line.strip()
                    )
    losses = [f"Kialo has no place for {what}: {id_list(ids)}" for what, ids in lost.items()]
    if layout.forward:
        pairs = [f"{link.source} -> {link.target}" for link in layout.forward]
        losses.append(
            "cross-links left out: the claim each names would come after the link in the "
            "file (numbers kept from Kialo, or links asking for opposite orders), and "
            f"readers look the claim up when they reach the link: {id_list(pairs)}"
        )
    dropped = [k for k in ("summary", "tags", "expect") if getattr(debate, k)]
    if dropped:
        losses.append("Kialo has no place for the debate's " + ", ".join(dropped) + "; left out")
    if debate.id:
        losses.append("Kialo has no debate id; the file name keeps it")
    if "\n" in graph.motion.text.strip() or debate.title != " ".join(debate.title.split()):
        losses.append("line breaks in the title became spaces")
    return "\n".join(lines) + "\n", losses
