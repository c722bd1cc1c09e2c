"""How much a debate file may hold before it is refused, and counts that find out cheaply.

Sizes, claim counts and nesting depths are checked before (or while) a file is parsed, so a
hostile file costs bounded time and memory. The caps on bytes and claims can be raised with
`ARGMAP_MAX_BYTES` and `ARGMAP_MAX_CLAIMS`.
"""

from __future__ import annotations

import os
import re
from typing import Any

import yaml

from argmap.ids import Pos, Positions
from argmap.load_yaml import FastSafeLoader

#: Files larger than this are refused before parsing (override with ARGMAP_MAX_BYTES).
DEFAULT_MAX_BYTES = 32 * 1024 * 1024
#: How many times anchored collections may be re-entered through aliases.
MAX_ALIAS_EXPANSIONS = 1000
#: Claims per debate beyond which a file is refused (override with ARGMAP_MAX_CLAIMS). The
#: largest real debates hold a few thousand; this bounds the time and memory a file costs.
DEFAULT_MAX_CLAIMS = 200_000
CLAIM_LISTS = frozenset({"pro", "con", "rebuttals", "support"})
#: How deep claims may nest before the file is refused: far deeper than any real debate,
#: and within what recursive checks and exports can walk.
MAX_DEPTH = 200
#: How deep YAML collections may nest before parsing is refused. libyaml's composer
#: recurses in C and crashes the process somewhere past 20,000 levels.
MAX_YAML_NESTING = 1000
_BRACKETS = re.compile(r"[\[\]{}]")
_COMPACT_NESTING = re.compile(r"(?:[-?] +){" + str(MAX_YAML_NESTING) + ",}")


def size_limit() -> int:
    """The file size cap: ARGMAP_MAX_BYTES when set to a number, else the default."""
    value = os.environ.get("ARGMAP_MAX_BYTES", "")
    return int(value) if value.isdigit() else DEFAULT_MAX_BYTES


def max_claims() -> int:
    """The claims-per-debate cap: ARGMAP_MAX_CLAIMS when set to a number, else the default."""
    value = os.environ.get("ARGMAP_MAX_CLAIMS", "").strip()
    return int(value) if value.isdigit() else DEFAULT_MAX_CLAIMS


def too_many_claims_message(limit: int) -> str:
    return (
        f"the debate holds more than {limit:,} claims; argmap reads debates up to that size "
        "(set ARGMAP_MAX_CLAIMS to raise the limit)"
    )


def claims_beyond_limit(text: str, limit: int) -> Pos | None:
    """Where the claim past `limit` starts, found before the node tree is built; else None.

    Every item of a YAML list is introduced by a `-` (block style) or follows a `[` or a
    `,` (flow style), so a text with no more of those characters than `limit` cannot hold
    more claims, and nearly every file is passed by three counts. Otherwise the parser's
    event stream is read (constant memory, no node tree) counting the items of `pro`,
    `con`, `rebuttals` and `support` lists, and stops at the first one past the limit.
    """
    if text.count("-") + text.count(",") + text.count("[") <= limit:
        return None
    return _count_claim_items(text, limit)


_NODE_EVENTS = (
    yaml.ScalarEvent,
    yaml.AliasEvent,
    yaml.MappingStartEvent,
    yaml.SequenceStartEvent,
)


def _count_claim_items(text: str, limit: int) -> Pos | None:
    # Frames: [is_mapping, expecting_a_key, last_key, counts_its_items].
    stack: list[list[Any]] = []
    count = 0
    try:
        for event in yaml.parse(text, Loader=FastSafeLoader):
            if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                stack.pop()
                continue
            if not isinstance(event, _NODE_EVENTS):
                continue
            key: Any = None
            if stack:
                frame = stack[-1]
                if not frame[0]:
                    if frame[3]:
                        count += 1
                        if count > limit:
                            mark = event.start_mark
                            return Positions(text=text).pos(mark.index) if mark else (1, 1)
                elif frame[1]:
                    frame[2] = event.value if isinstance(event, yaml.ScalarEvent) else None
                    frame[1] = False
                else:
                    key = frame[2]
                    frame[1] = True
            if isinstance(event, yaml.MappingStartEvent):
                stack.append([True, True, None, False])
            elif isinstance(event, yaml.SequenceStartEvent):
                stack.append([False, False, None, key in CLAIM_LISTS])
    except (yaml.YAMLError, RecursionError):
        return None  # the composer reports the syntax error, with its position
    return None


def yaml_nesting_beyond_limit(text: str) -> Pos | None:
    """Where YAML nesting in `text` passes `MAX_YAML_NESTING`, found without parsing; or None.

    Whatever composes text it did not write asks this first: libyaml's composer recurses
    in C, and nesting deep enough crashes the process.

    Block nesting by indentation cannot get that deep within the size limit (it costs a
    line per level and ever more indentation), so only flow brackets and compact `- - -`
    sequences need a look. Brackets inside quoted text are counted too, which can only
    overestimate, and only for files no one writes by hand.
    """
    offset: int | None = None
    if text.count("[") + text.count("{") > MAX_YAML_NESTING and not _flow_is_shallow(text):
        depth = 0
        for match in _BRACKETS.finditer(text):
            depth += 1 if match.group() in "[{" else -1
            if depth > MAX_YAML_NESTING:
                offset = match.start()
                break
    if offset is None and "- - " in text:
        compact = _COMPACT_NESTING.search(text)
        offset = compact.start() if compact else None
    if offset is None:
        return None
    line = text.count("\n", 0, offset) + 1
    return (line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


_TO_PARENS = bytes.maketrans(b"[{]}", b"(())")
_NOT_BRACKETS = bytes(c for c in range(256) if c not in b"[]{}")


def _flow_is_shallow(text: str, passes: int = 4) -> bool:
    """True when brackets cannot nest past the limit; False means "look closer".

    A quick bound, all in C: keep only the brackets, then drop innermost pairs `()` a few
    times. Each pass lowers the deepest nesting by at most one, so what is left bounds it.
    Many short flow lists (`sources: [a, b]`) vanish in the first pass.
    """
    brackets = text.encode("utf-8", "surrogatepass").translate(_TO_PARENS, _NOT_BRACKETS)
    for done in range(1, passes + 1):
        brackets = brackets.replace(b"()", b"")
        if done + brackets.count(b"(") <= MAX_YAML_NESTING:
            return True
    return False
