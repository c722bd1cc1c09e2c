"""Check plain debate data against the format and build its records, by hand.

`conform(data)` takes what the YAML loader built (dicts, lists, text, numbers) and returns
the `Debate` record, or None with every problem found. Problems come in the shape
pydantic reports them (`type`, `loc`, `msg`, `input`), so the loader turns them into
messages the same way whichever produced them.

The format is defined by the records of `argmap.model`; the pydantic models of
`argmap.schema_model` are built from them and give `argmap schema` its JSON Schema.
Validating with those models costs every command about 0.1 s of start-up (importing
pydantic and building its validators) before a single claim is read;
this module does the same checks in plain Python and starts at once. It is held to the
models by `tests/test_conform.py`, which runs both on random documents, valid and not,
and requires the same records and the same errors, in the same order: the rules below
(lax number parsing for strengths, strict whole numbers for weights, the order fields are
checked in, extra keys after known ones) are pydantic's, as those models configure it.
Keys declared after the ones checked by hand below are checked by their declaration, so
a new optional key needs no code here (docs/format-internals.md).
"""

from __future__ import annotations

import re
import types
from typing import (
    Annotated,
    Any,
    ForwardRef,
    NamedTuple,
    Union,
    get_args,
    get_origin,
    get_type_hints,
)

from argmap import model
from argmap.ids import KeyPath
from argmap.model import (
    FIELDS,
    FORMAT_VERSION,
    SEE_RE,
    SLUG_RE,
    Claim,
    Debate,
    Expectation,
    Key,
    Kind,
    SemanticsName,
    Source,
    Verdict,
)

__all__ = ["Problem", "RawClaim", "conform"]

#: One problem, as pydantic would report it: `type`, `loc` (a key path), `msg`, `input`.
Problem = dict[str, Any]

_MISSING: Any = object()
_KINDS = {kind.value: kind for kind in Kind}
_VERDICTS = frozenset(Verdict)
_SEMANTICS = get_args(SemanticsName)
_CLAIM_KEYS = frozenset(Claim._fields)
_SOURCE_KEYS = frozenset(Source._fields)
_EXPECT_KEYS = frozenset(Expectation._fields)
_DEBATE_KEYS = frozenset(FIELDS["debate"])
_new = tuple.__new__
_slug = SLUG_RE.match

_MSG = {
    "missing": "Field required",
    "extra_forbidden": "Extra inputs are not permitted",
    "string_type": "Input should be a valid string",
    "list_type": "Input should be a valid list",
    "dict_type": "Input should be a valid dictionary",
    "int_type": "Input should be a valid integer",
    "bool_type": "Input should be a valid boolean",
    "float_type": "Input should be a valid number",
    "float_parsing": "Input should be a valid number, unable to parse string as a number",
    "enum": "Input should be 'claim', 'evidence' or 'proposal'",
    "verdict": "Input should be 'leans-pro', 'balanced' or 'leans-con'",
    "semantics": "Input should be 'quadratic-energy', 'df-quad' or 'max-based'",
    "version": "Input should be 1",
    "blank": "Value error, must not be empty",
    "version_bool": "Value error, must be the number 1",
    "Claim": "Input should be a valid dictionary or instance of Claim",
    "Source": "Input should be a valid dictionary or instance of Source",
    "Expectation": "Input should be a valid dictionary or instance of Expectation",
    "Debate": "Input should be a valid dictionary or instance of Debate",
    "weight_le": "Input should be less than or equal to 5",
    "weight_ge": "Input should be greater than or equal to 1",
    "strength_le": "Input should be less than or equal to 1",
    "strength_ge": "Input should be greater than or equal to 0",
}


#: A key the code below has no lines of its own for: its name, default, type and `Key`.
_Declared = tuple[str, Any, Any, Key]


