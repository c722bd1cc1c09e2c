"""Load debate files: YAML text to a validated `Debate`, with a position for every node.

The loader never raises for bad input. It returns a `LoadedDebate` that holds the debate
(or None) and every problem found, each a `Diagnostic` naming `file:line:col`.

Parsing uses `yaml.compose` (which keeps marks) with PyYAML's C loader where available,
and builds plain Python data from the node tree iteratively, recording the position of
every key and value by key path. `argmap.conform` checks that data against the format
(as the pydantic models of `argmap.schema_model` define it) and builds the records; its
problems are located by key path too, so every error maps back to a line and column.
Cross-references (ids, sources, links) are checked in a pass of our own over the same
data, so all problems of a file are reported at once.
"""

from __future__ import annotations

import difflib
import errno
import os
import re
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from argmap.collector import collector_paused
from argmap.conform import RawClaim, conform
from argmap.diagnostics import Diagnostic, error, sort_key, warning
from argmap.ids import KeyPath, Pos, Positions, child_id, top_level_id
from argmap.link_sides import check_link_sides
from argmap.links_between import check_links_between
from argmap.links_between import did_you_mean as _suggest
from argmap.misspelt_blocks import unknown_keys_inside
from argmap.model import FIELDS, MOTION_ID, Debate, Kind
from argmap.yaml_hints import indentation_hint

if TYPE_CHECKING:
    from argmap.graph import ArgumentGraph

__all__ = [
    "KeyPath",
    "LoadCancelled",
    "LoadedDebate",
    "Pos",
    "Positions",
    "UnreadableFile",
    "check_links_between",
    "child_id",
    "debate_files",
    "load_bytes",
    "load_file",
    "load_paths",
    "load_text",
    "max_claims",
    "read_regular_file",
    "size_limit",
    "slug_from_path",
    "top_level_id",
]


#: Files larger than this are refused before parsing (override with ARGMAP_MAX_BYTES).
DEFAULT_MAX_BYTES = 32 * 1024 * 1024
#: How many times anchored collections may be re-entered through aliases.
MAX_ALIAS_EXPANSIONS = 1000
#: Claims per debate beyond which a file is refused (override with ARGMAP_MAX_CLAIMS). The
#: largest real debates hold a few thousand; this bounds the time and memory a file costs.
DEFAULT_MAX_CLAIMS = 200_000
_CLAIM_LISTS = frozenset({"pro", "con", "rebuttals", "support"})
#: How deep claims may nest before the file is refused: far deeper than any real debate,
#: and within what recursive checks and exports can walk.
MAX_DEPTH = 200
#: How deep YAML collections may nest before parsing is refused. libyaml's composer
#: recurses in C and crashes the process somewhere past 20,000 levels.
MAX_YAML_NESTING = 1000
_BRACKETS = re.compile(r"[\[\]{}]")
_COMPACT_NESTING = re.compile(r"(?:[-?] +){" + str(MAX_YAML_NESTING) + ",}")

try:  # The C composer is several times faster; fall back quietly when PyYAML lacks it.
    _BaseLoader: type[Any] = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader

_STR_TAG = "tag:yaml.org,2002:str"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"


class _Loader(_BaseLoader):  # type: ignore[misc]
    """The safe loader, resolving tags with fewer calls; the tags are the same.

    The composer asks the resolver for the tag of every node: a Python call per node,
    about a tenth of composing a big debate. Path resolvers are never registered here, so
    descending and ascending are no-ops, collections get the default tags, and a plain
    scalar can only be something other than text when its first character starts one of
    the implicit resolvers' patterns (`~`, `t`, `1`, `-`, ...); claim text rarely does.
    `tests/test_load_tags.py` checks the tags against PyYAML's own resolver.
    """

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is yaml.ScalarNode:
            resolvers = self.yaml_implicit_resolvers
            if implicit[0] and (not value or value[0] in resolvers or None in resolvers):
                return _BaseLoader.resolve(self, kind, value, implicit)
            return _STR_TAG
        return _SEQ_TAG if kind is yaml.SequenceNode else _MAP_TAG


_SCALAR_CONSTRUCTORS = {
    tag: fn
    for tag, fn in yaml.constructor.SafeConstructor.yaml_constructors.items()
    if tag
    in {
        "tag:yaml.org,2002:null",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:timestamp",
    }
}
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


