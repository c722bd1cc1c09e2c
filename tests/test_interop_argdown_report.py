"""What an Argdown import keeps, and what its report says it left out or made up."""

from __future__ import annotations

import pytest

from argmap.interop import import_text


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


@pytest.mark.parametrize(
    "text",
    [
        # Nested under the motion, then the same support again as an arrow.
        "[a]: A\n  + [b]: B\n\n[b]\n  +> [a]\n",
        # Nested under `<b>`, then the same attack again as an arrow.
        "[a]: A\n  + <b>: B\n    - [c]: C\n\n[c]\n  -> <b>\n",
    ],
    ids=["on the motion", "on a claim"],
)
def test_a_relation_stated_twice_is_one_relation(text: str) -> None:
    """Written once by indentation and again as an arrow, a relation places its claim once:
    no cross-link repeating the claim's own link and no report of a relation that has no
    place."""
    outcome = import_text("argdown", text, "imported.yaml")
    debate = outcome.loaded.debate
    assert outcome.loaded.ok and debate is not None
    assert outcome.losses == []
    [b] = debate.pro
    assert b.also_supports == [] and b.also_rebuts == []
    for rebuttal in b.rebuttals:
        assert rebuttal.also_rebuts == [], rebuttal.id
