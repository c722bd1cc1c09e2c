"""No support across sides: `also_supports` names only claims of its own side."""

from __future__ import annotations

from argmap.link_sides import side_of_path
from argmap.load import load_text

DEBATE = """\
version: 1
title: Sides
motion: Cities should ban cars from their centres.
pro:
  - id: clean-air
    text: Fewer cars mean cleaner air.
    support:
      - id: asthma
        text: Asthma admissions fall where traffic falls.
  - id: safer-streets
    text: Fewer cars mean fewer road deaths.
con:
  - id: shops-suffer
    text: Shops lose customers who drive.
    rebuttals:
      - id: walkers-spend
        text: People on foot visit shops more often.
        {links}
"""


def _errors(links: str) -> list[tuple[int, int, str, str]]:
    loaded = load_text(DEBATE.format(links=links), "sides.yaml")
    return [(d.line, d.col, d.code, d.message) for d in loaded.diagnostics if d.is_error]


def test_a_con_claim_that_also_supports_a_pro_claim_is_refused_at_the_link() -> None:
    text = DEBATE.format(links="").replace(
        "    text: Shops lose customers who drive.\n",
        "    text: Shops lose customers who drive.\n    also_supports: [safer-streets]\n",
    )
    loaded = load_text(text, "sides.yaml")
    errors = [(d.line, d.col, d.code) for d in loaded.diagnostics if d.is_error]
    assert errors == [(15, 21, "cross-side-support")]
    assert loaded.debate is None


def test_a_rebuttal_supports_claims_of_the_side_it_argues() -> None:
    # walkers-spend rebuts a con claim, so it argues pro: backing a pro claim is fine,
    # backing the con claim it answers is not.
    assert _errors("also_supports: [clean-air]") == []
    problems = _errors("also_supports: [shops-suffer]")
    assert len(problems) == 1
    line, col, code, message = problems[0]
    assert (line, col, code) == (18, 25, "cross-side-support")
    assert "'walkers-spend' argues pro" in message and "'shops-suffer', which argues con" in message


def test_a_pro_support_deep_in_a_branch_cannot_back_a_con_claim() -> None:
    text = DEBATE.format(links="").replace(
        "        text: Asthma admissions fall where traffic falls.\n",
        "        text: Asthma admissions fall where traffic falls.\n"
        "        also_supports: [safer-streets, shops-suffer]\n",
    )
    loaded = load_text(text, "sides.yaml")
    errors = [d for d in loaded.diagnostics if d.is_error]
    assert [d.code for d in errors] == ["cross-side-support"]
    assert "'shops-suffer'" in errors[0].message


def test_a_rebuttal_of_a_claim_on_its_own_side_is_left_alone() -> None:
    # Rebuttal cycles within one side are how authors build an undecided dispute.
    assert _errors("also_rebuts: [safer-streets]") == []


def test_the_side_of_a_claim_flips_at_each_rebuttal_and_not_at_a_support() -> None:
    assert side_of_path(("pro", 0)) == "pro"
    assert side_of_path(("pro", 0, "rebuttals", 1)) == "con"
    assert side_of_path(("pro", 0, "rebuttals", 1, "support", 0)) == "con"
    assert side_of_path(("con", 2, "rebuttals", 0, "rebuttals", 3)) == "con"
    assert side_of_path(("expect",)) is None
