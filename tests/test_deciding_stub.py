"""A claim drawn "✗ defeated" shows its cause even where a slide leaves link stubs out:
the stub of a standing claim from outside the view that rebuts it stays."""

from __future__ import annotations

from helpers import ARGUMENTS

from argmap.export import ExportOptions
from argmap.export.dot import build_digraph
from argmap.export.dot_layout import Drawing
from argmap.load import load_file
from argmap.semantics import Label, grounded


def _source(stubs: bool) -> str:
    graph = load_file(ARGUMENTS / "brain-drain.yaml").graph
    options = ExportOptions(format="dot", root="circulation", legend=False)
    return build_digraph(graph, options, drawing=Drawing(stubs=stubs)).source


def test_the_cross_link_that_defeats_a_claim_keeps_its_stub_without_link_stubs() -> None:
    graph = load_file(ARGUMENTS / "brain-drain.yaml").graph
    labels = grounded(graph)
    # The case: 'circulation' is defeated by a cross-link from another branch, and
    # nothing inside its own branch defeats it.
    assert labels["circulation"] is Label.DEFEATED
    assert labels["stays-become-permanent"] is Label.STANDING
    inside = {n.id for n in graph.subtree("circulation")} - {"circulation"}
    deciding = [
        e.source
        for e in graph.edges
        if e.target == "circulation"
        and e.relation.value == "rebuts"
        and labels[e.source] is Label.STANDING
    ]
    assert deciding == ["stays-become-permanent"] and not set(deciding) & inside
    without = _source(stubs=False)
    assert "↩ stays-become-permanent" in without
    # Other stubs stay out: no `see` links, no cross-links the branch makes.
    assert "see " not in without and "↪" not in without
    assert "↩ stays-become-permanent" in _source(stubs=True)
