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

This module runs those steps; each lives in a room of its own:

- `argmap.load_files`: reading regular files within a size, and the files a folder holds;
- `argmap.load_limits`: the caps on bytes, claims and nesting, and the counts that find
  a file past them before it is parsed;
- `argmap.load_yaml`: the safe loader argmap composes with, and YAML errors as diagnostics;
- `argmap.load_nodes`: the node tree to plain data, with a position for every node;
- `argmap.load_messages`: the format checker's problems in words an author can act on;
- `argmap.load_references`: ids, sources, links and expectations.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from argmap.collector import collector_paused
from argmap.conform import RawClaim
from argmap.diagnostics import Diagnostic, error, sort_key
from argmap.ids import KeyPath, Pos, Positions, child_id, top_level_id
from argmap.links_between import check_links_between
from argmap.load_files import UnreadableFile, debate_files, read_regular_file
from argmap.load_limits import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_CLAIMS,
    MAX_ALIAS_EXPANSIONS,
    MAX_DEPTH,
    MAX_YAML_NESTING,
    claims_beyond_limit,
    max_claims,
    size_limit,
    too_many_claims_message,
    yaml_nesting_beyond_limit,
)
from argmap.load_messages import validate
from argmap.load_nodes import NodeBuilder
from argmap.load_references import check_references
from argmap.load_yaml import FastSafeLoader, yaml_error_diagnostic
from argmap.model import Debate

if TYPE_CHECKING:
    from argmap.graph import ArgumentGraph

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_CLAIMS",
    "MAX_ALIAS_EXPANSIONS",
    "MAX_DEPTH",
    "MAX_YAML_NESTING",
    "KeyPath",
    "LoadCancelled",
    "LoadedDebate",
    "Pos",
    "Positions",
    "UnreadableFile",
    "check_links_between",
    "child_id",
    "claims_beyond_limit",
    "debate_files",
    "load_bytes",
    "load_file",
    "load_paths",
    "load_text",
    "max_claims",
    "read_regular_file",
    "size_limit",
    "slug_from_path",
    "too_many_claims_message",
    "top_level_id",
    "yaml_nesting_beyond_limit",
]


class LoadedDebate:
    """The outcome of loading one file: the debate when it is valid, and every diagnostic.

    A plain class rather than a dataclass, as `argmap.ids.Positions` is (start-up).
    """

    __slots__ = ("_graph", "debate", "diagnostics", "path", "positions", "text")

    def __init__(
        self,
        path: Path,
        debate: Debate | None,
        diagnostics: list[Diagnostic],
        positions: Positions,
        text: str = "",
    ) -> None:
        self.path = path
        self.debate = debate
        self.diagnostics = diagnostics
        self.positions = positions
        self.text = text
        self._graph: ArgumentGraph | None = None

    def __repr__(self) -> str:
        return f"LoadedDebate({str(self.path)!r}, ok={self.ok})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LoadedDebate):
            return NotImplemented
        return (self.path, self.debate, self.diagnostics, self.positions, self.text) == (
            other.path,
            other.debate,
            other.diagnostics,
            other.positions,
            other.text,
        )

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value

    def drop_positions(self) -> None:
        """Build the graph (each claim keeps its line and column), then let go of what
        only messages and editors read: the place of every key and value, and the text.

        For a command that draws the debate once every check is done: at 50,000 claims
        they are some 70 MB, more than the DOT text it writes. Positions asked for later
        fall back to the top of the file.
        """
        if self.debate is not None:
            self._graph = self.graph
        self.positions = Positions()
        self.text = ""

    def with_diagnostics(self, diagnostics: list[Diagnostic]) -> LoadedDebate:
        """A copy with its own list of diagnostics (and the same graph, once built)."""
        copy = LoadedDebate(self.path, self.debate, diagnostics, self.positions, self.text)
        copy._graph = self._graph
        return copy

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


#: Asked between the steps of loading: True to stop (see `load_file`).
Stop = Callable[[], bool]


class LoadCancelled(Exception):
    """Loading stopped between steps because its `stop` said so."""


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
    too_deep = yaml_nesting_beyond_limit(text)
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
            root = yaml.compose(text, Loader=FastSafeLoader)
        except yaml.MarkedYAMLError as exc:
            return _failed(path, yaml_error_diagnostic(name, exc, text), text)
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
        builder = NodeBuilder(name, positions, diagnostics, claim_limit)
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
        debate = validate(data, name, positions, diagnostics, builder.refused, places)
        check_references(data, name, positions, diagnostics, places)
    if debate is not None and debate.id is None:
        debate = debate._replace(id=slug_from_path(path))
    diagnostics.sort(key=sort_key)
    if any(d.is_error for d in diagnostics):
        debate = None
    return LoadedDebate(path, debate, diagnostics, positions, text)


def _failed(path: Path, diagnostic: Diagnostic, text: str = "") -> LoadedDebate:
    return LoadedDebate(path, None, [diagnostic], Positions(), text)


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
