"""The bundled seed debates: complete, fair and sourced, as far as a program can tell."""

from __future__ import annotations

from functools import cache

import pytest

from argmap.graph import ArgumentGraph, Relation
from argmap.load import LoadedDebate, load_paths
from argmap.model import Kind, Side

from conftest import ARGUMENTS

DEBATES = [
    "open-science-ip",
    "sovereignty",
    "equity-access",
    "brain-drain",
    "dual-use-security",
    "politicisation",
    "international-collaboration",
]
SEED_TITLES = {
    "International Research Collaboration",
    "Global Research Collaborations",
    "International Collaboration",
    "International Cooperation in the Research Infrastructure dimension",
}


@cache
def _loaded() -> dict[str, LoadedDebate]:
    return {item.debate_id: item for item in load_paths([ARGUMENTS])}


def test_every_topic_is_present_and_clean() -> None:
    loaded = _loaded()
    assert sorted(loaded) == sorted(DEBATES)
    problems = [d.format() for item in loaded.values() for d in item.diagnostics]
    assert problems == []


def _rebuttal_chain_length(graph: ArgumentGraph, claim_id: str) -> int:
    """Longest chain claim -> rebuttal -> counter-rebuttal ... starting at this claim."""
    best = 1
    stack = [(claim_id, 1)]
    while stack:
        node_id, length = stack.pop()
        best = max(best, length)
        for child in graph.children(node_id):
            if child.relation is not Relation.SUPPORTS:
                stack.append((child.id, length + 1))
    return best


@pytest.mark.parametrize("debate_id", DEBATES)
def test_debate_is_complete_and_sourced(debate_id: str) -> None:
    item = _loaded()[debate_id]
    debate = item.debate
    assert debate is not None
    graph = item.graph
    assert debate.summary and debate.motion.strip()
    assert len(debate.pro) >= 3 and len(debate.con) >= 3
    deep_branches = [
        top for top in graph.motion.children if _rebuttal_chain_length(graph, top) >= 3
    ]
    assert len(deep_branches) >= 3, "needs several claim-rebuttal-counter-rebuttal chains"
    assert any(edge.cross for edge in graph.edges), "needs at least one cross-link"
    claims = list(graph.claims())
    assert any(node.kind is Kind.PROPOSAL for node in claims)
    assert any(node.kind is Kind.EVIDENCE for node in claims)
    assert {source.title for source in debate.sources} <= SEED_TITLES
    cited = {s for node in claims if node.claim for s in node.claim.sources}
    assert cited == {source.id for source in debate.sources}, "every listed source is cited"
    uncited = [
        node.id for node in claims if node.claim and not node.claim.sources and not node.claim.note
    ]
    assert uncited == [], "a claim without sources must say in a note where it comes from"
    for side in Side:
        assert any(node.side is side for node in claims)


def test_every_seed_document_is_cited_somewhere() -> None:
    cited_titles = {
        source.title for item in _loaded().values() if item.debate for source in item.debate.sources
    }
    assert cited_titles == SEED_TITLES


def test_collaboration_rates_appear_in_several_debates() -> None:
    with_rates = [
        debate_id
        for debate_id, item in _loaded().items()
        if any(
            "23%" in node.text or "23 %" in node.text or "23 per" in node.text
            for node in item.graph.claims()
        )
    ]
    assert len(with_rates) >= 2, with_rates


def test_umbrella_debate_links_into_the_other_six() -> None:
    graph = _loaded()["international-collaboration"].graph
    linked = {
        ref.partition(":")[0] for node in graph.claims() if node.claim for ref in node.claim.see
    }
    assert set(DEBATES) - {"international-collaboration"} <= linked
    flagships = " ".join(node.text for node in graph.claims())
    for name in ["CERN", "Human Genome Project", "ITER", "James Webb", "Space Station", "SESAME"]:
        assert name in flagships


@pytest.mark.parametrize("debate_id", DEBATES)
def test_rendered_diagram_in_exports_is_current(debate_id: str) -> None:
    import re

    from argmap.export import ExportOptions, to_dot

    svg_path = ARGUMENTS.parent / "exports" / f"{debate_id}.svg"
    hint = "regenerate with `argmap export arguments --format svg`"
    assert svg_path.is_file(), hint
    dot = to_dot(_loaded()[debate_id].graph, ExportOptions(rankdir="auto"))
    expected = set(re.findall(r"^\t(\w+) \[", dot, flags=re.MULTILINE)) - {"graph", "node", "edge"}
    svg = svg_path.read_text(encoding="utf-8")
    drawn = re.findall(r'class="node">\s*<title>(\w+)</title>', svg)
    assert len(drawn) > len(_loaded()[debate_id].graph)
    assert sorted(drawn) == sorted(expected), f"{svg_path.name} is stale; {hint}"
