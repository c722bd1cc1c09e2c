"""Write debate data as clean, hand-editable YAML (what `argmap import` produces).

Keys come in the order authors read them (`text`, `id`, `kind`, ... then `rebuttals` and
`support`), collections are in block style, short lists of slugs in flow style, and each
string gets the simplest quoting that reads back as the same string: plain when safe, a
literal block for multi-line text, double quotes with escapes otherwise.

The writer walks the claim tree with an explicit stack, so a debate thousands of levels
deep is written without recursion.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import yaml
from yaml.resolver import Resolver

from argmap.model import Debate

DEBATE_KEYS = (
    "version",
    "id",
    "title",
    "motion",
    "summary",
    "tags",
    "sources",
    "pro",
    "con",
    "expect",
)
CLAIM_KEYS = (
    "text",
    "id",
    "kind",
    "weight",
    "sources",
    "tags",
    "note",
    "undercut",
    "also_rebuts",
    "also_supports",
    "see",
    "rebuttals",
    "support",
)
SOURCE_KEYS = ("id", "title", "url", "note")
EXPECT_KEYS = ("standing", "defeated", "undecided")
#: Keys whose value is a list of claims.
CLAIM_LISTS = frozenset({"pro", "con", "rebuttals", "support"})

_RESOLVER = Resolver()
_STR_TAG = "tag:yaml.org,2002:str"
# Characters PyYAML accepts in a stream; anything else must be escaped.
_UNPRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
# Line breaks YAML folds inside quoted scalars; escaped so text keeps them exactly.
_SPECIAL_BREAKS = {"\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}
_PLAIN_START_FORBIDDEN = set("-?:,[]{}#&*!|>'\"%@`= \t")


def _plain_ok(value: str, flow: bool) -> bool:
    if not value or value != value.strip() or value[0] in _PLAIN_START_FORBIDDEN:
        return False
    if "\n" in value or "\t" in value or "\r" in value:
        return False
    if ": " in value or " #" in value or value.endswith(":"):
        return False
    if flow and any(c in value for c in ",[]{}"):
        return False
    if _UNPRINTABLE.search(value) or any(c in value for c in _SPECIAL_BREAKS):
        return False
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    return tag == _STR_TAG


def _double_quoted(value: str) -> str:
    out = ['"']
    for char in value:
        if char == '"':
            out.append('\\"')
        elif char == "\\":
            out.append("\\\\")
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif char == "\r":
            out.append("\\r")
        elif char in _SPECIAL_BREAKS:
            out.append(_SPECIAL_BREAKS[char])
        elif _UNPRINTABLE.match(char):
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _literal_ok(value: str) -> bool:
    if "\n" not in value or "\r" in value or _UNPRINTABLE.search(value):
        return False
    if any(c in value for c in _SPECIAL_BREAKS):
        return False
    body = value[:-1] if value.endswith("\n") else value
    if body.endswith("\n") or not body:
        return False
    lines = body.split("\n")
    # A leading space on the first line would need an indentation indicator.
    if lines[0].startswith((" ", "\t")):
        return False
    return all(line == line.rstrip() for line in lines) and all(lines)


def scalar(value: Any, indent: int = 0, flow: bool = False) -> str:
    """One scalar as YAML: plain, literal block (multi-line text) or double-quoted."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    if _plain_ok(text, flow):
        return text
    if not flow and _literal_ok(text):
        chomp = "" if text.endswith("\n") else "-"
        pad = " " * (indent + 2)
        body = text[:-1] if text.endswith("\n") else text
        return f"|{chomp}\n" + "\n".join(pad + line for line in body.split("\n"))
    return _double_quoted(text)


def _is_slug_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and len(v) < 80 for v in value)


def _ordered(mapping: Mapping[str, Any], order: Sequence[str]) -> list[tuple[str, Any]]:
    items = [(k, mapping[k]) for k in order if k in mapping]
    items.extend((k, v) for k, v in mapping.items() if k not in order)
    return items


def dump_debate(data: Mapping[str, Any], header: str = "") -> str:
    """Debate data (plain dicts and lists, as in a debate file) as YAML text.

    `header` lines are written first as `#` comments.
    """
    lines: list[str] = [f"# {line}".rstrip() for line in header.splitlines()]
    # Work items: ("pair", key, value, indent, order) writes `key: value` at indent;
    # ("item", mapping, indent, order) writes a `- ` list item mapping.
    stack: list[tuple[Any, ...]] = []
    for key, value in reversed(_ordered(data, DEBATE_KEYS)):
        stack.append(("pair", key, value, 0, DEBATE_KEYS))
    while stack:
        work = stack.pop()
        if work[0] == "item":
            _, mapping, indent, order = work
            pairs = _ordered(mapping, order)
            if not pairs:
                lines.append(" " * indent + "- {}")
                continue
            # The first pair shares the line with the dash.
            pending = [("pair", k, v, indent + 2, order) for k, v in pairs]
            first = pending[0]
            stack.extend(reversed(pending[1:]))
            stack.append(("pair", first[1], first[2], indent + 2, order, "- "))
            continue
        key, value, indent, _order = work[1], work[2], work[3], work[4]
        dash = work[5] if len(work) > 5 else ""
        prefix = " " * (indent - len(dash)) + dash + f"{key}:"
        if isinstance(value, list):
            if not value:
                lines.append(f"{prefix} []")
            elif key in CLAIM_LISTS or (key == "sources" and isinstance(value[0], dict)):
                lines.append(prefix)
                child_order = CLAIM_KEYS if key in CLAIM_LISTS else SOURCE_KEYS
                for item in reversed(value):
                    stack.append(("item", item, indent + 2, child_order))
            elif _is_slug_list(value):
                lines.append(f"{prefix} [{', '.join(scalar(v, flow=True) for v in value)}]")
            else:
                lines.append(prefix)
                lines.extend(" " * (indent + 2) + "- " + scalar(v, indent + 2) for v in value)
        elif isinstance(value, dict):
            lines.append(prefix if value else f"{prefix} {{}}")
            for k, v in reversed(_ordered(value, EXPECT_KEYS)):
                stack.append(("pair", k, v, indent + 2, EXPECT_KEYS))
        else:
            lines.append(f"{prefix} {scalar(value, indent)}")
    return "\n".join(lines) + "\n"


def debate_data(debate: Debate) -> dict[str, Any]:
    """A debate as plain data without default values, `version` first."""
    data: dict[str, Any] = {"version": debate.version}
    data.update(debate.model_dump(mode="json", exclude_defaults=True))
    return data


def debate_yaml(debate: Debate, header: str = "") -> str:
    """A validated debate as clean YAML text."""
    return dump_debate(debate_data(debate), header)
