"""What the terminal app asks of the loaded debates, with no Textual in it.

The screens call these functions instead of walking graphs themselves: the catalogue of
loaded files (reloading one keeps cross-file `see` checks right), the standing balance of a
debate, the links of a claim, filters, fuzzy search over every claim, and the browser-like
history of places visited.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from argmap.diagnostics import Diagnostic, Severity
from argmap.gradual import DEFAULT_SEMANTICS
from argmap.graph import ArgumentGraph, ClaimNode, Relation
from argmap.ids import Positions
from argmap.load import (
    LoadCancelled,
    LoadedDebate,
    check_links_between,
    debate_files,
    load_file,
)
from argmap.model import MOTION_ID, Side
from argmap.reading import label_and_strength, strength_reason
from argmap.semantics import Label, Labelling, explain, grounded
from argmap.strength import Weighing, weigh
from argmap.verdict import DebateVerdict, debate_verdict, strict_reading

#: Up to this many claims a debate's headline and what moved a claim's strength are worked
#: out when first shown; in a bigger debate the app shows the claim first and works them
#: out on a worker (`DebateEntry.at_once`).
AT_ONCE_CLAIMS = 2000

#: A place in the app: a debate and a claim in it (the motion is `motion`).
Location = tuple[str, str]


@dataclass(slots=True)
class DebateEntry:
    """One loaded file with its labelling (None when the file has errors).

    When a valid file is changed on disk into one that no longer loads, the entry keeps
    the last good version (`loaded`) on screen and holds the broken one in `broken`.
    """

    loaded: LoadedDebate
    #: The file's own diagnostics, before cross-file checks added theirs.
    own_diagnostics: list[Diagnostic]
    labelling: Labelling | None = None
    #: The version on disk when it no longer loads (the last good one is `loaded`).
    broken: LoadedDebate | None = None
    #: Strengths and the motion's headline, worked out when first asked for.
    _weighing: Weighing | None = None
    _headline: list[str] | None = None
    _verdict: DebateVerdict | None = None
    #: The semantics chosen in the app (its palette); None: the file's own `semantics:`.
    semantics: str | None = None
    #: By claim: what moved its strength most, and the note where its label and strength
    #: disagree (`reasons`); dropped with the strengths.
    _reasons: dict[str, tuple[str, str | None]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when the file has no error at all, on screen or on disk."""
        return self.loaded.ok and self.broken is None

    @property
    def problems(self) -> list[Diagnostic]:
        """The diagnostics to show: those of the version on disk."""
        return (self.broken or self.loaded).diagnostics

    @property
    def errors_on_disk(self) -> int:
        """How many errors the file on disk has (the last good version may be shown)."""
        return len(self.broken.errors) if self.broken is not None else 0

    @property
    def openable(self) -> bool:
        """True when the map can be shown: the file itself is valid, though a `see` link
        into another file may be broken."""
        return self.loaded.debate is not None

    @property
    def debate_id(self) -> str:
        return self.loaded.debate_id

    @property
    def path(self) -> Path:
        return self.loaded.path

    @property
    def graph(self) -> ArgumentGraph:
        return self.loaded.graph

    @property
    def title(self) -> str:
        debate = self.loaded.debate
        return debate.title if debate is not None else self.loaded.path.name

    @property
    def motion(self) -> str:
        debate = self.loaded.debate
        return debate.motion if debate is not None else ""

    def label(self, claim_id: str) -> Label:
        assert self.labelling is not None
        return self.labelling[claim_id]

    def reason(self, claim_id: str) -> str:
        """Why the claim has its label, in plain words."""
        assert self.labelling is not None
        return explain(self.graph, self.labelling, claim_id)

    @property
    def weighing(self) -> Weighing:
        """Gradual strengths and the verdict (computed once per labelling)."""
        assert self.labelling is not None
        if self._weighing is None:
            self._weighing = weigh(self.graph, self.labelling, self.semantics)
        return self._weighing

    @property
    def semantics_in_use(self) -> str:
        """The name of the semantics the strengths come from (`argmap.gradual.SEMANTICS`)."""
        debate = self.loaded.debate
        return self.semantics or (debate and debate.semantics) or DEFAULT_SEMANTICS

    def is_cut(self, claim_id: str) -> bool:
        """Whether a standing undercut cuts the claim's link to what it answers."""
        return self.labelling is not None and self.labelling.is_cut(claim_id)

    def strength(self, claim_id: str) -> float:
        """The claim's gradual strength, 0 to 1."""
        return self.weighing.strength(claim_id)

    def strength_reason(self, claim_id: str) -> str:
        """Its base score and what moved its strength most: "base 0.50; lowered most by ..."."""
        return self.reasons(claim_id)[0]

    def reasons(self, claim_id: str) -> tuple[str, str | None]:
        """`strength_reason` and `label_note` of a claim, worked out once per strengths.

        Both weigh removal contributions, which cost a moment in a big debate: the app
        asks for them on a worker thread and shows `known_reasons` meanwhile.
        """
        known = self._reasons.get(claim_id)
        if known is not None:
            return known
        weighing = self.weighing
        assert self.labelling is not None
        found = (
            strength_reason(self.graph, weighing, claim_id),
            label_and_strength(self.graph, self.labelling, weighing, claim_id),
        )
        if self._weighing is weighing:  # not dropped meanwhile by a change
            self._reasons[claim_id] = found
        return found

    @property
    def at_once(self) -> bool:
        """Whether the debate is small enough to work out its headline and reasons when
        first shown (see `AT_ONCE_CLAIMS`)."""
        return len(self.graph.nodes) <= AT_ONCE_CLAIMS

    def verdict_line(self) -> str:
        """The headline's first line, or while it is worked out the verdict alone."""
        headline = self.headline() if self.at_once else self._headline
        if headline is not None:
            return headline[0]
        weighing = self.weighing
        return f"{weighing.verdict.phrase} ({weighing.motion_strength:.2f})"

    def known_reasons(self, claim_id: str) -> tuple[str, str | None] | None:
        """`reasons` if worked out already, else None."""
        return self._reasons.get(claim_id)

    def known_headline(self) -> list[str] | None:
        """`headline` if worked out already, else None."""
        return self._headline

    def verdict(self) -> DebateVerdict:
        """The debate's verdict, its robustness and movers (`argmap.verdict`)."""
        assert self.labelling is not None
        if self._verdict is None:
            self._verdict = debate_verdict(self.graph, self.labelling, self.weighing)
        return self._verdict

    def headline(self) -> list[str]:
        """The motion's headline: the verdict line, the claims that move it most, the range
        of its strength, and last the strict reading of the labels."""
        assert self.labelling is not None
        if self._headline is None:
            self._headline = [
                *self.verdict().lines(self.graph),
                strict_reading(self.graph, self.labelling),
            ]
        return self._headline

    def label_note(self, claim_id: str) -> str | None:
        """A sentence where the claim's label and strength seem to disagree, else None."""
        return self.reasons(claim_id)[1]

    def forget_strengths(self) -> None:
        """Drop the cached strengths (the labelling changed)."""
        self._weighing = None
        self._headline = None
        self._verdict = None
        self._reasons = {}


