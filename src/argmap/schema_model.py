"""The debate file format (version 1) as pydantic models, built from the records of `argmap.model`.

The records are the one definition of the format: each field's type, default and
`argmap.model.Key` (description, pattern, bounds, "not blank") are declared there once.
This module turns them into pydantic models, which give `argmap schema` its JSON Schema
(`schema/argmap.schema.json`, checked to be current by a test) and serve as the reference
the hand checker `argmap.conform` is held to: a property test (`tests/test_conform.py`)
feeds both the same random documents and requires the same result and the same errors.
Loading does not use these models; building pydantic's validators costs every command
start-up time before a single claim is read.

How a record's Python type becomes a pydantic type: text stays text (with the key's
pattern, and a check that it is not blank when the key says so); whole numbers and
true/false are strict (YAML's `true` is not the weight 1); numbers in a mapping are lax
floats within the key's bounds; an enumeration of values written as text (the verdict)
becomes a `Literal` of those values; records nested in records become their models.
"""

from __future__ import annotations

import types
from enum import Enum
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    create_model,
    field_validator,
)

from argmap import model
from argmap.model import FIELDS, Key, Kind

__all__ = ["Claim", "Debate", "Expectation", "Source", "json_schema"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def _not_blank_if_given(value: str | None) -> str | None:
    return None if value is None else _not_blank(value)


def _version_is_a_number(value: object) -> object:
    # `true` equals 1 in Python; the format's version is the number 1, not a flag.
    if isinstance(value, bool):
        raise ValueError("must be the number 1")
    return value


#: The records, by the name their models (and the JSON Schema's `$defs`) have.
_RECORDS: dict[type, str] = {
    model.Source: "Source",
    model.Claim: "Claim",
    model.Expectation: "Expectation",
    model.Debate: "Debate",
}
_ORDER = {"Debate": FIELDS["debate"]}
_MADE: dict[str, type[BaseModel]] = {}


def _pydantic_type(hint: Any, key: Key) -> Any:
    """The pydantic type for a record field's Python type and its `Key`."""
    origin = get_origin(hint)
    if origin is Union or origin is types.UnionType:
        options = [a for a in get_args(hint) if a is not type(None)]
        return _pydantic_type(options[0], key) | None
    if origin is list:
        return list[_pydantic_type(get_args(hint)[0], key)]  # type: ignore[misc]
    if origin is dict:
        bounded = Annotated[float, Field(ge=key.ge, le=key.le)]
        return dict[str, bounded]
    if origin is Literal:
        return hint
    if hint in _RECORDS:
        # A model made before, or the record's own (a claim's rebuttals are claims).
        return _MADE.get(_RECORDS[hint], _RECORDS[hint])
    if hint is str:
        return Annotated[str, StringConstraints(pattern=key.pattern)] if key.pattern else str
    if hint is bool:
        return StrictBool
    if hint is int:
        return StrictInt
    if isinstance(hint, type) and issubclass(hint, Enum) and hint is not Kind:
        return Literal[tuple(member.value for member in hint)]
    return hint


def _model_of(record: Any) -> type[BaseModel]:
    name = _RECORDS[record]
    hints = get_type_hints(record, vars(model), include_extras=True)
    fields: dict[str, Any] = {}
    validators: dict[str, Any] = {}
    for field in _ORDER.get(name, record._fields):
        hint = hints[field]
        key = Key()
        if get_origin(hint) is Annotated:
            hint, *extras = get_args(hint)
            key = next((e for e in extras if isinstance(e, Key)), key)
        options: dict[str, Any] = {}
        if key.description is not None:
            options["description"] = key.description
        if get_origin(hint) is not dict and (key.ge is not None or key.le is not None):
            options.update(ge=key.ge, le=key.le)
        if field not in record._field_defaults:
            info = Field(**options)
        else:
            default = record._field_defaults[field]
            if isinstance(default, list | dict):
                info = Field(default_factory=type(default), **options)
            else:
                info = Field(default=default, **options)
        fields[field] = (_pydantic_type(hint, key), info)
        if key.not_blank:
            check = _not_blank_if_given if field in record._field_defaults else _not_blank
            validators[f"_{field}_not_blank"] = field_validator(field)(check)
    if name == "Debate":
        validators["_version_is_a_number"] = field_validator("version", mode="before")(
            _version_is_a_number
        )
    doc = (record.__doc__ or "").split("\n\n")[0]
    made: type[BaseModel] = create_model(
        name, __base__=_Strict, __doc__=doc, __validators__=validators, **fields
    )
    made.model_rebuild(_types_namespace={name: made})
    _MADE[name] = made
    return made


Source = _model_of(model.Source)
Claim = _model_of(model.Claim)
Expectation = _model_of(model.Expectation)
Debate = _model_of(model.Debate)


def json_schema() -> dict[str, object]:
    """The JSON Schema of the debate format, as editors and `argmap schema` use it."""
    schema = Debate.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
