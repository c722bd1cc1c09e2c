"""Edits that repair a file the loader refuses reach claims by the ids the loader gives them."""

from __future__ import annotations

import pytest

from argmap.edit import EditRefused, remove_claim
from argmap.load import load_text

TEMPLATE = """\
title: T
motion: M
pro:
  - text: First reason.
  - id: {written}
    text: Second reason.
con:
  - text: A worry.
"""


@pytest.mark.parametrize("written", ["Bad Id", "pro.1", "''"])
def test_a_claim_whose_written_id_is_not_valid_is_removed_by_its_generated_id(
    written: str,
) -> None:
    """`validate` refuses the written id and the loader calls the claim `pro.2`; removing
    `pro.2` takes that claim away and leaves a valid file (`pro.1` is the first claim's
    generated id, so writing it on the second must not make the second reachable as it)."""
    text = TEMPLATE.format(written=written)
    assert not load_text(text).ok
    edit = remove_claim(text, "pro.2")
    assert "Second reason." not in edit.after
    assert "First reason." in edit.after
    assert edit.summary == "removed 'pro.2'"
    assert load_text(edit.after).ok


def test_a_list_item_that_is_not_a_claim_is_removed_by_its_generated_id() -> None:
    """A bare sentence where a claim should be: `remove pro.2` takes it away; removing
    anything else is refused because the file already has an error, and nothing crashes."""
    text = "title: T\nmotion: M\npro:\n  - text: A\n  - Just a sentence, not a claim.\ncon: []\n"
    assert not load_text(text).ok
    edit = remove_claim(text, "pro.2")
    assert edit.after == "title: T\nmotion: M\npro:\n  - text: A\ncon: []\n"
    assert load_text(edit.after).ok
    with pytest.raises(EditRefused, match="has errors already; fix them first"):
        remove_claim(text, "pro.1")
