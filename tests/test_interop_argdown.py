"""Argdown import: the syntax guide's own examples (expected results written by hand from
https://argdown.org/syntax and the guide's "Elements of an argument map"), what is named
in the loss report, and round trips argmap -> Argdown -> argmap."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import ARGUMENTS
from hypothesis import given
from test_interop_roundtrip import FAST, debates, load_generated

from argmap.interop import ImportOutcome, InteropError, export_text, import_text
from argmap.load import load_file
from argmap.semantics import grounded

DATA = Path(__file__).parent / "data" / "interop"


def argdown(text: str, motion: str | None = None) -> ImportOutcome:
    outcome = import_text("argdown", text, "imported.yaml", motion=motion)
    assert outcome.loaded.ok, [d.format() for d in outcome.loaded.diagnostics]
    return outcome


def messages(outcome: ImportOutcome) -> list[str]:
    return [loss.message for loss in outcome.losses]


def test_elements_of_an_argument_map_attack_support_and_undercut() -> None:
    # The guide's example: argument 1 attacks the statement, argument 2 supports it, and
    # argument 3 undercuts argument 2; the definitions come in later blocks.
    outcome = argdown((DATA / "argdown-elements.argdown").read_text(encoding="utf-8"))
    debate = outcome.loaded.debate
    assert debate is not None
    assert debate.motion == "I am a statement."
    assert [(c.id, c.text, c.tags) for c in debate.pro] == [
        ("argument-2", "I am a supporting argument.", ["tag3"])
    ]
    assert [(c.id, c.text) for c in debate.con] == [("argument-1", "I am an attacking argument.")]
    [undercut] = debate.pro[0].rebuttals
    assert undercut.undercut and undercut.text == "I am an undercut argument."
    notes = messages(outcome)
    assert "front-matter settings argmap has no use for left out: model" in notes
    headings = next(loss for loss in outcome.losses if "headings" in loss.message)
    assert [i.text for i in headings.items] == ["I am a group", "I am a subgroup"]


INTRO = """\
[Statement 1]: Another statement, this time with a title.

[Statement 2]: The previous statement was @[Statement 1].
  + <Argument title>: Statements can be supported by __arguments__.
  Arguments are defined by using angle brackets.
  - <Another argument>: This arguments attacks @[Statement 2].
    - <Yet another argument>: Arguments can also be supported or attacked.
      -> [Statement 1]
      <!--
      A multiline comment.
      -->
