"""Kialo export: the classic layout, what is reported lost, and round trips argmap -> Kialo ->
argmap keeping claims, sides, nesting and cross-links."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers import ARGUMENTS
from hypothesis import given
from test_interop_roundtrip import FAST, debates, load_generated

from argmap.cli import main
from argmap.graph import ArgumentGraph, Relation
from argmap.interop import export_text, import_text
from argmap.interop.kialo_order import Link, plan
from argmap.load import LoadedDebate, load_file, load_text

DEBATE = """\
title: Car-free centres
motion: Cities should ban cars from their centres.
sources:
  - id: survey
    title: City survey 2023
    url: https://example.org/survey
    note: Asked 2,000 residents.
  - id: memo
    title: An internal memo
pro:
  - id: air
    text: "Cars pollute the air [badly] (see below)."
    weight: 4
    sources: [survey]
    rebuttals:
      - text: Clean air alone does not justify a ban.
        undercut: true
    support:
      - text: |-
          Asthma rates fall:
          1. in Ghent
          2. in Oslo
        kind: evidence
        sources: [memo]
con:
  - id: shops
    text: -> See how shops lose customers.
    also_rebuts: [air]
"""


def shape(graph: ArgumentGraph) -> tuple[list[tuple[str, ...]], list[tuple[str, str, str, bool]]]:
    """Claims by position (the texts on the path from the motion) with side, and edges by
    position; ids differ after Kialo (it numbers claims), and siblings may be reordered so
    that links follow the claims they name, so positions are what must match."""
    path: dict[str, str] = {"motion": ""}
    claims: list[tuple[str, ...]] = []
    for node in graph.claims():
        assert node.side is not None and node.parent is not None
        path[node.id] = f"{path[node.parent]} / {' '.join(node.text.split())}"
        claims.append((path[node.id], node.side.value))
    edges = []
    for edge in graph.edges:
        relation = Relation.REBUTS if edge.relation is Relation.UNDERCUTS else edge.relation
        edges.append((path[edge.source], path[edge.target], relation.value, edge.cross))
    return sorted(claims), sorted(edges)


def round_trip(loaded: LoadedDebate) -> tuple[str, list[str], LoadedDebate]:
    text, losses = export_text("kialo", loaded.graph)
    outcome = import_text("kialo", text, "back.yaml")
    assert outcome.loaded.ok, [d.format() for d in outcome.loaded.diagnostics]
    return text, losses, outcome.loaded


def test_classic_layout_numbers_stances_links_and_footnotes(load_debate: Any) -> None:
    text, losses, _ = round_trip(load_debate(DEBATE))
    assert text.splitlines() == [
        "Discussion Title: Car-free centres",
        "",
        "1. Cities should ban cars from their centres.",
        # The con claim comes first: the link under 1.2 names it, so it must come before.
        r"1.1. Con: \-> See how shops lose customers.",
        r"1.2. Pro: Cars pollute the air \[badly\] \(see below\). [1]",
        "1.2.1. Con: Clean air alone does not justify a ban.",
        "1.2.2. Pro: Asthma rates fall:",
        r"1\. in Ghent",
        r"2\. in Oslo",
        "1.2.3. Con: -> See 1.1.",
        "",
        "Sources:",
        "[1] https://example.org/survey City survey 2023",
        "Asked 2,000 residents.",
    ]
    assert losses == [
        "Kialo has no place for weights: air",
        "Kialo has no place for undercuts (written as plain Con claims): air.r1",
        "Kialo has no place for kinds (evidence, proposal): air.s1",
        "Kialo has no place for sources without a URL (a Kialo footnote needs one): air.s1",
        "Kialo has no debate id; the file name keeps it",
    ]


def test_round_trip_keeps_claims_sides_nesting_cross_links_and_footnotes(
    load_debate: Any,
) -> None:
    loaded = load_debate(DEBATE)
    _, _, back = round_trip(loaded)
    assert shape(back.graph) == shape(loaded.graph)
    assert back.debate is not None
    assert back.debate.pro[0].text == "Cars pollute the air [badly] (see below)."
    assert back.debate.pro[0].sources == ["src-1"]
    assert back.debate.sources[0].url == "https://example.org/survey"
    assert back.debate.pro[0].support[0].text == "Asthma rates fall:\n1. in Ghent\n2. in Oslo"


def _cross_links(graph: ArgumentGraph) -> list[Link]:
    links = []
    for node in graph.claims():
        assert node.claim is not None
        links.extend(Link(node.id, t, "Pro") for t in node.claim.also_supports)
        links.extend(Link(node.id, t, "Con") for t in node.claim.also_rebuts)
    return links


def _branches_answer_in_a_cycle(graph: ArgumentGraph) -> bool:
    """Whether cross-links between top-level branches lead from a branch back to itself."""

    def branch(node_id: str) -> str:
        while graph.nodes[node_id].depth > 1:
            parent = graph.nodes[node_id].parent
            assert parent is not None
            node_id = parent
        return node_id

    reaches: dict[str, set[str]] = {}
    for link in _cross_links(graph):
        source, target = branch(link.source), branch(link.target)
        if source != target:
            reaches.setdefault(source, set()).add(target)
    for start in reaches:
        seen, frontier = set(), list(reaches[start])
        while frontier:
            here = frontier.pop()
            if here == start:
                return True
            if here not in seen:
                seen.add(here)
                frontier.extend(reaches.get(here, ()))
    return False


@pytest.mark.parametrize("path", sorted(ARGUMENTS.glob("*.yaml")), ids=lambda p: p.name)
def test_bundled_debates_round_trip_through_kialo(path: Path) -> None:
    loaded = load_file(path)
    _, losses, back = round_trip(loaded)
    # Only a link no order of the file can put after its claim is left out, and named.
    forward = plan(loaded.graph, _cross_links(loaded.graph)).forward
    for link in forward:
        assert any(f"{link.source} -> {link.target}" in loss for loss in losses)
    # A link must come before its claim only when top-level branches answer each other in a
    # cycle, whatever the order; otherwise every link can follow its claim.
    assert bool(forward) == _branches_answer_in_a_cycle(loaded.graph), forward
    assert shape(back.graph) == _shape_without(loaded.graph, forward)


def _shape_without(
    graph: ArgumentGraph, forward: list[Link]
) -> tuple[list[tuple[str, ...]], list[tuple[str, str, str, bool]]]:
    """The shape of `graph` without the cross-links the export had to leave out."""
    dropped = {(_path(graph, link.source), _path(graph, link.target)) for link in forward}
    claims, edges = shape(graph)
    return claims, [e for e in edges if not (e[3] and (e[0], e[1]) in dropped)]


def _path(graph: ArgumentGraph, claim_id: str) -> str:
    texts = [" ".join(n.text.split()) for n in graph.path_from_motion(claim_id)[1:]]
    return "".join(f" / {t}" for t in texts)


def _tidy(data: Any) -> Any:
    """Kialo keeps lines but not their outer spaces; generated text tidied the same way."""
    if isinstance(data, dict):
        return {
            k: ("\n".join(" ".join(x.split()) for x in v.split("\n")).strip() or "x")
            if k in {"text", "motion", "title"}
            else _tidy(v)
            for k, v in data.items()
        }
    if isinstance(data, list):
        return [_tidy(v) for v in data]
    return data


@FAST
@given(debates())
def test_generated_debates_round_trip_through_kialo(data: dict[str, Any]) -> None:
    loaded = load_generated(_tidy(data))
    _, _, back = round_trip(loaded)
    forward = plan(loaded.graph, _cross_links(loaded.graph)).forward
    assert shape(back.graph) == _shape_without(loaded.graph, forward)


def test_export_cli_writes_kialo_text(tmp_path: Path) -> None:
    source = tmp_path / "cars.yaml"
    source.write_text(DEBATE, encoding="utf-8")
    assert main(["export", str(source), "--format", "kialo", "--out", str(tmp_path) + "/"]) == 0
    written = tmp_path / "cars.kialo.txt"
    assert written.read_text(encoding="utf-8").startswith("Discussion Title: Car-free centres\n")
    again = load_text(import_text("kialo", written.read_text("utf-8"), "x.yaml").yaml_text, "x")
    assert again.ok


def test_text_that_looks_like_kialo_structure_comes_back_as_text(load_debate: Any) -> None:
    tricky = (
        "Lines:\n2. a second thesis?\n1.1. Pro: a claim?\nSources:\n-> See 1.1.\n[1] a footnote?"
    )
    loaded = load_debate("title: T\nmotion: M.\npro:\n  - text: " + json.dumps(tricky) + "\n")
    _, _, back = round_trip(loaded)
    assert back.debate is not None
    assert [c.text for c in back.debate.pro] == [tricky]
    assert back.debate.sources == []
