"""Edits of a commented, hand-formatted debate change only the lines they must."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from argmap.edit import EditRefused, add_child, add_top_level, remove_claim, set_fields
from argmap.edit.scalars import block_scalar, double_quoted, inline_scalar
from argmap.load import load_text

FIXTURE = Path(__file__).parent / "data" / "edit" / "commented.yaml"
TEXT = FIXTURE.read_text(encoding="utf-8")

Lines = list[tuple[int, str]]


def diff(before: str, after: str) -> tuple[Lines, Lines]:
    """Lines removed (1-based number in `before`) and added (number in `after`)."""
    old, new = before.splitlines(), after.splitlines()
    removed: Lines = []
    added: Lines = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            removed += [(i + 1, old[i]) for i in range(i1, i2)]
            added += [(j + 1, new[j]) for j in range(j1, j2)]
    return removed, added


def claim(text: str, claim_id: str) -> dict[str, object]:
    loaded = load_text(text)
    assert loaded.ok, [d.format() for d in loaded.diagnostics]
    node = loaded.graph.nodes[claim_id]
    assert node.claim is not None
    return node.claim._asdict()


def test_fixture_is_valid_and_has_a_claim_without_id() -> None:
    loaded = load_text(TEXT)
    assert loaded.ok
    assert "cost.s1" in loaded.graph.nodes
    assert "queue.r1" in loaded.graph.nodes


# --- add -----------------------------------------------------------------------------------


def test_add_rebuttal_appends_after_last_sibling_with_its_indentation() -> None:
    edit = add_child(TEXT, "cost", "rebuttal", "Queues: a fair point #2", new_id="slots")
    removed, added = diff(TEXT, edit.after)
    assert removed == []
    assert added == [
        (43, "    - id: slots"),
        (44, '      text: "Queues: a fair point #2"'),
    ]
    assert edit.claim_id == "slots"
    assert edit.line == 43
    assert claim(edit.after, "slots")["text"] == "Queues: a fair point #2"
    assert edit.before == TEXT


def test_add_rebuttal_under_claim_without_rebuttals_adds_the_key() -> None:
    edit = add_child(TEXT, "upkeep", "rebuttal", "Service contracts fix that.", kind="evidence")
    removed, added = diff(TEXT, edit.after)
    assert removed == []
    assert added == [
        (43, "      rebuttals:"),
        (44, "        - text: Service contracts fix that."),
        (45, "          kind: evidence"),
    ]
    assert edit.claim_id == "upkeep.r1"
    assert claim(edit.after, "upkeep.r1")["kind"] == "evidence"


def test_add_under_generated_id_and_deep_block_list() -> None:
    edit = add_child(TEXT, "queue.r1", "support", "yes")
    _, added = diff(TEXT, edit.after)
    assert added == [(39, "          support:"), (40, '            - text: "yes"')]
    assert claim(edit.after, "queue.r1.s1")["text"] == "yes"


def test_add_to_empty_flow_list_turns_it_into_a_block_and_keeps_the_comment() -> None:
    edit = add_child(TEXT, "training", "rebuttal", "Line one\nline two")
    removed, added = diff(TEXT, edit.after)
    assert removed == [(52, "  rebuttals: []   # none yet")]
    assert added == [
        (52, "  rebuttals:   # none yet"),
        (53, '    - text: "Line one\\nline two"'),
    ]
    assert claim(edit.after, "training.r1")["text"] == "Line one\nline two"


def test_add_top_level_follows_an_unindented_sequence() -> None:
    edit = add_top_level(TEXT, "pro", "Shared rigs get better upkeep.", new_id="upkeep-better")
    _, added = diff(TEXT, edit.after)
    assert added == [(53, "- id: upkeep-better"), (54, "  text: Shared rigs get better upkeep.")]


def test_add_top_level_con_follows_an_indented_sequence() -> None:
    edit = add_top_level(TEXT, "con", "Export rules forbid it.")
    _, added = diff(TEXT, edit.after)
    assert added == [(66, "  - text: Export rules forbid it.")]
    assert edit.claim_id == "con.3"


def test_add_side_key_when_absent() -> None:
    text = "title: T\nmotion: M\npro:\n  - text: A\n"
    edit = add_top_level(text, "con", "B")
    assert edit.after == text + "con:\n  - text: B\n"


def test_add_to_file_without_final_newline() -> None:
    text = "title: T\nmotion: M\npro:\n  - text: A"
    edit = add_top_level(text, "pro", "B")
    assert edit.after == text + "\n  - text: B"


@pytest.mark.parametrize(
    ("new_id", "reason"),
    [
        ("cost", "already used"),
        ("Bad Id", "not a valid id"),
        ("motion", "reserved"),
    ],
)
def test_add_refuses_bad_ids(new_id: str, reason: str) -> None:
    with pytest.raises(EditRefused, match=reason):
        add_child(TEXT, "cost", "rebuttal", "x", new_id=new_id)


def test_unknown_parent_lists_close_matches() -> None:
    with pytest.raises(EditRefused, match="no claim with id 'qeue'; did you mean queue"):
        add_child(TEXT, "qeue", "rebuttal", "x")


def test_empty_text_is_refused() -> None:
    with pytest.raises(EditRefused, match="must not be empty"):
        add_top_level(TEXT, "pro", "   ")


# --- set -----------------------------------------------------------------------------------


def test_set_text_keeps_double_quotes_and_replaces_only_the_value() -> None:
    edit = set_fields(TEXT, "queue", {"text": "Queues grow: projects wait"})
    removed, added = diff(TEXT, edit.after)
    assert removed == [
        (30, '      text: "Shared instruments mean long queues: local projects wait."')
    ]
    assert added == [(30, '      text: "Queues grow: projects wait"')]


def test_set_text_keeps_single_quotes() -> None:
    edit = set_fields(TEXT, "upkeep", {"text": "It's everyone's job"})
    _, added = diff(TEXT, edit.after)
    assert added == [(41, "      text: 'It''s everyone''s job'")]
    assert claim(edit.after, "upkeep")["text"] == "It's everyone's job"


def test_set_text_of_folded_block_scalar_keeps_the_style() -> None:
    edit = set_fields(TEXT, "training", {"text": "Students learn to work abroad."})
    removed, added = diff(TEXT, edit.after)
    assert [n for n, _ in removed] == [50, 51]
    assert added == [(50, "    Students learn to work abroad.")]
    assert "  text: >-\n    Students learn" in edit.after


def test_set_a_block_scalar_on_the_last_line_of_a_file_without_a_final_line_break() -> None:
    text = "title: T\nmotion: M.\npro:\n  - id: a\n    text: >-\n      Old text here."
    edit = set_fields(text, "a", {"text": "New text."})
    assert edit.after == text.replace("Old text here.", "New text.")


def test_set_a_key_written_empty_fills_in_its_value_after_the_colon() -> None:
    text = "title: T\nmotion: M\npro:\n  - id: a\n    text: A\n    note:\n    tags: [x]\n"
    edit = set_fields(text, "a", {"note": "Now said."})
    assert edit.after == text.replace("    note:\n", "    note: Now said.\n")


def test_set_note_in_literal_block_keeps_the_style_and_indentation() -> None:
    edit = set_fields(TEXT, "queue", {"note": "First.\nSecond.\n"})
    removed, added = diff(TEXT, edit.after)
    assert [n for n, _ in removed] == [32, 33]
    assert added == [(32, "        First."), (33, "        Second.")]
    assert claim(edit.after, "queue")["note"] == "First.\nSecond.\n"


@pytest.mark.parametrize(
    ("note", "written"),
    [
        ("", '      note: ""'),
        ("\n indented", '      note: "\\n indented"'),
        ("one\u2028two", '      note: "one\\Ltwo"'),
        ("one\rtwo", '      note: "one\\rtwo"'),
        ("\ufeffone", '      note: "\\ufeffone"'),
        ("bell\x07", '      note: "bell\\a"'),
        ("\tTabbed.\nSecond.", '      note: "\\tTabbed.\\nSecond."'),
    ],
)
def test_a_note_a_block_cannot_hold_is_written_quoted(note: str, written: str) -> None:
    # Empty, or a first blank line before an indented one (a block scalar would take that
    # indentation for its own and lose a space), a tab opening the first line, a line break
    # other than LF, a BOM or a control character (a block holds them raw, and YAML reads
    # them back otherwise or not at all): the literal block gives way to quotes.
    edit = set_fields(TEXT, "queue", {"note": note})
    _, added = diff(TEXT, edit.after)
    assert added == [(31, written)]
    assert claim(edit.after, "queue")["note"] == note


def test_set_adds_missing_keys_after_the_last_key() -> None:
    edit = set_fields(TEXT, "control", {"note": "See the 2023 review.", "tags": ["power"]})
    removed, added = diff(TEXT, edit.after)
    assert removed == []
    # Added in the order of EDITABLE_FIELDS, whatever order they were given in.
    assert added == [(60, "    tags: [power]"), (61, "    note: See the 2023 review.")]


def test_set_block_list_keeps_block_style() -> None:
    edit = set_fields(TEXT, "queue.r1", {"sources": ["irc"]})
    removed, added = diff(TEXT, edit.after)
    assert removed == [(37, "            - grc")]
    assert added == []


def test_set_flow_list_and_scalar_replace_only_their_values() -> None:
    edit = set_fields(TEXT, "cost", {"sources": ["irc", "grc"], "weight": 2})
    removed, added = diff(TEXT, edit.after)
    assert removed == [(25, "  sources: [irc]"), (26, "  weight: 4")]
    assert added == [(25, "  sources: [irc, grc]"), (26, "  weight: 2")]


def test_set_none_and_empty_remove_keys_with_their_lines() -> None:
    edit = set_fields(TEXT, "queue", {"note": None})
    removed, added = diff(TEXT, edit.after)
    assert [n for n, _ in removed] == [31, 32, 33]
    assert added == []
    edit = set_fields(TEXT, "upkeep", {"tags": []})
    removed, _ = diff(TEXT, edit.after)
    assert removed == [(42, "      tags: [maintenance]")]
    edit = set_fields(TEXT, "upkeep", {"tags": ["a"]})
    assert diff(TEXT, edit.after)[1] == [(42, "      tags: [a]")]


def test_set_same_value_changes_nothing() -> None:
    edit = set_fields(TEXT, "cost", {"weight": 4, "kind": "claim"})
    assert edit.after == TEXT
    assert not edit.changed


def test_set_value_needing_quotes_reads_back() -> None:
    tricky = 'yes: [1AC] "quoted" # not a comment\ttab'
    edit = set_fields(TEXT, "cost", {"text": tricky, "tags": ["123", "null"]})
    data = claim(edit.after, "cost")
    assert data["text"] == tricky
    assert data["tags"] == ["123", "null"]


def test_set_invalid_value_is_refused_with_diagnostics() -> None:
    with pytest.raises(EditRefused) as refused:
        set_fields(TEXT, "cost", {"sources": ["nowhere"]})
    assert "unknown source 'nowhere'" in refused.value.message
    assert refused.value.diagnostics


def test_set_refuses_removing_text_and_unknown_fields() -> None:
    with pytest.raises(EditRefused, match="must not be empty"):
        set_fields(TEXT, "cost", {"text": None})
    with pytest.raises(EditRefused, match="cannot set rebuttals"):
        set_fields(TEXT, "cost", {"rebuttals": []})


def test_set_first_key_on_dash_line_can_be_removed() -> None:
    text = "title: T\nmotion: M\npro:\n  - weight: 3\n    text: A\n"
    edit = set_fields(text, "pro.1", {"weight": None})
    assert edit.after == "title: T\nmotion: M\npro:\n  - text: A\n"


# --- remove --------------------------------------------------------------------------------


def test_remove_deletes_exactly_the_claim_lines() -> None:
    edit = remove_claim(TEXT, "upkeep")
    removed, added = diff(TEXT, edit.after)
    assert [n for n, _ in removed] == [40, 41, 42]
    assert added == []


def test_remove_takes_its_leading_comment() -> None:
    edit = remove_claim(TEXT, "security")
    removed, _ = diff(TEXT, edit.after)
    assert [n for n, _ in removed] == [61, 62, 63, 64, 65]
    assert removed[0] == (61, "  # A claim with its own leading comment.")


def test_remove_between_blank_lines_keeps_one_blank_line() -> None:
    text = "title: T\nmotion: M\ncon:\n  - text: A\n\n  - text: B\n\n  - text: C\n"
    edit = remove_claim(text, "con.2")
    assert edit.after == "title: T\nmotion: M\ncon:\n  - text: A\n\n  - text: C\n"


def test_remove_last_rebuttal_removes_the_key() -> None:
    edit = remove_claim(TEXT, "queue.r1")
    removed, added = diff(TEXT, edit.after)
    assert [n for n, _ in removed] == [34, 35, 36, 37, 38]
    assert removed[0] == (34, "      rebuttals:")
    assert added == []


def test_remove_last_top_level_claim_leaves_an_empty_list() -> None:
    text = "title: T\nmotion: M\npro:  # ours\n  - text: A\ncon:\n  - text: B\n"
    edit = remove_claim(text, "pro.1")
    assert edit.after == "title: T\nmotion: M\npro: []  # ours\ncon:\n  - text: B\n"


def test_remove_refuses_when_linked_and_names_the_linking_claims() -> None:
    with pytest.raises(EditRefused) as refused:
        remove_claim(TEXT, "cost")
    assert "'control' (line 56) also_rebuts cost" in refused.value.message
    assert refused.value.links_block_removal


def test_remove_refuses_when_a_claim_below_is_linked() -> None:
    text = TEXT.replace("also_rebuts: [cost]", "also_rebuts: [queue]")
    with pytest.raises(EditRefused, match="also_rebuts queue"):
        remove_claim(text, "cost")


def test_force_remove_also_removes_the_links() -> None:
    edit = remove_claim(TEXT, "cost", force=True)
    removed, added = diff(TEXT, edit.after)
    assert added == []
    assert (58, "    also_rebuts: [cost]   # answers the cost argument too") in removed
    assert [n for n, _ in removed] == [*range(21, 48), 58]  # with the blank line after it
    loaded = load_text(edit.after)
    assert loaded.ok
    assert "cost" not in loaded.graph.nodes
    assert "queue" not in loaded.graph.nodes


def test_force_remove_keeps_other_links() -> None:
    text = TEXT.replace("also_rebuts: [cost]", "also_rebuts: [cost, training]")
    edit = remove_claim(text, "cost", force=True)
    assert "    also_rebuts: [training]   # answers the cost argument too" in edit.after


def test_flow_style_claims_are_refused() -> None:
    text = "title: T\nmotion: M\npro: [{text: A}]\n"
    with pytest.raises(EditRefused, match="flow style"):
        set_fields(text, "pro.1", {"weight": 2})
    with pytest.raises(EditRefused, match="flow style"):
        remove_claim(text, "pro.1")
    with pytest.raises(EditRefused, match="flow style"):
        add_top_level(text, "pro", "B")


def test_broken_yaml_is_refused() -> None:
    with pytest.raises(EditRefused, match="not valid YAML"):
        set_fields("title: [unclosed\n", "pro.1", {"weight": 2})


def test_file_with_errors_already_says_so() -> None:
    text = TEXT.replace("weight: 3", "weight: 30")
    with pytest.raises(EditRefused, match="has errors already"):
        set_fields(text, "cost", {"weight": 2})
    # An edit that fixes the problem goes through.
    assert set_fields(text, "control", {"weight": 3}).after == TEXT


# --- scalars -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("plain words", "plain words"),
        ("a: b", '"a: b"'),
        ("yes", '"yes"'),
        ("12", '"12"'),
        ("- dash", '"- dash"'),
        ("[1AC] evidence", '"[1AC] evidence"'),
        ("two\nlines", '"two\\nlines"'),
        ("line\u2028sep", '"line\\Lsep"'),
        ("bell\x07", '"bell\\a"'),
        ("ends with space ", '"ends with space "'),
    ],
)
def test_inline_scalar_is_plain_only_when_safe(value: str, written: str) -> None:
    assert inline_scalar(value) == written


def test_block_scalar_falls_back_when_it_cannot_hold_the_value() -> None:
    assert block_scalar("  indented first line\n", "|", 4) is None
    assert block_scalar("trailing space \n", "|", 4) is None
    assert block_scalar("a\n\nb\n", "|", 2) == "|\n  a\n\n  b"
    assert block_scalar("no newline", ">", 2) == ">-\n  no newline"
    assert double_quoted('say "hi"\\') == '"say \\"hi\\"\\\\"'


def test_list_items_found_by_looking_back_match_the_scanner() -> None:
    from argmap.edit.document import Document

    text = TEXT + "  -   # a comment after the dash\n    text: Odd but valid.\n"
    doc = Document(text)
    assert len(doc.order) == 9
    for site in doc.order:
        assert doc.dash(site.node) == doc._dash_from_tokens(site.node)
    edit = remove_claim(text, "con.3")
    assert edit.after == TEXT


def test_editing_never_loads_textual() -> None:
    import subprocess
    import sys

    code = "import sys, argmap.edit, argmap.cli.edit; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False"


def test_keep_chomping_block_scalar_keeps_its_trailing_blank_lines() -> None:
    text = "title: T\nmotion: M\npro:\n  - text: A\n    note: |+\n      kept\n\n\ncon: []\n"
    edit = add_child(text, "pro.1", "rebuttal", "B")
    assert claim(edit.after, "pro.1")["note"] == "kept\n\n\n"
    assert edit.after.endswith("      kept\n\n\n    rebuttals:\n      - text: B\ncon: []\n")


def test_an_edit_through_an_alias_is_refused_and_one_beside_it_is_made() -> None:
    text = (
        "title: T\nmotion: M\ntags: &t [a]\npro:\n  - id: a\n    text: A\n    tags: *t\n"
        "  - id: b\n    text: B\n"
    )
    with pytest.raises(EditRefused, match="anchor \\(&\\) at line 3"):
        set_fields(text, "a", {"tags": ["b"]})
    edit = set_fields(text, "b", {"note": "N"})
    assert edit.after == text + "    note: N\n"


def test_a_side_that_is_an_alias_is_refused_with_the_anchors_line() -> None:
    """Adding to `con: *shared` would add to every place the anchor is used."""
    text = "title: T\nmotion: M\npro: &shared\n  - id: a\n    text: A\ncon: *shared\n"
    with pytest.raises(EditRefused, match="`con` is a YAML alias of the anchor at line 3,"):
        add_top_level(text, "con", "B", new_id="b")


def test_setting_a_number_to_what_it_already_is_changes_nothing_and_says_so() -> None:
    text = "title: T\nmotion: M\npro:\n  - id: a\n    text: A\n    weight: 3\n"
    edit = set_fields(text, "a", {"weight": 3})
    assert edit.after == text
    assert edit.summary == "'a' already says that; nothing changed"
    assert set_fields(text, "a", {"weight": 4}).summary != edit.summary


@pytest.mark.parametrize(
    ("text", "claim_id", "expected"),
    [
        # Dashes at the column of their key, keys two past the dash.
        (
            "title: T\nmotion: M\npro:\n- id: a\n  text: A\n  rebuttals:\n  - id: r\n"
            "    text: R\ncon:\n- id: b\n  text: B\n",
            "b",
            "con:\n- id: b\n  text: B\n  rebuttals:\n  - text: D\n",
        ),
        # Dashes four past their key, keys four past the dash.
        (
            "title: T\nmotion: M\npro:\n    -   id: a\n        text: A\n    -   id: a2\n"
            "        text: A2\n    -   id: a3\n        text: A3\ncon: []\n",
            "a",
            "    -   id: a\n        text: A\n        rebuttals:\n            -   text: D\n"
            "    -   id: a2\n",
        ),
    ],
)
def test_a_new_claim_follows_the_files_own_layout(text: str, claim_id: str, expected: str) -> None:
    edit = add_child(text, claim_id, "rebuttal", "D")
    assert expected in edit.after
