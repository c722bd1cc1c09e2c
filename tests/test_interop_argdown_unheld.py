"""Argdown relations argmap cannot hold are named with the reason; the ones it can hold by
moving a claim or by a cross-link are kept.

Each fixture is a small file written for these tests in one shape of relation that an
Argdown map may have and an argmap debate may not: the motion answering a claim, an
undercut of the motion, support across the two sides, a relation to an element that
answers nothing. The relations the Argdown tools list for each are written out by hand.
"""

from __future__ import annotations

import pytest
from test_interop_argdown_pcs import argdown, relations

from argmap.interop import ImportOutcome


def named(outcome: ImportOutcome, words: str) -> list[str]:
    """The messages and items of every loss whose message contains `words`."""
    found = []
    for loss in outcome.losses:
        if words in loss.message:
            found.append(loss.message)
            found.extend(item.text for item in loss.items)
    return found


def test_a_claim_nested_elsewhere_that_also_answers_the_motion_moves_to_the_motion() -> None:
    # Argdown: X attacks A, X attacks M, A supports M. A cross-link cannot name the motion,
    # so X sits under `con` and its attack on A is the cross-link.
    text = "[M]: Motion.\n  + [A]: For.\n    - [X]: Against A.\n\n[X]\n  -> [M]\n"
    outcome = argdown(text)
    debate = outcome.loaded.debate
    assert debate is not None
    assert [c.text for c in debate.con] == ["Against A."]
    assert debate.con[0].also_rebuts == ["a"]
    assert relations(outcome) == {
        ("For.", "supports", "Motion."),
        ("Against A.", "rebuts", "For."),
        ("Against A.", "rebuts", "Motion."),
    }
    assert not named(outcome, "no place in argmap")


def test_moving_to_the_motion_names_a_support_it_turns_into_one_across_sides() -> None:
    # X backs A (for the motion) and attacks the motion: one of the two cannot be held.
    text = "[M]: Motion.\n  + [A]: For.\n    + [X]: Backs A.\n\n[X]\n  -> [M]\n"
    outcome = argdown(text)
    assert ("Backs A.", "rebuts", "Motion.") in relations(outcome)
    assert "[X] supports [A]" in named(outcome, "other side")


@pytest.mark.parametrize(
    ("text", "lost", "reason"),
    [
        pytest.param(
            "[M]: Motion.\n  - [X]: Against.\n  -> [X]\n",
            "[M] rebuts [X] (line 3)",
            "the motion answers no claim",
            id="the motion attacks a claim",
        ),
        pytest.param(
            "[M]: Motion.\n  + [A]: For.\n\n[M]\n  +> [A]\n",
            "[M] supports [A] (line 5)",
            "the motion answers no claim",
            id="the motion supports a claim",
        ),
        pytest.param(
            "[M]: Motion.\n  - [X]: Against.\n  + [X]\n",
            "[X] supports [M] (line 3)",
            "[X] already answers the motion",
            id="a claim attacks and supports the motion",
        ),
        pytest.param(
            "[M]: Motion.\n  - [X]: Against.\n  _ <U>: Not so fast.\n",
            "<U> undercuts [M] (line 3)",
            "the motion has no inference to undercut",
            id="an undercut of the motion",
        ),
    ],
)
def test_a_relation_from_or_undercutting_the_motion_is_named_with_why(
    text: str, lost: str, reason: str
) -> None:
    outcome = argdown(text)
    (message,) = [m for m in named(outcome, "has no place in argmap") if lost in m]
    assert reason in message
    assert not named(outcome, "outside the debate")


def test_support_across_sides_from_a_nested_claim_is_named_and_both_keep_their_place() -> None:
    text = (
        "[M]: Motion.\n  + [A]: For.\n    - [B]: Against A.\n  + [C]: Also for.\n"
        "    + [P]: A principle.\n\n[P]\n  +> [B]\n"
    )
    outcome = argdown(text)
    assert ("A principle.", "supports", "Also for.") in relations(outcome)
    assert ("Against A.", "rebuts", "For.") in relations(outcome)
    lost = named(outcome, "other side")
    assert "argmap refuses support across sides" in lost[0]
    assert lost[1:] == ["[P] supports [B]"]


def test_a_relation_to_an_element_that_answers_nothing_is_named_with_why() -> None:
    text = "[M]: Motion.\n  - [X]: Against.\n    -> [Y]: Mentioned once.\n    +> <Z>\n"
    outcome = argdown(text)
    lost = named(outcome, "outside the debate")
    assert "supports or attacks nothing that leads to the motion" in lost[0]
    assert lost[1:] == ["[X] rebuts [Y]", "[X] supports <Z>"]
    assert named(outcome, "not connected to the motion")[1:] == ["Mentioned once.", ""]