def _entry(loaded: LoadedDebate) -> DebateEntry:
    return DebateEntry(loaded, list(loaded.diagnostics))


def prepare_entry(path: Path, stop: Callable[[], bool] | None = None) -> DebateEntry:
    """Load and label one debate file: the slow part of a reload. It touches nothing
    shared, so the app runs it on a worker thread and hands the result to `reload`.

    `stop` is asked between the steps (those of loading, then building the graph,
    labelling, weighing); when it says yes, `LoadCancelled` is raised. Quitting the app
    while a big debate loads then waits for one step at most, not for the whole file (a
    50,000-claim debate takes about three seconds in all).
    """

    def check() -> None:
        if stop is not None and stop():
            raise LoadCancelled(str(path))

    entry = _entry(load_file(path, stop=stop))
    if entry.openable:
        check()
        graph = entry.graph
        check()
        entry.labelling = grounded(graph)
        check()
        # The list shows each debate's strength and headline: weigh it here, not on
        # the main thread (a second at 50,000 claims). A big debate's headline (its
        # robustness, other semantics) waits: the map's detail works it out on a worker.
        if entry.at_once:
            entry.headline()
        else:
            entry.weighing  # noqa: B018 (worked out here, kept on the entry)
    else:
        entry.labelling = None
    return entry