def _declared_after(record: Any, last: str) -> tuple[_Declared, ...]:
    """The fields a record declares after `last`, the last one checked by hand below.

    They are checked by their declaration in `argmap.model` (text, true/false, a whole
    number, a list of text), so a new optional key needs no code here. A key of another
    type, or one declared before `last`, is refused when argmap starts, not misread.
    """
    names = record._fields
    # The model's annotations are evaluated already; resolving all of them would compile
    # the one a record makes of its own name (`list["Claim"]`).
    hints = record.__annotations__
    declared: list[_Declared] = []
    for name in names[names.index(last) + 1 :]:
        hint, key = hints[name], Key()
        if isinstance(hint, str | ForwardRef):
            hint = get_type_hints(record, vars(model), include_extras=True)[name]
        if get_origin(hint) is Annotated:
            hint, *extras = get_args(hint)
            key = next((e for e in extras if isinstance(e, Key)), key)
        if name not in record._field_defaults:
            raise TypeError(f"{record.__name__}.{name}: a new key must have a default")
        if _plain_type(hint) not in _BY_DECLARATION:
            raise TypeError(f"{record.__name__}.{name}: conform has no check for {hint}")
        declared.append((name, record._field_defaults[name], _plain_type(hint), key))
    return tuple(declared)


def _plain_type(hint: Any) -> Any:
    """`str` for `str | None`, `list` for `list[str]`: what a declared check tests."""
    if get_origin(hint) is Union or get_origin(hint) is types.UnionType:
        options = [a for a in get_args(hint) if a is not type(None)]
        return options[0] if len(options) == 1 else hint
    if get_origin(hint) is list and get_args(hint) == (str,):
        return list
    return hint


def _by_declaration(
    data: dict[Any, Any], declared: tuple[_Declared, ...], loc: tuple[Any, ...], problems: _Problems
) -> list[Any]:
    """The values of the declared keys, checked as their declarations say, in order."""
    values = []
    for name, default, kind, key in declared:
        value = data.get(name, default)
        if value is not default and value is not None:
            _BY_DECLARATION[kind](value, (*loc, name), problems, key)
        values.append(value)
    return values


def _declared_text(value: Any, loc: tuple[Any, ...], problems: _Problems, key: Key) -> None:
    if type(value) is not str:
        problems.add("string_type", loc, value)
    elif key.pattern is not None and re.match(key.pattern, value) is None:
        problems.pattern(loc, value, re.compile(key.pattern))
    elif key.not_blank and (not value or value.isspace()):
        problems.add("value_error", loc, value, _MSG["blank"])


def _declared_bool(value: Any, loc: tuple[Any, ...], problems: _Problems, key: Key) -> None:
    if type(value) is not bool:
        problems.add("bool_type", loc, value)


def _declared_int(value: Any, loc: tuple[Any, ...], problems: _Problems, key: Key) -> None:
    if type(value) is not int:
        problems.add("int_type", loc, value)
    elif key.le is not None and value > key.le:
        message = f"Input should be less than or equal to {key.le:g}"
        problems.add("less_than_equal", loc, value, message)
    elif key.ge is not None and value < key.ge:
        message = f"Input should be greater than or equal to {key.ge:g}"
        problems.add("greater_than_equal", loc, value, message)


def _declared_list(value: Any, loc: tuple[Any, ...], problems: _Problems, key: Key) -> None:
    _text_list(value, loc, problems, None if key.pattern is None else re.compile(key.pattern))


_BY_DECLARATION = {
    str: _declared_text,
    bool: _declared_bool,
    int: _declared_int,
    list: _declared_list,
}


#: A claim mapping met in raw (possibly invalid) debate data, and where it is. Declared
#: with evaluated types: the class syntax here would compile each postponed annotation
#: into a forward reference (start-up; see `argmap.model`).
RawClaim = NamedTuple(  # noqa: UP014 - the class syntax would postpone the types
    "RawClaim",
    [
        ("id", str),  # its own id when it has a valid one, else the generated one (`pro.1.r2`)
        ("explicit", bool),
        ("path", KeyPath),
        ("data", dict[str, Any]),
        ("relation", str),  # "top", "r" (a rebuttal) or "s" (support)
    ],
)


class _Problems:
    """Collects problems, and the claims met, in document order; one per run."""

    __slots__ = ("items", "places")

    def __init__(self, places: list[RawClaim] | None = None) -> None:
        self.items: list[Problem] = []
        self.places: list[RawClaim] = [] if places is None else places

    def add(self, kind: str, loc: tuple[Any, ...], value: Any, msg: str | None = None) -> None:
        self.items.append(
            {"type": kind, "loc": loc, "msg": msg or _MSG[kind], "input": value},
        )

    def pattern(self, loc: tuple[Any, ...], value: Any, pattern: re.Pattern[str]) -> None:
        message = f"String should match pattern '{pattern.pattern}'"
        self.add("string_pattern_mismatch", loc, value, message)


