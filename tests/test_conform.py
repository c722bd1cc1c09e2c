"""The hand validator (`argmap.conform`) against the format's pydantic models.

`argmap.schema_model` defines the format; loading uses `argmap.conform`, which starts
without pydantic. Both get the same random documents here (valid ones, and ones with
every kind of wrong value, missing and unknown key) and must agree exactly: the same
records for a valid document; for an invalid one, the same problems in the same order,
each with the same location, type, message and offending value.
"""

from __future__ import annotations

import datetime
import math
from typing import Any

import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from argmap import model, schema_model
from argmap.conform import RawClaim, conform
from argmap.load import load_text
from argmap.model import SLUG_RE

SLUGS = ["a", "b-1", "x_y", "src", "c.1", "Bad", "-no", "", "pro.1", "d:e", "d:e.f", "motion"]
NUMERIC_TEXT = ["0.5", " 1 ", "1_0", "nan", "-inf", "1e-1", "abc", "", "0", "1.5", "-0.0"]

odd_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 7),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(SLUGS + NUMERIC_TEXT + [" ", "\t\n", "text", "claim", "leans-pro"]),
    st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2030, 1, 1)),
)
odd_values = st.one_of(
    odd_scalars,
    st.lists(odd_scalars, max_size=3),
    st.dictionaries(st.sampled_from(["a", "text", "id"]), odd_scalars, max_size=2),
)


