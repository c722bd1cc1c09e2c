"""A cycle whose strengths do not settle in time is reported as unsettled, never looped on."""

from __future__ import annotations

import pytest

import argmap.strength
from argmap.load import load_text
from argmap.strength import weigh

MUTUAL = """\
title: T
motion: M.
pro:
  - {id: a, text: A., also_rebuts: [b]}
  - {id: d, text: D.}
con:
  - {id: b, text: B., also_rebuts: [a]}
"""


def test_a_cycle_cut_short_is_named_as_unsettled_and_the_rest_is_still_weighed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two steps are too few for the mutual attack to settle (it takes a few hundred): the
    weighing names both claims of the cycle as unsettled, and still gives every claim a
    strength, the claim off the cycle exactly."""
    loaded = load_text(MUTUAL)
    assert loaded.ok
    settled = weigh(loaded.graph)
    assert settled.converged and settled.unsettled == ()
    monkeypatch.setattr(argmap.strength, "MAX_STEPS", 2)
    cut_short = weigh(loaded.graph)
    assert not cut_short.converged
    assert sorted(cut_short.unsettled) == ["a", "b"]
    assert all(0.0 <= cut_short.strength(c) <= 1.0 for c in ("a", "b", "d", "motion"))
    assert cut_short.strength("d") == settled.strength("d")
