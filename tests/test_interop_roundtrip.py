"""Round trips on generated debates: YAML writer, JSON export and AIF export then import."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.interop import export_text, import_text
from argmap.interop.jsonfmt import yaml_safe_json
from argmap.interop.yaml_out import dump_debate, scalar
from argmap.load import LoadedDebate, load_text
from argmap.semantics import grounded
from argmap.strength import weigh

# Any character a debate file may hold: no NUL (the loader refuses it), no lone surrogates.
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=12,
).filter(lambda s: s.strip() != "")
# Claim text as authors write it, with the characters YAML and Argdown care about.
WORDS = st.text(
    alphabet=st.sampled_from([*"ab éß«»:#-[]{}\"'\\|>*&!%@`,?\n\t", "→", "😀", "\u2028"]),
    min_size=1,
    max_size=12,
).filter(lambda s: s.strip() != "")
SLUG = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,8}", fullmatch=True).filter(lambda s: s != "motion")
SOURCES = ["irc", "grc"]


@st.composite
def debates(draw: st.DrawFn) -> dict[str, Any]:
    """Raw debate data: a random claim tree with ids, cross-links, undercuts and fields."""
    count = draw(st.integers(min_value=0, max_value=10))
    ids = draw(st.lists(SLUG, min_size=count, max_size=count, unique=True))
    claims: list[dict[str, Any]] = []
    pro: list[dict[str, Any]] = []
    con: list[dict[str, Any]] = []
    side: dict[int, bool] = {}  # id(claim) -> argues pro: a support backs only its own side
    for index in range(count):
        claim: dict[str, Any] = {"text": draw(WORDS)}
        if draw(st.booleans()):
            claim["id"] = ids[index]
        if draw(st.integers(0, 4)) == 0:
            claim["kind"] = draw(st.sampled_from(["evidence", "proposal"]))
            claim["sources"] = [draw(st.sampled_from(SOURCES))]
        if draw(st.integers(0, 3)) == 0:
            claim["weight"] = draw(st.integers(1, 5))
        if draw(st.integers(0, 3)) == 0:
            claim["tags"] = draw(st.lists(SLUG, max_size=2, unique=True))
        if draw(st.integers(0, 3)) == 0:
            claim["note"] = draw(TEXT)
        if draw(st.integers(0, 5)) == 0:
            claim["see"] = ["other-debate:some-claim"]
        parent = draw(st.integers(-2, len(claims) - 1))
        if parent < 0:
            (pro if parent == -1 else con).append(claim)
            side[id(claim)] = parent == -1
        else:
            key = draw(st.sampled_from(["rebuttals", "support"]))
            if key == "rebuttals" and draw(st.integers(0, 3)) == 0:
                claim["undercut"] = True
            claims[parent].setdefault(key, []).append(claim)
            side[id(claim)] = side[id(claims[parent])] != (key == "rebuttals")
        claims.append(claim)
    named = [c for c in claims if "id" in c]
    for claim in claims:
        for key in ("also_rebuts", "also_supports"):
            if named and draw(st.integers(0, 4)) == 0:
                target = draw(st.sampled_from(named))
                crosses = side[id(target)] != side[id(claim)]
                if target is not claim and not (key == "also_supports" and crosses):
                    claim[key] = [target["id"]]
    data: dict[str, Any] = {"version": 1, "title": draw(TEXT), "motion": draw(WORDS)}
    if draw(st.booleans()):
        data["summary"] = draw(TEXT)
    data["sources"] = [{"id": s, "title": f"Source {s}"} for s in SOURCES]
    data["pro"] = pro
    data["con"] = con
    return data


def load_generated(data: dict[str, Any]) -> LoadedDebate:
    loaded = load_text(dump_debate(data), "generated.yaml")
    assert loaded.ok, [d.format() for d in loaded.diagnostics]
    return loaded


FAST = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)


@FAST
@given(TEXT)
def test_every_scalar_reads_back_as_the_same_string(text: str) -> None:
    assert yaml.safe_load(f"key: {scalar(text)}\n") == {"key": text}


@FAST
@given(debates())
def test_written_yaml_loads_back_to_the_same_data(data: dict[str, Any]) -> None:
    loaded = load_generated(data)
    assert loaded.debate is not None
    assert loaded.debate.motion == data["motion"]
    assert [c.text for c in loaded.debate.pro] == [c["text"] for c in data["pro"]]


@FAST
@given(debates())
def test_json_export_loads_back_to_an_equal_debate(data: dict[str, Any]) -> None:
    loaded = load_generated(data)
    text, losses = export_text("json", loaded.graph)
    assert losses == []
    again = load_text(text, "generated.json")
    assert again.ok
    assert again.debate == loaded.debate


@FAST
@given(debates())
def test_aif_export_then_import_keeps_claims_relations_and_labels(data: dict[str, Any]) -> None:
    loaded = load_generated(data)
    text, _ = export_text("aif", loaded.graph)
    outcome = import_text("aif", text, "generated.yaml")
    assert outcome.loaded.ok, [d.format() for d in outcome.loaded.diagnostics]
    assert outcome.losses == []
    assert outcome.loaded.debate == loaded.debate
    before, after = loaded.graph, outcome.loaded.graph
    assert sorted(map(repr, after.edges)) == sorted(map(repr, before.edges))
    assert grounded(after).labels == grounded(before).labels
    # Undercuts come back as CAs on S-nodes: the same links are cut, the same strengths.
    assert grounded(after).cut == grounded(before).cut
    assert weigh(after).strengths == weigh(before).strengths


# Code points on each side of every edge of the ranges YAML refuses or folds.
EDGES = [
    *range(0x00, 0x21),
    *range(0x7E, 0xA2),
    *range(0x2026, 0x202B),
    0xD7FF,
    0xD800,
    0xDFFF,
    0xE000,
    *range(0xFFFC, 0x10002),
    0x10FFFF,
]


@pytest.mark.parametrize("code", EDGES, ids=hex)
def test_characters_at_the_edges_of_what_yaml_accepts_read_back_exactly(code: int) -> None:
    text = f"a{chr(code)}b"
    assert yaml.safe_load(f"key: {scalar(text)}\n") == {"key": text}
    assert yaml.safe_load(f"key: {scalar(text, flow=True)}\n") == {"key": text}
    assert yaml.safe_load(yaml_safe_json(text)) == text  # the JSON export's escaping
