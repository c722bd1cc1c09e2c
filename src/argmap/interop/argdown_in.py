"""Read an Argdown document (https://argdown.org/syntax) into debate data.

What is read, following the syntax guide:

- front matter between `===` lines (YAML): `title`, `id`, `summary`, `tags` and `sources`
  are the debate's; other keys (settings for Argdown's own tools) are reported;
- top-level blocks separated by empty lines; in each, a statement (`[Title]: text`, a
  reference `[Title]`, or untitled text) or an argument (`<Title>: text`, `<Title>`);
- relations on indented lines below an element, nested by indentation: incoming `+` / `<+`
  (support), `-` / `<-` (attack), `_` / `<_` (undercut of the parent argument), outgoing
  `+>`, `->`, `_>`, and the contradiction `><` (an attack each way);
- lines without a relation symbol continue the text of the element above;
- `#tag` and `#(tag with spaces)` (as slugs), a trailing `{...}` data object (argmap's
  `kind`, `weight`, `note`, `sources`, `see`), `[words](url)` links (the URL becomes a
  source), `__bold__` / `*italic*` markers (removed), backslash escapes, and comments
  (`<!-- -->`, `/* */`, `//`).

The motion is the element `--motion TITLE` names, else the statement titled `motion`
(what `argmap export --format argdown` writes), else the element that keeps most of the
document (see `argdown_motion`). Claims nest breadth first from the motion along incoming
relations, every relation to the motion first (a cross-link cannot name the motion); other
relations become `also_supports` / `also_rebuts`. Titles that are slugs
become claim ids, other titles slugs of themselves; argmap's generated ids (`pro.1.r2`) are
left to the nesting that makes them again.

A premise–conclusion structure (`(1) ...`, `--` inference lines, `(n)` conclusion) is
read by `argdown_pcs`: its premises support its conclusion, and the argument it
reconstructs (the `<Title>` block just above it) stands for that conclusion.

Named in the loss report, never dropped silently: headings, lists, elements not connected
to the motion, relations argmap cannot hold, data keys and
front-matter keys argmap has no field for, a title defined twice with different text.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from typing import Any

import yaml

from argmap.interop import Imported, InteropError, Loss, LostItem, shorten_title
from argmap.interop.argdown_motion import choose_motion
from argmap.interop.argdown_pcs import INFERENCE_START, merge_arguments, read_pcs
from argmap.interop.argdown_pcs import RELATION as _RELATION
from argmap.interop.limits import EmbeddedYamlRefused, load_embedded_yaml
from argmap.interop.textscan import comment_spans, sub_emphasis, sub_links, sub_tags
from argmap.model import MOTION_ID, SLUG_RE

# Relation symbols, longest first so `<+` is not read as `<` text; what each means for
# (child, parent): who is the premise and what kind.
_SYMBOLS = {
    "<+": ("child", "supports"),
    "<-": ("child", "rebuts"),
    "<_": ("child", "undercuts"),
    "+>": ("parent", "supports"),
    "->": ("parent", "rebuts"),
    "_>": ("parent", "undercuts"),
    "><": ("both", "rebuts"),
    "+": ("child", "supports"),
    "-": ("child", "rebuts"),
    "_": ("child", "undercuts"),
}
_STATEMENT = re.compile(r"^\[((?:[^\]\\]|\\.)+)\](:?)\s*(.*)$", re.DOTALL)
_ARGUMENT = re.compile(r"^<((?:[^>\\]|\\.)+)>(:?)\s*(.*)$", re.DOTALL)
_HEADING = re.compile(r"^#{1,6}\s+(.*)$")
_PCS = re.compile(r"^\s*\(\d+\)(?:\s|$)")
_LIST = re.compile(r"^\s*(?:\*|\d+\.)\s")
_TAG = re.compile(r"(?<!\\)#(\([^)]*\)|[^\s#{}()\[\]<>]+)")
_TAG_WORD = re.compile(r"(?<!\\)#([^\s#{}()\[\]<>]+)")
_LINK = re.compile(r"(?<!\\)\[((?:[^\]\\]|\\.)*)\]\(([^()\s]+)\)")
# Emphasis: `**bold**`, `__bold__`, `*italic*`, `_italic_`, found by where a marker may
# open and close (see `textscan.sub_emphasis`, which pairs them in linear time).
_BOLD_OPEN = re.compile(r"(?<!\\)(?=(?:\*\*|__)\S)")
_BOLD_CLOSE = {m: re.compile(r"(?<=\S)(?<!\\)(?=" + re.escape(m) + ")") for m in ("**", "__")}
_ITALIC_OPEN = re.compile(r"(?:(?<=\s)|^)(?=[*_]\S)")
_ITALIC_CLOSE = {
    m: re.compile(r"(?<=\S)(?<!\\)(?=" + re.escape(m) + r"(?:\s|$|[.,;:!?)]))") for m in "*_"
}
_ESCAPE = re.compile(r"\\(.)")
_GENERATED_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*(\.(?:\d+|[rs]\d+))+$")
_NOT_BREAK = re.compile(r"[^\n]")
_DATA_FIELDS = ("kind", "weight", "note", "sources", "see")
_FRONT_FIELDS = ("title", "id", "summary", "tags", "sources")


@dataclass(slots=True)
class _Element:
    key: str  # "[title]", "<title>" or "#n" for untitled statements
    title: str | None
    line: int
    text: str = ""
    body: str = ""  # the first line of its first definition, to compare a second one with
    defined: bool = False  # a definition `[title]: text` was read
    skip: bool = False  # continuation lines belong to a second definition, left out
    extras: list[str] = field(default_factory=list)  # tags and data written on references
    # Tags and source ids in the order first met (dicts: a set that keeps order).
    tags: dict[str, None] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, None] = field(default_factory=dict)


@dataclass(slots=True)
class _Relation:
    premise: str
    target: str
    kind: str  # supports, rebuts, undercuts
    line: int
    seq: int
    nested: bool  # written as an incoming relation, so the premise is indented below
    inferred: bool = False  # a premise of a premise–conclusion structure


def _blank_comments(text: str) -> str:
    """Comments replaced by spaces, keeping every line break so line numbers stay right."""

    out: list[str] = []
    done = 0
    for start, end in comment_spans(text):
        out.append(text[done:start])
        out.append(_NOT_BREAK.sub(" ", text[start:end]))
        done = end
    out.append(text[done:])
    return "".join(out)


def _unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", text.lower()).strip("-_")


class _Reader:
    """One pass over the document's lines, collecting elements, relations and losses."""

    def __init__(self, text: str) -> None:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.lines = _blank_comments(text).split("\n")
        #: Lines holding something before comments were blanked: a line that is blank only
        #: once its comment is gone is not an empty line, and ends no block.
        self.written = [bool(line.strip()) for line in text.split("\n")]
        self.elements: dict[str, _Element] = {}
        self.relations: list[_Relation] = []
        self.losses: list[Loss] = []
        self.front: dict[str, Any] = {}
        self.headings: list[LostItem] = []
        self.sources: dict[str, dict[str, str]] = {}  # url -> source
        self.untitled = 0
        #: Later definitions of a title, with another text (left out).
        self.redefined: list[LostItem] = []
        #: Lines the Argdown grammar rejects, read as plain text.
        self.rejected: list[LostItem] = []
        #: The argument a block just read consists of (a premise–conclusion structure in
        #: the next block reconstructs it), else None.
        self.last_argument: str | None = None
        #: Reconstructed arguments: `<title>` -> (its main conclusion, the first premise
        #: of its last inference), filled by `argdown_pcs`.
        self.reconstructed: dict[str, tuple[str, str]] = {}
        #: Note lines for an element's claim (inference rules, the argument it concludes).
        self.notes: dict[str, list[str]] = {}

    # -- the document ------------------------------------------------------------------

    def read(self) -> None:
        start = self._front_matter()
        block: list[tuple[int, str]] = []
        for number in range(start, len(self.lines)):
            line = self.lines[number]
            if line.strip():
                block.append((number + 1, line))
            elif self.written[number]:
                continue  # a comment alone on its line (or lines) changes no structure
            elif block:
                self._block(block)
                block = []
        if block:
            self._block(block)
        if self.redefined:
            count = len(self.redefined)
            self.losses.append(
                Loss(
                    f"{count} later definition{'s' * (count != 1)} of a title with another "
                    "text left out (a title keeps its first text)",
                    items=tuple(self.redefined),
                )
            )
        if self.rejected:
            count = len(self.rejected)
            self.losses.append(
                Loss(
                    f"this does not look like valid Argdown: {count} line{'s' * (count != 1)} "
                    "the Argdown grammar rejects (an unclosed `[title` or `<title`, a relation "
                    "with no element above it) were read as plain text; check the file with "
                    "Argdown's own tools",
                    items=tuple(self.rejected),
                )
            )
        if self.headings:
            self.losses.append(
                Loss(
                    "headings (Argdown's groups) have no place in argmap; left out: "
                    f"{len(self.headings)}",
                    items=tuple(self.headings),
                )
            )

    def _front_matter(self) -> int:
        index = 0
        while index < len(self.lines) and not self.lines[index].strip():
            index += 1
        if index >= len(self.lines) or self.lines[index].strip() != "===":
            return 0
        for end in range(index + 1, len(self.lines)):
            if self.lines[end].strip() == "===":
                body = "\n".join(self.lines[index + 1 : end])
                try:
                    front = load_embedded_yaml(body) if body.strip() else {}
                except EmbeddedYamlRefused as exc:
                    raise InteropError(f"the front matter: {exc}", index + 1) from None
                except yaml.YAMLError as exc:
                    mark = getattr(exc, "problem_mark", None)
                    line = index + 2 + mark.line if mark is not None else index + 1
                    raise InteropError(f"the front matter is not valid YAML: {exc}", line) from None
                if not isinstance(front, dict):
                    raise InteropError("the front matter must be a YAML mapping", index + 1)
                self.front = front
                other = [str(k) for k in front if k not in _FRONT_FIELDS]
                if other:
                    self.losses.append(
                        Loss(
                            "front-matter settings argmap has no use for left out: "
                            + ", ".join(other),
                            index + 1,
                        )
                    )
                return end + 1
        raise InteropError("the front matter opened with `===` is never closed", index + 1)

    def _block(self, block: list[tuple[int, str]]) -> None:
        argument, self.last_argument = self.last_argument, None
        # A heading ends at its line; the rest is a block of its own.
        skip = 0
        while skip < len(block):
            number, first = block[skip]
            heading = _HEADING.match(first.strip())
            if heading is None:
                break
            self.headings.append(LostItem(f"line {number}", heading.group(1).strip()))
            skip += 1
        if skip:
            if skip == len(block):
                return
            block = block[skip:]
        number, first = block[0]
        if _PCS.match(first):
            read_pcs(self, block, argument if not skip else None)
            return
        start = next((i for i, (_n, line) in enumerate(block) if i and _PCS.match(line)), 0)
        if start and any(INFERENCE_START.match(line) for _, line in block[start:]):
            # Argdown wants an empty line between an argument and its structure; read
            # what the writer meant, and say so.
            self.losses.append(
                Loss(
                    "this does not look like valid Argdown: a premise–conclusion structure "
                    "with no empty line above it was read as the structure of what is above",
                    block[start][0],
                )
            )
            self._block(block[:start])
            read_pcs(self, block[start:], self.last_argument)
            self.last_argument = None
            return
        if any(line.strip() in {"--", "----"} for _, line in block):
            self.losses.append(
                Loss(
                    "inference lines (`--`) outside a premise–conclusion structure (which "
                    "starts with a numbered premise, `(1) ...`); the block was left out",
                    number,
                    tuple(LostItem(f"line {n}", line.strip()) for n, line in block),
                )
            )
            return
        if _LIST.match(first):
            self.losses.append(
                Loss(
                    "a list has no place in argmap; left out",
                    number,
                    tuple(LostItem(f"line {n}", line.strip()) for n, line in block),
                )
            )
            return
        # (indentation, element key) of the open elements, innermost last.
        stack: list[tuple[int, str]] = []
        current: _Element | None = None
        for number, line in block:
            relation = _RELATION.match(line) if stack else None
            if relation is None:
                if current is None:
                    if _RELATION.match(line):  # a relation to nothing: no element above it
                        self.rejected.append(LostItem(f"line {number}", line.strip()))
                    current = self._element(line.strip(), number)
                    stack.append((len(line) - len(line.lstrip()), current.key))
                    if current.key.startswith("<") and len(stack) == 1:
                        self.last_argument = current.key
                else:
                    self._append(current, line.strip())
                continue
            current = self.relation_line(stack, relation, number)

    def relation_line(
        self, stack: list[tuple[int, str]], relation: re.Match[str], number: int
    ) -> _Element:
        """The element a relation line (a `_RELATION` match) names, related to the open
        element it is indented under; `stack` holds (indentation, key), innermost last."""
        indent = len(relation.group(1))
        while len(stack) > 1 and stack[-1][0] >= indent:
            stack.pop()
        parent = stack[-1][1]
        current = self._element(relation.group(3).strip(), number)
        stack.append((indent, current.key))
        who, kind = _SYMBOLS[relation.group(2)]
        if who in {"child", "both"}:
            self._relate(current.key, parent, kind, number, nested=True)
        if who in {"parent", "both"}:
            self._relate(parent, current.key, kind, number, nested=False)
        return current

    # -- elements ----------------------------------------------------------------------

    def _element(self, text: str, line: int) -> _Element:
        for pattern, open_, close in ((_STATEMENT, "[", "]"), (_ARGUMENT, "<", ">")):
            match = pattern.match(text)
            if match:
                title = _unescape(match.group(1)).strip()
                key = f"{open_}{title}{close}"
                element = self.elements.get(key)
                if element is None:
                    element = _Element(key, title, line)
                    self.elements[key] = element
                body = match.group(3)
                if match.group(2) and body:
                    self._define(element, body, line)
                elif body:
                    self._annotate(element, body)
                else:
                    element.skip = element.defined
                return element
        if text.startswith(("[", "<")):  # a title that is never closed
            self.rejected.append(LostItem(f"line {line}", text))
        self.untitled += 1
        element = _Element(f"(untitled, line {line})", None, line)
        self.elements[element.key] = element
        self._define(element, text, line)
        return element

    def _define(self, element: _Element, body: str, line: int) -> None:
        if element.defined:
            # The same text again loses nothing; another text is one item of one note.
            if " ".join(body.split()) != " ".join(element.body.split()):
                self.redefined.append(LostItem(f"{element.key} at line {line}", body))
            element.skip = True
            return
        element.defined, element.skip, element.text = True, False, body
        element.body = body

    def _annotate(self, element: _Element, body: str) -> None:
        # A reference may carry tags and data of its own: `[title] #tag {data}`.
        element.extras.append(body)
        element.skip = True

    def _append(self, element: _Element, line: str) -> None:
        if not element.skip:
            element.text = f"{element.text} {line}" if element.text else line

    def _relate(self, premise: str, target: str, kind: str, line: int, nested: bool) -> None:
        self.relations.append(_Relation(premise, target, kind, line, len(self.relations), nested))

    # -- text --------------------------------------------------------------------------

    def clean(self, element: _Element) -> None:
        """Split an element's raw text into text, tags, data and link sources."""
        pieces: list[str] = []
        for index, part in enumerate([element.text, *element.extras]):
            text, tags, data = self._split_extras(part, element)
            if index == 0:
                pieces.append(text)
            elif text:
                self.losses.append(
                    Loss(f"text after the reference {element.key} left out: {text!r}", element.line)
                )
            element.tags.update(dict.fromkeys(tags))
            element.data.update(data)
        text = pieces[0]
        text = sub_links(text, _LINK, lambda m: self._link(m, element))
        text = sub_emphasis(text, _BOLD_OPEN, _BOLD_CLOSE, 2)
        text = sub_emphasis(text, _ITALIC_OPEN, _ITALIC_CLOSE, 1)
        element.text = _unescape(" ".join(text.split()))

    def _split_extras(self, text: str, element: _Element) -> tuple[str, list[str], dict[str, Any]]:
        data: dict[str, Any] = {}
        brace = re.search(r"(?<!\\)\{", text)
        if brace and text.rstrip().endswith("}"):
            try:
                loaded = load_embedded_yaml(text[brace.start() :])
            except yaml.YAMLError:  # a syntax error, or what argmap will not read: text
                loaded = None
            if isinstance(loaded, dict):
                data = loaded
                text = text[: brace.start()]
        tags: list[str] = []

        def tag(match: re.Match[str]) -> str:
            name = match.group(1)
            name = name[1:-1] if name.startswith("(") else name
            slug = name if SLUG_RE.match(name) else _slug(name)
            if slug:
                tags.append(slug)
            if slug != name:
                self.losses.append(
                    Loss(
                        f"tag #{name} on {element.key} became the slug {slug or '(nothing)'}",
                        element.line,
                    )
                )
            return ""

        text = sub_tags(text, _TAG, _TAG_WORD, tag)
        return text.strip(), tags, data

    def _link(self, match: re.Match[str], element: _Element) -> str:
        words, url = _unescape(match.group(1)), match.group(2)
        source = self.sources.get(url)
        if source is None:
            source = {"id": f"link-{len(self.sources) + 1}", "title": words or url, "url": url}
            self.sources[url] = source
        element.sources[source["id"]] = None
        return match.group(1)


