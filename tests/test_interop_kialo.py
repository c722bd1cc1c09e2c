"""Kialo import: both export layouts, links, escapes, markdown links, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.graph import Relation
from argmap.interop import ImportOutcome, InteropError, export_text, import_text
from argmap.load import load_file
from argmap.model import Side

DATA = Path(__file__).parent / "data" / "interop"
BUNDLED = Path(__file__).parent.parent / "arguments"


def kialo(name: str) -> ImportOutcome:
    outcome = import_text("kialo", (DATA / name).read_text(encoding="utf-8"), "imported.yaml")
    assert outcome.loaded.ok, [d.format() for d in outcome.loaded.diagnostics]
    return outcome


def kialo_text(text: str) -> ImportOutcome:
    return import_text("kialo", text, "imported.yaml")


def test_classic_layout_maps_thesis_sides_and_nesting() -> None:
    outcome = kialo("kialo-classic.txt")
    debate = outcome.loaded.debate
    graph = outcome.loaded.graph
    assert debate is not None
    assert debate.title == "Should publicly funded research be open by default?"
    assert debate.motion == "Publicly funded research results should be openly shared by default."
    assert [c.id for c in debate.pro] == ["k-1-1", "k-1-3"]
    assert [c.id for c in debate.con] == ["k-1-2"]
    assert graph.node("k-1-1-1").relation is Relation.REBUTS
    assert graph.node("k-1-1-1").side is Side.CON
    assert graph.node("k-1-1-2").relation is Relation.SUPPORTS
    assert graph.node("k-1-2-1").side is Side.PRO


def test_continuation_lines_join_the_claim_and_blank_lines_are_skipped() -> None:
    graph = kialo("kialo-classic.txt").loaded.graph
    assert graph.node("k-1-2").text == (
        "Companies will not fund work whose results competitors get for free.\n"
        "It is the exclusive rights\nthat draw private money into long development."
    )
    assert graph.node("k-1-2-1").parent == "k-1-2"


def test_escaped_brackets_and_unicode_are_kept_as_text() -> None:
    graph = kialo("kialo-classic.txt").loaded.graph
    assert graph.node("k-1-1-2").text.endswith("(see the 2019 survey).")
    assert graph.node("k-1-2-1").text.endswith("[a compromise].")
    assert "«für alle»" in graph.node("k-1-3").text


def test_markdown_links_keep_their_words_and_the_url_becomes_a_source() -> None:
    outcome = kialo("kialo-classic.txt")
    debate = outcome.loaded.debate
    graph = outcome.loaded.graph
    assert debate is not None
    assert graph.node("k-1-1-1").text == "Checking needs documentation, not just raw files."
    node = graph.node("k-1-3-1")
    assert node.text.endswith("see UNESCO [report].")
    urls = {s.id: s.url for s in debate.sources}
    assert node.claim is not None
    assert [urls[s] for s in node.claim.sources] == ["https://example.org/unesco_(2021)"]


def test_see_links_become_cross_links_by_stance_even_to_later_claims() -> None:
    graph = kialo("kialo-classic.txt").loaded.graph
    later = graph.node("k-1-3-1").claim  # linked from 1.1.1.1, which comes before it
    earlier = graph.node("k-1-1").claim  # linked as a Con from 1.2.1.1
    assert later is not None and earlier is not None
    # A Pro link from 1.1.1.1 (which argues con) to 1.3.1 (which argues pro) would be support
    # across sides, which argmap refuses; the loss is reported (next test).
    assert later.also_supports == []
    assert earlier.also_rebuts == ["k-1-2-1"]
    assert "k-1-1-1-1" not in graph.nodes  # the link line is not a claim of its own


def test_a_link_under_the_thesis_is_reported_not_dropped_silently() -> None:
    losses = kialo("kialo-classic.txt").losses
    assert [(loss.line, loss.message) for loss in losses] == [
        (
            6,
            "link 1.1.1.1. (-> See 1.3.1.) supports k-1-1-1 from the other side of the "
            "thesis; argmap refuses support across sides, so only its original place is kept",
        ),
        (
            16,
            "link 1.4. (-> See 1.3.1.) repeats k-1-3-1 under the thesis; argmap cannot "
            "cross-link to the motion, so only its original place is kept",
        ),
    ]


def test_newer_layout_with_stance_lines_indentation_and_sources() -> None:
    outcome = kialo("kialo-newer.txt")
    debate = outcome.loaded.debate
    graph = outcome.loaded.graph
    assert debate is not None
    assert debate.title == "Should governments fund open research infrastructure?"
    assert debate.motion == "Governments should fund shared open research infrastructure."
    assert graph.node("k-1-1").text == "Shared facilities cut duplicate spending."
    assert (
        graph.node("k-1-1-1").text == "Shared facilities create queues that slow\nurgent projects."
    )
    assert graph.node("k-1-1-1-1").relation is Relation.REBUTS
    by_id = {s.id: s for s in debate.sources}
    assert by_id["src-1"].url == "https://example.org/facilities"
    assert by_id["src-1"].note == '"Countries that pooled facilities spent less per project."'
    claim = graph.node("k-1-1").claim
    assert claim is not None and claim.sources == ["src-1"]
    linked = graph.node("k-1-1-1").claim
    assert linked is not None and linked.also_supports == ["k-1-2"]
    assert [loss.message for loss in outcome.losses] == [
        "sources no claim cites were left out: src-3"
    ]


def test_claims_under_a_link_move_to_the_linked_claim_and_say_so() -> None:
    outcome = kialo_text(
        "Discussion Title: T\n\n1. Thesis.\n1.1. Pro: First.\n1.2. Con: Second.\n"
        "1.2.1. Con: -> See 1.1.\n1.2.1.1. Pro: Under the link.\n"
    )
    assert outcome.loaded.ok
    graph = outcome.loaded.graph
    assert graph.node("k-1-2-1-1").parent == "k-1-1"
    assert any("sits under the link 1.2.1." in loss.message for loss in outcome.losses)


def test_link_to_a_missing_claim_is_reported() -> None:
    outcome = kialo_text(
        "Discussion Title: T\n\n1. Thesis.\n1.1. Pro: A.\n1.1.1. Con: -> See 1.9.\n"
    )
    assert outcome.loaded.ok
    assert [(loss.line, loss.message) for loss in outcome.losses] == [
        (5, "link 1.1.1. (-> See 1.9.) points to a claim the file does not contain; dropped")
    ]


def test_a_file_without_title_header_uses_the_thesis_as_title() -> None:
    outcome = kialo_text("1. Cities should ban cars.\n1.1. Con: Deliveries need roads.\n")
    assert outcome.loaded.ok
    assert outcome.loaded.debate is not None
    assert outcome.loaded.debate.title == "Cities should ban cars."


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("Dear students,\nread chapter 3.\n", 1, "this is not a Kialo export"),
        ("", None, "no thesis line"),
        ("Discussion Title: T\n\n2. Not the thesis.\n", 3, "where the thesis `1.` was expected"),
        ("Discussion Title: T\n\n1. A.\n1.1. Pro: B.\n1.1. Con: C.\n", 5, "appears twice"),
        ("Discussion Title: T\n\n1. A.\n1.3.1. Pro: B.\n", 4, "has no parent claim 1.3."),
        ("Discussion Title: T\n\n1. A.\n1.1. Just text.\n", 4, "has no stance"),
        ("Discussion Title: T\n\n1. A.\n1.1. Thesis: B.\n", 4, "several theses"),
    ],
)
def test_bad_kialo_files_name_the_line(text: str, line: int | None, message: str) -> None:
    with pytest.raises(InteropError) as caught:
        kialo_text(text)
    assert caught.value.line == line
    assert message in caught.value.message


def test_imported_yaml_is_clean_and_hand_editable() -> None:
    text = kialo("kialo-classic.txt").yaml_text
    assert text.startswith("# Imported from kialo")
    assert "  - text: Open data lets other teams check results sooner.\n    id: k-1-1\n" in text
    assert "    also_rebuts: [k-1-2-1]\n" in text
    assert "  - text: |-\n      Companies will not fund work" in text


def test_windows_line_endings_and_a_byte_order_mark_are_accepted() -> None:
    text = "\ufeffDiscussion Title: T\r\n\r\n1. Thesis.\r\n1.1. Pro: A\r\nsecond line.\r\n"
    outcome = kialo_text(text)
    assert outcome.loaded.ok
    assert outcome.loaded.graph.node("k-1-1").text == "A\nsecond line."


def test_a_claim_without_text_gets_a_placeholder_and_a_note() -> None:
    outcome = kialo_text("Discussion Title: T\n\n1. Thesis.\n1.1. Con:\n\n1.2. Pro: B.\n")
    assert outcome.loaded.ok
    assert outcome.loaded.graph.node("k-1-1").text == "(no text in the Kialo export)"
    assert [(loss.line, loss.message) for loss in outcome.losses] == [
        (4, "claim k-1-1 has no text; wrote a placeholder")
    ]


def test_images_keep_their_description_and_say_so() -> None:
    outcome = kialo_text(
        "Discussion Title: T\n\n1. Thesis.\n1.1. Pro: See ![a chart](https://example.org/c.png).\n"
    )
    assert outcome.loaded.ok
    assert outcome.loaded.graph.node("k-1-1").text == "See a chart."
    assert [loss.message for loss in outcome.losses] == [
        "claim k-1-1: image https://example.org/c.png kept as its description and a source"
    ]


def test_claims_after_the_sources_section_are_imported() -> None:
    outcome = kialo_text(
        "Discussion Title: T\n\n1. Thesis.\n1.1. Pro: Before [1].\n"
        "Sources:\n[1] https://example.org/a\nA quote.\n"
        "1.2. Con: After the sources [1].\n1.2.1. Pro: Deeper still.\n"
    )
    assert outcome.loaded.ok and outcome.loaded.debate is not None
    debate = outcome.loaded.debate
    assert [c.text for c in debate.con] == ["After the sources."]
    assert debate.con[0].sources == ["src-1"]
    assert [c.text for c in debate.con[0].support] == ["Deeper still."]
    assert debate.sources[0].note == "A quote."


def test_stray_lines_in_the_sources_section_are_named() -> None:
    outcome = kialo_text("1. Thesis.\n1.1. Pro: A.\nSources:\nno footnote here\n")
    assert any("no footnote here" in loss.message for loss in outcome.losses)


def test_a_second_thesis_is_not_merged_into_the_claim_above() -> None:
    outcome = kialo_text(
        "1. First thesis.\n1.1. Pro: A reason.\n2. Second thesis?\n2.1. Con: Against it.\n"
    )
    assert outcome.loaded.ok and outcome.loaded.debate is not None
    assert outcome.loaded.debate.pro[0].text == "A reason."
    [loss] = outcome.losses
    assert "another thesis 2." in loss.message
    assert [(i.id, i.text) for i in loss.items] == [
        ("2", "Second thesis?"),
        ("2.1", "Against it."),
    ]


def test_a_numbered_list_inside_a_claim_stays_its_text() -> None:
    outcome = kialo_text("1. Thesis.\n1.1. Pro: Two steps:\n1. first\n2. second\n")
    assert outcome.loaded.debate is not None
    assert outcome.loaded.debate.pro[0].text == "Two steps:\n1. first\n2. second"
    assert outcome.losses == []


def test_a_link_to_another_discussion_is_a_note_never_a_claim() -> None:
    outcome = kialo_text(
        "1. Thesis.\n1.1. Pro: A reason.\n1.1.1. Con: -> See discussion #8515: Is it cheap?\n"
        "1.1.1.1. Pro: Filed under the link.\n1.2. Con: Against.\n"
    )
    assert outcome.loaded.ok and outcome.loaded.graph is not None
    texts = [n.text for n in outcome.loaded.graph.claims()]
    assert texts == ["A reason.", "Against."]
    [loss] = outcome.losses
    assert loss.line == 3
    assert "another Kialo discussion (See discussion #8515: Is it cheap?)" in loss.message
    assert [i.id for i in loss.items] == ["1.1.1", "1.1.1.1"]


@pytest.mark.parametrize("name", ["kialo-classic", "kialo-newer"])
def test_imported_yaml_is_exactly_the_reviewed_file(name: str) -> None:
    """The whole file a user gets, byte for byte: key order, quoting, block text, lists."""
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    outcome = import_text("kialo", text, f"{name}.yaml", name)
    assert outcome.yaml_text == (DATA / f"{name}.expected.yaml").read_text(encoding="utf-8")


def test_the_claim_count_reported_is_the_number_of_claims_in_the_debate() -> None:
    for path in sorted(BUNDLED.glob("*.yaml")):
        graph = load_file(path).graph
        outcome = import_text("kialo", export_text("kialo", graph)[0], "again.yaml")
        assert outcome.loaded.ok
        assert outcome.claim_count() == len(outcome.loaded.graph) == len(graph)