@dataclass(slots=True)
class LoadedDebate:
    """The outcome of loading one file: the debate when it is valid, and every diagnostic."""

    path: Path
    debate: Debate | None
    diagnostics: list[Diagnostic]
    positions: Positions
    text: str = ""
    _graph: ArgumentGraph | None = None

    @property
    def ok(self) -> bool:
        """True when the file has no error (warnings allowed)."""
        return self.debate is not None and not any(d.is_error for d in self.diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def debate_id(self) -> str:
        return self.debate.id if self.debate and self.debate.id else slug_from_path(self.path)

    @property
    def graph(self) -> ArgumentGraph:
        """The argument graph of a valid debate (built once, on first use)."""
        if self.debate is None:
            raise ValueError(f"{self.path} did not load; it has no graph")
        if self._graph is None:
            from argmap.graph import ArgumentGraph

            self._graph = ArgumentGraph.build(self.debate, self.positions, self.path)
        return self._graph


def slug_from_path(path: Path) -> str:
    """The default debate id: the file name without extension, as a slug."""
    slug = re.sub(r"[^a-z0-9_-]+", "-", path.stem.lower()).strip("-_")
    return slug or "debate"


def size_limit() -> int:
    """The file size cap: ARGMAP_MAX_BYTES when set to a number, else the default."""
    value = os.environ.get("ARGMAP_MAX_BYTES", "")
    return int(value) if value.isdigit() else DEFAULT_MAX_BYTES


#: Asked between the steps of loading: True to stop (see `load_file`).
Stop = Callable[[], bool]


class LoadCancelled(Exception):
    """Loading stopped between steps because its `stop` said so."""


class UnreadableFile(OSError):
    """A path that is not a regular file argmap can read; the message says why."""

    def __init__(self, message: str, code: str = "unreadable") -> None:
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return self.message


def read_regular_file(path: Path | str, max_bytes: int | None = None) -> bytes:
    """The bytes of a regular file; `UnreadableFile` for anything else.

    The file is opened without blocking and checked on the open descriptor, so a named
    pipe, a device or a socket is refused at once instead of hanging the read (and cannot
    be swapped in between a check and the read). Symbolic links are followed; a dangling
    link or a loop of links is refused with the reason.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        if os.path.islink(path):
            raise UnreadableFile("a symbolic link to nothing (its target does not exist)") from None
        raise UnreadableFile("no such file", "not-found") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnreadableFile("a loop of symbolic links; give a debate file") from None
        raise UnreadableFile(f"cannot read file: {exc.strerror or exc}") from None
    try:
        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):
            raise UnreadableFile("is a folder, not a file")
        if not stat.S_ISREG(status.st_mode):
            # A named pipe or a device would block the read, or never end.
            raise UnreadableFile(
                "not a regular file (a pipe, device or socket); give a debate file"
            )
        if max_bytes is not None and status.st_size > max_bytes:
            raise UnreadableFile(
                f"file is {status.st_size:,} bytes; argmap reads files up to {max_bytes:,} bytes "
                "(set ARGMAP_MAX_BYTES to raise the limit)",
                "too-large",
            )
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb") as handle:
            fd = -1
            return handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    except UnreadableFile:
        raise
    except OSError as exc:
        raise UnreadableFile(f"cannot read file: {exc.strerror or exc}") from None
    finally:
        if fd >= 0:
            os.close(fd)


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
        for event in yaml.parse(text, Loader=_Loader):
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
                stack.append([False, False, None, key in _CLAIM_LISTS])
    except (yaml.YAMLError, RecursionError):
        return None  # the composer reports the syntax error, with its position
    return None


def load_file(
    path: Path | str, *, max_bytes: int | None = None, stop: Stop | None = None
) -> LoadedDebate:
    """Load and validate one debate file. Never raises for bad content or unreadable files.

    `stop`, when given, is asked between the steps of loading; when it says yes,
    `LoadCancelled` is raised (an app closing, or a newer version of the text arrived).
    """
    path = Path(path)
    name = str(path)
    limit = size_limit() if max_bytes is None else max_bytes
    try:
        data = read_regular_file(path, limit)
    except UnreadableFile as exc:
        pos = (0, 0) if exc.code == "not-found" else (1, 1)
        return _failed(path, error(name, pos, exc.code, exc.message))
    if len(data) > limit:  # the file grew while being read
        return _failed(
            path,
            error(
                name,
                (1, 1),
                "too-large",
                f"file is over {limit:,} bytes; argmap reads "
                "files up to that size (set ARGMAP_MAX_BYTES to raise the limit)",
            ),
        )
    return load_bytes(data, path, stop)


def load_bytes(data: bytes, path: Path | str, stop: Stop | None = None) -> LoadedDebate:
    """Decode UTF-8 (a BOM is accepted) and load; other encodings get a clear error."""
    path = Path(path)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        return _failed(
            path,
            error(
                str(path),
                (line, col),
                "encoding",
                f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x}); save it as UTF-8",
            ),
        )
    return load_text(text, path, stop)


def load_text(text: str, path: Path | str = "<text>", stop: Stop | None = None) -> LoadedDebate:
    """Load a debate from YAML text. `path` names the file in diagnostics and sets the id.

    `stop` is asked between steps, as `load_file` says."""

    def check() -> None:
        if stop is not None and stop():
            raise LoadCancelled(str(path))

    path = Path(path)
    name = str(path)
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return _failed(
            path, error(name, (line, 1), "binary", "file contains NUL bytes; is it a text file?")
        )
    too_deep = _yaml_nesting_beyond_limit(text)
    if too_deep is not None:
        return _failed(
            path,
            error(
                name,
                too_deep,
                "too-deep",
                f"YAML nests more than {MAX_YAML_NESTING} levels deep; refusing to parse it",
            ),
        )
    claim_limit = max_claims()
    too_many = claims_beyond_limit(text, claim_limit)
    if too_many is not None:
        return _failed(
            path, error(name, too_many, "too-many-claims", too_many_claims_message(claim_limit))
        )
    diagnostics: list[Diagnostic] = []
    positions = Positions(text=text)
    with collector_paused(settle=True):
        try:
            check()
            root = yaml.compose(text, Loader=_Loader)
        except yaml.MarkedYAMLError as exc:
            return _failed(path, _yaml_error(name, exc, text), text)
        except yaml.YAMLError as exc:
            return _failed(path, error(name, (1, 1), "yaml", f"YAML error: {exc}"), text)
        except RecursionError:
            return _failed(path, error(name, (1, 1), "too-deep", "YAML nesting is too deep"), text)
        if root is None:
            return _failed(
                path,
                error(name, (1, 1), "empty", "file is empty; a debate needs `title` and `motion`"),
                text,
            )
        builder = _Builder(name, positions, diagnostics, claim_limit)
        # Without anchors no node is shared, and the tree can be freed while it is read.
        check()
        data = builder.build(root, release="&" not in text)
        # Free the node tree (about half the objects made) while the collector is paused.
        root = None
        if diagnostics and any(
            d.code in {"alias-bomb", "too-deep", "too-many-claims"} for d in diagnostics
        ):
            return LoadedDebate(path, None, diagnostics, positions, text)
        if not isinstance(data, dict):
            diagnostics.append(
                error(
                    name,
                    positions.at(()),
                    "not-a-mapping",
                    "a debate file must be a mapping with `title`, `motion`, `pro` and `con`",
                )
            )
            return LoadedDebate(path, None, diagnostics, positions, text)
        places: list[RawClaim] = []
        check()
        debate = _validate(data, name, positions, diagnostics, builder.refused, places)
        _check_references(data, name, positions, diagnostics, places)
    if debate is not None and debate.id is None:
        debate = debate._replace(id=slug_from_path(path))
    diagnostics.sort(key=sort_key)
    if any(d.is_error for d in diagnostics):
        debate = None
    return LoadedDebate(path, debate, diagnostics, positions, text)


def yaml_nesting_beyond_limit(text: str) -> Pos | None:
    """Where YAML nesting in `text` passes `MAX_YAML_NESTING`, found without parsing; or None.

    Whatever composes text it did not write asks this first: libyaml's composer recurses
    in C, and nesting deep enough crashes the process.
    """
    return _yaml_nesting_beyond_limit(text)


def _yaml_nesting_beyond_limit(text: str) -> Pos | None:
    """Where YAML nesting passes the limit, found without parsing; None when it does not.

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


def _failed(path: Path, diagnostic: Diagnostic, text: str = "") -> LoadedDebate:
    return LoadedDebate(path, None, [diagnostic], Positions(), text)


def _yaml_error(name: str, exc: yaml.MarkedYAMLError, text: str) -> Diagnostic:
    problem = exc.problem or "invalid YAML"
    mark = exc.problem_mark or exc.context_mark
    context = exc.context or ""
    at_end = exc.problem_mark is None or exc.problem_mark.index >= len(text.rstrip())
    unclosed = "flow" in context or "quoted" in context
    if exc.context_mark is not None and unclosed and (at_end or "end of stream" in problem):
        # An unclosed quote or bracket is found only at the end of the file; point at
        # where it opened, which is where the author has to look.
        mark = exc.context_mark
        opened = "the quoted text"
        if "flow sequence" in context:
            opened = "the list opened with '['"
        elif "flow mapping" in context:
            opened = "the mapping opened with '{'"
        problem = f"{opened} here is never closed (the file ends first)"
    elif context:
        problem = f"{context}: {problem}"
    if "expected a single document" in context + (exc.problem or ""):
        problem = "file holds more than one YAML document; a debate file holds one"
    # Marks count characters: the offset gives the line and column as editors count them
    # (YAML also breaks lines at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR).
    pos = Positions(text=text).pos(mark.index) if mark is not None else (1, 1)
    problem += indentation_hint(problem, pos[0])
    return error(name, pos, "yaml", f"YAML syntax error: {problem}")


class _Builder:
    """Turns a composed node tree into plain data, recording positions, without recursion."""

    def __init__(
        self,
        name: str,
        positions: Positions,
        diagnostics: list[Diagnostic],
        claim_limit: int = DEFAULT_MAX_CLAIMS,
    ) -> None:
        self.name = name
        self.claim_limit = claim_limit
        self.claims = 0
        self.positions = positions
        self.diagnostics = diagnostics
        #: Key paths of values with a tag we refuse; validation errors there are noise.
        self.refused: set[KeyPath] = set()

    def _pos(self, node: yaml.Node) -> Pos:
        return self.positions.pos(node.start_mark.index)

    def build(self, root: yaml.Node, *, release: bool = False) -> Any:
        """Plain data from the node tree; positions and diagnostics go to the builder's.

        With `release` (only for a tree without anchors, where no node is shared), each
        collection node lets go of its children once they are on the stack, so the tree
        is freed as the data grows instead of both being held at once.
        """
        holder: list[Any] = [None]
        values = self.positions.values
        keys = self.positions.keys
        scalar_node = yaml.ScalarNode
        # Each entry: node, its key path, the container to put it in, and the slot there.
        # Plain text values (most of a debate) are stored as they are met, without a
        # round trip through the stack: this loop runs for every node of the file.
        stack: list[tuple[yaml.Node, KeyPath, Any, Any]] = [(root, (), holder, 0)]
        push = stack.append
        entered: set[int] = set()
        expansions = 0
        max_path = 2 * MAX_DEPTH + 2
        while stack:
            node, path, container, slot = stack.pop()
            values[path] = node.start_mark.index
            if type(node) is scalar_node:
                container[slot] = node.value if node.tag == _STR_TAG else self._scalar(node, path)
                continue
            # Only a tree with anchors can share nodes (and expand aliases).
            if not release and id(node) in entered:
                expansions += 1
                if expansions > MAX_ALIAS_EXPANSIONS:
                    self.diagnostics.append(
                        error(
                            self.name,
                            self._pos(node),
                            "alias-bomb",
                            f"YAML aliases expand more than {MAX_ALIAS_EXPANSIONS} times; "
                            "refusing to expand them (is this file an alias bomb?)",
                        )
                    )
                    return None
            if not release:
                entered.add(id(node))
            # A claim at depth d has a key path of length 2d; its own keys add two more.
            if len(path) > max_path:
                self.diagnostics.append(
                    error(
                        self.name,
                        self._pos(node),
                        "too-deep",
                        f"claims nest deeper than {MAX_DEPTH} levels; argmap reads debates "
                        f"up to {MAX_DEPTH} levels deep",
                    )
                )
                return None
            if isinstance(node, yaml.SequenceNode):
                if node.tag != _SEQ_TAG:
                    self._bad_tag(node, path)
                children = node.value
                items: list[Any] = [None] * len(children)
                container[slot] = items
                for index in range(len(children) - 1, -1, -1):
                    child = children[index]
                    child_path = (*path, index)
                    if type(child) is scalar_node and child.tag == _STR_TAG:
                        values[child_path] = child.start_mark.index
                        items[index] = child.value
                    else:
                        push((child, child_path, items, index))
                if release:
                    node.value = []
            elif isinstance(node, yaml.MappingNode):
                if node.tag != _MAP_TAG:
                    self._bad_tag(node, path)
                mapping: dict[Any, Any] = {}
                container[slot] = mapping
                pending: list[tuple[yaml.Node, KeyPath, Any, Any]] = []
                for key_node, value_node in node.value:
                    if type(key_node) is not scalar_node:
                        self.diagnostics.append(
                            error(
                                self.name,
                                self._pos(key_node),
                                "bad-key",
                                "a key must be plain text",
                            )
                        )
                        continue
                    key = key_node.value if key_node.tag == _STR_TAG else str(key_node.value)
                    if key in mapping:
                        line, col = self.positions.pos(keys[(*path, key)])
                        self.diagnostics.append(
                            error(
                                self.name,
                                self._pos(key_node),
                                "duplicate-key",
                                f"key '{key}' is given twice in this mapping "
                                f"(first at line {line}, column {col}); only one is allowed",
                            )
                        )
                        continue
                    child_path = (*path, key)
                    keys[child_path] = key_node.start_mark.index
                    if key in _CLAIM_LISTS and isinstance(value_node, yaml.SequenceNode):
                        # Counted as the tree is walked, before any model is built.
                        self.claims += len(value_node.value)
                        if self.claims > self.claim_limit:
                            self.diagnostics.append(
                                error(
                                    self.name,
                                    self._pos(key_node),
                                    "too-many-claims",
                                    too_many_claims_message(self.claim_limit),
                                )
                            )
                            return None
                    if type(value_node) is scalar_node and value_node.tag == _STR_TAG:
                        values[child_path] = value_node.start_mark.index
                        mapping[key] = value_node.value
                    else:
                        mapping[key] = None
                        pending.append((value_node, child_path, mapping, key))
                stack.extend(reversed(pending))
                if release:
                    node.value = []
        return holder[0]

    def _bad_tag(self, node: yaml.Node, path: KeyPath) -> None:
        self.refused.add(path)
        self.diagnostics.append(
            error(
                self.name,
                self._pos(node),
                "yaml-tag",
                f"unsupported YAML tag '{node.tag}'; debate files use plain YAML",
            )
        )

    def _scalar(self, node: yaml.ScalarNode, path: KeyPath) -> Any:
        if node.tag == _STR_TAG:
            return node.value
        constructor = _SCALAR_CONSTRUCTORS.get(node.tag)
        if constructor is None:
            self._bad_tag(node, path)
            return node.value
        try:
            return constructor(_CONSTRUCTOR, node)
        except (ValueError, yaml.YAMLError):
            return node.value


# --- validation --------------------------------------------------------------------------


def _validate(
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


# --- cross-references ----------------------------------------------------------------------


def _str_list(value: Any) -> list[tuple[int, str]]:
    if not isinstance(value, list):
        return []
    return [(i, v) for i, v in enumerate(value) if isinstance(v, str)]


def _check_references(
    data: dict[str, Any],
    name: str,
    positions: Positions,
    diagnostics: list[Diagnostic],
    claims: list[RawClaim],
) -> None:
    """Ids, sources, links and expectations: what the format alone cannot check.

    `claims` are every claim mapping of `data` in document order, as `conform` meets
    them on its way.
    """
    first_use: dict[str, KeyPath] = {}
    for claim in claims:
        if not claim.explicit:
            continue
        id_path = (*claim.path, "id")
        if claim.id == MOTION_ID:
            diagnostics.append(
                error(
                    name,
                    positions.at(id_path),
                    "reserved-id",
                    f"the id '{MOTION_ID}' is reserved for the debate's motion",
                )
            )
        earlier = first_use.get(claim.id)
        if earlier is not None:
            line, col = positions.at((*earlier, "id"))
            diagnostics.append(
                error(
                    name,
                    positions.at(id_path),
                    "duplicate-id",
                    f"id '{claim.id}' is already used by the claim at line {line}, "
                    f"column {col}; ids must be unique in a debate",
                )
            )
        else:
            first_use[claim.id] = claim.path
    known_ids = {c.id for c in claims}
    sources = data.get("sources")
    source_list = sources if isinstance(sources, list) else []
    source_ids = {
        s["id"] for s in source_list if isinstance(s, dict) and isinstance(s.get("id"), str)
    }
    seen_sources: dict[str, int] = {}
    for index, source in enumerate(source_list):
        if isinstance(source, dict) and isinstance(source.get("id"), str):
            sid = source["id"]
            if sid in seen_sources:
                line, col = positions.at(("sources", seen_sources[sid], "id"))
                diagnostics.append(
                    error(
                        name,
                        positions.at(("sources", index, "id")),
                        "duplicate-source",
                        f"source id '{sid}' is already used at line {line}, column {col}",
                    )
                )
            else:
                seen_sources[sid] = index
    evidence = Kind.EVIDENCE.value
    for claim in claims:
        item = claim.data
        for key, verb in (("also_rebuts", "rebut"), ("also_supports", "support")):
            links = item.get(key)
            if not links:
                continue
            for index, target in _str_list(links):
                if target in known_ids and target != claim.id and target != MOTION_ID:
                    continue  # the common case: a link to another claim
                pos = positions.at((*claim.path, key, index))
                if target == claim.id:
                    diagnostics.append(
                        error(name, pos, "self-link", f"a claim cannot {verb} itself")
                    )
                elif target == MOTION_ID:
                    diagnostics.append(
                        error(
                            name,
                            pos,
                            "motion-link",
                            f"'{key}' cannot name the motion; put the claim under "
                            "`pro` or `con` instead",
                        )
                    )
                elif target not in known_ids:
                    diagnostics.append(
                        error(
                            name,
                            pos,
                            "unknown-claim",
                            f"'{key}' refers to unknown claim '{target}'"
                            + _suggest(target, known_ids),
                        )
                    )
        cited = item.get("sources")
        if cited:
            for index, source_id in _str_list(cited):
                if source_id not in source_ids:
                    pos = positions.at((*claim.path, "sources", index))
                    hint = _suggest(source_id, source_ids)
                    if not source_ids:
                        hint = " (the debate lists no `sources`)"
                    diagnostics.append(
                        error(name, pos, "unknown-source", f"unknown source '{source_id}'{hint}")
                    )
        if item.get("undercut") is True and claim.relation != "r":
            diagnostics.append(
                error(
                    name,
                    positions.key_at((*claim.path, "undercut")),
                    "undercut-not-rebuttal",
                    "`undercut: true` applies only to a claim listed under `rebuttals`",
                )
            )
        if not cited and item.get("kind") == evidence:
            diagnostics.append(
                warning(
                    name,
                    positions.at(claim.path),
                    "evidence-without-source",
                    f"evidence '{claim.id}' cites no source",
                )
            )
    check_link_sides(name, positions, claims, diagnostics)
    expect = data.get("expect")
    if isinstance(expect, dict):
        # A warning, not an error: the debate itself is sound; `argmap check`, which reads
        # the expectations, treats an unknown id there as an error.
        for label in ("standing", "defeated", "undecided"):
            for index, target in _str_list(expect.get(label)):
                if target != MOTION_ID and target not in known_ids:
                    diagnostics.append(
                        warning(
                            name,
                            positions.at(("expect", label, index)),
                            "expect-unknown",
                            f"expect: no claim '{target}' in this debate"
                            + _suggest(target, known_ids),
                        )
                    )
    for side in ("pro", "con"):
        if not data.get(side):
            pos = positions.key_at((side,)) if side in data else positions.at(())
            diagnostics.append(
                warning(name, pos, "empty-side", f"the debate has no `{side}` claims")
            )


# --- folders -------------------------------------------------------------------------------


def debate_files(path: Path) -> list[Path]:
    """The debate files a path names: itself, or every *.yaml / *.yml in a folder."""
    if path.is_dir():
        # Everything named like a debate file is loaded, so a pipe, a dangling link or a
        # loop of links named *.yaml is reported as an error instead of skipped in silence.
        # Only sub-folders and Emacs's lock links (`.#name.yaml`) are passed over.
        return sorted(
            p
            for p in path.iterdir()
            if p.suffix in {".yaml", ".yml"} and not p.name.startswith(".#") and not _is_folder(p)
        )
    return [path]


def _is_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(path.lstat().st_mode)
    except OSError:
        return False


def load_paths(paths: Sequence[Path | str]) -> list[LoadedDebate]:
    """Load files and folders; check `see` links and debate ids across everything loaded.

    One bad file never stops the others. A path that does not exist gets a diagnostic.
    """
    loaded: list[LoadedDebate] = []
    folder_loaded = False
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            loaded.append(
                _failed(path, error(str(path), (0, 0), "not-found", "no such file or folder"))
            )
            continue
        if path.is_dir():
            folder_loaded = True
        loaded.extend(load_file(p) for p in debate_files(path))
    check_links_between(loaded, alone=not folder_loaded and len(loaded) == 1)
    return loaded
