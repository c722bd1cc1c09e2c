"""Argdown premise–conclusion structures: read as claims (premises support their conclusion,
the argument above a structure stands for its conclusion), written back as structures.

The fixtures are written for these tests in the shapes of the Argdown guide's first example
(statements defined first, arguments with a description block, numbered premises, bare and
named inferences, intermediary conclusions, relations on conclusions) and of the syntax
tour (an argument named by a reference alone, a premise over two lines, a titled premise
defined twice, outgoing relations of the conclusion with a comment between them). What the
Argdown tools list for them is written out by hand below.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from argmap.interop import ImportOutcome, InteropError, export_text, import_text
from argmap.load import load_text
from argmap.model import Claim

DATA = Path(__file__).parent / "data" / "interop"


def argdown(text: str, motion: str | None = None) -> ImportOutcome:
    outcome = import_text("argdown", text, "imported.yaml", motion=motion)
    assert outcome.loaded.ok, [d.format() for d in outcome.loaded.diagnostics]
    return outcome


def fixture(name: str) -> ImportOutcome:
    return argdown((DATA / name).read_text(encoding="utf-8"))


def walk(claims: list[Claim]) -> list[Claim]:
    found, stack = [], list(reversed(claims))
    while stack:
        claim = stack.pop()
        found.append(claim)
        stack.extend(reversed([*claim.support, *claim.rebuttals]))
    return found


def relations(outcome: ImportOutcome) -> set[tuple[str, str, str]]:
    """(premise text, kind, target text) for every relation the debate holds."""
    debate = outcome.loaded.debate
    assert debate is not None
    found: set[tuple[str, str, str]] = set()
    by_id = {c.id: c.text for c in walk([*debate.pro, *debate.con]) if c.id}
    for side, claims in (("supports", debate.pro), ("rebuts", debate.con)):
        found.update((c.text, side, debate.motion) for c in claims)
    for claim in walk([*debate.pro, *debate.con]):
        found.update((s.text, "supports", claim.text) for s in claim.support)
        found.update(
            (r.text, "undercuts" if r.undercut else "rebuts", claim.text) for r in claim.rebuttals
        )
        found.update((claim.text, "rebuts", by_id[t]) for t in claim.also_rebuts)
        found.update((claim.text, "supports", by_id[t]) for t in claim.also_supports)
    return found


def by_text(outcome: ImportOutcome) -> dict[str, Claim]:
    debate = outcome.loaded.debate
    assert debate is not None
    return {c.text: c for c in walk([*debate.pro, *debate.con])}


def test_the_guide_shape_keeps_every_relation_the_argdown_tools_list() -> None:
    outcome = fixture("argdown-pcs-debate.argdown")
    debate = outcome.loaded.debate
    assert debate is not None
    # The statement no argument uses as a premise is the motion, though another has more
    # attacks: a premise as motion would lose what it supports.
    assert debate.motion == "The old town should be closed to private cars."
    found = relations(outcome)
    # Argdown's JSON export lists three attacks, each from a main conclusion.
    trade = "Shops in the old town depend on customers who arrive by car."
    assert {
        ("The old town should be closed to private cars.", "rebuts", trade),
        ("A ban would empty the shops.", "rebuts", debate.motion),
        ("Shops gain from closing the old town.", "rebuts", trade),
    } <= found


def test_premises_support_their_conclusion_and_the_argument_names_it() -> None:
    claims = by_text(fixture("argdown-pcs-debate.argdown"))
    clean_air = claims["The old town should be closed to private cars."]
    assert clean_air.id == "clean-air"
    assert clean_air.tags == ["pro"]
    assert [c.text for c in clean_air.support] == [
        "Traffic is the main source of fine dust in the old town.",
        "Fine dust harms the health of residents.",
        "Whatever harms residents' health should be limited where it can be.",
    ]
    assert clean_air.support[1].id == "health"
    assert clean_air.note == (
        "argument <Clean air>: Fewer cars mean cleaner air for the people who live there.\n"
        "inference: Generalisation, Modus ponens"
    )


def test_an_intermediary_conclusion_is_nested_support() -> None:
    claims = by_text(fixture("argdown-pcs-debate.argdown"))
    walkers = claims["Shops gain from closing the old town."]
    assert walkers.note == (
        "argument <Walkers buy more>: People on foot stop at more shops than people in "
        "cars.\ninference: (no rule named)"
    )
    step, last = walkers.support
    assert (step.text, last.text) == (
        "Walkers spend more in a pedestrian zone than drivers.",
        "A closed old town becomes a pedestrian zone.",
    )
    assert step.note == "inference: (no rule named)"
    assert [c.text for c in step.support] == [
        "Studies of pedestrian zones found higher takings.",
        "Higher takings in pedestrian zones come from walkers.",
    ]


def test_a_conclusion_that_is_the_motion_gives_it_premises_as_pro() -> None:
    outcome = fixture("argdown-pcs-debate.argdown")
    debate = outcome.loaded.debate
    assert debate is not None
    assert [c.text for c in debate.pro] == [
        "Every shop needs goods delivered by van.",
        "A ban on cars stops the vans too.",
    ]
    # The motion has no note: what the argument said of it is named as left out.
    assert any("of the motion [Ban]" in loss.message for loss in outcome.losses)


def test_the_tour_shape_argument_reference_continuations_and_outgoing_relations() -> None:
    outcome = fixture("argdown-pcs-intro.argdown")
    debate = outcome.loaded.debate
    assert debate is not None
    claims = by_text(outcome)
    conclusion = claims["The conclusion of argument one"]
    assert conclusion.id == "argument-one"
    assert conclusion.note == (
        "argument <Argument one>\ninference: A rule with an aside (note: 1,2)"
    )
    assert [c.text for c in conclusion.support] == [
        "The first premise (spread over a second line in brackets).",
        "Another statement, defined here first.",
    ]
    # Argdown lists seven relations; five connect to the motion and are kept ...
    point_a, point_b = "A plain statement with a title.", "Another statement, defined here first."
    assert debate.motion == point_a
    assert {
        ("An argument that backs point B.", "supports", point_b),
        ("An argument against the doubter.", "rebuts", point_a),
        ("An argument against the doubter.", "rebuts", "An argument against point B."),
        ("An argument against point B.", "rebuts", point_b),
        ("The conclusion of argument one", "rebuts", point_a),
    } <= relations(outcome)
    # ... and the two whose other end nothing connects to the motion are named.
    (outside,) = [loss for loss in outcome.losses if "outside the debate" in loss.message]
    assert [item.text for item in outside.items] == [
        "(untitled, line 21) rebuts (untitled, line 22)",
        "(untitled, line 21) supports <Argument two>",
    ]


def test_uses_chooses_the_premises_of_each_inference() -> None:
    text = (
        "[T]: Thesis.\n\n(1) First.\n(2) Second.\n-- Step {uses: [1]} --\n(3) Middle.\n"
        "(4) Fourth.\n-- {uses: [2, 3, 4]} --\n(5) End.\n  -> [T]\n"
    )
    claims = by_text(argdown(text))
    end = claims["End."]
    assert [c.text for c in end.support] == ["Second.", "Middle.", "Fourth."]
    assert [c.text for c in claims["Middle."].support] == ["First."]
    assert claims["Middle."].note == "inference: Step"
    assert end.note == "inference: (no rule named)"


def test_an_inference_named_over_lines_of_its_own_and_long_lines() -> None:
    text = "[T]: Thesis.\n\n(1) P.\n--\nRule one,\nrule two\n-----\n(2) C.\n  -> [T]\n"
    claims = by_text(argdown(text))
    assert claims["C."].note == "inference: Rule one, rule two"
    assert [c.text for c in claims["C."].support] == ["P."]


def test_relations_to_the_argument_move_to_its_conclusion() -> None:
    text = (
        "[T]: Thesis.\n  - <A>\n    - [R]: A rebuttal of the argument.\n"
        "    _ <U>: An undercut of the argument.\n\n"
        "<A>: The argument.\n\n(1) First premise.\n(2) Second premise.\n----\n(3) Conclusion.\n"
    )
    outcome = argdown(text)
    debate = outcome.loaded.debate
    assert debate is not None
    [conclusion] = debate.con
    assert (conclusion.id, conclusion.text) == ("a", "Conclusion.")
    assert [r.text for r in conclusion.rebuttals] == ["A rebuttal of the argument."]
    # An undercut of the argument is one of its inference: argmap weakens the link of the
    # inference's first premise.
    first, _second = conclusion.support
    assert [(r.text, r.undercut) for r in first.rebuttals] == [
        ("An undercut of the argument.", True)
    ]


def test_an_undercut_written_below_the_inference() -> None:
    text = "[T]: Thesis.\n\n(1) P.\n(2) Q.\n----\n  <_ [U]: Not so fast.\n(3) C.\n  -> [T]\n"
    claims = by_text(argdown(text))
    p, q = claims["C."].support
    assert [(r.text, r.undercut) for r in p.rebuttals] == [("Not so fast.", True)]
    assert q.rebuttals == []


@pytest.mark.parametrize("tail", ["", "(3) C.\n  -> [T]\n(4) A premise after the conclusion.\n"])
def test_a_structure_that_does_not_end_in_a_conclusion_is_named_not_guessed(tail: str) -> None:
    text = "[T]: Thesis.\n  - [X]: Against.\n\n(1) P.\n(2) Q.\n----\n" + tail
    outcome = argdown(text)
    (loss,) = [x for x in outcome.losses if "does not end in a conclusion" in x.message]
    assert [i.text for i in loss.items][:3] == ["(1) P.", "(2) Q.", "----"]
    assert "P." not in by_text(outcome)


def test_support_across_sides_is_named_and_the_file_still_imports() -> None:
    text = "[T]: Thesis.\n  + [A]: For.\n  - [B]: Against.\n\n[A]\n  +> [B]\n"
    outcome = argdown(text)
    (loss,) = [x for x in outcome.losses if "other side" in x.message]
    assert [i.text for i in loss.items] == ["[A] supports [B]"]


# -- export ----------------------------------------------------------------------------


def round_trip(outcome: ImportOutcome) -> tuple[str, ImportOutcome]:
    graph = outcome.loaded.graph
    assert graph is not None
    text, _losses = export_text("argdown", graph)
    return text, argdown(text)


def claims_of(outcome: ImportOutcome) -> tuple[Any, ...]:
    """The debate's motion and claims, every field of every claim, in order."""
    debate = outcome.loaded.debate
    assert debate is not None
    return (debate.motion, debate.pro, debate.con)


