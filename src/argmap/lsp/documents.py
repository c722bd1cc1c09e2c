"""What the server knows about each debate: the open buffers and the files beside them.

An `Analysis` is one version of one debate's text, loaded by the same loader the CLI uses
(with `see` links checked against the other debates of its folder, as `argmap validate
FOLDER` does) and indexed by `argmap.locate`. The last analysis of a valid version is kept,
so hover can still name a claim's label while the file is being typed into.

Files that are not open are read from disk and cached by modification time; an open
buffer always wins over the file on disk.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from pygls.uris import from_fs_path, to_fs_path

from argmap.load import LoadedDebate, check_links_between, load_bytes, load_text, slug_from_path
from argmap.locate import TextIndex, index_text, is_debate_text
from argmap.semantics import Labelling, grounded
from argmap.strength import Weighing, weigh

SUFFIXES = (".yaml", ".yml")


_NOT_YET = object()


@dataclass(slots=True)
class Analysis:
    """One version of one debate file's text, loaded, and indexed on first use.

    The index is made after the diagnostics are sent (it is not needed for them), by
    whichever thread asks first; the lock keeps the two from making it twice.
    """

    uri: str
    path: Path | None
    version: int | None
    text: str
    loaded: LoadedDebate | None  # None for a draft: a text typed since the last check
    _index: object = _NOT_YET
    _labels: Labelling | None = None
    _weighing: Weighing | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def index(self) -> TextIndex | None:
        """Where ids and references are in the text; None when it is not valid YAML."""
        with self._lock:
            if self._index is _NOT_YET:
                self._index = index_text(self.text)
            return self._index if isinstance(self._index, TextIndex) else None

    @property
    def debate_id(self) -> str:
        """The debate's id: its `id:` value, else the file name's slug."""
        if self.loaded is not None and self.loaded.debate is not None:
            return self.loaded.debate_id
        if self.index is not None and self.index.debate_id:
            return self.index.debate_id
        return slug_from_path(self.path or Path("debate"))

    @property
    def labels(self) -> Labelling | None:
        """Grounded labels of a valid debate (computed once); None for an invalid one."""
        if self.loaded is None or not self.loaded.ok:
            return None
        if self._labels is None:
            self._labels = grounded(self.loaded.graph)
        return self._labels

    @property
    def weighing(self) -> Weighing | None:
        """Gradual strengths of a valid debate (computed once); None for an invalid one."""
        labels = self.labels
        if labels is None or self.loaded is None:
            return None
        if self._weighing is None:
            self._weighing = weigh(self.loaded.graph, labels)
        return self._weighing


@dataclass(slots=True)
class Neighbour:
    """Another debate file of the same folder: where it is and what it names."""

    uri: str
    path: Path
    text: str
    index: TextIndex | None
    loaded: LoadedDebate

    @property
    def debate_id(self) -> str:
        if self.loaded.debate is not None:
            return self.loaded.debate_id
        if self.index is not None and self.index.debate_id:
            return self.index.debate_id
        return slug_from_path(self.path)


def uri_path(uri: str) -> Path | None:
    """The file a `file:` URI names; None for other schemes (unsaved buffers)."""
    if not uri.startswith("file:"):
        return None
    path = to_fs_path(uri)
    return Path(path) if path else None


@dataclass(slots=True)
class Documents:
    """Analyses of open debates, and a cache of the debate files beside them on disk."""

    analyses: dict[str, Analysis] = field(default_factory=dict)
    last_valid: dict[str, Analysis] = field(default_factory=dict)
    open_texts: dict[str, tuple[int | None, str]] = field(default_factory=dict)
    drafts: dict[str, Analysis] = field(default_factory=dict)
    _disk: dict[Path, tuple[tuple[int, int], Neighbour]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # --- buffers ---------------------------------------------------------------------------

    def opened(self, uri: str, version: int | None, text: str) -> None:
        self.open_texts[uri] = (version, text)

    def closed(self, uri: str) -> None:
        self.open_texts.pop(uri, None)
        self.analyses.pop(uri, None)
        self.last_valid.pop(uri, None)
        self.drafts.pop(uri, None)

    def is_debate(self, uri: str) -> bool:
        """True when the open buffer is a debate file (a YAML file with `motion:`)."""
        entry = self.open_texts.get(uri)
        path = uri_path(uri)
        if entry is None or (path is not None and path.suffix not in SUFFIXES):
            return False
        return is_debate_text(entry[1])

    # --- analysis --------------------------------------------------------------------------

    def analyse(self, uri: str, version: int | None, text: str) -> Analysis:
        """Load a version of a buffer and check its `see` links against its folder.

        Runs off the event loop: it reads only its arguments, the disk and the cache.
        """
        path = uri_path(uri)
        name = path if path is not None else Path(uri.rsplit("/", 1)[-1] or "debate.yaml")
        loaded = load_text(text, name)
        if path is not None and loaded.debate is not None:
            # The same check `argmap validate FOLDER` makes, on copies of the neighbours'
            # results (the check appends to the diagnostics of everything it is given).
            folder = [
                n.loaded.with_diagnostics(list(n.loaded.diagnostics)) for n in self.neighbours(uri)
            ]
            everything = sorted([*folder, loaded], key=lambda item: str(item.path))
            check_links_between(everything)
        return Analysis(uri, path, version, text, loaded)

    def store(self, analysis: Analysis) -> None:
        self.analyses[analysis.uri] = analysis
        self.drafts.pop(analysis.uri, None)
        if analysis.loaded is not None and analysis.loaded.ok:
            self.last_valid[analysis.uri] = analysis

    def current(self, uri: str) -> Analysis | None:
        """The analysis of the buffer as it is now, made on the spot when typing outran it."""
        entry = self.open_texts.get(uri)
        if entry is None:
            return None
        version, text = entry
        analysis = self.analyses.get(uri)
        if analysis is None or analysis.text != text:
            # A draft, not loaded: requests made while typing need only the index; the
            # debounced check loads this version off the event loop.
            analysis = self.drafts.get(uri)
            if analysis is None or analysis.text != text:
                analysis = Analysis(uri, uri_path(uri), version, text, None)
                self.drafts[uri] = analysis
        return analysis

    def index(self, uri: str) -> TextIndex | None:
        """The buffer's index now, or the last one made while it still parsed."""
        analysis = self.current(uri)
        if analysis is not None and analysis.index is not None:
            return analysis.index
        stored = self.analyses.get(uri)
        if stored is not None and stored.index is not None:
            return stored.index
        valid = self.last_valid.get(uri)
        return valid.index if valid is not None else None

    def valid(self, uri: str) -> Analysis | None:
        """The newest analysis of a valid version of the buffer (for labels)."""
        analysis = self.analyses.get(uri)
        if analysis is not None and analysis.loaded is not None and analysis.loaded.ok:
            return analysis
        return self.last_valid.get(uri)

    # --- the folder ------------------------------------------------------------------------

    def neighbours(self, uri: str) -> list[Neighbour]:
        """The other debate files in the folder of `uri` (open buffers win over disk)."""
        path = uri_path(uri)
        if path is None:
            return []
        found: list[Neighbour] = []
        try:
            candidates = sorted(p for p in path.parent.iterdir() if p.suffix in SUFFIXES)
        except OSError:
            return []
        for other in candidates:
            if other == path or not other.is_file():
                continue
            neighbour = self.neighbour(other)
            if neighbour is not None:
                found.append(neighbour)
        return found

    def neighbour(self, path: Path) -> Neighbour | None:
        uri = from_fs_path(str(path)) or path.as_uri()
        entry = self.open_texts.get(uri)
        if entry is not None:
            # An open buffer counts as last checked, not as typed since: its own check
            # comes soon and then re-checks the others (see the server's `check`).
            analysis = self.analyses.get(uri)
            if analysis is not None and analysis.loaded is not None:
                return Neighbour(uri, path, analysis.text, analysis.index, analysis.loaded)
            text = entry[1]
            return Neighbour(uri, path, text, index_text(text), load_text(text, path))
        try:
            status = path.stat()
        except OSError:
            return None
        stamp = (status.st_mtime_ns, status.st_size)
        with self._lock:
            cached = self._disk.get(path)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        try:
            data = path.read_bytes()
        except OSError:
            return None
        loaded = load_bytes(data, path)
        text = loaded.text
        neighbour = Neighbour(uri, path, text, index_text(text) if text else None, loaded)
        with self._lock:
            self._disk[path] = (stamp, neighbour)
        return neighbour

    def folder(self, uri: str) -> list[tuple[str, str, TextIndex]]:
        """Every debate of the folder as (uri, debate id, index), this buffer first."""
        result: list[tuple[str, str, TextIndex]] = []
        index = self.index(uri)
        analysis = self.current(uri)
        if index is not None and analysis is not None:
            result.append((uri, analysis.debate_id, index))
        for neighbour in self.neighbours(uri):
            if neighbour.index is not None and is_debate_text(neighbour.text):
                result.append((neighbour.uri, neighbour.debate_id, neighbour.index))
        return result
