"""AIF: the exported graph's shape, exact round trips, and reading AIFdb files by structure."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from argmap.interop import InteropError, export_text, import_aif_all, import_text
from argmap.load import LoadedDebate
from argmap.semantics import Label, grounded

DATA = Path(__file__).parent / "data" / "interop"

DEBATE = """\
title: Car-free centres
motion: Cities should ban cars from their centres.
tags: [transport]
sources:
  - id: survey
    title: City survey 2023
pro:
  - id: air
    text: Cars pollute the air children breathe.
    weight: 4
    tags: [health]
    rebuttals:
      - id: electric
        text: Electric cars do not pollute the street.
        kind: evidence
        sources: [survey]
      - text: Clean air alone does not justify a ban.
        undercut: true
        note: Attacks the step from pollution to a ban.
    support:
      - text: Asthma rates fall where traffic is calmed.
con:
  - id: shops
    text: Shops in the centre lose customers.
    also_rebuts: [air]
    see: [other-debate]
"""


def aif_document(loaded: LoadedDebate) -> dict[str, Any]:
    text, _ = export_text("aif", loaded.graph)
    document: dict[str, Any] = json.loads(text)
    return document


def test_export_shape_i_nodes_ra_ca_and_undercut_on_an_s_node(
    load_debate: Callable[..., LoadedDebate],
) -> None:
    document = aif_document(load_debate(DEBATE))
    assert document["locutions"] == []
    nodes = {n["nodeID"]: n for n in document["nodes"]}
    by_text = {n["text"]: n["nodeID"] for n in document["nodes"] if n["type"] == "I"}
    edges = [(e["fromID"], e["toID"]) for e in document["edges"]]

    def link(premise: str) -> tuple[str, str]:
        snode = next(t for f, t in edges if f == by_text[premise])
        return nodes[snode]["type"], next(t for f, t in edges if f == snode)

    motion = by_text["Cities should ban cars from their centres."]
    assert link("Cars pollute the air children breathe.") == ("RA", motion)
    air = by_text["Cars pollute the air children breathe."]
    assert link("Electric cars do not pollute the street.") == ("CA", air)
    assert link("Shops in the centre lose customers.")[0] == "CA"
    # The undercut's CA points at the RA that links 'air' to the motion, not at 'air'.
    kind, target = link("Clean air alone does not justify a ban.")
    assert kind == "CA"
    assert nodes[target]["type"] == "RA"
    assert (air, target) in edges


def test_export_reports_what_only_argmap_metadata_carries(
    load_debate: Callable[..., LoadedDebate],
) -> None:
    _, losses = export_text("aif", load_debate(DEBATE).graph)
    assert losses == [
        "AIF has no place for claim kinds (evidence, proposal); kept in the `argmap` field "
        "of the I-nodes, which other AIF tools ignore: electric",
        "AIF has no place for weights; kept in the `argmap` field of the I-nodes, which "
        "other AIF tools ignore: air",
        "AIF has no place for sources; kept in the `argmap` field of the I-nodes, which "
        "other AIF tools ignore: electric",
        "AIF has no place for tags; kept in the `argmap` field of the I-nodes, which other "
        "AIF tools ignore: air",
        "AIF has no place for notes; kept in the `argmap` field of the I-nodes, which other "
        "AIF tools ignore: air.r2",
        "AIF has no place for `see` links into other debates; kept in the `argmap` field of "
        "the I-nodes, which other AIF tools ignore: shops",
        "AIF does not tell a cross-link from a nested relation; marked in the `argmap` field "
        "of their S-nodes: shops",
        "AIF has no place for the debate's title, tags, sources; kept in the document's "
        "`argmap` field",
    ]


def test_export_then_import_gives_the_same_debate_and_labels(
    load_debate: Callable[..., LoadedDebate],
) -> None:
    loaded = load_debate(DEBATE)
    text, _ = export_text("aif", loaded.graph)
    outcome = import_text("aif", text, "debate.yaml")
    assert outcome.loaded.ok
    assert outcome.losses == []
    assert outcome.loaded.debate == loaded.debate
    assert grounded(outcome.loaded.graph).labels == grounded(loaded.graph).labels


def test_structure_alone_round_trips_labels_when_metadata_is_stripped(
    load_debate: Callable[..., LoadedDebate],
) -> None:
    loaded = load_debate(DEBATE)
    document = aif_document(loaded)
    del document["argmap"]
    for node in document["nodes"]:
        node.pop("argmap", None)
    outcome = import_text("aif", json.dumps(document), "debate.yaml")
    assert outcome.loaded.ok, [d.format() for d in outcome.loaded.diagnostics]
    graph = outcome.loaded.graph
    assert graph.motion.text == loaded.graph.motion.text
    by_text = {n.text: grounded(graph)[n.id] for n in graph.claims()}
    expected = {n.text: grounded(loaded.graph)[n.id] for n in loaded.graph.claims()}
    assert by_text == expected


def test_generic_aifdb_file_is_read_by_structure() -> None:
    text = (DATA / "aifdb-generic.json").read_text(encoding="utf-8")
    outcome = import_text("aif", text, "cars.yaml")
    assert outcome.loaded.ok
    debate = outcome.loaded.debate
    graph = outcome.loaded.graph
    assert debate is not None
    assert debate.motion == "Cities should ban cars from their centres."
    assert [c.id for c in debate.pro] == ["aif-2", "aif-6"]
    assert [c.id for c in debate.con] == ["aif-4"]
    undercut = graph.node("aif-5")
    assert undercut.parent == "aif-2" and undercut.claim is not None and undercut.claim.undercut
    assert "«zu viel» [sic]" in undercut.text
    six = graph.node("aif-6").claim
    assert six is not None and six.also_rebuts == ["aif-4"]
    assert [c.id for c in graph.children("aif-6")] == ["aif-7", "aif-8"]
    labels = grounded(graph)
    assert labels["aif-2"] is Label.DEFEATED
    assert labels["aif-4"] is Label.DEFEATED
    assert labels.motion is Label.STANDING
    assert [loss.message for loss in outcome.losses] == [
        "nodes argmap has no use for (dialogue, rephrase, preference) left out: 1 L, 1 YA",
        "1 locutions (who said what) left out",
        "the `participants` section has no place in argmap; left out",
        "2 edges touching nodes argmap left out were dropped",
        "RA node 16 joins 2 premises into one argument; each became a separate relation",
        "1 I-node not connected to the motion left out",
    ]
    assert [(i.id, i.text) for i in outcome.losses[-1].items] == [("9", "An unrelated remark.")]


def test_several_top_level_conclusions_pick_the_largest_and_say_so() -> None:
    document = {
        "nodes": [
            {"nodeID": 1, "text": "Small root.", "type": "I"},
            {"nodeID": 2, "text": "Big root.", "type": "I"},
            {"nodeID": 3, "text": "Backs the small root.", "type": "I"},
            {"nodeID": 4, "text": "Backs the big root.", "type": "I"},
            {"nodeID": 5, "text": "Backs that.", "type": "I"},
            {"nodeID": 6, "type": "RA", "text": "Default Inference"},
            {"nodeID": 7, "type": "RA", "text": "Default Inference"},
            {"nodeID": 8, "type": "CA", "text": "Default Conflict"},
        ],
        "edges": [
            {"edgeID": 1, "fromID": 3, "toID": 6},
            {"edgeID": 2, "fromID": 6, "toID": 1},
            {"edgeID": 3, "fromID": 4, "toID": 7},
            {"edgeID": 4, "fromID": 7, "toID": 2},
            {"edgeID": 5, "fromID": 5, "toID": 8},
            {"edgeID": 6, "fromID": 8, "toID": 4},
        ],
        "locutions": [],
    }
    outcome = import_text("aif", json.dumps(document), "roots.yaml")
    assert outcome.loaded.ok
    assert outcome.loaded.graph.motion.text == "Big root."
    messages = [loss.message for loss in outcome.losses]
    assert messages[0].startswith("the file has 2 top-level conclusions; I-node 2")
    assert messages[1] == "2 I-nodes not connected to the motion left out"
    assert [(i.id, i.text) for i in outcome.losses[1].items] == [
        ("1", "Small root."),
        ("3", "Backs the small root."),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json at all", "this is not AIF JSON: Expecting value"),
        ("[1, 2]", "expected an object with a `nodes` list"),
        ('{"nodes": [{"text": "x"}]}', "every node needs `nodeID` and `type`"),
        ('{"nodes": [], "edges": []}', "has no I-nodes"),
        ('{"nodes": [{"nodeID": 1, "type": "I", "text": "x"}]}', "no RA or CA relations"),
    ],
)
def test_bad_aif_files_get_a_clear_error(text: str, message: str) -> None:
    with pytest.raises(InteropError, match=message.replace("`", ".").replace("(", ".")):
        import_text("aif", text, "bad.yaml")


def test_two_nodes_with_one_node_id_keep_the_first_and_name_the_second() -> None:
    document = {
        "nodes": [
            {"nodeID": "1", "text": "Motion.", "type": "I"},
            {"nodeID": "2", "text": "First reason.", "type": "I"},
            {"nodeID": "2", "text": "A different claim with the same id.", "type": "I"},
            {"nodeID": "3", "text": "Default Inference", "type": "RA"},
        ],
        "edges": [{"fromID": "2", "toID": "3"}, {"fromID": "3", "toID": "1"}],
    }
    outcome = import_text("aif", json.dumps(document), "dup.yaml")
    assert outcome.loaded.debate is not None
    assert [c.text for c in outcome.loaded.debate.pro] == ["First reason."]
    [loss] = [loss for loss in outcome.losses if "nodeID 2" in loss.message]
    assert "used twice" in loss.message
    assert [(i.id, i.text) for i in loss.items] == [("2", "A different claim with the same id.")]


def test_an_identical_repeated_node_is_read_once_and_said() -> None:
    node = {"nodeID": "2", "text": "Reason.", "type": "I"}
    document = {
        "nodes": [
            {"nodeID": "1", "text": "M.", "type": "I"},
            node,
            node,
            {"nodeID": "3", "type": "RA"},
        ],
        "edges": [{"fromID": "2", "toID": "3"}, {"fromID": "3", "toID": "1"}],
    }
    outcome = import_text("aif", json.dumps(document), "dup.yaml")
    assert outcome.loaded.graph is not None and len(outcome.loaded.graph) == 1
    assert any("same, read once" in loss.message for loss in outcome.losses)


def test_ova_wrapper_is_read_and_its_text_becomes_the_summary() -> None:
    outcome = import_text("aif", (DATA / "ova-wrapped.json").read_text("utf-8"), "ova.yaml")
    assert outcome.loaded.ok and outcome.loaded.debate is not None
    debate = outcome.loaded.debate
    assert debate.motion == "The library should open on Sundays"
    assert [c.text for c in debate.pro] == ["students work at weekends"]
    assert [c.text for c in debate.con] == ["staff cost double on Sundays"]
    assert debate.summary == (
        "The library should open on Sundays, because students work at weekends.\n"
        "But staff cost double on Sundays & the budget is fixed."
    )
    assert [loss.message for loss in outcome.losses] == [
        "OVA's diagram layout has no place in argmap; left out"
    ]


QT30 = (DATA / "qt30-like.json").read_text(encoding="utf-8")


def test_dialogue_nodeset_names_what_is_left_out_by_id_and_text() -> None:
    outcome = import_text("aif", QT30, "qt.yaml")
    assert outcome.loaded.graph is not None
    assert outcome.loaded.graph.motion.text == "The government should cut tuition fees"
    by_start = {loss.message.split(" left out")[0]: loss for loss in outcome.losses}
    linked = next(v for k, v in by_start.items() if "only through shared premises" in k)
    apart = next(v for k, v in by_start.items() if "not connected to the motion" in k)
    # 104 rests on premise 103, which the motion also rests on: connected, not "apart".
    assert [i.id for i in linked.items] == ["104", "105"]
    assert [i.id for i in apart.items] == ["108", "109", "110", "111"]
    assert apart.items[1].text == "fees are fair"


def test_motion_picks_another_conclusion() -> None:
    outcome = import_text("aif", QT30, "qt.yaml", motion="104")
    assert outcome.loaded.debate is not None
    assert outcome.loaded.debate.motion == "universities need more public funding"
    assert [c.id for c in outcome.loaded.debate.pro] == ["aif-103", "aif-105"]
    with pytest.raises(InteropError, match="no I-node with that nodeID"):
        import_text("aif", QT30, "qt.yaml", motion="201")


def test_all_makes_one_debate_per_conclusion_with_shared_premises_linked(
    tmp_path: Path,
) -> None:
    outcomes, losses, refused = import_aif_all(QT30, tmp_path, "qt")
    assert refused == []
    assert [path.name for path, _ in outcomes] == ["qt-101.yaml", "qt-104.yaml", "qt-109.yaml"]
    assert all(outcome.loaded.ok for _, outcome in outcomes)
    first = outcomes[0][1].loaded.graph
    second = outcomes[1][1].loaded.graph
    assert first.node("aif-103").claim is not None
    assert first.node("aif-103").claim.see == ["qt-104:aif-103"]
    assert second.node("aif-103").claim.see == ["qt-101:aif-103"]
    shared = next(loss for loss in losses if "shared by several conclusions" in loss.message)
    assert [i.id for i in shared.items] == ["103", "106", "107"]
    alone = next(loss for loss in losses if "in no argument" in loss.message)
    assert [(i.id, i.text) for i in alone.items] == [
        ("108", "good evening everyone"),
        ("111", "fees must come down"),
    ]
    # Every I-node is in a debate or named: nothing vanishes.
    placed = {n.text for _, o in outcomes for n in o.loaded.graph.nodes.values()}
    named = {i.text for loss in losses for i in loss.items}
    i_texts = {n["text"] for n in json.loads(QT30)["nodes"] if n["type"] == "I"}
    assert i_texts <= placed | named
