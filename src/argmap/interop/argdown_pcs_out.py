"""Premise–conclusion structures written back to Argdown.

A claim whose note has an `inference: ...` line (as `argdown_pcs` writes on import) and
that has support is written as a PCS: its support as the numbered premises, the rule on
the inference line, the claim itself as the conclusion, referred to by title (the claim
keeps its place, text and rebuttals in the relation tree). An `argument <Title>: text`
line in the note becomes the argument block above the PCS. A premise that is itself such a
claim, with no argument line, is an intermediary conclusion written inside the same PCS
(its premises, its inference, then it), with `{uses: [...]}` on every inference whose
premises are not the ones Argdown takes unasked. A claim that undercuts or is
undercut is left in the relation tree as an argument, its note as data: Argdown's PCS
conclusions are statements.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from argmap.graph import ArgumentGraph, ClaimNode, Relation
from argmap.interop.argdown_pcs import ARGUMENT, INFERENCE, UNNAMED

_ARGUMENT_LINE = re.compile(r"^" + re.escape(ARGUMENT) + r"((?:[^>\\\n]|\\.)+)>(?:: (.*))?$")
_SPECIAL = re.compile(r"([\\\[\]<>#{}@*_-])")
_COMMENT = re.compile(r"/(?=[/*])")

#: A line of a block, and the claim whose cross-links and children follow it (or None).
Line = tuple[str, ClaimNode | None]


def _escape_rule(rule: str) -> str:
    """An inference rule for Argdown's inference line: one line, nothing that ends it early."""
    return _COMMENT.sub(r"\\/", _SPECIAL.sub(r"\\\1", " ".join(rule.split())))


def split_note(note: str) -> tuple[tuple[str, str] | None, str, str] | None:
    """(the argument's escaped title and text, the rule, the rest of the note), or None
    when the note does not start as an imported structure's does: an `inference: ...` line,
    first or after an `argument <Title>: ...` line."""
    lines = note.split("\n")
    argument = _ARGUMENT_LINE.match(lines[0])
    at = 1 if argument is not None else 0
    if len(lines) <= at or not lines[at].startswith(INFERENCE):
        return None
    text = lines[at][len(INFERENCE) :].strip()
    head = None if argument is None else (argument.group(1), argument.group(2) or "")
    return head, "" if text == UNNAMED else text, "\n".join(lines[at + 1 :])


class Structures:
    """Which claims are written as premise–conclusion structures, and their blocks."""

    def __init__(self, graph: ArgumentGraph, arguments: set[str]) -> None:
        self.graph = graph
        #: conclusion id -> (argument block, rule, rest of its note), in the graph's order.
        self.parts: dict[str, tuple[tuple[str, str] | None, str, str]] = {}
        for node in graph.claims():
            claim = node.claim
            if node.id in arguments or claim is None or not claim.note:
                continue
            if not any(graph.nodes[c].relation is Relation.SUPPORTS for c in node.children):
                continue
            split = split_note(claim.note)
            if split is not None:
                self.parts[node.id] = split
        for conclusion in self.parts:
            arguments.difference_update(self._premises(graph.nodes[conclusion]))

    def _premises(self, node: ClaimNode) -> list[str]:
        nodes = self.graph.nodes
        return [c for c in node.children if nodes[c].relation is Relation.SUPPORTS]

    def children(self, node: ClaimNode) -> list[str]:
        """The children written below a claim in a relation tree (not its premises)."""
        if node.id not in self.parts:
            return node.children
        nodes = self.graph.nodes
        return [c for c in node.children if nodes[c].relation is not Relation.SUPPORTS]

    def rest_of_note(self, node: ClaimNode) -> str | None:
        """The note a claim's data keeps, or None when it keeps the whole note."""
        part = self.parts.get(node.id)
        return None if part is None else part[2]

    def _inline(self, claim_id: str) -> bool:
        """Whether a claim is an intermediary conclusion, written inside the structure of
        the claim it supports: a structure of its own with no argument, as a premise."""
        node = self.graph.nodes[claim_id]
        part = self.parts.get(claim_id)
        return part is not None and part[0] is None and node.parent in self.parts

    def blocks(
        self,
        statement: Callable[[ClaimNode], str],
        reference: Callable[[str], str],
    ) -> Iterator[list[Line]]:
        """Each structure's blocks: the argument, then its premises, inferences (with the
        premises each uses) and conclusions, intermediary ones first."""
        from argmap.interop.argdown import escape_text

        for conclusion, (argument, _rule, _rest) in self.parts.items():
            if self._inline(conclusion):
                continue
            if argument is not None:
                title, text = argument
                yield [(f"<{title}>: {escape_text(text)}" if text else f"<{title}>", None)]
            yield self._block(conclusion, statement, reference)

    def _block(
        self,
        conclusion: str,
        statement: Callable[[ClaimNode], str],
        reference: Callable[[str], str],
    ) -> list[Line]:
        """One structure, its intermediary conclusions written out in it (no recursion)."""
        block: list[Line] = []
        number: dict[str, int] = {}
        since = 1  # the conclusion before, or the first statement: what Argdown uses unasked
        # (claim, whether its premises are written) — a conclusion is written after them.
        stack = [(conclusion, False)]
        while stack:
            claim_id, ready = stack.pop()
            node = self.graph.nodes[claim_id]
            premises = self._premises(node) if claim_id == conclusion or ready else []
            if not ready and (claim_id == conclusion or self._inline(claim_id)):
                stack.append((claim_id, True))
                stack.extend((p, False) for p in reversed(self._premises(node)))
                continue
            if ready:
                text = _escape_rule(self.parts[claim_id][1])
                uses = [number[p] for p in premises]
                if uses != list(range(since, len(number) + 1)):
                    text += f" {{uses: [{', '.join(map(str, uses))}]}}"
                block.append((f"-- {text.strip()} --" if text else "----", None))
            number[claim_id] = len(number) + 1
            if ready:
                since = number[claim_id]
            if claim_id == conclusion:
                block.append((f"({number[claim_id]}) {reference(claim_id)}", None))
            else:
                block.append((f"({number[claim_id]}) {statement(node)}", node))
        return block
