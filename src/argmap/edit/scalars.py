"""Write values as YAML scalars and lists that read back exactly as the value given.

Plain style when a value reads back unchanged as text, otherwise double quotes with
escapes; single quotes or a block scalar (`|`, `>`) when the value being replaced was
written that way and the new value allows it. Every choice is checked by parsing it back.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import yaml

try:
    _Loader: type[Any] = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()

# Characters YAML may hold unescaped (PyYAML's reader refuses the rest).
_PRINTABLE = re.compile("[\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NAMED_ESCAPES = {
    "\0": "\\0",
    "\x07": "\\a",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\x0b": "\\v",
    "\f": "\\f",
    "\r": "\\r",
    "\x1b": "\\e",
    '"': '\\"',
    "\\": "\\\\",
    # PyYAML reads these as line breaks, so inside quotes they must be escaped.
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
}
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_INDICATORS = set(",[]{}?:#")  # PyYAML ends flow plain scalars at these
_BREAKS = {"\n", "\r", "\x85", "\u2028", "\u2029"}


class UnwritableValue(ValueError):
    """A value that no YAML scalar can hold (a lone surrogate, for example)."""


def check_writable(value: str) -> None:
    """Raise `UnwritableValue` when `value` cannot be saved as UTF-8 YAML."""
    for char in value:
        if "\ud800" <= char <= "\udfff":
            raise UnwritableValue(
                f"the text holds a character that cannot be saved (U+{ord(char):04X})"
            )


def _reads_back(fragment: str, value: object) -> bool:
    """True when `k: <fragment>` parses to the string `value`."""
    try:
        loaded = yaml.load(f"k: {fragment}\n", Loader=_Loader)
    except yaml.YAMLError:
        return False
    return isinstance(loaded, dict) and loaded.get("k") == value


def is_plain_safe(value: str, *, flow: bool = False) -> bool:
    """True when `value` can be written without quotes and reads back as the same text."""
    if not value or value != value.strip(" \t") or value[0] in _INDICATORS:
        return False
    if any(ch in _BREAKS or ch in "\t\ufeff" or not _PRINTABLE.match(ch) for ch in value):
        return False
    if ": " in value or " #" in value or value.endswith(":"):
        return False
    if flow and any(ch in _FLOW_INDICATORS for ch in value):
        return False
    # `yes`, `12`, `null`, `2024-01-01` would read back as other types.
    tag = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    if tag != _STR_TAG:
        return False
    if flow:
        return _reads_back(f"[{value}, x]", [value, "x"])
    return _reads_back(value, value)


def double_quoted(value: str) -> str:
    """`value` in double quotes, with every character YAML could misread escaped."""
    check_writable(value)
    out = ['"']
    for char in value:
        named = _NAMED_ESCAPES.get(char)
        if named is not None:
            out.append(named)
        elif _PRINTABLE.match(char) and char != "\ufeff":
            out.append(char)
        else:
            code = ord(char)
            if code <= 0xFF:
                out.append(f"\\x{code:02x}")
            elif code <= 0xFFFF:
                out.append(f"\\u{code:04x}")
            else:
                out.append(f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


def single_quoted(value: str) -> str | None:
    """`value` in single quotes, or None when single quotes cannot hold it on one line."""
    if any(ch in _BREAKS or ch == "\ufeff" or not _PRINTABLE.match(ch) for ch in value):
        return None
    if value != value.strip(" \t"):
        return None  # leading or trailing blanks survive, but tabs do not; stay simple
    return "'" + value.replace("'", "''") + "'"


def inline_scalar(value: str, *, flow: bool = False, style: str | None = None) -> str:
    """`value` as a one-line YAML scalar, in `style` ("'" or '"') when that style fits."""
    check_writable(value)
    if style == "'":
        quoted = single_quoted(value)
        if quoted is not None:
            return quoted
    if style != '"' and is_plain_safe(value, flow=flow):
        return value
    return double_quoted(value)


def block_scalar(value: str, style: str, indent: int) -> str | None:
    """`value` as a `|` or `>` block scalar whose lines start at column `indent`.

    Returns the text from the indicator to the end of the last content line (no final
    line break), or None when a block scalar cannot hold the value faithfully (leading
    blanks, trailing blanks, several trailing line breaks, characters needing escapes).
    """
    check_writable(value)
    if not value.strip() or value.endswith("\n\n"):
        return None
    body = value[:-1] if value.endswith("\n") else value
    chomp = "" if value.endswith("\n") else "-"
    lines = body.split("\n")
    if any(ch in _BREAKS - {"\n"} or ch == "\ufeff" or not _PRINTABLE.match(ch) for ch in body):
        return None
    if lines[0][:1] in {" ", "\t"} or any(line != line.rstrip(" \t") for line in lines):
        return None
    # A folded scalar joins lines, so keep `>` only for a single line; else use `|`.
    indicator = ">" if style == ">" and len(lines) == 1 else "|"
    pad = " " * indent
    text = indicator + chomp + "".join("\n" + (pad + line if line else "") for line in lines)
    lines_probe = ["k: " + indicator + chomp] + [("  " + line if line else "") for line in lines]
    try:
        loaded = yaml.load("\n".join(lines_probe) + "\n", Loader=_Loader)
    except yaml.YAMLError:
        return None
    if not isinstance(loaded, dict) or loaded.get("k") != value:
        return None
    return text


def flow_list(values: Sequence[str]) -> str:
    """`values` as a flow sequence: `[a, b]`."""
    return "[" + ", ".join(inline_scalar(v, flow=True) for v in values) + "]"