@pytest.mark.parametrize("name", ["argdown-pcs-debate.argdown", "argdown-pcs-intro.argdown"])
def test_export_keeps_the_structures_and_imports_back_the_same(name: str) -> None:
    first = fixture(name)
    text, again = round_trip(first)
    assert claims_of(again) == claims_of(first)
    assert relations(again) == relations(first)
    assert "\n(1) [" in text


def test_exported_structure_reads_as_argdown_writes_it() -> None:
    text, _again = round_trip(fixture("argdown-pcs-debate.argdown"))
    blocks = text.split("\n\n")
    clean_air = blocks.index(
        "<Clean air>: Fewer cars mean cleaner air for the people who live there."
    )
    assert blocks[clean_air + 1].splitlines() == [
        "(1) [ad-19]: Traffic is the main source of fine dust in the old town.",
        "(2) [health]: Fine dust harms the health of residents.",
        "(3) [ad-21]: Whatever harms residents' health should be limited where it can be.",
        "-- Generalisation, Modus ponens --",
        "(4) [clean-air]",
    ]


def test_hostile_rule_and_argument_text_stay_text() -> None:
    written = r"A -\- rule \{uses: \[9]} <b> [x] \/\/ here"
    text = (
        "[T]: Thesis.\n\n<Odd \\> title>: Text with \\<angle\\> and \\[square\\] brackets.\n\n"
        f"(1) P.\n--\n{written}\n--\n(2) C.\n  -> [T]\n"
    )
    first = argdown(text)
    note = by_text(first)["C."].note
    assert note == (
        "argument <Odd \\> title>: Text with <angle> and [square] brackets.\n"
        "inference: A -- rule {uses: [9]} <b> [x] // here"
    )
    exported, again = round_trip(first)
    assert by_text(again)["C."].note == note
    assert "-- A \\-\\- rule \\{uses: \\[9\\]\\} \\<b\\> \\[x\\] \\// here --" in exported


