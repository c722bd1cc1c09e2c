"""Read Kialo's plain-text discussion export into debate data.

Two layouts are accepted. The classic one::

    Discussion Title: Should X?

    1. X should happen.
    1.1. Pro: A reason for it.
    1.1.1. Con: An answer to that reason,
    continued on a second line.
    1.2. Con: -> See 1.1.1.

and the newer one, which puts the stance alone on a line with the text below it,
indents by depth, writes the thesis as `1. Thesis:` and ends with a `Sources:` section of
numbered footnotes (`[3] https://...`) that claims cite as `[3]`.

The thesis becomes the motion. A claim's parent is its number without the last part;
children of the thesis go to `pro` or `con` by stance, deeper Pros become `support` and
deeper Cons `rebuttals`. A `-> See 1.4.2.` line is Kialo's link to a claim shown in a
second place: claim 1.4.2 gets a cross-link (`also_supports` for a Pro link,
`also_rebuts` for a Con) to the link's parent. Claims get ids `k-1-2-3`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from argmap.interop import Imported, InteropError, Loss, LostItem, shorten_title
from argmap.interop.textscan import sub_links

_CLAIM = re.compile(r"^\s*((?:\d+\.)+)(?:\s+(Pro|Con|Thesis):)?(?:\s+(.*))?$")
_HEADER = re.compile(r"^\s*Discussion (?:Title|Name):\s*(.*)$")
_LINK = re.compile(r"^->\s*See\s+((?:\d+\.)*\d+)\.?\s*$", re.IGNORECASE)
# Any other `-> See ...`: a link to another discussion (`-> See discussion #8515: Title`).
_OUTSIDE_LINK = re.compile(r"^->\s*See\b\s*(.*)$", re.IGNORECASE | re.DOTALL)
_SOURCE = re.compile(r"^\s*\[(\d+)\]\s+(\S+)\s*(.*)$")
# A markdown link; its text may hold escaped brackets, its URL balanced parentheses.
_MD_LINK = re.compile(
    r"(!?)(?<!\\)\[((?:[^\]\\]|\\.)*)\]\(((?:[^()\s]|\([^()\s]*\))+)(?:\s+\"[^\"]*\")?\)"
)
_FOOTNOTE = re.compile(r"\s?\[(\d+)\]")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~:])")
_PLACEHOLDER = "(no text in the Kialo export)"


@dataclass(slots=True)
class _Entry:
    number: str  # "1.2.3"
    stance: str | None  # "Pro", "Con", "Thesis" or None
    line: int
    lines: list[str] = field(default_factory=list)

    @property
    def parent(self) -> str:
        return self.number.rpartition(".")[0]

    @property
    def raw_text(self) -> str:
        return "\n".join(self.lines).strip()


def claim_id(number: str) -> str:
    """The argmap id of Kialo claim `1.2.3`: `k-1-2-3`."""
    return "k-" + number.replace(".", "-")


def _unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)


@dataclass(slots=True)
class _Sources:
    """Sources found so far: footnotes from the `Sources:` section and linked URLs."""

    footnotes: dict[str, dict[str, Any]] = field(default_factory=dict)
    by_url: dict[str, dict[str, Any]] = field(default_factory=dict)
    ordered: list[dict[str, Any]] = field(default_factory=list)
    used: set[str] = field(default_factory=set)

    def for_url(self, url: str, title: str) -> str:
        source = self.by_url.get(url)
        if source is None:
            source = {"id": f"link-{len(self.by_url) + 1}", "title": title or _host(url)}
            source["url"] = url
            self.by_url[url] = source
            self.ordered.append(source)
        self.used.add(source["id"])
        return str(source["id"])


def _host(url: str) -> str:
    host = urlparse(url).netloc
    return host or url


def _split(text: str) -> tuple[str | None, list[_Entry], list[tuple[int, str]]]:
    """The discussion title, the claim entries and the lines of the Sources section."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title: str | None = None
    entries: list[_Entry] = []
    source_lines: list[tuple[int, str]] = []
    index = 0
    # The header, when there is one, comes before the first claim.
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index < len(lines):
        match = _HEADER.match(lines[index])
        if match:
            title = match.group(1).strip()
            index += 1
            if not title:  # newer layout: the title on the next line
                while index < len(lines) and not lines[index].strip():
                    index += 1
                if index < len(lines):
                    title = lines[index].strip()
                    index += 1
    in_sources = False
    for number, line in enumerate(lines[index:], start=index + 1):
        match = _CLAIM.match(line)
        if in_sources:
            # A claim line ends the Sources section: some files go on after it.
            if not (match and match.group(2)):
                source_lines.append((number, line))
                continue
            in_sources = False
        stripped = line.strip()
        if stripped == "Sources:" and entries:
            in_sources = True
            continue
        if match:
            dotted, stance, body = match.groups()
            if not stance and entries:
                if dotted.count(".") > 1:
                    raise InteropError(
                        f"claim {dotted} has no stance; Kialo writes `{dotted} Pro:` or `Con:`",
                        number,
                    )
                if not _starts_thesis(match, entries[-1]):
                    # An item of a numbered list in the claim above: a line of its text.
                    entries[-1].lines.append(stripped)
                    continue
                # `2. text`: a second thesis, not a line of the claim above it.
            entry = _Entry(dotted.rstrip("."), stance, number)
            if body:
                entry.lines.append(body)
            entries.append(entry)
        elif stripped:
            if not entries:
                raise InteropError(
                    "this is not a Kialo export: expected `Discussion Title: ...` and then "
                    f"the thesis as `1. text`, found {stripped[:60]!r}",
                    number,
                )
            entries[-1].lines.append(stripped)
        elif entries:
            entries[-1].lines.append("")
    return title, entries, source_lines


