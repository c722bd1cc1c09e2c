"""Where ids and references sit in a debate file's text: what is at a line and column.

`index_text(text)` reads a debate's text (valid or not, as long as it is YAML) and lists
every token that names something: claim ids where they are defined and where they are
used (`also_rebuts`, `also_supports`, `expect`), source ids and their citations, `see`
links (the debate part and the claim part separately), tags and kinds, each with its
character offsets. Claims are listed with their generated or written ids (the same ids
the loader gives), side, parent and extent. Editors and other tools ask it "what is at
this offset", "where is this claim defined" and "where is it used".

Offsets are character indices into the text. `LineMap` turns them into 1-based lines and
columns as editors count them (lines end at LF, CRLF or CR only), and back.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import yaml

from argmap.collector import collector_paused
from argmap.ids import KeyPath, LineMap, child_id, top_level_id
from argmap.load import yaml_nesting_beyond_limit
from argmap.model import MOTION_ID, SLUG_RE

try:  # The C composer is several times faster; fall back quietly when PyYAML lacks it.
    _Loader: type[Any] = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

_STR_TAG = "tag:yaml.org,2002:str"
_MOTION_KEY = re.compile(r"^(?:motion|'motion'|\"motion\")[ \t]*:", re.MULTILINE)
_WORD = re.compile(r"[a-z0-9]+")
#: Words left out of ids made from a claim's text.
_FILLER = frozenset(
    {"a", "an", "and", "are", "as", "at", "be", "by", "can", "could", "for", "from", "has"}
    | {"have", "in", "is", "it", "its", "of", "on", "or", "should", "that", "the", "their"}
    | {"there", "these", "this", "to", "was", "were", "which", "will", "with", "would"}
)


class Role(StrEnum):
    """What a token in a debate file names."""

    DEBATE_ID = "debate-id"  # the top-level `id:` value
    CLAIM_ID = "claim-id"  # a claim's own `id:` value
    CLAIM_REF = "claim-ref"  # `also_rebuts`, `also_supports` or `expect` naming a claim
    SOURCE_ID = "source-id"  # a source's own `id:` value
    SOURCE_REF = "source-ref"  # a claim citing a source in `sources`
    SEE_DEBATE = "see-debate"  # the `debate-id` part of a `see` link
    SEE_CLAIM = "see-claim"  # the `claim-id` part of a `see` link
    TAG = "tag"
    KIND = "kind"
    TEXT = "text"  # a claim's text, or the motion


@dataclass(frozen=True, slots=True)
class Token:
    """One scalar that names something, at text[start:end] (quotes excluded)."""

    role: Role
    value: str
    start: int
    end: int
    key: str  # the key it is written under: `also_rebuts`, `sources`, `see`, `standing`, ...
    claim: str | None  # id of the claim it belongs to; None at the top level
    debate: str | None = None  # for SEE_CLAIM: the debate the link points into


@dataclass(slots=True)
class ClaimPlace:
    """A claim in the text: ids, where it starts and ends, and where its text is."""

    id: str
    explicit: bool
    side: str  # "pro" or "con"
    parent: str  # the parent claim's id, or "motion"
    relation: str  # "top", "r" (a rebuttal) or "s" (support)
    key_path: KeyPath
    start: int  # first character of the claim's mapping (its first key)
    end: int  # just past the last character written for the claim and what nests in it
    text: str
    flow: bool  # written as a flow mapping `{text: ...}`
    id_token: Token | None = None
    text_token: Token | None = None
    children: list[str] = field(default_factory=list)


@dataclass(slots=True)
class TextIndex:
    """Every naming token and every claim of a debate file's text, by offset."""

    text: str
    debate_id: str | None
    tokens: list[Token]  # in text order
    claims: dict[str, ClaimPlace]  # first claim with each id, in text order
    order: list[ClaimPlace]  # every claim, in text order
    sources: dict[str, Token]  # source id -> its definition
    motion: Token | None
    lines: LineMap
    _starts: list[int] = field(default_factory=list)

    def token_at(self, offset: int) -> Token | None:
        """The token covering `offset` (its end counts, for a cursor just after a word)."""
        if not self._starts:
            self._starts = [t.start for t in self.tokens]
        at = bisect.bisect_right(self._starts, offset) - 1
        # A cursor between two tokens (`[a,b]`) belongs to the one it touches.
        for index in (at, at - 1):
            if 0 <= index < len(self.tokens):
                token = self.tokens[index]
                if token.start <= offset <= token.end:
                    return token
        return None

    def claim_at(self, offset: int) -> ClaimPlace | None:
        """The innermost claim whose extent covers `offset`."""
        found: ClaimPlace | None = None
        for place in self.order:
            if place.start > offset:
                break
            if place.start <= offset <= place.end:
                found = place
        return found

    def claim_uses(self, claim_id: str) -> list[Token]:
        """Tokens in this file that name the claim: `also_*` links and `expect` entries."""
        return [t for t in self.tokens if t.role is Role.CLAIM_REF and t.value == claim_id]

    def source_uses(self, source_id: str) -> list[Token]:
        """Tokens in this file that cite the source."""
        return [t for t in self.tokens if t.role is Role.SOURCE_REF and t.value == source_id]

    def see_links(self, debate_id: str, claim_id: str | None = None) -> list[Token]:
        """`see` tokens pointing into a debate: its SEE_DEBATE parts, or the SEE_CLAIM
        parts naming `claim_id` there."""
        if claim_id is None:
            return [t for t in self.tokens if t.role is Role.SEE_DEBATE and t.value == debate_id]
        return [
            t
            for t in self.tokens
            if t.role is Role.SEE_CLAIM and t.debate == debate_id and t.value == claim_id
        ]

    def tags(self) -> list[str]:
        """Tags used in this file, in text order, each once."""
        return list(dict.fromkeys(t.value for t in self.tokens if t.role is Role.TAG))

    def definition(self, claim_id: str) -> tuple[int, int] | None:
        """Where a claim is defined: its `id:` value, or the start of its mapping."""
        if claim_id == MOTION_ID and self.motion is not None:
            return self.motion.start, self.motion.end
        place = self.claims.get(claim_id)
        if place is None:
            return None
        if place.id_token is not None:
            return place.id_token.start, place.id_token.end
        return place.start, place.start