# -- size ------------------------------------------------------------------------------


def test_ten_thousand_premises_and_a_deep_chain_need_no_recursion() -> None:
    many = "".join(f"({n}) Premise {n}.\n" for n in range(1, 10_001))
    outcome = argdown(f"[T]: Thesis.\n\n{many}----\n(10001) C.\n  -> [T]\n")
    [conclusion] = outcome.loaded.debate.con if outcome.loaded.debate else []
    assert len(conclusion.support) == 10_000
    # A chain of intermediary conclusions as deep as argmap reads debates, written back.
    depth = 190
    chain = "(1) Start.\n" + "".join(f"----\n({n}) Step {n}.\n" for n in range(2, depth + 1))
    deep = argdown(f"[T]: Thesis.\n\n{chain}  -> [T]\n")
    graph = deep.loaded.graph
    assert graph is not None and len(graph.nodes) == depth + 1
    text, again = round_trip(deep)
    assert claims_of(again) == claims_of(deep)
    assert text.count("\n----\n") == depth - 1


def test_a_chain_deeper_than_python_recursion_is_refused_with_a_message() -> None:
    depth = sys.getrecursionlimit() + 100
    chain = "(1) Start.\n" + "".join(f"----\n({n}) Step {n}.\n" for n in range(2, depth + 1))
    with pytest.raises(InteropError, match="nest deeper than"):
        import_text("argdown", f"[T]: Thesis.\n\n{chain}  -> [T]\n", "deep.yaml")