def conform(data: Any, places: list[RawClaim] | None = None) -> tuple[Debate | None, list[Problem]]:
    """The debate record for `data`, or None and every problem (pydantic's shape).

    `places`, when given, receives every claim mapping met, valid or not, in document
    order (a claim before its rebuttals, rebuttals before support, `pro` before `con`):
    the reference checks that follow need them, and this walk meets them anyway.
    """
    problems = _Problems(places)
    if type(data) is not dict:
        problems.add("model_type", (), data, _MSG["Debate"])
        return None, problems.items
    debate = _debate(data, problems)
    return (debate if not problems.items else None), problems.items


# --- field checks: each returns the value to store, and records a problem when it fails --


def _text(value: Any, loc: tuple[Any, ...], problems: _Problems) -> Any:
    if type(value) is not str:
        problems.add("string_type", loc, value)
    elif not value or value.isspace():
        problems.add("value_error", loc, value, _MSG["blank"])
    return value


def _optional_text(value: Any, loc: tuple[Any, ...], problems: _Problems) -> Any:
    if value is not None and type(value) is not str:
        problems.add("string_type", loc, value)
    return value


def _slug_value(value: Any, loc: tuple[Any, ...], problems: _Problems) -> Any:
    if type(value) is not str:
        problems.add("string_type", loc, value)
    elif _slug(value) is None:
        problems.pattern(loc, value, SLUG_RE)
    return value


def _text_list(
    value: Any, loc: tuple[Any, ...], problems: _Problems, pattern: re.Pattern[str] | None
) -> Any:
    """A list of text; with `pattern`, every item must match it too."""
    if type(value) is not list:
        problems.add("list_type", loc, value)
        return value
    for index, item in enumerate(value):
        if type(item) is not str:
            problems.add("string_type", (*loc, index), item)
        elif pattern is not None and pattern.match(item) is None:
            problems.pattern((*loc, index), item, pattern)
    return value


def _extra_keys(
    data: dict[Any, Any], known: frozenset[str], loc: tuple[Any, ...], problems: _Problems
) -> None:
    for key, value in data.items():
        if key not in known:
            problems.add("extra_forbidden", (*loc, key), value)


# --- records -------------------------------------------------------------------------------

#: Keys declared after those checked by hand (none today; see `_declared_after`).
_DEBATE_MORE = _declared_after(Debate, "expect")
_SOURCE_MORE = _declared_after(Source, "note")
_CLAIM_MORE = _declared_after(Claim, "scheme")
_EXPECT_MORE = _declared_after(Expectation, "robust")


def _debate(data: dict[Any, Any], problems: _Problems) -> Debate | None:
    loc: tuple[Any, ...] = ()
    version = data.get("version", FORMAT_VERSION)
    if type(version) is bool:
        problems.add("value_error", ("version",), version, _MSG["version_bool"])
    elif type(version) in (int, float) and version == FORMAT_VERSION:
        version = FORMAT_VERSION
    else:
        problems.add("literal_error", ("version",), version, _MSG["version"])
    debate_id = data.get("id")
    if debate_id is not None:
        _slug_value(debate_id, ("id",), problems)
    values: dict[str, Any] = {}
    for key in ("title", "motion"):
        value = data.get(key, _MISSING)
        if value is _MISSING:
            problems.add("missing", (key,), data)
        else:
            values[key] = _text(value, (key,), problems)
    summary = _optional_text(data.get("summary"), ("summary",), problems)
    semantics = data.get("semantics")
    if semantics is not None and (type(semantics) is not str or semantics not in _SEMANTICS):
        problems.add("literal_error", ("semantics",), semantics, _MSG["semantics"])
    tags = data.get("tags", _MISSING)
    tags = [] if tags is _MISSING else _text_list(tags, ("tags",), problems, SLUG_RE)
    sources = data.get("sources", _MISSING)
    sources = [] if sources is _MISSING else _sources(sources, problems)
    sides = [
        _claims(data[side], (side,), problems, side, "top") if side in data else []
        for side in ("pro", "con")
    ]
    expect = data.get("expect")
    if expect is not None:
        expect = _expectation(expect, problems)
    more = _by_declaration(data, _DEBATE_MORE, loc, problems) if _DEBATE_MORE else []
    if not data.keys() <= _DEBATE_KEYS:
        _extra_keys(data, _DEBATE_KEYS, loc, problems)
    if problems.items:
        return None
    return Debate(
        title=values["title"],
        motion=values["motion"],
        version=version,
        id=debate_id,
        summary=summary,
        tags=tags,
        sources=sources,
        pro=sides[0],
        con=sides[1],
        expect=expect,
        semantics=semantics,
        **{name: value for (name, *_), value in zip(_DEBATE_MORE, more, strict=True)},
    )