def is_debate_text(text: str) -> bool:
    """True when the text looks like a debate file: it has a top-level `motion:` key.

    Read from the text, not the YAML, so a debate with a syntax error still counts.
    """
    return _MOTION_KEY.search(text) is not None


def index_text(text: str) -> TextIndex | None:
    """Index a debate file's text; None when it is not YAML or not a mapping.

    Text the loader refuses to parse (nesting deep enough to crash libyaml, NUL bytes)
    gets no index either; aliases are followed once, so an alias bomb costs no more than
    the text it is written in.
    """
    if "\x00" in text or yaml_nesting_beyond_limit(text) is not None:
        return None
    with collector_paused():
        try:
            root = yaml.compose(text, Loader=_Loader)
        except (yaml.YAMLError, RecursionError):
            return None
        if not isinstance(root, yaml.MappingNode):
            return None
        return _Indexer(text).run(root)


def _pairs(node: yaml.Node) -> list[tuple[yaml.Node, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        return []
    return [(k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.tag == _STR_TAG]


def _items(node: yaml.Node) -> list[yaml.Node]:
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


class _Indexer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[Token] = []
        self.visited: set[int] = set()

    def items(self, node: yaml.Node) -> list[yaml.Node]:
        """The items of a sequence met for the first time; [] for one reached again
        through an alias (its tokens are already listed, at the same offsets)."""
        if id(node) in self.visited:
            return []
        self.visited.add(id(node))
        return _items(node)

    def token(
        self,
        node: yaml.Node,
        role: Role,
        key: str,
        claim: str | None,
    ) -> Token | None:
        """A token for a plain or simply quoted string scalar whose text is its value."""
        if not isinstance(node, yaml.ScalarNode) or node.tag != _STR_TAG:
            return None
        start, end = node.start_mark.index, node.end_mark.index
        if node.style in {"'", '"'}:
            start, end = start + 1, end - 1
        value = str(node.value)
        exact = node.style not in {"|", ">"} and self.text[start:end] == value
        if not exact and role is not Role.TEXT:
            return None  # escapes or folding: no span of the text equals the value
        token = Token(role, value, start, end, key, claim)
        self.tokens.append(token)
        return token

    def run(self, root: yaml.MappingNode) -> TextIndex:
        debate_id: str | None = None
        motion: Token | None = None
        sources: dict[str, Token] = {}
        sides: dict[str, yaml.Node] = {}
        for key_node, value in _pairs(root):
            key = str(key_node.value)
            if key == "id":
                token = self.token(value, Role.DEBATE_ID, key, None)
                debate_id = token.value if token else None
            elif key == "motion":
                motion = self.token(value, Role.TEXT, key, MOTION_ID)
            elif key == "tags":
                for item in self.items(value):
                    self.token(item, Role.TAG, key, None)
            elif key == "sources":
                for item in self.items(value):
                    for source_key, source_value in _pairs(item):
                        if source_key.value == "id":
                            token = self.token(source_value, Role.SOURCE_ID, "id", None)
                            if token is not None:
                                sources.setdefault(token.value, token)
            elif key == "expect":
                for label_key, label_value in _pairs(value):
                    for item in self.items(label_value):
                        self.token(item, Role.CLAIM_REF, str(label_key.value), None)
            elif key in ("pro", "con"):
                sides[key] = value
        order = self.claims(sides)
        claims: dict[str, ClaimPlace] = {}
        for place in order:
            claims.setdefault(place.id, place)
        self.tokens.sort(key=lambda t: t.start)
        return TextIndex(
            self.text,
            debate_id,
            self.tokens,
            claims,
            order,
            sources,
            motion,
            LineMap(self.text),
        )

    def claims(self, sides: dict[str, yaml.Node]) -> list[ClaimPlace]:
        # Walks claims as argmap.conform does, so generated ids match what the loader assigns.
        order: list[ClaimPlace] = []
        stack: list[tuple[yaml.Node, str, str, str, str, KeyPath]] = []
        for side in ("con", "pro"):
            items = self.items(sides.get(side, yaml.ScalarNode(_STR_TAG, "")))
            for index in range(len(items) - 1, -1, -1):
                stack.append(
                    (items[index], top_level_id(side, index), side, MOTION_ID, "top", (side, index))
                )
        by_id: dict[str, ClaimPlace] = {}
        entered: set[int] = set()
        while stack:
            node, generated, side, parent, relation, path = stack.pop()
            if not isinstance(node, yaml.MappingNode) or id(node) in entered:
                continue  # an alias of a claim already indexed is not indexed again
            entered.add(id(node))
            pairs = _pairs(node)
            own = next(
                (v.value for k, v in pairs if k.value == "id" and isinstance(v, yaml.ScalarNode)),
                None,
            )
            explicit = isinstance(own, str) and SLUG_RE.match(own) is not None
            claim_id = str(own) if explicit else generated
            place = ClaimPlace(
                claim_id,
                explicit,
                side,
                parent,
                relation,
                path,
                node.start_mark.index,
                node.start_mark.index,
                "",
                bool(node.flow_style),
            )
            order.append(place)
            if parent != MOTION_ID and parent in by_id:
                by_id[parent].children.append(claim_id)
            by_id.setdefault(claim_id, place)
            pending: list[tuple[yaml.Node, str, str, str, str, KeyPath]] = []
            for key_node, value in pairs:
                key = str(key_node.value)
                place.end = max(place.end, value.end_mark.index, key_node.end_mark.index)
                if key == "id" and explicit:
                    place.id_token = self.token(value, Role.CLAIM_ID, key, claim_id)
                elif key == "text":
                    place.text_token = self.token(value, Role.TEXT, key, claim_id)
                    if isinstance(value, yaml.ScalarNode):
                        place.text = str(value.value)
                elif key == "kind":
                    self.token(value, Role.KIND, key, claim_id)
                elif key in ("also_rebuts", "also_supports"):
                    for item in self.items(value):
                        self.token(item, Role.CLAIM_REF, key, claim_id)
                elif key == "sources":
                    for item in self.items(value):
                        self.token(item, Role.SOURCE_REF, key, claim_id)
                elif key == "tags":
                    for item in self.items(value):
                        self.token(item, Role.TAG, key, claim_id)
                elif key == "see":
                    for item in self.items(value):
                        self.see(item, claim_id)
                elif key in ("rebuttals", "support"):
                    letter = "r" if key == "rebuttals" else "s"
                    child_side = side if letter == "s" else ("con" if side == "pro" else "pro")
                    for index, item in enumerate(self.items(value)):
                        pending.append(
                            (
                                item,
                                child_id(claim_id, letter, index),
                                child_side,
                                claim_id,
                                letter,
                                (*path, key, index),
                            )
                        )
            # Rebuttals come out of the stack first, then support, as the loader reads them.
            pending.sort(key=lambda p: 0 if p[4] == "r" else 1)
            stack.extend(reversed(pending))
        self.extents(order, by_id)
        order.sort(key=lambda p: p.start)
        return order

    def see(self, node: yaml.Node, claim_id: str) -> None:
        """A `see` link makes two tokens: the debate id and, after `:`, the claim id."""
        whole = self.token(node, Role.SEE_DEBATE, "see", claim_id)
        if whole is None:
            return
        self.tokens.pop()
        debate, colon, target = whole.value.partition(":")
        self.tokens.append(
            Token(Role.SEE_DEBATE, debate, whole.start, whole.start + len(debate), "see", claim_id)
        )
        if colon:
            start = whole.start + len(debate) + 1
            self.tokens.append(
                Token(Role.SEE_CLAIM, target, start, whole.end, "see", claim_id, debate)
            )

    def extents(self, order: list[ClaimPlace], by_id: dict[str, ClaimPlace]) -> None:
        """A claim ends where the last thing written in it or below it ends, blanks left
        out (a block mapping's own end mark runs on to the next token)."""
        for place in sorted(order, key=lambda p: -len(p.key_path)):
            end = place.end
            text = self.text
            while end > place.start and text[end - 1] in " \t\r\n":
                end -= 1
            place.end = end
            parent = by_id.get(place.parent)
            if parent is not None and parent.key_path == place.key_path[:-2]:
                parent.end = max(parent.end, place.end)


# --- ids for claims that have none ----------------------------------------------------------


def suggest_id(text: str, taken: set[str] | frozenset[str]) -> str:
    """A slug made from the first telling words of a claim's text, not in `taken`."""
    words = [w for w in _WORD.findall(text.lower()) if w not in _FILLER]
    base = "-".join(words[:3]) or "claim"
    if base == MOTION_ID:
        base = "motion-claim"
    candidate = base
    number = 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    return candidate


def id_insertion(index: TextIndex, claim_id: str, new_id: str) -> tuple[int, str] | None:
    """Where and what to insert to give a claim written without an id the id `new_id`.

    The `id:` key goes before the claim's first key, at its indentation, so the dash line
    becomes `- id: new-id` and nothing else moves. None for a claim that already has an id,
    one written as a flow mapping, or an id that is not a slug.
    """
    place = index.claims.get(claim_id)
    if place is None or place.explicit or place.flow or not SLUG_RE.match(new_id):
        return None
    _, col = index.lines.position(place.start)
    return place.start, f"id: {new_id}\n" + " " * (col - 1)


# --- what the cursor is in, for completion --------------------------------------------------

_KEY_VALUE = re.compile(r"^(\s*)((?:-\s+)*)([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(\[[^\]]*)?$")
_DASH_ONLY = re.compile(r"^(\s*)-\s*(?:-\s*)*$")
_KEY_LINE = re.compile(r"^(\s*)((?:-\s+)*)([A-Za-z_][A-Za-z0-9_]*)\s*:")
_PREFIX = re.compile(r"[A-Za-z0-9_.:-]*$")
_CLAIM_LISTS = frozenset({"pro", "con", "rebuttals", "support"})


@dataclass(frozen=True, slots=True)
class Context:
    """What is being typed at the cursor.

    `value_of` is the key whose value (or list item) is being typed, or None when a key is
    being typed; `mapping` is what kind of mapping holds the cursor (`debate`, `claim`,
    `source`, `expect`); `prefix` is the word typed so far, starting at `prefix_start`.
    """

    value_of: str | None
    mapping: str
    prefix: str
    prefix_start: int
    present: frozenset[str]


def context_at(text: str, offset: int) -> Context:
    """Read from the lines around `offset` what is being typed there.

    Works on text that does not parse (a half-typed list is the common case), so it looks
    at indentation and keys, not at YAML nodes.
    """
    lines = LineMap(text)
    line_no, col = lines.position(offset)
    line = lines.line_text(line_no)[: col - 1]
    prefix_match = _PREFIX.search(line)
    prefix = prefix_match.group() if prefix_match else ""
    before = line[: len(line) - len(prefix)]
    prefix_start = offset - len(prefix)
    keyed = _KEY_VALUE.match(before)
    if keyed:
        indent = len(keyed.group(1)) + len(keyed.group(2))
        key = keyed.group(3)
        mapping = _mapping_kind(lines, line_no, indent)
        if key in _CLAIM_LISTS or (key == "sources" and mapping == "debate"):
            return Context(None, "claim", prefix, prefix_start, frozenset())
        return Context(key, mapping, prefix, prefix_start, frozenset())
    dashed = _DASH_ONLY.match(before)
    if dashed:
        dash_indent = len(dashed.group(1))
        owner = _owner_key(lines, line_no, dash_indent)
        if owner is None:
            return Context(None, "claim", prefix, prefix_start, frozenset())
        owner_key, owner_indent = owner
        if owner_key in _CLAIM_LISTS:
            return Context(None, "claim", prefix, prefix_start, frozenset())
        if owner_key == "sources" and owner_indent == 0:
            return Context(None, "source", prefix, prefix_start, frozenset())
        return Context(
            owner_key,
            _mapping_kind(lines, line_no, owner_indent),
            prefix,
            prefix_start,
            frozenset(),
        )
    if before.strip() == "":
        indent = len(before)
        mapping = _mapping_kind(lines, line_no, indent)
        return Context(None, mapping, prefix, prefix_start, _present_keys(lines, line_no, indent))
    return Context("", "claim", prefix, prefix_start, frozenset())


def _meaningful(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _owner_key(lines: LineMap, line_no: int, dash_indent: int) -> tuple[str, int] | None:
    """The key a block list item at `dash_indent` belongs to, and the key's column."""
    for number in range(line_no - 1, 0, -1):
        text = lines.line_text(number)
        if not _meaningful(text):
            continue
        indent = len(text) - len(text.lstrip(" "))
        if indent > dash_indent or (indent == dash_indent and text.lstrip().startswith("-")):
            continue
        match = _KEY_LINE.match(text)
        if match is None:
            return None
        return match.group(3), len(match.group(1)) + len(match.group(2))
    return None


def _mapping_kind(lines: LineMap, line_no: int, indent: int) -> str:
    """What kind of mapping has its keys at column `indent` around line `line_no`."""
    if indent == 0:
        return "debate"
    for number in range(line_no - 1, 0, -1):
        text = lines.line_text(number)
        if not _meaningful(text):
            continue
        own = len(text) - len(text.lstrip(" "))
        if own >= indent and not (own + 2 == indent and text.lstrip().startswith("-")):
            continue
        match = _KEY_LINE.match(text)
        if match is None:
            continue
        key_column = len(match.group(1)) + len(match.group(2))
        if key_column >= indent:
            continue  # a sibling key on a dash line (`- id: x`)
        if match.group(3) == "expect" and key_column == 0:
            return "expect"
        if match.group(3) == "sources" and key_column == 0:
            return "source"
        return "claim"
    return "debate"


def _present_keys(lines: LineMap, line_no: int, indent: int) -> frozenset[str]:
    """Keys already written in the mapping whose keys sit at column `indent`."""
    found: set[str] = set()
    for step in (-1, 1):
        number = line_no + step
        while 1 <= number <= len(lines.starts):
            text = lines.line_text(number)
            number += step
            if not _meaningful(text):
                continue
            match = _KEY_LINE.match(text)
            own = len(text) - len(text.lstrip(" "))
            if match is not None:
                key_column = len(match.group(1)) + len(match.group(2))
                if key_column == indent:
                    found.add(match.group(3))
                    if match.group(2):  # the dash line starts this mapping
                        break
                    continue
            if own < indent or (own <= indent and text.lstrip().startswith("-")):
                break
    return frozenset(found)