def export_yaml(text: str) -> tuple[str, ImportOutcome]:
    loaded = load_text(text, "hand.yaml")
    assert loaded.graph is not None, [d.format() for d in loaded.diagnostics]
    exported, _losses = export_text("argdown", loaded.graph)
    return exported, argdown(exported)


HAND = """\
version: 1
title: Hand written
motion: The motion.
con:
  - id: because
    text: A conclusion.
    note: "{note}"
    support:
      - id: first
        text: A premise.
      - id: second
        text: Another premise.
"""


def test_a_hand_written_inference_note_is_written_as_a_structure() -> None:
    note = "inference: Modus tollens\\nchecked in class"
    exported, again = export_yaml(HAND.format(note=note))
    assert "(1) [first]: A premise.\n(2) [second]: Another premise.\n" in exported
    assert "-- Modus tollens --\n(3) [because]" in exported
    assert '- [because]: A conclusion. {"note": "checked in class"}' in exported
    debate = again.loaded.debate
    assert debate is not None
    assert debate.con[0].note == "inference: Modus tollens\nchecked in class"


def test_a_note_that_only_mentions_an_inference_later_stays_a_note() -> None:
    note = "checked in class\\ninference: Modus tollens"
    exported, again = export_yaml(HAND.format(note=note))
    assert "(1) [" not in exported
    debate = again.loaded.debate
    assert debate is not None
    assert debate.con[0].note == "checked in class\ninference: Modus tollens"
    assert [c.id for c in debate.con[0].support] == ["first", "second"]


