"""Argdown relations written outside the indentation place a claim once, and say nothing more."""

from __future__ import annotations

from argmap.interop import import_text

#: Relations written with outgoing arrows under their premise, not by nesting the premise
#: below its target: each places its premise once, as argmap nests it.
OUTGOING = """[Motion]: We should act. #motion

<Reason>: It helps.
  +> [Motion]

<Doubt>: It does not.
  -> <Reason>
"""


def test_a_relation_that_placed_a_claim_is_not_also_a_cross_link_or_a_loss() -> None:
    outcome = import_text("argdown", OUTGOING, "imported.yaml")
    debate = outcome.loaded.debate
    assert outcome.loaded.ok and debate is not None
    [reason] = debate.pro
    [doubt] = reason.rebuttals
    assert (reason.id, doubt.id) == ("reason", "doubt")
    assert doubt.also_rebuts == []  # its rebuttal of `reason` is its place, not a cross-link
    assert not any("has no place in argmap" in loss.message for loss in outcome.losses)