def _starts_thesis(match: re.Match[str], previous: _Entry) -> bool:
    """Whether `N. text` (one number, no stance) starts another thesis.

    Kialo numbers every claim below the thesis with its full path and a stance, so a bare
    `N.` is either a thesis of its own or an item of a numbered list inside the claim above
    (`1. first`, `2. second` on its continuation lines). A list starts at 1 and counts up.
    """
    digits = match.group(1).rstrip(".")
    if len(digits) > 9:  # no list is that long (and int() refuses thousands of digits)
        return True
    number = int(digits)
    if number == 1:
        return False
    # The last non-empty continuation line, found from the end without copying the list,
    # so a long numbered list stays linear.
    lines = previous.lines
    index = len(lines) - 1
    while index >= 1 and not lines[index].strip():
        index -= 1
    if index < 1:
        return True
    item = f"{number - 1}."
    last = lines[index]
    return not (last.startswith(item) and last[len(item) : len(item) + 1].isspace())


def _read_sources(
    source_lines: list[tuple[int, str]], sources: _Sources, losses: list[Loss]
) -> None:
    current: dict[str, Any] | None = None
    quote: list[str] = []

    def finish() -> None:
        if current is not None and "\n".join(quote).strip():
            current["note"] = "\n".join(quote).strip()

    for line_number, line in source_lines:
        match = _SOURCE.match(line)
        if match:
            finish()
            footnote, url, rest = match.groups()
            current = {"id": f"src-{footnote}", "title": rest.strip() or _host(url), "url": url}
            quote = []
            sources.footnotes[footnote] = current
            sources.by_url.setdefault(url, current)
            sources.ordered.append(current)
        elif current is not None:
            quote.append(line.rstrip())
        elif line.strip():
            losses.append(
                Loss(
                    "a line in the Sources section before any footnote `[N] url` has no "
                    f"place in argmap; left out: {line.strip()!r}",
                    line_number,
                )
            )
    finish()


def _clean_text(
    entry: _Entry, sources: _Sources, losses: list[Loss], raw: str | None = None
) -> tuple[str, list[str]]:
    """Claim text with links reduced to their words and footnotes removed; its sources.

    `raw` is the entry's `raw_text` when the caller has it already.
    """
    if raw is None:
        raw = entry.raw_text
    # Most claims hold no link, footnote or escape: their text is the raw text as it is.
    if "[" not in raw and "\\" not in raw:
        return raw, []
    cited: list[str] = []

    def link(match: re.Match[str]) -> str:
        image, words, url = match.group(1), _unescape(match.group(2)), match.group(3)
        if image:
            losses.append(
                Loss(
                    f"claim {claim_id(entry.number)}: image {url} kept as its "
                    "description and a source",
                    entry.line,
                )
            )
        cited.append(sources.for_url(url, words))
        return words

    text = sub_links(raw, _MD_LINK, link, image=True) if "](" in raw else raw

    def footnote(match: re.Match[str]) -> str:
        source = sources.footnotes.get(match.group(1))
        if source is None:
            return match.group(0)
        sources.used.add(source["id"])
        cited.append(str(source["id"]))
        return ""

    if sources.footnotes and "[" in text:
        text = _FOOTNOTE.sub(footnote, text)
    text = _unescape(text).strip()
    return text, list(dict.fromkeys(cited))


