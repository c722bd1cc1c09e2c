"""argmap.locate: what is at an offset of a debate file's text, and where ids are used."""

from __future__ import annotations

import textwrap

import pytest
from helpers import ARGUMENTS

from argmap.ids import LineMap
from argmap.load import load_file, load_text
from argmap.locate import (
    Role,
    context_at,
    id_insertion,
    index_text,
    is_debate_text,
    suggest_id,
)

TEXT = textwrap.dedent(
    """\
    id: trade
    title: Trade
    motion: Trade should be free.
    tags: [economy]
    sources:
      - id: report
        title: A report
    pro:
      - id: growth
        text: Economies grow.
        sources: [report]
        tags: [economy, growth]
        rebuttals:
          - text: The gains go to few.
            also_rebuts: ['jobs']
            see: [labour:wages, labour]
    con:
      - id: jobs
        kind: evidence
        text: Jobs move abroad.
        sources:
          - report
    expect:
      standing: [jobs, motion]
    """
)


def at(text: str, needle: str, shift: int = 0) -> int:
    return text.index(needle) + shift


def test_every_naming_token_is_found_with_its_role() -> None:
    index = index_text(TEXT)
    assert index is not None
    found = [(t.role, t.value, TEXT[t.start : t.end]) for t in index.tokens]
    assert (Role.DEBATE_ID, "trade", "trade") in found
    assert (Role.SOURCE_ID, "report", "report") in found
    assert [v for r, v, _ in found if r is Role.SOURCE_REF] == ["report", "report"]
    assert [v for r, v, _ in found if r is Role.CLAIM_REF] == ["jobs", "jobs", "motion"]
    assert [v for r, v, _ in found if r is Role.SEE_DEBATE] == ["labour", "labour"]
    assert [v for r, v, _ in found if r is Role.SEE_CLAIM] == ["wages"]
    assert [v for r, v, _ in found if r is Role.KIND] == ["evidence"]
    assert index.tags() == ["economy", "growth"]
    # Every token's span is exactly its value; quotes are not part of it.
    assert all(v == s for r, v, s in found if r is not Role.TEXT)


def test_token_at_an_offset_and_the_claim_around_it() -> None:
    index = index_text(TEXT)
    assert index is not None
    quoted = index.token_at(at(TEXT, "'jobs'", 3))
    assert quoted is not None and quoted.role is Role.CLAIM_REF
    assert quoted.claim == "growth.r1" and quoted.key == "also_rebuts"
    see = index.token_at(at(TEXT, "labour:wages", 8))
    assert see is not None and (see.role, see.debate, see.value) == (
        Role.SEE_CLAIM,
        "labour",
        "wages",
    )
    # A cursor right after a word still names it.
    end = index.token_at(at(TEXT, "id: growth", 10))
    assert end is not None and end.role is Role.CLAIM_ID
    assert index.token_at(at(TEXT, "title: Trade", 1)) is None
    place = index.claim_at(at(TEXT, "gains go"))
    assert place is not None and place.id == "growth.r1"
    assert (place.side, place.parent, place.relation) == ("con", "growth", "r")
    growth = index.claims["growth"]
    assert TEXT[growth.start : growth.end].endswith("see: [labour:wages, labour]")
    assert growth.children == ["growth.r1"]


def test_definitions_and_uses() -> None:
    index = index_text(TEXT)
    assert index is not None
    start, end = index.definition("jobs") or (0, 0)
    assert TEXT[start:end] == "jobs" and start == at(TEXT, "id: jobs", 4)
    generated = index.definition("growth.r1")
    assert generated == (at(TEXT, "text: The gains"),) * 2
    motion = index.definition("motion")
    assert motion is not None and TEXT[motion[0] : motion[1]] == "Trade should be free."
    assert [t.key for t in index.claim_uses("jobs")] == ["also_rebuts", "standing"]
    assert len(index.source_uses("report")) == 2
    assert [t.value for t in index.see_links("labour")] == ["labour", "labour"]
    assert [t.value for t in index.see_links("labour", "wages")] == ["wages"]


@pytest.mark.parametrize("path", sorted(ARGUMENTS.glob("*.yaml")), ids=lambda p: p.stem)
def test_ids_sides_and_parents_match_the_loader(path: object) -> None:
    loaded = load_file(path)  # type: ignore[arg-type]
    index = index_text(loaded.text)
    assert index is not None
    graph = loaded.graph
    assert set(index.claims) == set(graph.nodes) - {"motion"}
    for node in graph.claims():
        place = index.claims[node.id]
        assert node.side is not None
        assert (place.side, place.parent) == (node.side.value, node.parent)
        assert index.lines.position(place.start) == (node.line, node.col)


