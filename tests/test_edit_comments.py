"""Removing a claim takes its own comments and leaves its neighbours' comments in place."""

from __future__ import annotations

from argmap.edit import remove_claim, set_fields
from argmap.load import load_text

TEXT = """\
title: T
motion: M
pro:
  - text: A
    # A's closing remark, indented under A.
  # B's own leading comment.
  - text: B
  - text: C
    # C's closing remark.
  - text: D
con: []
"""


def test_removing_a_claim_keeps_the_comment_that_closes_the_claim_before_it() -> None:
    """The comment under A, indented as A's keys are, belongs to A: removing the claim after
    it takes that claim's own leading comment but not A's remark."""
    edit = remove_claim(TEXT, "pro.4")
    assert edit.after == TEXT.replace("  - text: D\n", "")
    edit = remove_claim(TEXT, "pro.2")
    assert edit.after == TEXT.replace("  # B's own leading comment.\n  - text: B\n", "")
    assert load_text(edit.after).ok


# The second claim has a comment on its dash line; a line of the first one ends in a dash.
DASH_COMMENT = """\
title: T
motion: M
pro:
  - text: Costs rise -
    note: a note
  -   # kept for the record
    text: B
  - text: C
con: []
"""


def test_a_claim_with_a_comment_after_its_dash_is_removed_whole() -> None:
    edit = remove_claim(DASH_COMMENT, "pro.2")
    assert edit.after == DASH_COMMENT.replace("  -   # kept for the record\n    text: B\n", "")
    assert edit.line == 6
    edit = set_fields(DASH_COMMENT, "pro.2", {"note": "N"})
    assert edit.after == DASH_COMMENT.replace("text: B\n", "text: B\n    note: N\n")