def failed_entry(path: Path, problem: BaseException) -> DebateEntry:
    """The row of a file whose loading stopped on an error nobody expected: one error
    diagnostic that says what happened, so the file still has a row and a reason."""
    reason = str(problem) or type(problem).__name__
    diagnostic = Diagnostic(
        str(path), 1, 1, Severity.ERROR, "load-failed", f"could not load the file: {reason}"
    )
    return _entry(LoadedDebate(path, None, [diagnostic], Positions()))


def list_files(paths: Sequence[Path]) -> tuple[list[Path], bool]:
    """The debate files the paths name, in the order the list shows them, and whether
    links between files are checked (a folder, or more than one file)."""
    files: list[Path] = []
    folder = False
    for path in paths:
        folder = folder or path.is_dir()
        files.extend(debate_files(path))
    return files, folder or len(files) > 1


def loading_order(files: Sequence[Path]) -> list[Path]:
    """The files smallest first: the rows of a folder fill in at once, and one huge
    debate is read last instead of holding up the others."""

    def size(path: Path) -> int:
        try:
            return path.stat().st_size
        except OSError:
            return 0  # read first: its error row costs nothing

    return sorted(files, key=size)


@dataclass(slots=True)
class Library:
    """Every debate the app has open, in the order the paths named them.

    `files` are the rows of the list; `entries` the files loaded so far, in the same
    order. A file listed but not loaded yet is `loading`.
    """

    paths: list[Path]
    entries: list[DebateEntry] = field(default_factory=list)
    _cross_check: bool = False
    files: list[Path] = field(default_factory=list)
    #: The semantics chosen for every debate (None: each file's own `semantics:`).
    semantics: str | None = None

    @classmethod
    def listing(cls, paths: Sequence[Path | str], files: Sequence[Path], cross: bool) -> Library:
        """A library of files still to load (see `list_files`); each comes in by `reload`."""
        return cls([Path(p) for p in paths], [], cross, list(files))

    @classmethod
    def load(cls, paths: Sequence[Path | str]) -> Library:
        """Load files and folders; a missing or broken file becomes an entry with errors."""
        as_paths = [Path(p) for p in paths]
        files, cross = list_files(as_paths)
        library = cls(as_paths, [_entry(load_file(p)) for p in files], cross, files)
        library._relabel()
        return library

    @property
    def loading(self) -> list[Path]:
        """The listed files not loaded yet, in list order."""
        loaded = {entry.path for entry in self.entries}
        return [path for path in self.files if path not in loaded]

    def rows(self) -> list[tuple[Path, DebateEntry | None]]:
        """Every listed file and its entry (None while it loads), in list order."""
        loaded = {entry.path: entry for entry in self.entries}
        return [(path, loaded.get(path)) for path in self.files]

    def _relabel(self, only: DebateEntry | None = None) -> None:
        """Recheck links across files; label every debate, or only the one reloaded (the
        labelling of a debate depends on nothing outside it)."""
        for entry in self.entries:
            entry.loaded.diagnostics[:] = list(entry.own_diagnostics)
        # Links into a file still loading cannot be judged yet: check once all are in.
        if self._cross_check and not self.loading:
            check_links_between([e.loaded for e in self.entries])
        for entry in self.entries if only is None else [only]:
            if only is not None and entry.labelling is not None:
                continue  # the last good version, kept on screen, is labelled already
            entry.labelling = grounded(entry.graph) if entry.openable else None
            entry.forget_strengths()

    def reload(
        self,
        path: Path,
        loaded: LoadedDebate | None = None,
        *,
        prepared: DebateEntry | None = None,
    ) -> DebateEntry:
        """Read one file again (or add it when new) and recheck links across files.

        A file that could be shown and no longer loads keeps its last good version on
        screen, with the broken one in `broken`. `prepared` (from `prepare_entry`) or
        `loaded` is the file already read by a worker thread, so only the cheap part runs
        here.
        """
        if prepared is not None:
            fresh = prepared
        else:
            fresh = _entry(loaded if loaded is not None else load_file(path))
        for index, entry in enumerate(self.entries):
            if entry.path == path:
                if not fresh.openable and entry.openable:
                    entry.broken = fresh.loaded
                    fresh = entry
                else:
                    self.entries[index] = fresh
                break
        else:
            if path not in self.files:
                self.files.append(path)
            self._cross_check = self._cross_check or len(self.files) > 1
            # Keep the entries in the order of the list's rows.
            place = {p: i for i, p in enumerate(self.files)}
            index = sum(1 for e in self.entries if place.get(e.path, 0) < place[path])
            self.entries.insert(index, fresh)
        if fresh.semantics != self.semantics:
            fresh.semantics = self.semantics
            fresh.forget_strengths()
        self._relabel(fresh)
        return fresh

    def choose_semantics(self, semantics: str | None) -> None:
        """Weigh every debate by `semantics` from now on (None: each file's own)."""
        self.semantics = semantics
        for entry in self.entries:
            entry.semantics = semantics
            entry.forget_strengths()

    def remove(self, path: Path) -> DebateEntry | None:
        """Forget a file that was deleted; links into it are checked again. None when it
        was not listed (or still loading: its row goes, and nothing else changes)."""
        entry = self.by_path(path)
        if path in self.files:
            self.files.remove(path)
        if entry is None:
            return None
        self.entries.remove(entry)
        self._relabel(entry)
        return entry

    def get(self, debate_id: str) -> DebateEntry | None:
        """The debate with this id that can be shown, if one is open."""
        for entry in self.entries:
            if entry.openable and entry.debate_id == debate_id:
                return entry
        return None

    def by_path(self, path: Path) -> DebateEntry | None:
        for entry in self.entries:
            if entry.path == path:
                return entry
        return None


