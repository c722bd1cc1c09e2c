"""Speaker notes read aloud: claims by their text, counts in words, sources as cited."""

from __future__ import annotations

from helpers import ARGUMENTS

from argmap.export.deck_text import claim_notes, spoken
from argmap.graph import ArgumentGraph
from argmap.load import load_file
from argmap.semantics import grounded
from argmap.strength import weigh


def _graph() -> ArgumentGraph:
    item = load_file(ARGUMENTS / "brain-drain.yaml")
    assert item.ok
    return item.graph


def test_notes_name_claims_by_text_never_by_id() -> None:
    graph = _graph()
    labels = grounded(graph)
    weighing = weigh(graph, labels)
    for node in graph.claims():
        notes = claim_notes(graph, labels, node.id, weighing)
        prose = "\n".join(line for line in notes.splitlines() if not line.startswith("See also"))
        for other in graph.claims():
            if "-" in other.id:
                assert f"'{other.id}'" not in prose and f"`{other.id}`" not in prose, prose
        assert "all 2 " not in notes and "its 1 " not in notes


def test_spoken_counts_and_names() -> None:
    graph = _graph()
    sentence = "standing: all 2 rebuttals are defeated ('circulation' by 'x'); all 3 cuts hold"
    said = spoken(graph, sentence)
    assert said.startswith("standing: both rebuttals are defeated ('Mobility works as")
    assert "by 'x'" in said  # not a claim: left as written
    assert "all 3 cuts" in said
    assert spoken(graph, "its 1 support still keep it") == "its one support still keeps it"
