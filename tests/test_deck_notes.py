"""Speaker notes read aloud: claims by their text, counts in words, sources as cited."""

from __future__ import annotations

from collections.abc import Callable

from helpers import ARGUMENTS

from argmap.export.deck_text import claim_notes, spoken
from argmap.graph import ArgumentGraph
from argmap.load import LoadedDebate, load_file
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


def test_the_why_line_counts_in_words_and_names_by_text(
    load_debate: Callable[..., LoadedDebate],
) -> None:
    graph = load_debate(
        """\
        title: T
        motion: M.
        pro:
          - id: claim
            text: C.
            rebuttals:
              - id: first-objection
                text: Costs rise.
                rebuttals: [{id: costs-covered, text: Grants cover the costs.}]
              - id: second-objection
                text: Nobody reads shared data.
                rebuttals: [{id: reads, text: Reuse is measured and high.}]
        """
    ).graph
    why = claim_notes(graph, grounded(graph), "claim").splitlines()[2]
    assert why == (
        "Why: standing: both rebuttals are defeated ('Costs rise.' by 'Grants cover the "
        "costs.'; 'Nobody reads shared data.' by 'Reuse is measured and high.')"
    )


def test_spoken_names_the_ids_an_author_quotes_in_a_note() -> None:
    graph = _graph()
    said = spoken(graph, "see 'circulation' and 'x'; `circulation` too")
    assert said.startswith("see 'Mobility works as")
    assert "and 'x'" in said  # not a claim: left as written
    assert "`circulation`" not in said
