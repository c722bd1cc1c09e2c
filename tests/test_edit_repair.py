"""Edits that repair a file the loader refuses reach claims by the ids the loader gives them."""

from __future__ import annotations

import pytest

from argmap.edit import remove_claim
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
