"""Where things are in a debate file's text: claims by id, key and value spans, line regions.

Built from `yaml.compose` node marks (character offsets into the text) and from the
scanner's `-` tokens, which mark where each item of a block sequence begins. Everything
here reads the text; `Patch` values describe the changes the edit operations make.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import yaml

from argmap.collector import collector_paused
from argmap.ids import KeyPath, LineMap, child_id, top_level_id
from argmap.load_limits import claims_beyond_limit, max_claims, too_many_claims_message
from argmap.model import SIDES, SLUG_RE

try:
    _Loader: type[Any] = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

_STR_TAG = "tag:yaml.org,2002:str"
_NULL_TAG = "tag:yaml.org,2002:null"
CHILD_KEYS = (("rebuttals", "r"), ("support", "s"))


class EditRefused(Exception):
    """An edit that argmap will not make; the message says why. Nothing was written."""

    def __init__(
        self,
        message: str,
        diagnostics: list[Any] | None = None,
        *,
        links_block_removal: bool = False,
    ) -> None:
        super().__init__(message)
        self.message = message
        #: The problems the edited text would have had (`Diagnostic` values), if any.
        self.diagnostics = diagnostics or []
        #: True when a removal was refused only because other claims link into it.
        self.links_block_removal = links_block_removal


@dataclass(frozen=True, slots=True)
class Patch:
    """Replace text[start:end] with `text` (an insertion when start == end)."""

    start: int
    end: int
    text: str


def apply_patches(text: str, patches: list[Patch]) -> str:
    """Apply non-overlapping patches; insertions at one offset keep their given order."""
    ordered = sorted(enumerate(patches), key=lambda p: (p[1].start, p[1].end, p[0]))
    out: list[str] = []
    pos = 0
    for _, patch in ordered:
        if patch.start < pos:
            raise EditRefused("internal error: overlapping changes; nothing was written")
        out.append(text[pos : patch.start])
        out.append(patch.text)
        pos = patch.end
    out.append(text[pos:])
    return "".join(out)


@dataclass(slots=True)
class ClaimSite:
    """One claim item in the text: its node, the sequence holding it, and its parent."""

    id: str
    explicit: bool
    node: yaml.Node
    parent: ClaimSite | None
    holder: yaml.MappingNode  # the mapping owning the sequence (root or the parent claim)
    seq_key: yaml.ScalarNode  # `pro`, `con`, `rebuttals` or `support`
    seq: yaml.SequenceNode
    index: int
    key_path: KeyPath
    children: list[ClaimSite] = field(default_factory=list)

    @property
    def mapping(self) -> yaml.MappingNode | None:
        return self.node if isinstance(self.node, yaml.MappingNode) else None


def pairs(mapping: yaml.MappingNode) -> list[tuple[yaml.Node, yaml.Node]]:
    """The key/value node pairs of a mapping, typed."""
    return list(mapping.value)


def find_key(mapping: yaml.MappingNode, key: str) -> int | None:
    """Index of the first pair whose key is the string `key`, or None."""
    for index, (key_node, _) in enumerate(mapping.value):
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return index
    return None


def str_value(node: yaml.Node) -> str | None:
    if isinstance(node, yaml.ScalarNode) and node.tag == _STR_TAG:
        return str(node.value)
    return None


def is_empty(node: yaml.Node) -> bool:
    """True for a value written as nothing at all (`key:` with no value)."""
    return isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG and node.value == ""


def _shared_nodes(root: yaml.Node) -> set[int]:
    """Ids of the collection nodes reached more than once (anchored and aliased).

    Each node is entered once, so even an alias bomb is walked in linear time.
    """
    seen: set[int] = set()
    shared: set[int] = set()
    stack: list[yaml.Node] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            continue
        if id(node) in seen:
            shared.add(id(node))
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return shared


class Document:
    """A debate file's text with its node tree, claim index and line helpers."""

    def __init__(self, text: str) -> None:
        self.text = text
        with collector_paused():  # parsing and indexing make many objects and no cycles
            self._build(text)

    def _build(self, text: str) -> None:
        limit = max_claims()
        too_many = claims_beyond_limit(text, limit)
        if too_many is not None:
            raise EditRefused(f"line {too_many[0]}: {too_many_claims_message(limit)}")
        try:
            root = yaml.compose(text, Loader=_Loader)
        except yaml.YAMLError as exc:
            raise EditRefused(f"the file is not valid YAML; fix it first ({exc})") from exc
        except RecursionError as exc:
            raise EditRefused("the file nests too deeply to edit") from exc
        if not isinstance(root, yaml.MappingNode):
            raise EditRefused("the file is not a debate (its top level is not a mapping)")
        self.root = root
        self._dashes: list[int] | None = None
        self.lines = LineMap(text)
        self.claims: dict[str, ClaimSite] = {}
        self.order: list[ClaimSite] = []
        self.shared = _shared_nodes(root)
        self._index_claims()

    def shared_at(self, site: ClaimSite, *extra: yaml.Node | None) -> yaml.Node | None:
        """A node an edit of `site` would write through that is also used elsewhere.

        A YAML anchor (`&name`) and its aliases (`*name`) are one node in the tree: an
        edit of it through one place changes every place. The claim, the list holding it,
        every claim above it and the `extra` nodes (values about to change) are checked.
        """
        if not self.shared:
            return None
        current: ClaimSite | None = site
        candidates: list[yaml.Node | None] = list(extra)
        while current is not None:
            candidates += [current.node, current.seq]
            current = current.parent
        for node in candidates:
            if node is not None and id(node) in self.shared:
                return node
        return None

    # --- claims ----------------------------------------------------------------------------

    def _index_claims(self) -> None:
        # Walks claims as argmap.conform does, so generated ids match what the loader assigns.
        stack: list[tuple[yaml.MappingNode, ClaimSite | None, str, KeyPath]] = []
        stack.append((self.root, None, "", ()))
        while stack:
            holder, parent, parent_id, path = stack.pop()
            keys = [(side, "") for side in SIDES] if parent is None else list(CHILD_KEYS)
            found: list[ClaimSite] = []
            for key, letter in keys:
                at = find_key(holder, key)
                if at is None:
                    continue
                key_node, seq = holder.value[at]
                if not isinstance(seq, yaml.SequenceNode):
                    continue
                for index, item in enumerate(seq.value):
                    generated = (
                        top_level_id(key, index)
                        if parent is None
                        else child_id(parent_id, letter, index)
                    )
                    own: str | None = None
                    if isinstance(item, yaml.MappingNode):
                        id_at = find_key(item, "id")
                        if id_at is not None:
                            own = str_value(item.value[id_at][1])
                    explicit = own is not None and bool(SLUG_RE.match(own))
                    site = ClaimSite(
                        id=own if own is not None and explicit else generated,
                        explicit=explicit,
                        node=item,
                        parent=parent,
                        holder=holder,
                        seq_key=key_node,
                        seq=seq,
                        index=index,
                        key_path=(*path, key, index),
                    )
                    found.append(site)
            if parent is not None:
                parent.children.extend(found)
            for site in found:
                self.order.append(site)
                self.claims.setdefault(site.id, site)
            for site in reversed(found):
                if isinstance(site.node, yaml.MappingNode):
                    stack.append((site.node, site, site.id, site.key_path))
        self.order.sort(key=lambda s: s.node.start_mark.index)

    def subtree(self, site: ClaimSite) -> list[ClaimSite]:
        """The claim and every claim below it."""
        out: list[ClaimSite] = []
        stack = [site]
        while stack:
            current = stack.pop()
            out.append(current)
            stack.extend(reversed(current.children))
        return out

    # --- lines -----------------------------------------------------------------------------

    # Lines are 0-based here, as the editor counts them; `LineMap` (1-based, shared with
    # the loader and the language server) breaks them at LF, CRLF and a lone CR.

    @property
    def line_count(self) -> int:
        return len(self.lines.starts)

    def line_of(self, index: int) -> int:
        """0-based line holding character `index`."""
        return self.lines.position(index)[0] - 1

    def line_start(self, line: int) -> int:
        return self.lines.starts[line]

    def line_end(self, line: int) -> int:
        """Offset of the line break ending `line` (or the end of the text)."""
        return self.lines.line_end(line + 1)

    def after_line(self, line: int) -> int:
        """Offset just past `line` and its line break."""
        if line + 1 < len(self.lines.starts):
            return self.lines.starts[line + 1]
        return len(self.text)

    def line(self, line: int) -> str:
        return self.text[self.line_start(line) : self.line_end(line)]

    def indent(self, line: int) -> int:
        text = self.line(line)
        return len(text) - len(text.lstrip(" "))

    def is_blank(self, line: int) -> bool:
        return not self.line(line).strip()

    def is_comment(self, line: int) -> bool:
        return self.line(line).lstrip().startswith("#")

    def starts_line(self, index: int) -> bool:
        """True when only spaces stand before `index` on its line."""
        return not self.text[self.line_start(self.line_of(index)) : index].strip(" ")

    # --- spans -----------------------------------------------------------------------------

    def content_end(self, node: yaml.Node) -> int:
        """Offset just past the last non-blank character written for `node` and below it.

        Block collections end where the next token begins (after comments and blank lines),
        so only scalars and flow collections count; nodes reached through an alias that
        stand before `node` are ignored.
        """
        floor = node.start_mark.index
        end = hard_end = floor
        stack = [node]
        seen: set[int] = set()
        while stack:
            current = stack.pop()
            if id(current) in seen or current.start_mark.index < floor:
                continue
            seen.add(id(current))
            if isinstance(current, yaml.ScalarNode) or getattr(current, "flow_style", False):
                end = max(end, current.end_mark.index)
                if isinstance(current, yaml.ScalarNode) and self._keeps_breaks(current):
                    # `|+` / `>+` keep their trailing blank lines: they are the value's.
                    hard_end = max(hard_end, current.end_mark.index)
            elif isinstance(current, yaml.SequenceNode):
                stack.extend(current.value)
            elif isinstance(current, yaml.MappingNode):
                for key_node, value_node in current.value:
                    stack.append(key_node)
                    stack.append(value_node)
        while end > floor and self.text[end - 1] in " \t\r\n":
            end -= 1
        return max(end, hard_end)

    def _keeps_breaks(self, node: yaml.ScalarNode) -> bool:
        if node.style not in {"|", ">"}:
            return False
        start = node.start_mark.index
        header = self.text[start : self.line_end(self.line_of(start))].split("#", 1)[0]
        return "+" in header

    def last_line(self, node: yaml.Node) -> int:
        """0-based line of the last character written for `node`."""
        end = self.content_end(node)
        return self.line_of(max(end - 1, node.start_mark.index))

    def trailing_comments(self, line: int, deeper_than: int) -> int:
        """Extend `line` over the comment lines right after it indented past `deeper_than`."""
        while (
            line + 1 < self.line_count
            and self.is_comment(line + 1)
            and self.indent(line + 1) > deeper_than
        ):
            line += 1
        return line

    def dash(self, item: yaml.Node) -> int:
        """Offset of the `-` that introduces a block sequence item.

        Looks back from the item over blanks and comment lines; in the rare layout it
        cannot read that way, asks the YAML scanner where the `-` tokens are.
        """
        text = self.text
        at = item.start_mark.index - 1
        while at >= 0:
            char = text[at]
            if char in " \t\n":
                at -= 1
                continue
            if char == "-" and text[at + 1 : at + 2] in {" ", "\t", "\n"}:
                return at
            line = self.line_of(at)
            content = self.line(line)
            stripped = content.lstrip(" ")
            if stripped.startswith("#"):
                at = self.line_start(line) - 1
                continue
            if stripped[:1] == "-" and stripped[1:].strip().startswith("#"):
                return self.line_start(line) + len(content) - len(stripped)
            break
        return self._dash_from_tokens(item)

    def _dash_from_tokens(self, item: yaml.Node) -> int:
        if self._dashes is None:
            self._dashes = [
                int(token.start_mark.index)
                for token in yaml.scan(self.text, Loader=_Loader)
                if isinstance(token, yaml.BlockEntryToken)
            ]
        at = bisect.bisect_right(self._dashes, item.start_mark.index) - 1
        if at < 0:
            raise EditRefused("internal error: no `-` before a list item")
        return self._dashes[at]

    def item_region(self, site: ClaimSite) -> tuple[int, int]:
        """First and last line of a claim item: its leading comments, `-` line, and body.

        Leading comments are the comment lines right above the `-` (no blank line between)
        indented at least as far as the `-` and not trailing the previous item; the body
        ends at its last line of content plus the comment lines after it indented deeper
        than the `-`.
        """
        dash = self.dash(site.node)
        if not self.starts_line(dash):
            raise EditRefused(f"claim '{site.id}' does not start its own line; edit it by hand")
        column = dash - self.line_start(self.line_of(dash))
        first = self.line_of(dash)
        last = self.trailing_comments(self.last_line(site.node), column)
        floor = self.line_of(site.seq_key.start_mark.index) + 1
        if site.index > 0:
            previous = site.seq.value[site.index - 1]
            floor = self.trailing_comments(self.last_line(previous), column) + 1
        while (
            first - 1 >= floor and self.is_comment(first - 1) and self.indent(first - 1) >= column
        ):
            first -= 1
        return first, last

    def colon_after(self, key: yaml.Node) -> int:
        """Offset of the `:` that follows a mapping key."""
        at = self.text.find(":", key.end_mark.index)
        if at < 0:
            raise EditRefused("internal error: no `:` after a key")
        return at

    # --- layout style ----------------------------------------------------------------------

    def claim_style(self) -> tuple[int, int]:
        """How this file lays out claim lists: (dash offset from its key, key offset from
        the dash). `pro:` with `- ` below it at the same column gives offset 0; the common
        layouts give 2 and 2. Defaults to 2 and 2 for a file with no claim list yet."""
        dash_offsets: Counter[int] = Counter()
        key_offsets: Counter[int] = Counter()
        for site in self.order:
            if site.seq.flow_style or not isinstance(site.node, yaml.MappingNode):
                continue
            dash = self.dash(site.node)
            dash_col = dash - self.line_start(self.line_of(dash))
            if site.index == 0 and self.starts_line(site.seq_key.start_mark.index):
                dash_offsets[dash_col - site.seq_key.start_mark.column] += 1
            if self.line_of(dash) == site.node.start_mark.line:
                key_offsets[site.node.start_mark.column - dash_col] += 1
        dash_offset = dash_offsets.most_common(1)[0][0] if dash_offsets else 2
        key_offset = key_offsets.most_common(1)[0][0] if key_offsets else 2
        return max(dash_offset, 0), max(key_offset, 2)
