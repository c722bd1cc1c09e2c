"""Argdown relations and front matter: each relation placed once, every refusal located."""

from __future__ import annotations

import pytest

from argmap.interop import InteropError, import_text

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


def test_an_element_relating_to_itself_is_dropped_and_named() -> None:
    text = "[Motion]: We act. #motion\n\n<Reason>: It helps.\n  +> [Motion]\n  +> <Reason>\n"
    outcome = import_text("argdown", text, "imported.yaml")
    debate = outcome.loaded.debate
    assert outcome.loaded.ok and debate is not None
    assert debate.pro[0].also_supports == []
    assert "<Reason> supports <Reason> (line 5): an element relates to itself; dropped" in [
        loss.message for loss in outcome.losses
    ]


def test_refused_front_matter_names_the_line_it_opens_on() -> None:
    text = "===\nmodel: &a [x]\nb: *a\n===\n\n[Motion]: We act.\n"
    with pytest.raises(InteropError) as refused:
        import_text("argdown", text, "imported.yaml")
    assert refused.value.line == 1
    assert "aliases" in refused.value.message


def test_front_matter_that_is_not_yaml_names_the_line_of_the_mistake() -> None:
    # Blank lines first, so the front matter does not start on line 1.
    text = "\n\n===\ntitle: T\nbad: [unclosed\nnext: x\n===\n\n[Motion]: We act.\n"
    with pytest.raises(InteropError) as refused:
        import_text("argdown", text, "imported.yaml")
    assert "not valid YAML" in refused.value.message
    # libyaml notices the unclosed list where the mapping goes on, on line 6.
    assert refused.value.line == 6