def parse_argdown(text: str, motion: str | None = None) -> Imported:
    """An Argdown document as debate data; InteropError when it holds no statement.

    `motion` is the title of the statement (or argument) to make the motion.
    """
    reader = _Reader(text.removeprefix("\ufeff"))
    reader.read()
    if not reader.elements:
        raise InteropError("this Argdown document holds no statement or argument")
    for element in reader.elements.values():
        reader.clean(element)
    merge_arguments(reader)
    motion_key = choose_motion(reader, motion)
    return _build(reader, motion_key)


def _ids(reader: _Reader, motion: str) -> dict[str, str | None]:
    """Each element's claim id: its title when a slug, a slug of it, or None (generated)."""
    taken = {MOTION_ID}
    ids: dict[str, str | None] = {}
    suffix: dict[str, int] = {}
    for key, element in reader.elements.items():
        if key == motion:
            continue
        title = element.title
        if title is not None and SLUG_RE.match(title) and title not in taken:
            ids[key] = title
        elif title is not None and _GENERATED_ID.match(title):
            ids[key] = None
        else:
            base = _slug(title) if title else ""
            base = base if base and SLUG_RE.match(base) else f"ad-{element.line}"
            # Counting on from the last number a base was given keeps thousands of
            # titles with one slug linear.
            candidate, n = base, suffix.get(base, 1)
            while candidate in taken:
                n += 1
                candidate = f"{base}-{n}"
            suffix[base] = n
            ids[key] = candidate
        if ids[key] is not None:
            taken.add(str(ids[key]))
    return ids