def _documents(noisy: bool) -> dict[str, st.SearchStrategy[Any]]:
    """Debate documents, and claims, sources and expectations on their own; with
    `noisy`, any value may be wrong and unknown keys appear."""

    def maybe(good: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
        return st.one_of(good, good, good, odd_values) if noisy else good

    def odd(keys: dict[str, Any]) -> dict[str, Any]:
        return keys if noisy else {}

    good_slugs = SLUGS[:4]
    slugs = st.sampled_from(SLUGS if noisy else good_slugs)
    slug_lists = st.lists(st.one_of(slugs, odd_scalars) if noisy else slugs, max_size=3)
    texts = st.sampled_from(["A claim.", "Evidence of it.", " ", "", "x"] if noisy else ["A."])

    def claims(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
        optional = {
            "id": maybe(slugs),
            "kind": maybe(st.sampled_from(["claim", "evidence", "proposal"])),
            "sources": maybe(slug_lists),
            "tags": maybe(slug_lists),
            "note": maybe(texts),
            "scheme": maybe(st.one_of(texts, odd_scalars) if noisy else texts),
            "weight": maybe(st.integers(1, 5)),
            "undercut": maybe(st.booleans()),
            "rebuttals": maybe(st.lists(children, max_size=3)),
            "support": maybe(st.lists(children, max_size=2)),
            "also_rebuts": maybe(slug_lists),
            "also_supports": maybe(slug_lists),
            "see": maybe(st.lists(st.sampled_from(["d", "d:e", "d:e.f"]), max_size=2)),
            **odd({"extra": odd_values, "Text": odd_values}),
        }
        found = st.fixed_dictionaries({"text": maybe(texts)}, optional=optional)
        return found.map(_drop_some) if noisy else found

    claim_trees = st.recursive(st.just({"text": "Leaf."}), claims, max_leaves=12)
    numbers = st.floats(0, 1)
    if noisy:
        numbers = st.one_of(st.floats(-1, 2), st.sampled_from(NUMERIC_TEXT), odd_scalars)
    strengths = st.dictionaries(st.sampled_from(["motion", "a", "pro.1"]), numbers, max_size=3)
    expectations = st.fixed_dictionaries(
        {},
        optional={
            "standing": maybe(slug_lists),
            "defeated": maybe(slug_lists),
            "undecided": maybe(slug_lists),
            "verdict": maybe(st.sampled_from(["leans-pro", "balanced", "leans-con"])),
            "min_strength": maybe(strengths),
            "max_strength": maybe(strengths),
            "robust": maybe(st.booleans()),
            **odd({"other": odd_values}),
        },
    )
    sources = st.fixed_dictionaries(
        {"id": maybe(slugs), "title": maybe(texts)},
        optional={
            "url": maybe(st.just("https://example.org/x")),
            "note": maybe(texts),
            **odd({"year": odd_values}),
        },
    )
    source_lists = st.lists(st.one_of(sources, odd_scalars) if noisy else sources, max_size=3)
    required = {"title": maybe(texts), "motion": maybe(texts)}
    optional = {
        "version": st.one_of(st.sampled_from([1, 1.0]), odd_scalars) if noisy else st.just(1),
        "id": maybe(slugs),
        "summary": maybe(texts),
        "semantics": maybe(st.sampled_from(["quadratic-energy", "df-quad", "max-based"])),
        "tags": maybe(slug_lists),
        "sources": maybe(source_lists),
        "pro": maybe(st.lists(claim_trees, max_size=3)),
        "con": maybe(st.lists(claim_trees, max_size=3)),
        "expect": maybe(expectations),
        **odd({"titel": odd_values}),
    }
    if noisy:
        documents = st.fixed_dictionaries({}, optional={**required, **optional})
    else:
        documents = st.fixed_dictionaries(required, optional=optional)
    return {
        "debate": documents,
        "claim": claim_trees,
        "source": st.one_of(sources, odd_scalars) if noisy else sources,
        "expect": maybe(expectations),
    }


def _drop_some(claim: dict[str, Any]) -> Any:
    # Now and then a claim misses its text, or is not a mapping at all.
    if claim.get("id") == "x_y":
        claim.pop("text", None)
    if claim.get("note") == "x":
        return "just text"
    return claim


GOOD = _documents(noisy=False)
NOISY = _documents(noisy=True)
debates = st.one_of(GOOD["debate"], NOISY["debate"])


def _same(a: Any, b: Any) -> bool:
    """Equal, where NaN equals NaN (an offending value may be NaN)."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


def _record_data(value: Any) -> Any:
    """A record as the nested dicts pydantic's `model_dump()` gives for its model."""
    if isinstance(value, model.Debate | model.Claim | model.Source | model.Expectation):
        names = model.FIELDS["debate"] if isinstance(value, model.Debate) else value._fields
        return {name: _record_data(getattr(value, name)) for name in names}
    if isinstance(value, list):
        return [_record_data(item) for item in value]
    if isinstance(value, dict):
        return {key: _record_data(item) for key, item in value.items()}
    if isinstance(value, model.Verdict):  # the record holds the enum; the model its text
        return value.value
    return value


def _reference(data: Any) -> tuple[Any, list[tuple[Any, ...]]]:
    try:
        debate = schema_model.Debate.model_validate(data)
    except ValidationError as exc:
        return None, [
            (tuple(err["loc"]), err["type"], err["msg"], err["input"])
            for err in exc.errors(include_url=False)
        ]
    return debate.model_dump(), []


def _ours(data: Any) -> tuple[Any, list[tuple[Any, ...]]]:
    debate, problems = conform(data)
    found = [(p["loc"], p["type"], p["msg"], p["input"]) for p in problems]
    return (None if debate is None else _record_data(debate)), found


def _agree(data: Any) -> None:
    expected, expected_problems = _reference(data)
    found, found_problems = _ours(data)
    assert _same(found_problems, expected_problems)
    assert _same(found, expected)


SETTINGS = settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)


@SETTINGS
@given(debates)
def test_conform_agrees_with_the_models(data: dict[str, Any]) -> None:
    _agree(data)


# Whole documents seldom carry every part; these look at each part on its own.
@SETTINGS
@given(st.lists(st.one_of(GOOD["claim"], NOISY["claim"]), min_size=1, max_size=3))
def test_claims_agree(claims: list[Any]) -> None:
    _agree({"title": "T", "motion": "M", "con": claims})


@SETTINGS
@given(st.lists(st.one_of(GOOD["source"], NOISY["source"]), min_size=1, max_size=3))
def test_sources_agree(sources: list[Any]) -> None:
    _agree({"title": "T", "motion": "M", "sources": sources})


@SETTINGS
@given(st.one_of(GOOD["expect"], NOISY["expect"]))
def test_expectations_agree(expect: Any) -> None:
    _agree({"title": "T", "motion": "M", "expect": expect})


def test_the_generator_makes_valid_debates_with_nested_claims() -> None:
    # A generator that only made invalid documents would never compare records.
    def valid_and_nested(data: dict[str, Any]) -> bool:
        debate = conform(data)[0]
        return debate is not None and any(claim.rebuttals for claim in debate.pro)

    found = find(debates, valid_and_nested, settings=settings(max_examples=500))
    assert conform(found)[0] is not None


@pytest.mark.parametrize(
    ("document", "found"),
    [
        ({"title": "T", "motion": "M", "version": True}, ["value_error"]),
        ({"title": "T", "motion": "M", "version": "1"}, ["literal_error"]),
        ({"title": "T", "motion": "M", "version": 1.0}, []),
        ({"title": "T", "motion": "M", "version": 1.5}, ["literal_error"]),
        ({"title": "T", "motion": "M", "version": 2}, ["literal_error"]),
        ({"title": "T", "motion": " "}, ["value_error"]),
        ({"title": "T", "motion": "M", "pro": [{"text": "x", "weight": 3.0}]}, ["int_type"]),
        ({"title": "T", "motion": "M", "pro": [{"text": "x", "undercut": 1}]}, ["bool_type"]),
        ({"title": "T", "motion": "M", "pro": [{"text": "x", "scheme": " "}]}, ["value_error"]),
        ({"title": "T", "motion": "M", "pro": [{"text": "x", "scheme": 3}]}, ["string_type"]),
        (
            {"title": "T", "motion": "M", "expect": {"min_strength": {"a": "nan"}}},
            ["less_than_equal"],
        ),
        ({"title": "T", "motion": "M", "expect": {"max_strength": {"a": "0.5"}}}, []),
        ({"motion": "M", "titel": "T"}, ["missing", "extra_forbidden"]),
    ],
)
def test_hand_picked_documents(document: dict[str, Any], found: list[str]) -> None:
    expected, expected_problems = _reference(document)
    ours, problems = _ours(document)
    assert [p[1] for p in problems] == found
    assert _same(problems, expected_problems)
    assert _same(ours, expected)


def test_records_and_models_have_the_same_fields_and_defaults() -> None:
    pairs = [
        (model.Debate, schema_model.Debate),
        (model.Claim, schema_model.Claim),
        (model.Source, schema_model.Source),
        (model.Expectation, schema_model.Expectation),
    ]
    for record, reference in pairs:
        fields = reference.model_fields
        assert set(record._fields) == set(fields), record.__name__
        for name, info in fields.items():
            if info.is_required():
                assert name not in record._field_defaults, (record.__name__, name)
            else:
                assert record._field_defaults[name] == info.get_default(call_default_factory=True)
    assert model.FIELDS["debate"] == tuple(schema_model.Debate.model_fields)
    assert model.FIELDS["claim"] == tuple(schema_model.Claim.model_fields)


def test_a_loaded_debate_exports_the_same_data_as_the_models_dump() -> None:
    loaded = load_text(
        "title: T\nmotion: M\nid: t\nsources: [{id: s, title: S}]\n"
        "pro:\n  - text: A\n    kind: evidence\n    sources: [s]\n    weight: 4\n"
        "    rebuttals:\n      - text: B\n        undercut: true\n"
        "expect:\n  verdict: balanced\n  min_strength: {motion: 0.25}\n",
        "t.yaml",
    )
    assert loaded.debate is not None
    reference = schema_model.Debate.model_validate(_record_data(loaded.debate))
    assert model.to_data(loaded.debate) == reference.model_dump(mode="json", exclude_defaults=True)
    assert list(model.to_data(loaded.debate)) == [
        "id",
        "title",
        "motion",
        "sources",
        "pro",
        "expect",
    ]


@SETTINGS
@given(debates)
def test_the_claims_met_are_the_loaders_claims_with_the_same_ids(data: dict[str, Any]) -> None:
    # Reference checks (duplicate ids, links) run on the claims conform meets on its way;
    # they must be every claim mapping, in document order, with the loader's ids.
    places: list[RawClaim] = []
    conform(data, places)
    assert places == _raw_claims(data)


def _raw_claims(data: dict[str, Any]) -> list[RawClaim]:
    """Every claim mapping in raw data, in document order: the walk written plainly."""
    found: list[RawClaim] = []

    def walk(items: Any, path: tuple[Any, ...], prefix: str, relation: str) -> None:
        if type(items) is not list:
            return
        for index, item in enumerate(items):
            if type(item) is not dict:
                continue
            own = item.get("id")
            explicit = isinstance(own, str) and SLUG_RE.match(own) is not None
            claim_id = own if explicit else f"{prefix}{index + 1}"
            found.append(RawClaim(claim_id, explicit, (*path, index), item, relation))
            walk(item.get("rebuttals"), (*path, index, "rebuttals"), f"{claim_id}.r", "r")
            walk(item.get("support"), (*path, index, "support"), f"{claim_id}.s", "s")

    for side in ("pro", "con"):
        walk(data.get(side), (side,), f"{side}.", "top")
    return found
