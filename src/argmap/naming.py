"""How a sentence names claims and counts them: a claim by the short form of its text
('Guardrails calibrated to risk…'), by its id only when asked, and small counts in words.

The texts returned are raw: every surface escapes them for where it prints them.
"""

from __future__ import annotations

from argmap.graph import ArgumentGraph
from argmap.model import MOTION_ID

#: Characters of a claim's text in its short form.
SHORT = 36

#: Small counts as a reader says them ("its two supports").
NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven"}


def short_text(text: str, limit: int = SHORT) -> str:
    """`text` on one line, cut to at most `limit` characters at a word, ending in "…"."""
    words = " ".join(text[: limit * 4].split())
    if len(words) <= limit and len(text) <= limit * 4:
        return words
    cut = words[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"


def name(graph: ArgumentGraph, claim_id: str, *, show_ids: bool = False) -> str:
    """How a sentence names a claim: 'short text…' (or 'id'), or `the motion`."""
    if claim_id == MOTION_ID:
        return "the motion"
    if show_ids or claim_id not in graph.nodes:
        return f"'{claim_id}'"
    return f"'{short_text(graph.nodes[claim_id].text)}'"


def names(graph: ArgumentGraph, claim_ids: list[str], *, show_ids: bool = False) -> str:
    """Claims named in a list: "'a…'", "'a…' and 'b…'", "'a…', 'b…' and 'c…'"."""
    named = [name(graph, c, show_ids=show_ids) for c in claim_ids]
    if len(named) <= 2:
        return " and ".join(named)
    return ", ".join(named[:-1]) + f" and {named[-1]}"


def number(count: int) -> str:
    """A count as a reader says it: "one", "two" … "seven", then digits."""
    return "one" if count == 1 else NUMBER_WORDS.get(count, str(count))


def counted(count: int, noun: str) -> str:
    """ "one rebuttal", "two rebuttals", "12 rebuttals" (a noun that takes an -s)."""
    return f"{number(count)} {noun}" if count == 1 else f"{number(count)} {noun}s"


def every(count: int, noun: str) -> str:
    """ "its only rebuttal", "both rebuttals", "all three rebuttals"."""
    if count == 1:
        return f"its only {noun}"
    if count == 2:
        return f"both {noun}s"
    return f"all {number(count)} {noun}s"
