"""GraphML export: every bundled debate read back by networkx's GraphML reader, typed data
keys, typed edges, hostile text kept well-formed, and the command line."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from helpers import ARGUMENTS

from argmap.cli import main
from argmap.interop import export_text
from argmap.interop.graphml import export_graphml
from argmap.load import LoadedDebate, load_file
from argmap.model import Claim
from argmap.semantics import grounded
from argmap.strength import weigh

BUNDLED = sorted(ARGUMENTS.glob("*.yaml"))

DEBATE = """\
version: 1
title: Car-free centres
motion: Cities should ban cars from their centres.
pro:
  - id: air
    text: Cars pollute the air.
    weight: 4
    tags: [health, air]
    note: Check the 2023 figures.
    rebuttals:
      - id: cut
        text: Clean air alone does not justify a ban.
        undercut: true
    support:
      - id: study
        kind: evidence
        text: A study found lower asthma rates.
con:
  - id: shops
    text: Shops lose customers.
    also_rebuts: [air]
"""


def _read(text: str) -> nx.DiGraph:
    graph = nx.read_graphml(io.BytesIO(text.encode("utf-8")))
    assert isinstance(graph, nx.DiGraph)
    return graph


def _claims(debate_claims: list[Claim]) -> list[Claim]:
    found, stack = [], list(debate_claims)
    while stack:
        claim = stack.pop()
        found.append(claim)
        stack.extend(claim.rebuttals)
        stack.extend(claim.support)
    return found


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_networkx_reads_every_bundled_debate_with_its_counts_and_labels(path: Path) -> None:
    loaded = load_file(path)
    assert loaded.debate is not None and loaded.graph is not None
    text, losses = export_text("graphml", loaded.graph)
    assert all(loss.startswith("GraphML has no list of sources") for loss in losses)
    read = _read(text)
    # Counted from the debate file's data, not from the graph the export walked.
    claims = _claims([*loaded.debate.pro, *loaded.debate.con])
    cross = sum(len(c.also_rebuts) + len(c.also_supports) for c in claims)
    assert read.number_of_nodes() == len(claims) + 1
    assert read.number_of_edges() == len(claims) + cross
    labelling = grounded(loaded.graph)
    by_id = {data["label"]: data for _, data in read.nodes(data=True)}
    assert set(by_id) == {"motion", *(n.id for n in loaded.graph.claims())}
    for node in loaded.graph.claims():
        data = by_id[node.id]
        assert data["text"] == node.text
        assert data["side"] == node.side.value if node.side else "side" not in data
        assert data["kind"] == node.kind.value
        assert data["grounded"] == labelling[node.id].value
    assert sum(1 for _, _, d in read.edges(data=True) if d["cross"]) == cross
    assert read.graph["title"] == loaded.debate.title


def test_nodes_and_edges_carry_typed_values(load_debate: Callable[..., LoadedDebate]) -> None:
    graph = load_debate(DEBATE).graph
    read = _read(export_text("graphml", graph)[0])
    nodes = {data["label"]: data for _, data in read.nodes(data=True)}
    weighing = weigh(graph)
    assert nodes["air"]["weight"] == 4 and isinstance(nodes["air"]["weight"], int)
    assert "weight" not in nodes["shops"]
    assert nodes["air"]["tags"] == "health, air"
    assert nodes["air"]["note"] == "Check the 2023 figures."
    assert "note" not in nodes["shops"] and "tags" not in nodes["shops"]
    assert nodes["study"]["kind"] == "evidence"
    assert nodes["study"]["depth"] == 2
    assert "side" not in nodes["motion"] and "relation" not in nodes["motion"]
    for claim_id, data in nodes.items():
        assert isinstance(data["strength"], float)
        assert data["strength"] == pytest.approx(weighing.strength(claim_id), abs=1e-6)
    label = {node: data["label"] for node, data in read.nodes(data=True)}
    edges = {
        (label[source], label[target]): (data["relation"], data["cross"])
        for source, target, data in read.edges(data=True)
    }
    assert edges == {
        ("air", "motion"): ("supports", False),
        ("cut", "air"): ("undercuts", False),
        ("study", "air"): ("supports", False),
        ("shops", "motion"): ("rebuts", False),
        ("shops", "air"): ("rebuts", True),
    }


def test_keys_are_declared_before_the_graph_with_names_and_types(
    load_debate: Callable[..., LoadedDebate],
) -> None:
    root = ET.fromstring(export_text("graphml", load_debate(DEBATE).graph)[0])
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    children = [child.tag for child in root]
    assert children.index(f"{ns}graph") > max(
        i for i, tag in enumerate(children) if tag == f"{ns}key"
    )
    keys = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in root.iter(f"{ns}key")}
    assert keys[("node", "strength")] == "double"
    assert keys[("node", "depth")] == "int"
    assert keys[("edge", "cross")] == "boolean"
    assert keys[("node", "text")] == "string"
    used = {d.get("key") for d in root.iter(f"{ns}data")}
    assert used <= {k.get("id") for k in root.iter(f"{ns}key")}


HOSTILE = "a ]]> b <c> & d \"e\" 'f' \x01\x0b\x1f \ud800 \ufffe tail\r\nnext"


def test_hostile_text_stays_well_formed(load_debate: Callable[..., LoadedDebate]) -> None:
    graph = load_debate(DEBATE).graph
    # Text no YAML file can hold (a lone surrogate), put into the graph directly: the
    # export must not trust the loader to have kept it out.
    graph.nodes["air"].text = HOSTILE
    text, losses = export_graphml(graph)
    text.encode("utf-8")  # no lone surrogate left to fail on writing
    ET.fromstring(text)  # well-formed
    read = _read(text)
    air = next(d for _, d in read.nodes(data=True) if d["label"] == "air")
    assert air["text"] == (
        "a ]]> b <c> & d \"e\" 'f' \ufffd\ufffd\ufffd \ufffd \ufffd tail\r\nnext"
    )
    assert losses == [
        "XML cannot hold control characters, lone surrogates or U+FFFE/U+FFFF; they "
        "became U+FFFD in: air"
    ]


def test_yed_flavor_draws_labelled_boxes_and_stays_readable(
    load_debate: Callable[..., LoadedDebate],
) -> None:
    graph = load_debate(DEBATE).graph
    graph.nodes["shops"].text = "Shops <lose> & ]]> customers"
    text, _ = export_graphml(graph, "yed")
    root = ET.fromstring(text)
    y = "{http://www.yworks.com/xml/graphml}"
    labels = [label.text for label in root.iter(f"{y}NodeLabel")]
    assert "Shops <lose> & ]]> customers" in labels
    assert len(labels) == len(graph) + 1  # the motion too
    dashed = [s for s in root.iter(f"{y}LineStyle") if s.get("type") == "dashed"]
    assert len(dashed) == 1  # the one cross-link
    read = _read(text)  # networkx reads yEd's label and place beside the data keys
    assert read.number_of_nodes() == len(graph) + 1
    # Laid out as an outline, so yEd shows no pile of boxes at the origin: a column per
    # level, a row per claim.
    places = {(d["x"], d["y"]) for _, d in read.nodes(data=True)}
    assert len(places) == len(graph) + 1
    column = {d["text"]: (d["depth"], float(d["x"])) for _, d in read.nodes(data=True)}
    study, air = column["A study found lower asthma rates."], column["Cars pollute the air."]
    assert study[0] == 2 and air[0] == 1 and study[1] == 2 * air[1] > 0


def test_command_writes_graphml_files_for_a_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["export", str(ARGUMENTS), "--format", "graphml", "-o", f"{out}/"]) == 0
    written = sorted(p.name for p in out.iterdir())
    assert written == [f"{p.stem}.graphml" for p in BUNDLED]


def test_flavor_flag_is_refused_for_other_formats(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["export", str(BUNDLED[0]), "--format", "json", "--graphml-flavor", "yed", "-o", "-"]
    )
    assert code != 0
    assert "--graphml-flavor applies to --format graphml only" in capsys.readouterr().err