def test_line_map_counts_characters_and_editor_lines() -> None:
    text = "a: 1\r\nb: 😀x\rc: \u2028d\n"
    lines = LineMap(text)
    assert lines.position(text.index("x")) == (2, 5)
    assert lines.position(text.index("d")) == (3, 5)  # U+2028 does not end an editor line
    assert lines.offset(2, 5) == text.index("x")
    assert lines.line_text(2) == "b: 😀x"
    assert lines.offset(9, 1) == len(text)


def test_text_that_is_not_yaml_or_not_a_mapping_has_no_index() -> None:
    assert index_text("pro: [unclosed\n") is None
    assert index_text("- a list\n") is None
    assert index_text(TEXT.replace("'jobs'", '"jo\\x62s"')) is not None
    escaped = index_text(TEXT.replace("'jobs'", '"jo\\x62s"'))
    assert escaped is not None
    # An escaped scalar has no span equal to its value: it is not offered for renames.
    assert [t.start for t in escaped.claim_uses("jobs")] == [at(escaped.text, "jobs, motion")]


def test_is_debate_text_needs_a_top_level_motion() -> None:
    assert is_debate_text(TEXT)
    assert is_debate_text("title: x\nmotion: [broken\n")
    assert not is_debate_text("jobs:\n  motion: 3\n")


def test_suggest_id_and_where_it_goes() -> None:
    assert suggest_id("The gains go to few.", set()) == "gains-go-few"
    assert suggest_id("The gains go to few.", {"gains-go-few"}) == "gains-go-few-2"
    assert suggest_id("!!!", set()) == "claim"
    index = index_text(TEXT)
    assert index is not None
    offset, insert = id_insertion(index, "growth.r1", "gains-go-few") or (0, "")
    after = TEXT[:offset] + insert + TEXT[offset:]
    assert "      - id: gains-go-few\n        text: The gains go to few." in after
    assert load_text(after).ok
    assert id_insertion(index, "growth", "x") is None  # already has one
    assert id_insertion(index, "growth.r1", "Not A Slug") is None


@pytest.mark.parametrize(
    ("typed", "value_of", "mapping", "prefix"),
    [
        ("    also_rebuts: [jobs, gr", "also_rebuts", "claim", "gr"),
        ("    kind: ev", "kind", "claim", "ev"),
        ("    see: [labour:wa", "see", "claim", "labour:wa"),
        ("    te", None, "claim", "te"),
        ("  - te", None, "claim", "te"),
        ("summ", None, "debate", "summ"),
    ],
)
def test_context_at_the_end_of_a_line_being_typed(
    typed: str, value_of: str | None, mapping: str, prefix: str
) -> None:
    text = TEXT.replace("    kind: evidence\n", typed + "\n")
    context = context_at(text, text.index(typed) + len(typed))
    assert (context.value_of, context.mapping, context.prefix) == (value_of, mapping, prefix)


def test_context_in_block_lists_and_special_mappings() -> None:
    text = TEXT.replace("      - report\n", "      - rep\n")
    context = context_at(text, text.index("- rep") + 5)
    assert (context.value_of, context.mapping, context.prefix) == ("sources", "claim", "rep")
    expect = TEXT.replace("  standing: [jobs, motion]", "  defeated: [gr")
    context = context_at(expect, expect.index("[gr") + 3)
    assert (context.value_of, context.mapping) == ("defeated", "expect")
    source = TEXT.replace("    title: A report", "    ti")
    context = context_at(source, source.index("    ti") + 6)
    assert (context.value_of, context.mapping) == (None, "source")
    assert context.present == frozenset({"id"})


def test_hostile_text_is_neither_composed_too_deep_nor_expanded() -> None:
    deep = "title: T\nmotion: M.\npro: " + "[" * 60_000 + "]" * 60_000
    assert index_text(deep) is None  # libyaml would recurse until the process crashes
    assert index_text("title: T\nmotion: M.\x00\n") is None
    lines = ["title: Bomb", "motion: M.", "pro:", "  - &c0 {text: a}"]
    for level in range(1, 9):
        lines.append(
            f"  - &c{level} {{text: t{level}, rebuttals: [{', '.join([f'*c{level - 1}'] * 10)}]}}"
        )
    index = index_text("\n".join(lines) + "\n")
    assert index is not None
    # Nine claim mappings are written; through the aliases they would be 10**8 claims.
    assert len(index.order) == 9