def _sources(value: Any, problems: _Problems) -> list[Source]:
    if type(value) is not list:
        problems.add("list_type", ("sources",), value)
        return []
    records: list[Source] = []
    for index, item in enumerate(value):
        loc = ("sources", index)
        if type(item) is not dict:
            problems.add("model_type", loc, item, _MSG["Source"])
            continue
        fields: list[Any] = []
        for key in ("id", "title"):
            field = item.get(key, _MISSING)
            if field is _MISSING:
                problems.add("missing", (*loc, key), item)
            elif key == "id":
                _slug_value(field, (*loc, key), problems)
            else:
                _text(field, (*loc, key), problems)
            fields.append(field)
        url = _optional_text(item.get("url"), (*loc, "url"), problems)
        note = _optional_text(item.get("note"), (*loc, "note"), problems)
        more = _by_declaration(item, _SOURCE_MORE, loc, problems) if _SOURCE_MORE else []
        if not item.keys() <= _SOURCE_KEYS:
            _extra_keys(item, _SOURCE_KEYS, loc, problems)
        records.append(_new(Source, (fields[0], fields[1], url, note, *more)))
    return records


def _claims(
    value: Any, loc: tuple[Any, ...], problems: _Problems, parent: str, relation: str
) -> list[Claim]:
    """The claims of a list; `parent` and `relation` make their generated ids."""
    if type(value) is not list:
        problems.add("list_type", loc, value)
        return []
    records: list[Claim] = []
    # Generated ids: `pro.1` at the top, `<parent id>.r2` and `<parent id>.s1` below.
    prefix = f"{parent}." if relation == "top" else f"{parent}.{relation}"
    for index, item in enumerate(value):
        if type(item) is dict:
            records.append(_claim(item, (*loc, index), problems, f"{prefix}{index + 1}", relation))
        else:
            problems.add("model_type", (*loc, index), item, _MSG["Claim"])
    return records


_NO_LIST: list[Any] = []


def _claim(
    data: dict[Any, Any], loc: tuple[Any, ...], problems: _Problems, generated: str, relation: str
) -> Claim:
    # Runs once per claim: the common case (every value of the right type) takes one
    # lookup and one type test per key the claim has.
    get = data.get
    claim_id: Any = get("id")
    explicit = type(claim_id) is str and _slug(claim_id) is not None
    problems.places.append(
        _new(RawClaim, (claim_id if explicit else generated, explicit, loc, data, relation))
    )
    text = get("text", _MISSING)
    if text is _MISSING:
        problems.add("missing", (*loc, "text"), data)
    elif type(text) is not str or not text or text.isspace():
        _text(text, (*loc, "text"), problems)
    if claim_id is not None and not explicit:
        _slug_value(claim_id, (*loc, "id"), problems)
    kind = get("kind", Kind.CLAIM)
    if kind is not Kind.CLAIM:
        found = _KINDS.get(kind) if type(kind) is str else None
        if found is None:
            problems.add("enum", (*loc, "kind"), kind)
        else:
            kind = found
    sources = get("sources", _NO_LIST)
    if sources is not _NO_LIST:
        _text_list(sources, (*loc, "sources"), problems, SLUG_RE)
    tags = get("tags", _NO_LIST)
    if tags is not _NO_LIST:
        _text_list(tags, (*loc, "tags"), problems, SLUG_RE)
    note = get("note")
    if note is not None and type(note) is not str:
        problems.add("string_type", (*loc, "note"), note)
    weight = get("weight")
    if weight is not None:
        if type(weight) is not int:
            problems.add("int_type", (*loc, "weight"), weight)
        elif weight > 5:
            problems.add(
                "less_than_equal",
                (*loc, "weight"),
                weight,
                _MSG["weight_le"],
            )
        elif weight < 1:
            problems.add(
                "greater_than_equal",
                (*loc, "weight"),
                weight,
                _MSG["weight_ge"],
            )
    undercut = get("undercut", False)
    if type(undercut) is not bool:
        problems.add("bool_type", (*loc, "undercut"), undercut)
    own_id: str = claim_id if explicit else generated
    rebuttals = get("rebuttals", _NO_LIST)
    if rebuttals is _NO_LIST:
        rebuttals = []
    else:
        rebuttals = _claims(rebuttals, (*loc, "rebuttals"), problems, own_id, "r")
    support = get("support", _NO_LIST)
    if support is _NO_LIST:
        support = []
    else:
        support = _claims(support, (*loc, "support"), problems, own_id, "s")
    links: list[Any] = []
    for key in ("also_rebuts", "also_supports", "see"):
        value = get(key, _NO_LIST)
        if value is _NO_LIST:
            value = []
        else:
            _text_list(value, (*loc, key), problems, SEE_RE if key == "see" else SLUG_RE)
        links.append(value)
    scheme = get("scheme")
    if scheme is not None and (type(scheme) is not str or not scheme or scheme.isspace()):
        _text(scheme, (*loc, "scheme"), problems)
    more = _by_declaration(data, _CLAIM_MORE, loc, problems) if _CLAIM_MORE else _NO_LIST
    if not data.keys() <= _CLAIM_KEYS:
        _extra_keys(data, _CLAIM_KEYS, loc, problems)
    return _new(
        Claim,
        (
            text,
            claim_id,
            kind,
            [] if sources is _NO_LIST else sources,
            [] if tags is _NO_LIST else tags,
            note,
            weight,
            undercut,
            rebuttals,
            support,
            links[0],
            links[1],
            links[2],
            scheme,
            *more,
        ),
    )