"""


def test_syntax_guide_tree_nesting_continuation_lines_and_comments() -> None:
    outcome = argdown(INTRO)
    debate = outcome.loaded.debate
    assert debate is not None
    assert debate.motion == "The previous statement was @[Statement 1]."
    assert debate.pro[0].text == (
        "Statements can be supported by arguments. Arguments are defined by using angle brackets."
    )
    assert debate.con[0].id == "another-argument"
    assert [c.text for c in debate.con[0].rebuttals] == [
        "Arguments can also be supported or attacked."
    ]
    # [Statement 1] is only attacked, never a premise of the motion's tree: named, not dropped.
    [left] = [loss for loss in outcome.losses if "not connected" in loss.message]
    assert [(i.id, i.text) for i in left.items] == [
        ("[Statement 1]", "Another statement, this time with a title.")
    ]


def test_outgoing_relations_make_the_parent_the_premise() -> None:
    outcome = argdown(
        "[Thesis]: T.\n\n[Reason]: R.\n  +> [Thesis]\n\n[Objection]: O.\n  -> [Thesis]\n"
    )
    debate = outcome.loaded.debate
    assert debate is not None and debate.motion == "T."
    assert [c.text for c in debate.pro] == ["R."]
    assert [c.text for c in debate.con] == ["O."]


def test_incoming_forms_with_arrows_and_tags_with_spaces() -> None:
    outcome = argdown("[T]: Thesis.\n  <+ [a]: Yes. #(good point)\n  <- [b]: No.\n")
    debate = outcome.loaded.debate
    assert debate is not None
    assert debate.pro[0].tags == ["good-point"]
    assert debate.con[0].id == "b"


def test_contradiction_is_an_attack_each_way() -> None:
    outcome = argdown("[T]: Thesis.\n  - [a]: A.\n    >< [b]: B.\n")
    graph = outcome.loaded.graph
    assert graph.node("b").parent == "a"
    a = graph.node("a").claim
    assert a is not None and a.also_rebuts == ["b"]


def test_motion_flag_and_most_incoming_relations() -> None:
    text = "[A]: First.\n  + [B]: Second.\n  - [C]: Third.\n\n[B]\n  - [D]: Fourth.\n"
    assert argdown(text).loaded.graph.motion.text == "First."
    chosen = argdown(text, motion="B")
    assert chosen.loaded.graph.motion.text == "Second."
    assert [c.text for c in chosen.loaded.graph.debate.con] == ["Fourth."]
    with pytest.raises(InteropError, match="no statement or argument has that title"):
        import_text("argdown", text, "x.yaml", motion="Z")


def test_a_pcs_reconstructs_the_argument_above_it_and_lists_are_named() -> None:
    text = (
        "[T]: Thesis.\n  + <Arg>: Because.\n\n<Arg>\n\n(1) Premise one\n(2) Premise two\n"
        "----\n(3) Conclusion\n\n* a list item\n"
    )
    outcome = argdown(text)
    debate = outcome.loaded.debate
    assert debate is not None
    [argument] = debate.pro
    assert (argument.id, argument.text) == ("arg", "Conclusion")
    assert [c.text for c in argument.support] == ["Premise one", "Premise two"]
    assert not [m for m in messages(outcome) if "premise–conclusion" in m]
    assert any("a list" in m for m in messages(outcome))


def test_links_become_sources_and_markup_is_removed() -> None:
    outcome = argdown("[T]: Thesis.\n  + [r]: See the [report](https://example.org/r) *now*.\n")
    debate = outcome.loaded.debate
    assert debate is not None
    assert debate.pro[0].text == "See the report now."
    assert debate.pro[0].sources == ["link-1"]
    assert debate.sources[0].url == "https://example.org/r"


def test_a_title_defined_twice_keeps_the_first_text_and_says_so() -> None:
    outcome = argdown("[T]: Thesis.\n  + [r]: One.\n\n[r]: Two.\n")
    assert outcome.loaded.debate is not None
    assert outcome.loaded.debate.pro[0].text == "One."
    assert any("1 later definition of a title with another" in m for m in messages(outcome))
    # The same text again loses nothing, and is not reported.
    same = argdown("[T]: Thesis.\n  + [r]: One.\n\n[r]:   One.\n")
    assert not any("later definition" in m for m in messages(same))


def test_untitled_statements_become_claims_with_generated_ids() -> None:
    outcome = argdown("[T]: Thesis.\n  + An untitled reason.\n  - Another, untitled.\n")
    debate = outcome.loaded.debate
    assert debate is not None
    assert [c.text for c in debate.pro] == ["An untitled reason."]
    assert [c.text for c in debate.con] == ["Another, untitled."]
    assert debate.pro[0].id != debate.con[0].id


def test_a_multi_line_comment_keeps_the_line_numbers_after_it() -> None:
    outcome = argdown("/* one\ntwo\nthree */\n[T]: Thesis.\n  + [r]: One.\n\n[r]: Two.\n")
    [twice] = [loss for loss in outcome.losses if "later definition" in loss.message]
    assert [item.id for item in twice.items] == ["[r] at line 7"]


def test_a_statement_and_an_argument_with_the_same_title_get_different_ids() -> None:
    outcome = argdown("[T]: Thesis.\n  + [r]: One.\n  - <r>: Two.\n")
    debate = outcome.loaded.debate
    assert debate is not None
    assert [(c.id, c.text) for c in (*debate.pro, *debate.con)] == [
        ("r", "One."),
        ("r-2", "Two."),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "holds no statement"),
        ("[A]: alone.\n", "no relations"),
        ("===\ntitle: x\n", "never closed"),
        ("===\n- a\n===\n[A]: x\n", "must be a YAML mapping"),
    ],
)
def test_bad_argdown_gets_a_clear_error(text: str, message: str) -> None:
    with pytest.raises(InteropError, match=message):
        import_text("argdown", text, "bad.yaml")


def _without_expect(loaded: Any) -> Any:
    return loaded.debate._replace(expect=None)


BUNDLED = sorted(ARGUMENTS.glob("*.yaml"))


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_bundled_debates_round_trip_through_argdown(path: Path) -> None:
    loaded = load_file(path)
    text, _ = export_text("argdown", loaded.graph)
    outcome = argdown(text)
    assert outcome.losses == []
    assert outcome.loaded.debate == _without_expect(loaded)
    before, after = loaded.graph, outcome.loaded.graph
    assert sorted(map(repr, after.edges)) == sorted(map(repr, before.edges))
    assert grounded(after).labels == grounded(before).labels


def test_all_seven_bundled_debates_are_covered() -> None:
    assert len(BUNDLED) == 7


def _one_line(data: Any) -> Any:
    """Argdown keeps a statement on one line: the same debate with whitespace collapsed."""
    if isinstance(data, dict):
        return {
            k: (" ".join(v.split()) if k in {"text", "motion"} else _one_line(v))
            for k, v in data.items()
        }
    if isinstance(data, list):
        return [_one_line(v) for v in data]
    return data


@FAST
@given(debates())
def test_generated_debates_round_trip_through_argdown(data: dict[str, Any]) -> None:
    loaded = load_generated(_one_line(data))
    text, _ = export_text("argdown", loaded.graph)
    outcome = import_text("argdown", text, "generated.yaml")
    assert outcome.loaded.ok, [d.format() for d in outcome.loaded.diagnostics]
    assert outcome.losses == []
    assert outcome.loaded.debate == _without_expect(loaded)
    assert grounded(outcome.loaded.graph).labels == grounded(loaded.graph).labels
