"""A claim written once and used again through a YAML alias is not edited through either place.

An anchor (`&a`) and its aliases (`*a`) are one node: an edit written at the anchor would
change every claim that uses it, so the editor refuses and names the anchor's line.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from argmap.edit import Edit, EditRefused, add_child, remove_claim, set_fields
from argmap.load import load_text

# The con side repeats the pro claim itself; then the con side is the pro side's list.
SHARED_CLAIM = "title: T\nmotion: M\npro:\n  - &a\n    text: A\ncon:\n  - *a\n"
SHARED_LIST = "title: T\nmotion: M\npro: &s\n  - text: A\ncon: *s\n"

EDITS: list[Callable[[str], Edit]] = [
    lambda text: set_fields(text, "pro.1", {"note": "N"}),
    lambda text: set_fields(text, "con.1", {"text": "B"}),
    lambda text: add_child(text, "con.1", "rebuttal", "R"),
    lambda text: remove_claim(text, "con.1"),
]


@pytest.mark.parametrize("text", [SHARED_CLAIM, SHARED_LIST], ids=["claim", "list"])
@pytest.mark.parametrize("edit", EDITS, ids=["note", "text", "rebuttal", "remove"])
def test_an_edit_of_a_claim_written_once_and_used_twice_is_refused(
    text: str, edit: Callable[[str], Edit]
) -> None:
    """Made, the edit would show under both sides (or a rebuttal added to `con.1` would be
    written under the pro claim's text, where the anchor is)."""
    loaded = load_text(text)
    assert loaded.ok
    with pytest.raises(EditRefused, match=r"anchor \(&\) at line [34] and used again"):
        edit(text)


def test_a_claim_beside_a_shared_one_is_still_edited() -> None:
    text = SHARED_CLAIM + "  - text: C\n"
    edit = set_fields(text, "con.2", {"note": "N"})
    assert edit.after == text + "    note: N\n"
