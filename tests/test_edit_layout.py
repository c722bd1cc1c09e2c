"""A list an edit starts is laid out as most of the file's claim lists are."""

from __future__ import annotations

from argmap.edit import add_child, add_top_level
from argmap.load import load_text

# The sides put their dashes at the column of `pro:`/`con:`; every rebuttal list puts its
# dashes two columns past `rebuttals:`. Three lists of one layout, two of the other.
MIXED = """\
title: T
motion: M
pro:
- id: a
  text: A
  rebuttals:
    - id: ra
      text: RA
- id: b
  text: B
  rebuttals:
    - id: rb
      text: RB
con:
- id: c
  text: C
  rebuttals:
    - id: rc
      text: RC
- id: d
  text: D
"""


def test_a_new_list_takes_the_layout_most_lists_have_not_the_one_most_claims_have() -> None:
    """Each list counts once, however many claims it holds: the sides hold four claims and
    the rebuttal lists three, but the rebuttal lists are three lists to the sides' two, so
    the new `rebuttals:` under `d` looks like the other rebuttal lists."""
    edit = add_child(MIXED, "d", "rebuttal", "E")
    assert edit.after == MIXED + "  rebuttals:\n    - text: E\n"
    assert load_text(edit.after).ok


def test_a_new_list_follows_a_file_whose_lists_all_sit_at_their_keys_column() -> None:
    compact = MIXED.replace("\n    - id: r", "\n  - id: r").replace("      text: R", "    text: R")
    edit = add_child(compact, "d", "rebuttal", "E")
    assert edit.after == compact + "  rebuttals:\n  - text: E\n"
    assert load_text(edit.after).ok


def test_a_claim_added_to_a_list_lines_up_with_the_claim_before_it() -> None:
    """The pro list puts its keys three past the dash, unlike the rest of the file: the new
    claim's keys line up with its neighbours', not with the file's other lists."""
    text = (
        "title: T\nmotion: M\npro:\n  -  id: a\n     text: A\n  -  id: b\n     text: B\n"
        "con:\n  - id: c\n    text: C\n    rebuttals:\n      - id: r\n        text: R\n"
        "  - id: d\n    text: D\n"
    )
    edit = add_top_level(text, "pro", "E", new_id="e")
    assert "  -  id: b\n     text: B\n  -  id: e\n     text: E\ncon:\n" in edit.after
    assert load_text(edit.after).ok
