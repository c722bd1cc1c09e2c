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
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import yaml
from yaml.resolver import Resolver

from argmap.model import FIELDS, Debate, to_data

DEBATE_KEYS = FIELDS["debate"]
CLAIM_KEYS = (
    "text",
    "id",
    "kind",
    "weight",
    "sources",
    "tags",
    "note",
    "scheme",
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
# The resolver's implicit patterns by first character (None: tried for every value). A
# plain scalar whose first character has none is a string without trying any pattern.
_IMPLICIT = _RESOLVER.yaml_implicit_resolvers
_STR_TAG = "tag:yaml.org,2002:str"
# Characters PyYAML refuses in a stream, which must be escaped: all but tab, line feed,
# carriage return, printable ASCII, NEL, U+00A0-U+D7FF, U+E000-U+FFFD and the planes above.
# Written as what is refused: the complement, a class reaching U+10FFFF, takes milliseconds
# to compile at every start of the command.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
# Line breaks YAML folds inside quoted scalars; escaped so text keeps them exactly.
_SPECIAL_BREAKS = {"\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}
# An unprintable character or one of the special breaks: one scan instead of four.
_UNPRINTABLE_OR_BREAK = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]"
)
_PLAIN_START_FORBIDDEN = frozenset("-?:,[]{}#&*!|>'\"%@`= \t")


def _plain_ok(value: str, flow: bool) -> bool:
    if not value or value[0] in _PLAIN_START_FORBIDDEN or value != value.strip():
        return False
    if "\n" in value or "\t" in value or "\r" in value:
        return False
    if ": " in value or " #" in value or value[-1] == ":":
        return False
    if flow and ("," in value or "[" in value or "]" in value or "{" in value or "}" in value):
        return False
    # isprintable() is False for every character the pattern finds (controls, surrogates,
    # line and paragraph separators, non-characters), and much faster than the pattern.
    if not value.isprintable() and _UNPRINTABLE_OR_BREAK.search(value):
        return False
    if value[0] not in _IMPLICIT and None not in _IMPLICIT:
        return True  # what the resolver would find: no pattern applies
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
    if "\n" not in value or "\r" in value or _UNPRINTABLE_OR_BREAK.search(value):
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
    if value.__class__ is str:
        text: str = value
    elif value is None:
        return "null"
    elif isinstance(value, bool):
        return "true" if value else "false"
    elif isinstance(value, int | float):
        return repr(value)
    else:
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


_KNOWN: dict[Sequence[str], frozenset[str]] = {
    order: frozenset(order) for order in (DEBATE_KEYS, CLAIM_KEYS, SOURCE_KEYS, EXPECT_KEYS)
}
# The keys of a mapping in writing order, by order and the mapping's own key order: claims
# come in a handful of shapes, so each is worked out once.
_KEY_ORDERS: dict[tuple[Sequence[str], tuple[str, ...]], list[str]] = {}


def _ordered(mapping: Mapping[str, Any], order: Sequence[str]) -> list[tuple[str, Any]]:
    shape = (order, tuple(mapping))
    keys = _KEY_ORDERS.get(shape)
    if keys is None:
        keys = [k for k in order if k in mapping]
        if len(keys) < len(mapping):  # keys outside the order follow, in their own order
            known = _KNOWN.get(order) or frozenset(order)
            keys.extend(k for k in mapping if k not in known)
        if len(_KEY_ORDERS) < 1024:
            _KEY_ORDERS[shape] = keys
    return [(k, mapping[k]) for k in keys]


# A pair to write: key, value, indent of the key, and "- " when it opens a list item.
_Pair = tuple[str, Any, int, str]


def _item_pairs(
    mappings: Sequence[Mapping[str, Any]], indent: int, order: Sequence[str], emit: Any
) -> Iterator[_Pair]:
    """Write each list item in turn; yield the pairs whose value is a list or mapping.

    String values, most of a claim, are written here; the others are yielded for
    `dump_debate` to write, which opens another level for them. The first pair of an
    item shares the line with `- `; an empty item is written as `- {}`.
    """
    inner = indent + 2
    pad = " " * inner
    dash_pad = " " * indent + "- "
    for mapping in mappings:
        pairs = _ordered(mapping, order)
        if not pairs:
            emit(" " * indent + "- {}")
            continue
        lead = dash_pad
        for key, value in pairs:
            if value.__class__ is str:
                emit(f"{lead}{key}: {scalar(value, inner)}")
            else:
                yield key, value, inner, "- " if lead is dash_pad else ""
            lead = pad


def dump_debate(data: Mapping[str, Any], header: str = "") -> str:
    """Debate data (plain dicts and lists, as in a debate file) as YAML text.

    `header` lines are written first as `#` comments.
    """
    lines: list[str] = [f"# {line}".rstrip() for line in header.splitlines()]
    emit = lines.append
    # One iterator of pairs per open mapping, innermost last: a pair whose value is a
    # nested mapping or list of mappings opens another, and its parent resumes after it.
    stack: list[Iterator[_Pair]] = [
        iter([(key, value, 0, "") for key, value in _ordered(data, DEBATE_KEYS)])
    ]
    while stack:
        for key, value, indent, dash in stack[-1]:
            prefix = " " * (indent - len(dash)) + dash + key + ":"
            if isinstance(value, list):
                if not value:
                    emit(prefix + " []")
                elif key in CLAIM_LISTS or (key == "sources" and isinstance(value[0], dict)):
                    emit(prefix)
                    child_order = CLAIM_KEYS if key in CLAIM_LISTS else SOURCE_KEYS
                    stack.append(_item_pairs(value, indent + 2, child_order, emit))
                    break
                elif _is_slug_list(value):
                    emit(f"{prefix} [{', '.join(scalar(v, flow=True) for v in value)}]")
                else:
                    emit(prefix)
                    lines.extend(" " * (indent + 2) + "- " + scalar(v, indent + 2) for v in value)
            elif isinstance(value, dict):
                if not value:
                    emit(prefix + " {}")
                    continue
                emit(prefix)
                pairs = _ordered(value, EXPECT_KEYS)
                stack.append(iter([(k, v, indent + 2, "") for k, v in pairs]))
                break
            else:
                emit(f"{prefix} {scalar(value, indent)}")
        else:
            stack.pop()
    return "\n".join(lines) + "\n"


def debate_data(debate: Debate) -> dict[str, Any]:
    """A debate as plain data without default values, `version` first."""
    data: dict[str, Any] = {"version": debate.version}
    data.update(to_data(debate))
    return data


def debate_yaml(debate: Debate, header: str = "") -> str:
    """A validated debate as clean YAML text."""
    return dump_debate(debate_data(debate), header)