def test_the_motion_is_the_candidate_that_keeps_most_of_the_document() -> None:
    # [Small] has more attacks written as such, but [Evidence] is concluded by a structure
    # whose premises are attacked in turn: it keeps more claims, so it is the motion.
    text = (
        "[Small]: Small.\n  - [x]: X.\n  - [y]: Y.\n\n"
        "(1) [Hypothesis]: A hypothesis.\n  - [Rival]: A rival.\n(2) An assumption.\n"
        "(3) Another assumption.\n----\n(4) [Evidence]: The evidence.\n"
    )
    outcome = argdown(text)
    debate = outcome.loaded.debate
    assert debate is not None
    assert debate.motion == "The evidence."
    assert [c.text for c in debate.pro] == [
        "A hypothesis.",
        "An assumption.",
        "Another assumption.",
    ]
    assert [r.text for r in debate.pro[0].rebuttals] == ["A rival."]


def test_a_structure_right_below_its_argument_is_read_with_a_warning() -> None:
    # Argdown itself wants an empty line between the two; the intent is plain.
    text = "[T]: Thesis.\n\n<A>: Desc.\n(1)\nP over\ntwo lines.\n(2) Q.\n----\n(3) C.\n  -> [T]\n"
    outcome = argdown(text)
    debate = outcome.loaded.debate
    assert debate is not None
    [conclusion] = debate.con
    assert (conclusion.id, conclusion.text) == ("a", "C.")
    assert [c.text for c in conclusion.support] == ["P over two lines.", "Q."]
    (warning,) = [x for x in outcome.losses if "not look like valid Argdown" in x.message]
    assert warning.line == 4


def test_an_undercut_claim_with_an_inference_note_stays_an_argument_in_the_tree() -> None:
    # Argdown undercuts arguments, and a structure's conclusion is a statement: the claim
    # stays an argument, its support nested below it and its note kept as data.
    text = (
        "version: 1\ntitle: Hand written\nmotion: The motion.\ncon:\n"
        "  - id: because\n    text: A conclusion.\n    note: 'inference: Modus tollens'\n"
        "    support:\n      - id: first\n        text: A premise.\n"
        "    rebuttals:\n      - id: cut\n        undercut: true\n        text: Not so.\n"
    )
    first = load_text(text, "hand.yaml")
    assert first.debate is not None, [d.format() for d in first.diagnostics]
    exported, again = export_yaml(text)
    assert "(1) [" not in exported
    assert "- <because>: A conclusion." in exported
    assert claims_of(again)[2] == first.debate.con


def test_intermediary_conclusions_are_written_inside_one_structure_with_their_uses() -> None:
    text = (
        "[T]: Thesis.\n\n<Two steps>: Both halves.\n\n(1) P1.\n----\n(2) M1.\n  - [R]: Not M1.\n"
        "(3) P2.\n-- Halving {uses: [3]} --\n(4) M2.\n-- {uses: [2, 4]} --\n(5) C.\n  -> [T]\n"
    )
    first = argdown(text)
    conclusion = by_text(first)["C."]
    assert [c.text for c in conclusion.support] == ["M1.", "M2."]
    exported, again = round_trip(first)
    assert claims_of(again) == claims_of(first)
    structure = exported.split("<Two steps>: Both halves.\n\n")[1].splitlines()
    assert [line.split(":")[0] for line in structure] == [
        "(1) [ad-5]",
        "----",
        "(2) [ad-7]",
        "  - [r]",
        "(3) [ad-9]",
        "-- Halving {uses",
        "(4) [ad-11]",
        "-- {uses",
        "(5) [two-steps]",
    ]
    assert "-- Halving {uses: [3]} --" in structure
    assert "-- {uses: [2, 4]} --" in structure