def _claim(element: _Element, claim_id: str | None, reader: _Reader) -> dict[str, Any]:
    text = element.text or "(no text in the Argdown document)"
    if not element.text:
        reader.losses.append(Loss(f"{element.key} has no text; wrote a placeholder", element.line))
    claim: dict[str, Any] = {"text": text}
    if claim_id is not None:
        claim["id"] = claim_id
    for key in _DATA_FIELDS:
        if key in element.data:
            claim[key] = element.data[key]
    notes = reader.notes.get(element.key)
    if notes:
        claim["note"] = "\n".join([*notes, str(claim["note"])] if "note" in claim else notes)
    if element.sources:
        claim["sources"] = [*claim.get("sources", []), *element.sources]
    if element.tags:
        claim["tags"] = list(element.tags)
    other = [str(k) for k in element.data if k not in _DATA_FIELDS]
    if other:
        reader.losses.append(
            Loss(
                f"data argmap has no field for on {element.key} left out: {', '.join(other)}",
                element.line,
            )
        )
    return claim


def _build(reader: _Reader, motion: str) -> Imported:
    elements, relations, losses = reader.elements, reader.relations, reader.losses
    ids = _ids(reader, motion)
    incoming: dict[str, list[_Relation]] = {}
    for relation in relations:
        incoming.setdefault(relation.target, []).append(relation)
    claims: dict[str, dict[str, Any]] = {}
    pro: list[dict[str, Any]] = []
    con: list[dict[str, Any]] = []
    placed = {motion}
    used: set[int] = set()
    parent_of: dict[str, tuple[str, str]] = {}  # element -> (parent, kind) in the nesting
    order = [motion]  # placed elements, in the order they were placed
    linked: set[tuple[str, str, str]] = set()  # cross-links made: (premise, key, target id)
    outside: list[LostItem] = []  # relations with an end not connected to the motion
    pro_side: dict[str, bool] = {}  # placed element -> whether it argues for the motion
    across: list[LostItem] = []  # support cross-links between the two sides

    def place(relation: _Relation, current: str) -> None:
        premise = relation.premise
        placed.add(premise)
        used.add(relation.seq)
        parent_of[premise] = (current, relation.kind)
        backs = relation.kind == "supports"
        pro_side[premise] = backs if current == motion else pro_side[current] == backs
        order.append(premise)
        queue.append(premise)
        claim = _claim(elements[premise], ids[premise], reader)
        claims[premise] = claim
        if relation.kind == "undercuts":
            claim["undercut"] = True
        if current == motion:
            (pro if relation.kind == "supports" else con).append(claim)
        else:
            key = "support" if relation.kind == "supports" else "rebuttals"
            claims[current].setdefault(key, []).append(claim)

    # First every relation to the motion (a cross-link cannot name it, so nesting is the
    # only way to hold one), then along the indentation (incoming relations, the premise
    # written below its target), then along every other relation for what that left out.
    queue: deque[str] = deque([motion])
    for nested_only in (True, False):
        if not nested_only:
            queue = deque(order)
        while queue:
            current = queue.popleft()
            for relation in incoming.get(current, []):
                if relation.premise in placed or (
                    nested_only and not relation.nested and current != motion
                ):
                    continue
                if relation.kind == "undercuts" and current == motion:
                    continue  # the motion has no inference to undercut; reported below
                place(relation, current)
    for relation in relations:
        if relation.seq in used:
            continue
        premise, target = relation.premise, relation.target
        what = f"{premise} {relation.kind} {target} (line {relation.line})"
        if relation.kind == "undercuts" and target == motion:
            losses.append(
                Loss(
                    f"{what} has no place in argmap (the motion has no inference to "
                    "undercut, and an undercut is not an attack on the motion); dropped",
                    relation.line,
                )
            )
            continue
        if premise not in placed or target not in placed:
            outside.append(LostItem(f"line {relation.line}", f"{premise} {relation.kind} {target}"))
            continue
        if premise == target:
            losses.append(Loss(f"{what}: an element relates to itself; dropped", relation.line))
            continue
        if relation.nested and parent_of.get(premise) == (target, relation.kind):
            continue  # the indentation states the nesting twice
        if motion in (premise, target):
            why = (
                "the motion answers no claim, and a cross-link cannot name it"
                if premise == motion
                else f"{premise} already answers the motion, and a cross-link cannot name it"
            )
            losses.append(Loss(f"{what} has no place in argmap ({why}); dropped", relation.line))
            continue
        target_id = ids[target]
        if target_id is None:
            target_id = f"ad-{len(ids)}"
            ids[target] = target_id
            claims[target]["id"] = target_id
        kind = relation.kind
        if kind == "undercuts":
            losses.append(
                Loss(
                    f"{what}: an undercut of an argument placed elsewhere became a rebuttal "
                    "cross-link (argmap undercuts only the claim a rebuttal is nested under)",
                    relation.line,
                )
            )
            kind = "rebuts"
        if kind == "supports" and pro_side[premise] != pro_side[target]:
            across.append(LostItem(f"line {relation.line}", f"{premise} supports {target}"))
            continue
        key = "also_supports" if kind == "supports" else "also_rebuts"
        if (premise, key, target_id) not in linked:
            linked.add((premise, key, target_id))
            claims[premise].setdefault(key, []).append(target_id)
    unplaced = [k for k in elements if k not in placed]
    if unplaced:
        losses.append(
            Loss(
                f"{len(unplaced)} element{'s' * (len(unplaced) != 1)} not connected to the "
                "motion by incoming relations left out",
                items=tuple(LostItem(k, elements[k].text) for k in unplaced),
            )
        )
    if across:
        losses.append(
            Loss(
                f"{len(across)} support{'s' * (len(across) != 1)} of a claim on the other side "
                "of the motion left out (argmap refuses support across sides; each claim "
                "keeps its place in the tree)",
                items=tuple(across),
            )
        )
    if outside:
        losses.append(
            Loss(
                f"{len(outside)} relation{'s' * (len(outside) != 1)} to or from an element outside "
                "the debate left out (that element supports or attacks nothing that leads to "
                "the motion, and argmap holds a claim only where it answers one)",
                items=tuple(outside),
            )
        )
    motion_element = elements[motion]
    if motion_element.tags or motion_element.data or reader.notes.get(motion):
        losses.append(
            Loss(
                f"tags, data and notes (inference rules) of the motion {motion} have no place "
                "in argmap; left out"
            )
        )
    front = reader.front
    motion_text = motion_element.text or "(no text in the Argdown document)"
    data: dict[str, Any] = {"version": 1}
    if isinstance(front.get("id"), str):
        data["id"] = front["id"]
    data["title"] = str(front.get("title") or shorten_title(motion_text))
    data["motion"] = motion_text
    if front.get("summary") is not None:
        data["summary"] = str(front["summary"])
    if isinstance(front.get("tags"), list):
        data["tags"] = front["tags"]
    sources = list(front["sources"]) if isinstance(front.get("sources"), list) else []
    cited = {s for key in placed if key != motion for s in elements[key].sources}
    sources.extend(s for s in reader.sources.values() if s["id"] in cited)
    if sources:
        data["sources"] = sources
    data["pro"] = pro
    data["con"] = con
    return Imported(data, losses)