def _expectation(value: Any, problems: _Problems) -> Expectation | None:
    loc: tuple[Any, ...] = ("expect",)
    if type(value) is not dict:
        problems.add("model_type", loc, value, _MSG["Expectation"])
        return None
    lists = []
    for key in ("standing", "defeated", "undecided"):
        items = value.get(key, _MISSING)
        lists.append([] if items is _MISSING else _text_list(items, (*loc, key), problems, None))
    verdict = value.get("verdict")
    if verdict is not None and (type(verdict) is not str or verdict not in _VERDICTS):
        problems.add("literal_error", (*loc, "verdict"), verdict, _MSG["verdict"])
        verdict = None
    elif verdict is not None:
        verdict = Verdict(verdict)
    bounds = [_strengths(value, key, problems) for key in ("min_strength", "max_strength")]
    robust = value.get("robust")
    if robust is not None and type(robust) is not bool:
        problems.add("bool_type", (*loc, "robust"), robust)
    more = _by_declaration(value, _EXPECT_MORE, loc, problems) if _EXPECT_MORE else []
    if not value.keys() <= _EXPECT_KEYS:
        _extra_keys(value, _EXPECT_KEYS, loc, problems)
    return Expectation(lists[0], lists[1], lists[2], verdict, bounds[0], bounds[1], robust, *more)


def _strengths(expect: dict[Any, Any], key: str, problems: _Problems) -> dict[str, float]:
    """A claim id to strength mapping; strengths are numbers from 0 to 1.

    As pydantic's lax numbers: true/false count as 1/0, and text holding a number (as
    Python's `float` reads it) is read as that number.
    """
    value = expect.get(key, _MISSING)
    if value is _MISSING:
        return {}
    loc = ("expect", key)
    if type(value) is not dict:
        problems.add("dict_type", loc, value)
        return {}
    result: dict[str, float] = {}
    for claim_id, raw in value.items():
        if type(claim_id) is not str:
            problems.add("string_type", (*loc, claim_id, "[key]"), claim_id)
            continue
        number: float
        if type(raw) in (int, float, bool):
            number = float(raw)
        elif type(raw) is str:
            try:
                number = float(raw)
            except ValueError:
                problems.add("float_parsing", (*loc, claim_id), raw)
                continue
        else:
            problems.add("float_type", (*loc, claim_id), raw)
            continue
        if not number <= 1:  # NaN fails this test too, and is reported as pydantic does
            problems.add("less_than_equal", (*loc, claim_id), raw, _MSG["strength_le"])
        elif number < 0:
            problems.add(
                "greater_than_equal",
                (*loc, claim_id),
                raw,
                _MSG["strength_ge"],
            )
        else:
            result[claim_id] = number
    return result
