"""Write a debate as an Argdown document (https://argdown.org).

The debate's title, id, summary, tags and sources go into the `===` front matter. The
motion is a titled statement, `[motion]: ...`; below it, indented one step per level, each
claim is a relation line: `+` for support, `-` for a rebuttal, `_` for an undercut,
followed by the claim as a titled statement `[id]: text` whose title is its argmap id.
Argdown undercuts only arguments, so a claim that undercuts, or that is undercut, is
written as an argument, `<id>: text`. A claim imported from a premise–conclusion structure
(its note names the inference) is written as one again, its support as the premises (see
`argdown_pcs_out`). Cross-links are outgoing relations under the claim
(`-> [target]`, `+> [target]`) that refer to the target by title. Tags become `#tags`;
kind, weight, note, sources and `see` links go into the claim's `{...}` data.
"""

from __future__ import annotations

import re
from typing import Any

from argmap.graph import ArgumentGraph, ClaimNode, Relation
from argmap.interop.aif import id_list
from argmap.interop.argdown_pcs_out import Structures
from argmap.interop.jsonfmt import yaml_safe_json
from argmap.model import MOTION_ID, to_data

INDENT = "  "
_SYMBOL = {Relation.SUPPORTS: "+", Relation.REBUTS: "-", Relation.UNDERCUTS: "_"}
# Characters with a meaning in Argdown text: escape them so claim text stays text.
_SPECIAL = re.compile(r"([\\\[\]<>#{}@*_])")
_COMMENT = re.compile(r"/(?=[/*])")
_TITLE_SPECIAL = re.compile(r"([\\\[\]<>])")


def escape_text(text: str) -> str:
    """Claim text for Argdown: special characters backslash-escaped, on one line."""
    escaped = _SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _COMMENT.sub(r"\\/", escaped)


def _title(claim_id: str) -> str:
    return _TITLE_SPECIAL.sub(r"\\\1", claim_id)


def _front_matter(graph: ArgumentGraph) -> list[str]:
    debate = graph.debate
    meta: dict[str, Any] = {"title": debate.title}
    meta.update(to_data(debate, include={"id", "summary", "tags", "sources"}))
    # JSON values are valid YAML flow values, which keeps quoting simple and exact.
    lines = ["==="]
    lines.extend(f"{key}: {yaml_safe_json(value)}" for key, value in meta.items())
    lines.append("===")
    return lines


def _data(node: ClaimNode, note: str | None = None) -> str:
    assert node.claim is not None
    data = to_data(node.claim, include={"kind", "weight", "note", "sources", "see"})
    if note is not None:  # the note less what a premise–conclusion structure writes
        data.pop("note", None)
        if note:
            data["note"] = note
    return " " + yaml_safe_json(data) if data else ""


def export_argdown(graph: ArgumentGraph) -> tuple[str, list[str]]:
    """The debate as an Argdown document, and what Argdown cannot carry."""
    arguments = {
        n.id
        for n in graph.claims()
        if n.relation is Relation.UNDERCUTS
        or any(graph.nodes[c].relation is Relation.UNDERCUTS for c in n.children)
    }
    structures = Structures(graph, arguments)

    def reference(claim_id: str) -> str:
        title = _title(claim_id)
        return f"<{title}>" if claim_id in arguments else f"[{title}]"

    lines = _front_matter(graph)
    lines.append("")
    lines.append(f"[{MOTION_ID}]: {escape_text(graph.motion.text)}")
    multiline: list[str] = [MOTION_ID] if "\n" in graph.motion.text.strip() else []
    see: list[str] = []

    def statement(node: ClaimNode) -> str:
        """`ref: text #tags {data}` for a claim, noting what Argdown cannot carry."""
        assert node.claim is not None
        if "\n" in node.text.strip():
            multiline.append(node.id)
        if node.claim.see:
            see.append(node.id)
        tags = "".join(f" #{tag}" for tag in node.claim.tags)
        note = structures.rest_of_note(node)
        return f"{reference(node.id)}: {escape_text(node.text)}{tags}{_data(node, note)}"

    def below(node: ClaimNode, depth: int) -> list[tuple[str, int]]:
        """A claim's cross-links, written at once, and its children, to write next."""
        assert node.claim is not None
        pad = INDENT * depth
        lines.extend(f"{pad}-> {reference(t)}" for t in node.claim.also_rebuts)
        lines.extend(f"{pad}+> {reference(t)}" for t in node.claim.also_supports)
        return [(c, depth) for c in reversed(structures.children(node))]

    def tree(stack: list[tuple[str, int]]) -> None:
        """Relation lines for the claims on `stack` and all below them (no recursion)."""
        while stack:
            claim_id, depth = stack.pop()
            node = graph.nodes[claim_id]
            assert node.relation is not None
            lines.append(f"{INDENT * depth}{_SYMBOL[node.relation]} {statement(node)}")
            stack.extend(below(node, depth + 1))

    tree([(c, 1) for c in reversed(graph.motion.children)])
    for block in structures.blocks(statement, reference):
        lines.append("")
        for line, node in block:
            lines.append(line)
            if node is not None:
                tree(below(node, 1))
    losses: list[str] = []
    if multiline:
        losses.append(
            "Argdown ends a statement at an empty line; line breaks in the text of these "
            f"claims became spaces: {id_list(multiline)}"
        )
    if see:
        losses.append(
            "Argdown has no links into other documents; `see` links kept only as data on: "
            f"{id_list(see)}"
        )
    schemes = [n.id for n in graph.claims() if n.claim is not None and n.claim.scheme]
    if schemes:
        losses.append(
            f"Argdown has no place for argumentation schemes; left out: {id_list(schemes)}"
        )
    if graph.debate.expect is not None:
        losses.append("the exercise's `expect` labels have no place in Argdown; left out")
    return "\n".join(lines) + "\n", losses
