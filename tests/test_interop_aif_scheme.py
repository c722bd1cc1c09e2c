"""Argumentation schemes named by AIF files (AIFdb's RA/CA text, OVA's and xAIF's `scheme`):
kept on the claim as `scheme:`, checked like any field, shown in the detail panel and the
hover, and written back on the S-node by the AIF export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from argmap.interop import export_text, import_text
from argmap.load import load_file, load_text
from argmap.lsp.hover import claim_markdown
from argmap.semantics import grounded
from argmap.tui.model import prepare_entry
from argmap.tui.widgets.detail import describe_claim


def _node(node_id: str, kind: str, text: str, **extra: str) -> dict[str, Any]:
    return {"nodeID": node_id, "type": kind, "text": text, **extra}


def _edge(number: int, source: str, target: str) -> dict[str, str]:
    return {"edgeID": str(number), "fromID": source, "toID": target}


# Written for these tests, in AIFdb's layout: the scheme is the RA/CA node's text.
AIFDB = {
    "nodes": [
        _node("10", "I", "The bridge should be closed for repairs."),
        _node("11", "I", "The city engineer says the bridge is unsafe."),
        _node("12", "RA", "Argument From Expert Opinion"),
        _node("13", "I", "Closing it cuts the town in two for months."),
        _node("14", "CA", "Default Conflict"),
        _node("15", "I", "The engineer inspected it only from the bank."),
        _node("16", "CA", "Conflict From Bias"),
    ],
    "edges": [
        _edge(1, "11", "12"),
        _edge(2, "12", "10"),
        _edge(3, "13", "14"),
        _edge(4, "14", "10"),
        _edge(5, "15", "16"),
        _edge(6, "16", "11"),
    ],
    "locutions": [],
}

# Written for these tests, in xAIF's wrapper: the scheme in its own field, a generic text.
XAIF = {
    "AIF": {
        "nodes": [
            _node("1", "I", "Cycling lanes should be widened."),
            _node("2", "I", "Wider lanes in Utrecht cut accidents."),
            _node("3", "RA", "Default Inference", scheme="Argument From Analogy", schemeID="1"),
            _node("4", "I", "Lanes are wide enough already."),
            _node("5", "CA", "Default Conflict", scheme="Default Conflict"),
        ],
        "edges": [_edge(1, "2", "3"), _edge(2, "3", "1"), _edge(3, "4", "5"), _edge(4, "5", "1")],
        "locutions": [],
    },
    "text": "",
}


def _by_text(yaml_text: str) -> dict[str, Any]:
    loaded = load_text(yaml_text, "debate.yaml")
    assert loaded.graph is not None, [d.format() for d in loaded.diagnostics]
    return {n.text: n.claim for n in loaded.graph.claims()}


def test_aifdb_schemes_are_kept_on_the_claims_and_defaults_left_out() -> None:
    outcome = import_text("aif", json.dumps(AIFDB), "bridge.yaml")
    claims = _by_text(outcome.yaml_text)
    assert claims["The city engineer says the bridge is unsafe."].scheme == (
        "Argument From Expert Opinion"
    )
    assert claims["The engineer inspected it only from the bank."].scheme == "Conflict From Bias"
    assert claims["Closing it cuts the town in two for months."].scheme is None
    assert "scheme: Argument From Expert Opinion" in outcome.yaml_text


def test_xaif_scheme_field_wins_over_the_generic_text() -> None:
    outcome = import_text("aif", json.dumps(XAIF), "lanes.yaml")
    claims = _by_text(outcome.yaml_text)
    assert claims["Wider lanes in Utrecht cut accidents."].scheme == "Argument From Analogy"
    assert claims["Lanes are wide enough already."].scheme is None


def test_the_aif_export_writes_the_scheme_back_and_reads_it_again() -> None:
    first = import_text("aif", json.dumps(AIFDB), "bridge.yaml")
    assert first.loaded.graph is not None
    text, _ = export_text("aif", first.loaded.graph)
    nodes = json.loads(text)["nodes"]
    ra = [n for n in nodes if n["type"] == "RA"]
    assert [(n["text"], n["scheme"]) for n in ra] == [
        ("Argument From Expert Opinion", "Argument From Expert Opinion")
    ]
    conflicts = sorted(n["scheme"] for n in nodes if n["type"] == "CA")
    assert conflicts == ["Conflict From Bias", "Default Conflict"]
    # The I-nodes' argmap field does not repeat it.
    assert all("scheme" not in n.get("argmap", {}) for n in nodes if n["type"] == "I")
    again = import_text("aif", text, "bridge.yaml")
    schemes = {text: claim.scheme for text, claim in _by_text(first.yaml_text).items()}
    assert {t: c.scheme for t, c in _by_text(again.yaml_text).items()} == schemes


def test_a_blank_or_non_text_scheme_is_an_error_at_its_line() -> None:
    for value, message in (('" "', "must not be empty"), ("[a]", "must be text")):
        text = f"title: T\nmotion: M.\npro:\n  - text: A.\n    scheme: {value}\n"
        loaded = load_text(text, "debate.yaml")
        assert not loaded.ok
        errors = [d for d in loaded.diagnostics if d.severity.value == "error"]
        assert errors and errors[0].line == 5, [d.format() for d in errors]
        assert message in errors[0].message


def _scheme_debate(tmp_path: Path) -> Path:
    path = tmp_path / "scheme.yaml"
    path.write_text(
        "version: 1\ntitle: T\nmotion: M.\npro:\n  - id: expert\n    text: An expert says so.\n"
        "    scheme: 'Argument From [bold]Expert[/bold] Opinion'\n",
        encoding="utf-8",
    )
    return path


def test_detail_panel_shows_the_scheme_as_plain_text(tmp_path: Path) -> None:
    entry = prepare_entry(_scheme_debate(tmp_path))
    shown = describe_claim(entry, "expert").plain
    assert "Scheme: Argument From [bold]Expert[/bold] Opinion" in shown


def test_hover_names_the_scheme_escaped(tmp_path: Path) -> None:
    graph = load_file(_scheme_debate(tmp_path)).graph
    assert graph is not None
    markdown = claim_markdown(graph, grounded(graph), "expert")
    assert "**scheme**: Argument From \\[bold\\]Expert\\[/bold\\] Opinion" in markdown