def parse_kialo(text: str) -> Imported:
    """Kialo export text as debate data; InteropError when it is not a Kialo export."""
    title, entries, source_lines = _split(text.removeprefix("\ufeff"))
    if not entries:
        raise InteropError(
            "this is not a Kialo export: no thesis line `1. text` found", 1 if text else None
        )
    thesis = entries[0]
    if thesis.number != "1":
        raise InteropError(
            f"this is not a Kialo export: the first claim is numbered {thesis.number}. "
            "where the thesis `1.` was expected",
            thesis.line,
        )
    losses: list[Loss] = []
    sources = _Sources()
    _read_sources(source_lines, sources, losses)
    motion, motion_sources = _clean_text(thesis, sources, losses)
    if motion_sources:
        losses.append(
            Loss(
                "the thesis cites sources, which a motion cannot carry: "
                + ", ".join(motion_sources),
                thesis.line,
            )
        )
    if not motion:
        raise InteropError("the thesis `1.` has no text", thesis.line)

    claims: dict[str, dict[str, Any]] = {}
    stance_of: dict[str, str] = {}
    link_numbers: dict[str, str] = {}  # link entry number -> linked claim number
    link_entries: list[tuple[_Entry, str]] = []
    data: dict[str, Any] = {"version": 1, "title": title or shorten_title(motion), "motion": motion}
    pro: list[dict[str, Any]] = []
    con: list[dict[str, Any]] = []
    seen = {"1"}
    # Entries left out, each under the entry that caused it (another thesis, an outside link).
    left_out: dict[str, list[_Entry]] = {}
    cause_of: dict[str, str] = {}
    # Claims to nest, in file order: (number, parent number, stance, line, claim).
    placed: list[tuple[str, str, str, int, dict[str, Any]]] = []
    # First pass: every claim and link, so links and children may refer forward.
    for entry in entries[1:]:
        number = entry.number
        if number in seen:
            raise InteropError(f"claim {number}. appears twice", entry.line)
        seen.add(number)
        root = number.partition(".")[0]
        parent = number.rpartition(".")[0]
        if root != "1" or parent in cause_of:
            cause = cause_of.get(parent, root if root != "1" else number)
            cause_of[number] = cause
            left_out.setdefault(cause, []).append(entry)
            continue
        if entry.stance == "Thesis":
            raise InteropError(
                "this discussion has several theses; argmap imports single-thesis "
                "discussions (export each thesis as its own discussion)",
                entry.line,
            )
        stance = stance_of[number] = entry.stance or "Pro"
        raw = entry.raw_text
        if raw.startswith("->"):  # both kinds of link start so
            link = _LINK.match(raw)
            if link:
                link_numbers[number] = link.group(1)
                link_entries.append((entry, link.group(1)))
                continue
            if _OUTSIDE_LINK.match(raw):
                cause_of[number] = number
                left_out[number] = [entry]
                continue
        text, cited = _clean_text(entry, sources, losses, raw)
        if not text:
            losses.append(
                Loss(f"claim {claim_id(number)} has no text; wrote a placeholder", entry.line)
            )
            text = _PLACEHOLDER
        claim: dict[str, Any] = {"text": text, "id": "k-" + number.replace(".", "-")}
        if cited:
            claim["sources"] = cited
        claims[number] = claim
        placed.append((number, parent, stance, entry.line, claim))

    resolved: dict[str, str] = {}

    def through_links(number: str) -> str:
        """The claim a number stands for, following links (which may chain or loop).

        Every number on the way is remembered with the claim it leads to, so a chain of
        links is walked once however many links point into it.
        """
        path: list[str] = []
        on_path: set[str] = set()
        while number in link_numbers and number not in resolved and number not in on_path:
            path.append(number)
            on_path.add(number)
            number = link_numbers[number]
        end = resolved.get(number, number)
        for step in path:
            resolved[step] = end
        return end

    # Second pass: nest each claim under its parent, in file order.
    argues_pro: dict[str, bool] = {}  # a support argues its parent's side, a rebuttal the other
    for number, written_parent, stance, line, claim in placed:
        parent = written_parent
        if parent in link_numbers:
            # Kialo shows a linked claim's answers with the original; put them there.
            parent = through_links(parent)
            losses.append(
                Loss(
                    f"claim {number}. sits under the link {written_parent}.; it was "
                    f"placed under the linked claim {claim_id(parent)}",
                    line,
                )
            )
        if parent == "1":
            (pro if stance == "Pro" else con).append(claim)
            argues_pro[number] = stance == "Pro"
        elif parent in claims:
            key = "support" if stance == "Pro" else "rebuttals"
            claims[parent].setdefault(key, []).append(claim)
            argues_pro[number] = argues_pro.get(parent, True) == (stance == "Pro")
        else:
            raise InteropError(f"claim {number}. has no parent claim {parent}. in the file", line)
    linked: set[tuple[str, str, str]] = set()  # cross-links made: (claim, key, target)
    for entry, raw_target in link_entries:
        parent = through_links(entry.parent)
        target = through_links(raw_target)
        what = f"link {entry.number}. (-> See {raw_target}.)"
        if target not in claims:
            losses.append(
                Loss(f"{what} points to a claim the file does not contain; dropped", entry.line)
            )
            continue
        if parent == "1":
            losses.append(
                Loss(
                    f"{what} repeats {claim_id(target)} under the thesis; argmap cannot "
                    "cross-link to the motion, so only its original place is kept",
                    entry.line,
                )
            )
            continue
        if parent not in claims:
            losses.append(Loss(f"{what} sits under a missing claim {parent}.; dropped", entry.line))
            continue
        if parent == target:
            losses.append(Loss(f"{what} links a claim under itself; dropped", entry.line))
            continue
        key = "also_supports" if stance_of[entry.number] == "Pro" else "also_rebuts"
        if key == "also_supports" and argues_pro.get(target) != argues_pro.get(parent):
            losses.append(
                Loss(
                    f"{what} supports {claim_id(parent)} from the other side of the thesis; "
                    "argmap refuses support across sides, so only its original place is kept",
                    entry.line,
                )
            )
            continue
        if (target, key, parent) not in linked:  # a set: thousands of links stay linear
            linked.add((target, key, parent))
            claims[target].setdefault(key, []).append(claim_id(parent))
    losses.extend(_left_out_losses(left_out))
    unused = [s for s in sources.ordered if s["id"] in sources.used]
    skipped = [s["id"] for s in sources.ordered if s["id"] not in sources.used]
    if skipped:
        losses.append(Loss("sources no claim cites were left out: " + ", ".join(skipped), None))
    if unused:
        data["sources"] = unused
    data["pro"] = pro
    data["con"] = con
    return Imported(data, losses)


def _left_out_losses(left_out: dict[str, list[_Entry]]) -> list[Loss]:
    """One note per other thesis or outside link, naming every entry left out with it."""
    losses: list[Loss] = []
    for cause, group in left_out.items():
        head = group[0]
        items = tuple(LostItem(e.number, e.raw_text) for e in group)
        below = len(group) - 1
        rest = f"; the {below} claim{'s' * (below != 1)} below it left out too" if below else ""
        if "." not in cause:
            message = (
                f"the discussion has another thesis {cause}., left out{rest} (argmap imports "
                "one thesis per discussion: split the file to import it)"
            )
        else:
            outside = _OUTSIDE_LINK.match(head.raw_text)
            target = " ".join(outside.group(1).split()) if outside else head.raw_text
            message = (
                f"claim {cause}. links to another Kialo discussion (See {target}), which "
                f"argmap cannot follow; no claim was made for it{rest}"
            )
        losses.append(Loss(message, head.line, items))
    return losses