@dataclass(frozen=True, slots=True)
class Balance:
    """How a debate stands: top-level claims per side, and how many of them stand."""

    claims: int
    pro: int
    pro_standing: int
    con: int
    con_standing: int
    motion: Label


def balance(entry: DebateEntry) -> Balance:
    """The standing pro/con balance of a valid debate."""
    graph = entry.graph
    counts = {Side.PRO: [0, 0], Side.CON: [0, 0]}
    for claim_id in graph.motion.children:
        node = graph.nodes[claim_id]
        if node.side is None:
            continue
        counts[node.side][0] += 1
        counts[node.side][1] += entry.label(claim_id) is Label.STANDING
    return Balance(
        len(graph),
        counts[Side.PRO][0],
        counts[Side.PRO][1],
        counts[Side.CON][0],
        counts[Side.CON][1],
        entry.label(MOTION_ID),
    )


# --- links of a claim ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClaimLink:
    """Something a claim points at, or that points at it, that the reader can follow."""

    group: str  # "answers", "rebutted by", "supported by", "see also"
    verb: str  # how the link reads: "rebuts", "also rebuts", "rebutted by", ...
    debate_id: str
    claim_id: str
    cross: bool = False  # an `also_*` cross-link or a `see` link into another debate
    missing: bool = False  # a `see` link to a debate that is not open


def _target_verb(relation: Relation, cross: bool) -> str:
    verb = {Relation.REBUTS: "rebuts", Relation.SUPPORTS: "supports"}.get(relation, "undercuts")
    return f"also {verb}" if cross else verb


def _source_verb(relation: Relation, cross: bool) -> str:
    verb = {Relation.REBUTS: "rebutted by", Relation.SUPPORTS: "supported by"}.get(
        relation, "undercut by"
    )
    return f"also {verb}" if cross else verb


def claim_links(library: Library, debate_id: str, claim_id: str) -> list[ClaimLink]:
    """What the claim answers, what answers it, and its `see` links, each followable."""
    entry = library.get(debate_id)
    if entry is None:
        return []
    graph = entry.graph
    links: list[ClaimLink] = []
    for edge in graph.targets(claim_id):
        verb = _target_verb(edge.relation, edge.cross)
        links.append(ClaimLink("answers", verb, debate_id, edge.target, edge.cross))
    for edge in graph.incoming[claim_id]:
        group = "supported by" if edge.relation is Relation.SUPPORTS else "rebutted by"
        verb = _source_verb(edge.relation, edge.cross)
        links.append(ClaimLink(group, verb, debate_id, edge.source, edge.cross))
    node = graph.nodes[claim_id]
    if node.claim is not None:
        for ref in node.claim.see:
            other, _, target = ref.partition(":")
            target = target or MOTION_ID
            found = library.get(other)
            missing = found is None or target not in found.graph.nodes
            links.append(ClaimLink("see also", "see", other, target, True, missing))
    return links


def link_text(library: Library, link: ClaimLink) -> str:
    """The text of the claim a link points at ('' when it is not open)."""
    entry = library.get(link.debate_id)
    if entry is None or link.claim_id not in entry.graph.nodes:
        return ""
    return entry.graph.nodes[link.claim_id].text


