"""Random input only ever produces diagnostics, never another exception."""

from __future__ import annotations

from typing import Any

import yaml
from helpers import MINIMAL
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.load import load_text
from argmap.model import FIELDS

KEYS = sorted({key for fields in FIELDS.values() for key in fields} | {"x", "Text", "pro "})

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 10),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(["claim", "evidence", "proposal", "p-a", "c-a", "motion", "pro.1"]),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(KEYS), children, max_size=6),
    ),
    max_leaves=40,
)


def _check(text: str) -> None:
    loaded = load_text(text, "fuzz.yaml")
    for diagnostic in loaded.diagnostics:
        assert diagnostic.line >= 1 and diagnostic.col >= 1
        assert diagnostic.message
    if loaded.ok:
        # A debate that loads must also index and label without error.
        from argmap.semantics import explain, grounded

        labelling = grounded(loaded.graph)
        for node in loaded.graph.claims():
            assert explain(loaded.graph, labelling, node.id)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(documents)
def test_random_yaml_documents(document: Any) -> None:
    _check(yaml.safe_dump(document, allow_unicode=True))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_random_text(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_random_edits_of_a_valid_debate(data: st.DataObject) -> None:
    lines = MINIMAL.splitlines(keepends=True)
    for _ in range(data.draw(st.integers(1, 4))):
        action = data.draw(st.sampled_from(["delete", "duplicate", "insert", "indent", "swap"]))
        index = data.draw(st.integers(0, len(lines) - 1)) if lines else 0
        if not lines:
            break
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "insert":
            column = data.draw(st.integers(0, len(lines[index])))
            piece = data.draw(st.text(max_size=6) | st.sampled_from([": ", "- ", "[", "&a", "*a"]))
            lines[index] = lines[index][:column] + piece + lines[index][column:]
        elif action == "indent":
            lines[index] = "  " + lines[index]
        else:
            other = data.draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
    _check("".join(lines))
