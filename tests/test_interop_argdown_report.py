"""What an Argdown import keeps, and what its report says it left out or made up."""

from __future__ import annotations

import pytest

from argmap.interop import export_text, import_text
from argmap.load import load_text


def messages(text: str) -> list[str]:
    return [loss.message for loss in import_text("argdown", text, "imported.yaml").losses]


@pytest.mark.parametrize("indent", ["", "  ", "    "])
def test_a_relation_at_any_indentation_under_a_statement_relates_to_it(indent: str) -> None:
    """Written flush with its statement or indented under it, `+ [b]` supports `[a]`."""
    text = f"[a]: A\n{indent}+ [b]: B\n{indent}- [c]: C\n"
    outcome = import_text("argdown", text, "imported.yaml")
    debate = outcome.loaded.debate
    assert outcome.loaded.ok and debate is not None
    assert debate.motion == "A"
    assert [(c.id, c.text) for c in debate.pro] == [("b", "B")]
    assert [(c.id, c.text) for c in debate.con] == [("c", "C")]


def test_text_after_a_reference_is_reported_as_left_out() -> None:
    text = "[a]: A\n  + [b]: B\n\n[b] #evidence and then some words\n"
    outcome = import_text("argdown", text, "imported.yaml")
    debate = outcome.loaded.debate
    assert debate is not None and debate.pro[0].tags == ["evidence"]
    assert "text after the reference [b] left out: 'and then some words'" in messages(text)


def test_a_claim_without_text_gets_a_placeholder_and_the_report_says_so() -> None:
    text = "[a]: A\n  + [b]\n"
    debate = import_text("argdown", text, "imported.yaml").loaded.debate
    assert debate is not None
    assert debate.pro[0].text == "(no text in the Argdown document)"
    assert messages(text) == ["[b] has no text; wrote a placeholder"]


def test_a_link_becomes_a_source_titled_by_its_words_or_else_its_address() -> None:
    text = (
        "[a]: A\n  + [b]: See [the report](https://example.org/r) and [](https://example.org/x).\n"
    )
    outcome = import_text("argdown", text, "imported.yaml")
    debate = outcome.loaded.debate
    assert debate is not None
    assert [(s.title, s.url) for s in debate.sources] == [
        ("the report", "https://example.org/r"),
        ("https://example.org/x", "https://example.org/x"),
    ]
    assert debate.pro[0].text == "See the report and ."


# `c` rebuts `b` by its place and again by a cross-link, which the format allows.
REPEATED_LINK = """\
title: T
motion: A
pro:
  - id: b
    text: B
    rebuttals:
      - id: c
        text: C
        also_rebuts: [b]
con: []
"""


def test_a_cross_link_repeating_a_claims_own_link_survives_the_round_trip() -> None:
    """Exported, the cross-link is an arrow under `[c]` that says again what the nesting
    says; read back, it is kept as the cross-link it was, not merged into the nesting."""
    loaded = load_text(REPEATED_LINK)
    assert loaded.ok
    text, _ = export_text("argdown", loaded.graph)
    outcome = import_text("argdown", text, "imported.yaml")
    assert outcome.losses == []
    assert outcome.loaded.debate == loaded.debate


@pytest.mark.parametrize(
    "text",
    ["[a]: A\n  + [b]: B\n  + [b]\n", "[a]: A\n  + <b>: B\n    - [c]: C\n    - [c]\n"],
    ids=["on the motion", "on a claim"],
)
def test_a_claim_nested_twice_under_the_same_parent_is_placed_once(text: str) -> None:
    """The indentation says the same thing twice: one claim, no cross-link to its own
    parent and nothing reported as left out."""
    outcome = import_text("argdown", text, "imported.yaml")
    debate = outcome.loaded.debate
    assert outcome.loaded.ok and debate is not None
    assert outcome.losses == []
    [b] = debate.pro
    assert (b.also_supports, b.also_rebuts) == ([], [])
    assert [(c.id, c.also_rebuts) for c in b.rebuttals] == ([("c", [])] if b.rebuttals else [])
