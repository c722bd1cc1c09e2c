"""One reading per claim: names by short text, and a sentence where label and strength
seem to disagree, in `show --why`, the speaker notes and the HTML outline."""

from __future__ import annotations

from argmap.export.deck_text import claim_notes
from argmap.load import load_text
from argmap.reading import label_and_strength, short_text
from argmap.semantics import grounded
from argmap.strength import weigh

# 'strong' is rebutted by an unanswered claim (defeated) but four supports keep it strong;
# 'weak' stands (its rebuttal is answered) yet weighs little.
TEXT = """\
title: T
motion: M.
pro:
  - id: strong
    text: Most exchange is short and people come back home afterwards.
    weight: 4
    rebuttals: [{id: answer, text: Some stay for good., weight: 1}]
    support:
      - {id: s1, text: S1.}
      - {id: s2, text: S2.}
      - {id: s3, text: S3.}
      - {id: s4, text: S4.}
con:
  - id: weak
    text: It siphons talent.
    weight: 2
    rebuttals:
      - id: nope
        text: Not so.
        weight: 5
        rebuttals: [{id: yep, text: Yes so., weight: 1}]
"""


def test_short_text_cuts_at_a_word_and_stays_on_one_line() -> None:
    assert short_text("Most exchange is short\nand people come back home afterwards.") == (
        "Most exchange is short and people…"
    )
    assert short_text("Short.") == "Short."
    # A huge text is cut without reading all of it into one line first.
    assert len(short_text("word " * 1_000_000)) <= 36


def test_a_defeated_but_strong_claim_says_why() -> None:
    graph = load_text(TEXT, "t.yaml").graph
    labels = grounded(graph)
    weighing = weigh(graph, labels)
    assert labels["strong"].value == "defeated" and weighing.strength("strong") >= 0.5
    note = label_and_strength(graph, labels, weighing, "strong")
    assert note == (
        f"Strictly, 'Some stay for good.' answers it and stands; its four supports still keep "
        f"it strong ({weighing.strength('strong'):.2f})."
    )
    assert labels["weak"].value == "standing" and weighing.strength("weak") < 0.5
    weak = label_and_strength(graph, labels, weighing, "weak")
    assert weak is not None and weak.startswith(
        "Strictly it stands, as every claim that answers it is answered in turn; but 'Not so.'"
    )
    # Where label and strength agree, nothing is said.
    assert label_and_strength(graph, labels, weighing, "s1") is None
    # The speaker notes carry the same sentence.
    assert note in claim_notes(graph, labels, "strong", weighing)
