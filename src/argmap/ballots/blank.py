"""A blank ballot: every claim id of a debate in tree order, its text as a comment beside it.

The author's weight is written commented out, so a student uncomments the claims they
want to weigh and changes the number. Claim text goes only into comments, on one line
each: line breaks of every kind YAML knows (and control characters) become visible
escapes, so no claim text can end a comment and start YAML of its own. Ids that YAML
would read as something other than text (`null`, `123`) are quoted.
"""

from __future__ import annotations

import json
import re

import yaml

from argmap.ballots.weights import author_weight
from argmap.graph import ArgumentGraph, ClaimNode
from argmap.safetext import printable

#: Characters YAML (1.1, as PyYAML reads it) breaks lines at, beyond what `printable` escapes.
_YAML_BREAKS = re.compile("[\u2028\u2029]")
#: Characters escaped inside a double-quoted YAML value: line breaks, controls, BOM.
_QUOTE_ESCAPES = re.compile("[\x7f-\x9f\u2028\u2029\ufeff]")

_HEADER = """\
{schema_line}# A ballot for argmap: your weights for the claims of debate '{debate_id}'.
# To weigh a claim, remove the '# ' before its id and set a number from 1 (weak) to
# 5 (strong). A claim you leave commented out keeps the author's weight (shown).
# Check it with `argmap validate`; the class's result: `argmap tally`.
debate: {debate_id}
{by_line}
weights:
"""


def comment_text(text: str) -> str:
    """Text safe inside a one-line YAML comment (and on a terminal)."""
    line = printable(" ".join(text.split()), one_line=True)
    return _YAML_BREAKS.sub(lambda m: f"\\u{ord(m.group()):04x}", line)


def yaml_key(claim_id: str) -> str:
    """The id as a YAML mapping key that reads back as the same text."""
    try:
        plain = yaml.safe_load(f"{claim_id}: 0")
    except yaml.YAMLError:
        plain = None
    if isinstance(plain, dict) and list(plain) == [claim_id]:
        return claim_id
    return quoted(claim_id)


def quoted(text: str) -> str:
    """Text as a double-quoted YAML scalar that reads back as the same text."""
    inner = json.dumps(text, ensure_ascii=False)
    return _QUOTE_ESCAPES.sub(lambda m: f"\\u{ord(m.group()):04x}", inner)


def _mark(node: ClaimNode) -> str:
    side = node.side.value if node.side is not None else ""
    relation = node.relation.value if node.relation is not None else ""
    if node.depth == 1:
        return side
    return f"{side}, {relation} its parent" if relation else side


def blank_ballot(graph: ArgumentGraph, by: str | None = None, schema_line: str = "") -> str:
    """The text of a blank ballot for the debate; `by` fills in the student's name."""
    debate_id = graph.debate.id or ""
    by_line = f"by: {quoted(by)}" if by else "# by: your name"
    parts = [
        _HEADER.format(
            schema_line=f"{schema_line}\n" if schema_line else "",
            debate_id=debate_id,
            by_line=by_line,
        ),
        f"  # Motion: {comment_text(graph.motion.text)}\n",
    ]
    for node in graph.claims():
        indent = "  " * node.depth
        parts.append(f"  #{indent}({_mark(node)}) {comment_text(node.text)}\n")
        parts.append(f"  # {yaml_key(node.id)}: {author_weight(graph, node.id)}\n")
    return "".join(parts)