def cross_links_below(graph: ArgumentGraph, claim_id: str) -> list[tuple[str, str]]:
    """Cross-links to show under a claim in the map: (verb, other claim id).

    The claims it also rebuts or supports, and the claims elsewhere that also answer it;
    a map shows them as leaves so a claim is never expanded twice.
    """
    below: list[tuple[str, str]] = []
    for edge in graph.targets(claim_id):
        if edge.cross:
            below.append((_target_verb(edge.relation, True), edge.target))
    for edge in graph.incoming[claim_id]:
        if edge.cross:
            below.append((_source_verb(edge.relation, True), edge.source))
    return below


# --- filters ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Which claims to show; None in a field means any."""

    side: Side | None = None
    kind: str | None = None
    status: Label | None = None
    tag: str | None = None

    @property
    def active(self) -> bool:
        return any(v is not None for v in (self.side, self.kind, self.status, self.tag))

    def describe(self) -> str:
        parts = [
            f"{name} {value}"
            for name, value in (
                ("side", self.side),
                ("kind", self.kind),
                ("status", self.status),
                ("tag", self.tag),
            )
            if value is not None
        ]
        return ", ".join(parts) if parts else "everything"

    def with_(self, **changes: object) -> ClaimFilter:
        return replace(self, **changes)  # type: ignore[arg-type]

    def matches(self, node: ClaimNode, label: Label) -> bool:
        if node.claim is None:
            return False
        if self.side is not None and node.side is not self.side:
            return False
        if self.kind is not None and node.kind.value != self.kind:
            return False
        if self.status is not None and label is not self.status:
            return False
        return self.tag is None or self.tag in node.claim.tags


@dataclass(frozen=True, slots=True)
class FilterResult:
    """Claims a filter keeps, and those shown only as the way to reach them."""

    matches: frozenset[str]
    visible: frozenset[str]


def apply_filter(entry: DebateEntry, claim_filter: ClaimFilter) -> FilterResult:
    """Matching claims, plus every ancestor up to the motion so the map can reach them."""
    graph = entry.graph
    matches = {
        node.id for node in graph.claims() if claim_filter.matches(node, entry.label(node.id))
    }
    visible: set[str] = {MOTION_ID}
    for claim_id in matches:
        current: str | None = claim_id
        while current is not None and current not in visible:
            visible.add(current)
            current = graph.nodes[current].parent
    return FilterResult(frozenset(matches), frozenset(visible))


def debate_tags(entry: DebateEntry) -> list[str]:
    """Every tag used on a claim of the debate, sorted."""
    tags: set[str] = set()
    for node in entry.graph.claims():
        if node.claim is not None:
            tags.update(node.claim.tags)
    return sorted(tags)


# --- search ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SearchHit:
    debate_id: str
    claim_id: str
    text: str
    side: Side | None
    score: float
    label: Label | None = None
    #: Where the first query word starts in `text`, and its length (-1: not in the text).
    start: int = -1
    length: int = 0


@dataclass(frozen=True, slots=True)
class SearchResults:
    """The best hits, how many claims matched in all, and whether they matched by words or
    only by the query's letters in order (a fallback when no claim has the words)."""

    hits: list[SearchHit]
    total: int
    fuzzy: bool


