"""Message wording: the format checker's problems as diagnostics a debate's author can act on."""

from __future__ import annotations

from typing import Any

from argmap.conform import RawClaim, conform
from argmap.diagnostics import Diagnostic, error
from argmap.ids import KeyPath, Positions
from argmap.links_between import did_you_mean as _suggest
from argmap.misspelt_blocks import unknown_keys_inside
from argmap.model import FIELDS, Debate, Kind


def validate(
    data: dict[str, Any],
    name: str,
    positions: Positions,
    diagnostics: list[Diagnostic],
    refused: set[KeyPath],
    places: list[RawClaim],
) -> Debate | None:
    debate, problems = conform(data, places)
    if debate is not None:
        return debate
    import difflib  # only when there is a mistake to suggest a fix for

    errors = [(tuple(err["loc"]), err) for err in problems + unknown_keys_inside(problems)]
    # A misspelt key is also the missing key it meant: report it once, as the typo.
    misspelt: set[KeyPath] = set()
    for loc, err in errors:
        if err["type"] == "extra_forbidden" and loc:
            options = FIELDS[_model_at(loc[:-1])]
            for match in difflib.get_close_matches(str(loc[-1]), options, n=1, cutoff=0.6):
                misspelt.add((*loc[:-1], match))
    for loc, err in errors:
        if err["type"] == "missing" and loc in misspelt:
            continue
        if any(loc[: len(path)] == path for path in refused):
            continue
        diagnostics.append(_diagnostic_for(err, loc, data, name, positions))
    return None


def _model_at(path: KeyPath) -> str:
    """Which model a mapping at `path` is validated as (for key suggestions)."""
    if not path:
        return "debate"
    if path[0] == "sources" and len(path) == 2:
        return "source"
    if path[0] == "expect" and len(path) == 1:
        return "expect"
    return "claim"


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return str(value)
    return f"'{value}'" if isinstance(value, str) else type(value).__name__


def _field_name(loc: KeyPath) -> str:
    for part in reversed(loc):
        if isinstance(part, str):
            return part
    return "item"


def _diagnostic_for(
    err: Any, loc: KeyPath, data: dict[str, Any], name: str, positions: Positions
) -> Diagnostic:
    kind: str = err["type"]
    value = err.get("input")
    field_name = _field_name(loc)
    pos = positions.at(loc)
    if kind == "extra_forbidden":
        key = str(loc[-1])
        model = _model_at(loc[:-1])
        what = {"debate": "at the top level", "claim": "in a claim", "source": "in a source"}
        where = what.get(model, f"in '{model}'")
        return error(
            name,
            positions.key_at(loc),
            "unknown-key",
            f"unknown key '{key}' {where}{_suggest(key, FIELDS[model])}",
        )
    if kind == "missing":
        model = _model_at(loc[:-1])
        noun = {"debate": "the debate", "claim": "this claim", "source": "this source"}
        return error(
            name,
            positions.at(loc[:-1]),
            "missing-key",
            f"missing required key '{field_name}' in {noun.get(model, model)}",
        )
    if field_name == "version" and len(loc) == 1:
        return error(
            name,
            pos,
            "version",
            f"unsupported format version {_describe(value)}; this argmap reads version 1",
        )
    if kind == "enum" and field_name == "kind":
        kinds = [k.value for k in Kind]
        return error(
            name,
            pos,
            "unknown-kind",
            f"unknown kind {_describe(value)}; expected one of {', '.join(kinds)}"
            + (_suggest(value, kinds) if isinstance(value, str) else ""),
        )
    if field_name == "weight" or (loc and loc[-1] == "weight"):
        return error(
            name,
            pos,
            "weight",
            f"weight must be a whole number from 1 to 5, not {_describe(value)}",
        )
    if kind == "string_pattern_mismatch":
        if field_name == "see":
            return error(
                name,
                pos,
                "bad-see",
                f"{_describe(value)} is not a debate reference; write `debate-id` "
                "or `debate-id:claim-id`",
            )
        return error(
            name,
            pos,
            "bad-id",
            f"{_describe(value)} is not a valid id in '{field_name}': use lowercase letters, "
            "digits, '-' and '_', starting with a letter or digit",
        )
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        if isinstance(loc[-1] if loc else None, int) and _field_name(loc) in {
            "pro",
            "con",
            "rebuttals",
            "support",
        }:
            hint = " (write `- text: ...`)" if isinstance(value, str) else ""
            return error(
                name,
                pos,
                "bad-claim",
                f"a claim must be a mapping with at least `text`, not {_describe(value)}{hint}",
            )
        return error(name, pos, "type", f"'{field_name}' must be a mapping, not {_describe(value)}")
    if kind == "list_type":
        return error(name, pos, "type", f"'{field_name}' must be a list, not {_describe(value)}")
    if kind in {"string_type", "string_too_short"}:
        return error(name, pos, "type", f"'{field_name}' must be text, not {_describe(value)}")
    if kind in {"bool_type", "bool_parsing"}:
        return error(
            name, pos, "type", f"'{field_name}' must be true or false, not {_describe(value)}"
        )
    if kind == "value_error":
        message = str(err.get("msg", "")).removeprefix("Value error, ")
        return error(name, pos, "value", f"'{field_name}' {message}")
    return error(name, pos, "invalid", f"'{field_name}': {err.get('msg', 'invalid value')}")
