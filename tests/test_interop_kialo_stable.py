"""Kialo exports another tool reads (arguebuf's Kialo reader, which looks a linked claim up
when it reaches the link), and claims from Kialo keeping their numbers and ids through an
export and a second import."""

from __future__ import annotations

import io
from pathlib import Path

import arguebuf
import pytest
from helpers import ARGUMENTS

from argmap.interop import export_text, import_text
from argmap.load import load_file, load_text

# Written for these tests. The Con claim is 1.1, before the Pro one, as Kialo numbers them
# when a Con was added first; 1.2.1 links back to 1.1.1, 1.3.2 back to 1.1.
TREES = """\
Discussion Title: Should towns plant more street trees?

1. Towns should plant more street trees.
1.1. Con: Street trees cost money to look after.
1.1.1. Pro: Watering young trees through dry summers is expensive.
1.1.2. Con: Residents often water the tree in front of their house.
1.2. Pro: Trees keep streets cooler in summer.
1.2.1. Con: -> See 1.1.1.
1.2.2. Pro: Shaded asphalt stays several degrees cooler.
1.3. Con: Roots lift paving stones.
1.3.1. Con: Deep-rooting species and root barriers prevent this.
1.3.2. Pro: -> See 1.1.
"""

# Written for these tests: the link 1.1.1 names 1.2.1, which comes later in the file.
FORWARD = """\
Discussion Title: Should the library open on Sundays?

1. The library should open on Sundays.
1.1. Pro: Working people can only come at weekends.
1.1.1. Con: -> See 1.2.1.
1.2. Con: Sunday opening needs staff paid at a higher rate.
1.2.1. Pro: Most visitors already come on Saturdays.
"""

# Written for these tests, in Kialo's newer layout (stance alone on its line, the text
# indented below, footnotes), which arguebuf's reader does not take; the export is classic.
FERRIES = """\
Discussion Title:
Should ferries run at night?

1. Thesis: Ferries should run at night.
    1.1. Con:
        Night crossings cost more in crew wages.
    1.2. Pro:
        Night-shift workers need a way home. [1]
        1.2.1. Con:
            -> See 1.1.
        1.2.2. Pro:
            Buses stop at midnight.

Sources:
[1] https://example.org/shifts Shift work survey
"""


def _read_with_arguebuf(text: str) -> arguebuf.Graph:
    return arguebuf.load.kialo(io.StringIO(text))


def _claims(yaml_text: str) -> dict[str, tuple[str, str]]:
    """Every claim of an imported debate: id -> (text, relation to its parent)."""
    loaded = load_text(yaml_text, "debate.yaml")
    assert loaded.graph is not None, [d.format() for d in loaded.diagnostics]
    return {n.id: (n.text, n.relation.value if n.relation else "") for n in loaded.graph.claims()}


@pytest.mark.parametrize("path", sorted(ARGUMENTS.glob("*.yaml")), ids=lambda p: p.stem)
def test_arguebuf_reads_the_kialo_export_of_every_bundled_debate(path: Path) -> None:
    graph = load_file(path).graph
    assert graph is not None
    text, _ = export_text("kialo", graph)
    read = _read_with_arguebuf(text)
    assert len(read.atom_nodes) == len(graph) + 1  # every claim and the motion
    links = text.count("-> See ")
    assert len(read.scheme_nodes) == len(graph) + links


@pytest.mark.parametrize(
    "original", [TREES, FORWARD, FERRIES], ids=["backward-links", "forward-link", "newer-layout"]
)
def test_arguebuf_reads_round_tripped_kialo_files(original: str) -> None:
    outcome = import_text("kialo", original, "debate.yaml")
    assert outcome.loaded.graph is not None
    text, _ = export_text("kialo", outcome.loaded.graph)
    read = _read_with_arguebuf(text)
    assert len(read.atom_nodes) == len(outcome.loaded.graph) + 1
    assert len(read.scheme_nodes) == len(outcome.loaded.graph) + text.count("-> See ")


def test_the_original_with_a_forward_link_is_what_arguebuf_refuses() -> None:
    # The case the export avoids, so the test above is not passing by accident.
    with pytest.raises(KeyError):
        _read_with_arguebuf(FORWARD)


def test_claims_from_kialo_keep_their_numbers_and_ids() -> None:
    first = import_text("kialo", TREES, "trees.yaml")
    assert first.loaded.graph is not None
    text, losses = export_text("kialo", first.loaded.graph)
    lines = text.splitlines()
    # The Con claim stays 1.1 (not renumbered after the Pro), and so on down the tree.
    for line in TREES.splitlines()[2:]:
        if "-> See" not in line:
            assert line in lines
    # The links are still there, each after the claim it names.
    assert "1.2.3. Con: -> See 1.1.1." in lines
    assert "1.3.2. Pro: -> See 1.1." in lines
    assert not any("cross-links" in loss for loss in losses)
    second = import_text("kialo", text, "trees.yaml")
    assert _claims(second.yaml_text) == _claims(first.yaml_text)
    assert _claims(first.yaml_text)["k-1-1"] == ("Street trees cost money to look after.", "rebuts")
    assert second.yaml_text == first.yaml_text


def test_a_claim_added_after_import_gets_the_next_free_number() -> None:
    imported = import_text("kialo", TREES, "trees.yaml").yaml_text
    # A claim written by hand under the thesis, before the Kialo ones in the file.
    edited = imported.replace(
        "\npro:\n", "\npro:\n  - id: new-claim\n    text: Trees give birds a home.\n", 1
    )
    loaded = load_text(edited, "trees.yaml")
    assert loaded.graph is not None, [d.format() for d in loaded.diagnostics]
    lines = export_text("kialo", loaded.graph)[0].splitlines()
    assert "1.1. Con: Street trees cost money to look after." in lines
    assert "1.4. Pro: Trees give birds a home." in lines
    again = import_text("kialo", "\n".join(lines) + "\n", "trees.yaml")
    kept = _claims(again.yaml_text)
    assert kept["k-1-4"] == ("Trees give birds a home.", "supports")
    assert {k: v for k, v in kept.items() if k != "k-1-4"} == _claims(imported)


def test_a_link_no_order_can_serve_is_left_out_and_named() -> None:
    outcome = import_text("kialo", FORWARD, "library.yaml")
    assert outcome.loaded.graph is not None
    text, losses = export_text("kialo", outcome.loaded.graph)
    # The numbers came from Kialo and stay, so 1.2.1 cannot move before 1.1's link.
    assert "-> See" not in text
    assert any("k-1-2-1 -> k-1-1" in loss for loss in losses)