@dataclass(slots=True)
class SearchIndex:
    """Every claim of every open debate, lower-cased once for fast matching."""

    # debate, claim, text, side, label, lower-cased text, lower-cased id
    rows: list[tuple[str, str, str, Side | None, Label | None, str, str]]

    @classmethod
    def build(cls, library: Library) -> SearchIndex:
        rows = []
        for entry in library.entries:
            if not entry.openable:
                continue
            labelling = entry.labelling
            for node in entry.graph.nodes.values():
                label = labelling[node.id] if labelling is not None else None
                rows.append(
                    (
                        entry.debate_id,
                        node.id,
                        node.text,
                        node.side,
                        label,
                        node.text.lower(),
                        node.id.lower(),
                    )
                )
        return cls(rows)

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """The best hits for the query (see `find`)."""
        return self.find(query, limit).hits

    def find(self, query: str, limit: int = 50) -> SearchResults:
        """Claims in which every word of the query starts a word of the text or the id
        ("patent" finds "patents", not "competent"); when none does, claims holding the
        query's letters in order. Whole-word and early matches rank first; ties keep
        document order."""
        words = query.lower().split()
        if not words:
            return SearchResults([], 0, False)
        patterns = [re.compile(rf"(?<![^\W_]){re.escape(w)}") for w in words]
        hits: list[SearchHit] = []
        for debate_id, claim_id, text, side, label, lower, lower_id in self.rows:
            found = [p.search(lower) or p.search(lower_id) for p in patterns]
            if not all(found):
                continue
            in_text = patterns[0].search(lower)
            start = in_text.start() if in_text is not None else -1
            score = 100.0 - min(start if start >= 0 else 0, 1000) / 20
            if re.search(rf"\b{re.escape(words[0])}\b", lower):
                score += 10
            hits.append(
                SearchHit(debate_id, claim_id, text, side, score, label, start, len(words[0]))
            )
        fuzzy = not hits
        if fuzzy:
            letters = "".join(words)
            pattern = re.compile(".*?".join(re.escape(c) for c in letters))
            for debate_id, claim_id, text, side, label, lower, lower_id in self.rows:
                match = pattern.search(f"{lower_id} {lower}")
                if match:
                    spread = match.end() - match.start() - len(letters)
                    score = 50.0 - min(spread, 49)
                    hits.append(SearchHit(debate_id, claim_id, text, side, score, label))
        hits.sort(key=lambda h: -h.score)
        return SearchResults(hits[:limit], len(hits), fuzzy)


# --- history ---------------------------------------------------------------------------------


@dataclass(slots=True)
class History:
    """Places visited by jumps, with a back and forward cursor like a browser's."""

    places: list[Location] = field(default_factory=list)
    index: int = -1

    @property
    def current(self) -> Location | None:
        return self.places[self.index] if self.index >= 0 else None

    def visit(self, place: Location) -> None:
        """A jump: drop the forward entries and add the new place."""
        if self.current == place:
            return
        del self.places[self.index + 1 :]
        self.places.append(place)
        self.index = len(self.places) - 1

    def update(self, place: Location) -> None:
        """The cursor moved without a jump: remember where, in the current entry."""
        if self.index < 0:
            self.visit(place)
        else:
            self.places[self.index] = place

    @property
    def can_go_back(self) -> bool:
        return self.index > 0

    @property
    def can_go_forward(self) -> bool:
        return self.index < len(self.places) - 1

    def back(self) -> Location | None:
        if not self.can_go_back:
            return None
        self.index -= 1
        return self.places[self.index]

    def forward(self) -> Location | None:
        if not self.can_go_forward:
            return None
        self.index += 1
        return self.places[self.index]


def parse_location(text: str, current_debate: str) -> Location:
    """`claim-id` in the current debate, or `debate-id:claim-id` (the motion when empty)."""
    text = text.strip()
    if ":" in text:
        debate_id, _, claim_id = text.partition(":")
        return debate_id.strip(), claim_id.strip() or MOTION_ID
    return current_debate, text or MOTION_ID


def close_ids(typed: str, ids: Sequence[str], limit: int = 5) -> list[str]:
    """Ids a reader may have meant: those containing what was typed, then near spellings.

    Only close ones: a cutoff of 0.6 keeps `cots` → `cost` and drops unrelated ids.
    """
    typed = typed.strip().lower()
    if not typed:
        return []
    containing = [i for i in ids if typed in i.lower()]
    similar = difflib.get_close_matches(typed, list(ids), n=limit, cutoff=0.6)
    found: list[str] = []
    for claim_id in [*sorted(containing, key=len), *similar]:
        if claim_id not in found:
            found.append(claim_id)
    return found[:limit]


def resolve_location(library: Library, text: str, current_debate: str) -> Location | str:
    """Where `g` should go for `text`, or why there is no such place (with close ids)."""
    debate_id, claim_id = parse_location(text, current_debate)
    entry = library.get(debate_id)
    if entry is None:
        names = [e.debate_id for e in library.entries if e.openable]
        close = close_ids(debate_id, names, 3)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        return f"No open debate is called '{debate_id}'.{hint}"
    if claim_id not in entry.graph.nodes:
        close = close_ids(claim_id, list(entry.graph.nodes))
        hint = f" Close ids: {', '.join(close)}." if close else " No id is close to it."
        return f"No claim '{claim_id}' in {debate_id}.{hint}"
    return debate_id, claim_id
