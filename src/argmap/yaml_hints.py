"""Hints after libyaml's words for the slips that produce them: most of its syntax errors
in a debate file come from a line indented wrongly, which its words do not say."""

from __future__ import annotations

#: Phrases of libyaml's problems that a wrong indentation produces.
INDENTATION_PROBLEMS = (
    "mapping values are not allowed",
    "did not find expected '-' indicator",
    "did not find expected key",
    "expected <block end>",
)


def indentation_hint(problem: str, line: int) -> str:
    """A sentence to add to `problem`, the error libyaml gave at `line` ('' for none)."""
    if any(phrase in problem for phrase in INDENTATION_PROBLEMS):
        return (
            f"; check the indentation of line {line} and the line above it (a key's "
            "spaces must line up with the other keys of its claim, a list item's '-' "
            "with the other items)"
        )
    return ""
