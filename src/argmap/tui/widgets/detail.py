"""The detail panel: one claim in full, and the claims linked to it, each followable."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from argmap.ballots.cache import TALLIES
from argmap.bars import balance_bar, strength_bar
from argmap.model import MOTION_ID
from argmap.tui.class_split import Latest, class_histogram
from argmap.tui.model import ClaimLink, DebateEntry, Library, claim_links
from argmap.tui.widgets.labels import (
    SIDE_NAME,
    STATUS_STYLE,
    link_lines,
    safe,
    safe_block,
    side_mark,
    side_style,
    status_mark,
)
from argmap.tui.widgets.search_marks import mark_claim_text
from argmap.tui.widgets.steady import update_steady

MAX_LINKS_PER_GROUP = 20

GROUP_TITLES = {
    "answers": "It answers",
    "rebutted by": "Rebutted by",
    "supported by": "Supported by",
    "see also": "See also (other debates)",
}


#: What a URI may hold as written (RFC 3986 reserved and unreserved characters, and `%`).
_URI_CHARACTERS = ":/?#[]@!$&'()*+,;=%~-._"


def source_link(url: str) -> Text:
    """A source's address, underlined and clickable where the terminal allows.

    The style is built as an object: an address is file text, and a space or a bracket in
    it would break (or inject into) a style string such as `"underline link URL"`.
    """
    # Only a printable address becomes a terminal link (its bytes go into an OSC 8
    # sequence); spaces and other characters a URI cannot hold are percent-encoded.
    target = quote(url, safe=_URI_CHARACTERS) if url.isprintable() else None
    return Text(safe(url), style=Style(underline=True, link=target))


def describe_claim(entry: DebateEntry, claim_id: str) -> Text:
    """Everything about a claim except its links, as text.

    Sections come in a fixed order (heading, text, status and reason, then the claim's
    fields); a later section appends here without touching the rows of the map.
    """
    graph = entry.graph
    node = graph.nodes[claim_id]
    label = entry.label(claim_id)
    out = Text()
    out.append_text(side_mark(node.side))
    if node.side is None:
        out.append(" MOTION", style="bold")
    else:
        out.append(f" {SIDE_NAME[node.side].upper()}", style=side_style(node.side))
        out.append(f" · {node.kind.value}")
        if node.relation is not None and node.parent is not None and node.parent != MOTION_ID:
            out.append(f" · {node.relation.value} {safe(node.parent)}")
    out.append(f" · {safe(claim_id)}\n", style="dim")
    out.append(safe_block(node.text) + "\n\n", style="bold")
    value = entry.strength(claim_id)
    at_once = entry.at_once
    if node.is_motion:
        # The verdict first, then what moves it; the strict reading of the labels last,
        # in place of the motion's label.
        headline = entry.headline() if at_once else entry.known_headline()
        if headline is None:
            out.append(f"{entry.weighing.verdict.phrase}\n", style="bold")
            out.append(f"con {balance_bar(value, 11)} pro\n", style="bold")
            out.append(f"{WORKING}\n", style="dim")
        else:
            first, *rest, strict = headline
            out.append(safe_block(first) + "\n", style="bold")
            out.append(f"con {balance_bar(value, 11)} pro\n", style="bold")
            for line in rest:
                out.append(safe_block(line) + "\n")
            out.append(safe_block(strict) + "\n", style="dim")
    else:
        reasons = entry.reasons(claim_id) if at_once else entry.known_reasons(claim_id)
        out.append(f"Strength {value:.2f} {strength_bar(value, 8).rstrip()}", style="bold")
        if reasons is None:
            out.append(f" — {WORKING}\n", style="dim")
        else:
            reason, note = reasons
            out.append(f" — {safe_block(reason)}\n")
            if note:
                out.append(safe_block(note) + "\n", style="italic")
    if not node.is_motion:
        # The strict label and its reason, after the strength (the motion's is the strict
        # reading above).
        out.append_text(status_mark(label))
        out.append(" ")
        out.append(label.value, style=STATUS_STYLE[label])
        reason = entry.reason(claim_id)
        _, _, why = reason.partition(": ")
        out.append(f": {safe_block(why or reason)}\n")
    claim = node.claim
    debate = entry.loaded.debate
    if claim is not None and debate is not None:
        if claim.weight is not None:
            out.append(f"Weight: {claim.weight} of 5\n")
        if claim.scheme:
            out.append(f"Scheme: {safe(claim.scheme)}\n")
        if claim.sources:
            out.append("\nSources\n", style="bold underline")
            by_id = {s.id: s for s in debate.sources}
            for source_id in claim.sources:
                source = by_id.get(source_id)
                out.append(" • ")
                if source is None:
                    out.append(safe(source_id))
                else:
                    out.append(safe(source.title))
                    if source.url:
                        out.append(" ")
                        out.append_text(source_link(source.url))
                out.append("\n")
        if claim.tags:
            out.append("\nTags: ", style="bold")
            out.append(safe(", ".join(claim.tags)) + "\n")
        if claim.note:
            out.append("\nNote\n", style="bold underline")
            out.append(safe_block(claim.note.strip()) + "\n")
    elif debate is not None and debate.summary:
        out.append("\n")
        out.append(safe_block(debate.summary.strip()) + "\n")
    return out


#: Shown in a big debate until a worker has worked out what moved the strength.
WORKING = "working out what moved it…"


def worked_out(entry: DebateEntry, claim_id: str) -> bool:
    """Whether the panel can show everything about the claim without waiting."""
    if entry.at_once:
        return True
    if claim_id == MOTION_ID:
        return entry.known_headline() is not None
    return entry.known_reasons(claim_id) is not None


def link_id(index: int, link: ClaimLink) -> str:
    # The index keeps option ids unique when two links point at the same claim.
    return f"{index}\t{link.debate_id}\t{link.claim_id}"


class ClaimDetail(Vertical):
    """The selected claim in full, then its links; Enter on a link follows it."""

    class Follow(Message):
        """The reader chose a link to follow."""

        def __init__(self, debate_id: str, claim_id: str) -> None:
            super().__init__()
            self.debate_id = debate_id
            self.claim_id = claim_id

    def compose(self) -> ComposeResult:
        # The links come first so Tab reaches them straight from the map; CSS docks
        # them below the claim's text, which Tab reaches next (to scroll a long note).
        yield OptionList(id="links", markup=False)
        with VerticalScroll(id="claim-scroll") as scroll:
            scroll.border_title = "Claim"
            yield Static(id="claim-text", markup=False)
            yield Static(id="claim-class", markup=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[Library, DebateEntry, str] | None = None
        self._shown_width = 0
        self._tallies = Latest()
        self._reasons = Latest()
        self._marks: Sequence[str] = ()

    def on_resize(self) -> None:
        # Link rows are wrapped for the panel's width: wrap them again for the new one.
        if self._shown is not None and self.size.width != self._shown_width:
            library, entry, claim_id = self._shown
            self.show(library, entry, claim_id, keep_place=True)

    def show(
        self,
        library: Library,
        entry: DebateEntry,
        claim_id: str,
        keep_place: bool = False,
        marks: Sequence[str] = (),
    ) -> None:
        """Show a claim; `marks` are the words of a search to mark in its text."""
        self._shown = (library, entry, claim_id)
        self._shown_width = self.size.width
        self._marks = marks
        self._show_text(entry, claim_id)
        if not worked_out(entry, claim_id):
            # After the screen is painted: the worker holds the interpreter for long
            # stretches, and the map it would slow down is what the reader waits for.
            self.call_after_refresh(self._work_out, entry, claim_id)
        self._show_class(entry, claim_id)
        if not keep_place:
            self.query_one("#claim-scroll", VerticalScroll).scroll_home(animate=False)
        links = self.query_one("#links", OptionList)
        highlighted = links.highlighted
        links.clear_options()
        options: list[Option | None] = []
        group = ""
        # The panel's width less its border, padding and scroll bar.
        room = self.size.width - 6
        all_links = claim_links(library, entry.debate_id, claim_id)
        per_group: dict[str, int] = {}
        for link in all_links:
            per_group[link.group] = per_group.get(link.group, 0) + 1
        shown_in_group = 0
        for index, link in enumerate(all_links):
            if link.group != group:
                group = link.group
                shown_in_group = 0
                options.append(Option(Text(GROUP_TITLES[group], style="bold"), disabled=True))
            shown_in_group += 1
            if shown_in_group > MAX_LINKS_PER_GROUP:
                # A claim with hundreds of answers (the motion of a big debate): the map
                # lists them all; a long list here would only slow every cursor move.
                if shown_in_group == MAX_LINKS_PER_GROUP + 1:
                    more = per_group[group] - MAX_LINKS_PER_GROUP
                    options.append(
                        Option(Text(f"… and {more} more in the map", style="dim"), disabled=True)
                    )
                continue
            target = library.get(link.debate_id)
            node = None
            if target is not None:
                node = target.graph.nodes.get(link.claim_id)
            shown_id = link.claim_id
            if link.debate_id != entry.debate_id:
                shown_id = f"{safe(link.debate_id)}:{link.claim_id}"
            # Two lines at most, wrapped at words: a word is never cut to a few letters.
            row = Text("\n", no_wrap=True).join(
                link_lines(link.verb, node, shown_id, max(room, 24), 2)
            )
            if link.missing:
                row.append(" (not open)", style="dim")
            options.append(Option(row, id=link_id(index, link), disabled=link.missing))
        if not options:
            options.append(
                Option(
                    Text("No links: nothing answers this claim yet.", style="dim"), disabled=True
                )
            )
        links.add_options(options)
        if keep_place and highlighted is not None and highlighted < links.option_count:
            links.highlighted = highlighted
        links.border_title = (
            f"Links ({sum(1 for o in options if o is not None and not o.disabled)})"
        )

    def _show_text(self, entry: DebateEntry, claim_id: str) -> None:
        described = describe_claim(entry, claim_id)
        if self._marks:
            described = mark_claim_text(described, entry.graph.nodes[claim_id].text, self._marks)
        update_steady(self.query_one("#claim-text", Static), described)

    def _work_out(self, entry: DebateEntry, claim_id: str) -> None:
        """Work out what moved the claim's strength on a worker, then show it (if the
        claim is still the one shown; a newer request replaces one still waiting)."""
        shown = self._shown
        if shown is None or shown[1] is not entry or shown[2] != claim_id:
            return  # the cursor moved on before the screen was painted

        def job() -> None:
            if claim_id == MOTION_ID:
                entry.headline()
            else:
                entry.reasons(claim_id)
            self.app.call_from_thread(self._worked_out, entry, claim_id)

        if self._reasons.want(job):
            self.run_worker(self._reasons.run, thread=True, group="strength-reasons")

    def _worked_out(self, entry: DebateEntry, claim_id: str) -> None:
        shown = self._shown
        if shown is not None and shown[1] is entry and shown[2] == claim_id:
            self._show_text(entry, claim_id)

    def _show_class(self, entry: DebateEntry, claim_id: str, tally: bool = True) -> None:
        """The class's weights on the claim (with ballots); tallied again on a worker
        when the ballots changed."""
        result = TALLIES.known(entry.graph)
        update_steady(self.query_one("#claim-class", Static), class_histogram(result, claim_id))
        folder = getattr(self.app, "ballots_dir", None)
        if tally and isinstance(folder, Path):

            def job() -> None:
                if TALLIES.refresh(entry.graph, folder):
                    self.app.call_from_thread(self._class_tallied, entry)

            if self._tallies.want(job):
                self.run_worker(self._tallies.run, thread=True, group="class-tally")

    def _class_tallied(self, entry: DebateEntry) -> None:
        if self._shown is not None and self._shown[1] is entry:
            self._show_class(entry, self._shown[2], tally=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id
        if option_id:
            _, debate_id, claim_id = option_id.split("\t")
            self.post_message(self.Follow(debate_id, claim_id))
