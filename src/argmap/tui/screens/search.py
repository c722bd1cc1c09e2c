"""Search every claim of every open debate; results come as you type, Enter jumps."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from argmap.tui.model import Location, SearchHit, SearchIndex
from argmap.tui.widgets.labels import safe, shorten, side_mark, status_mark


def _flat(text: str) -> str:
    return safe(" ".join(text.split()))


def snippet(hit: SearchHit, room: int) -> Text:
    """The claim's text around the first word found, that word highlighted: the whole
    text when it fits, else a match deep in a long claim shows, not the claim's start."""
    text = hit.text
    start, end = hit.start, hit.start + hit.length
    if start < 0 or end > len(text):
        return Text(shorten(text, room))
    before = _flat(text[:start]) + (" " if text[:start][-1:].isspace() else "")
    word = _flat(text[start:end])
    after = (" " if text[end : end + 1].isspace() else "") + _flat(text[end:])
    lead = room // 3
    if len(before) > lead and len(before) + len(word) + len(after) > room:
        cut = before[len(before) - lead + 1 :]
        space = cut.find(" ")
        before = "…" + (cut[space + 1 :] if 0 <= space < len(cut) - 1 else cut)
    out = Text(before)
    out.append(word, style="bold reverse")
    if after.startswith(" "):
        out.append(" ")
    rest = room - len(before) - len(word) - 1
    out.append(shorten(after, max(rest, 4)) if after.strip() else "")
    return out


class SearchScreen(ModalScreen[Location | None]):
    """A search box over every claim; ↑/↓ choose a result, Enter jumps to it."""

    CSS_PATH = "search.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", key_display="esc"),
        Binding("down", "move(1)", "Next", show=False),
        Binding("up", "move(-1)", "Previous", show=False),
    ]

    def __init__(self, index: SearchIndex, query: str = "") -> None:
        super().__init__()
        self.index = index
        self.query_text = query

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box") as box:
            box.border_title = "Search every debate"
            box.border_subtitle = "↑↓ choose · Enter jumps · Esc closes"
            yield Input(
                self.query_text, placeholder="words or letters of a claim or id", id="query"
            )
            yield Static(id="search-count", markup=False)
            yield OptionList(id="results", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._search(self.query_text)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._search(event.value)

    def _search(self, query: str) -> None:
        self.query_text = query
        results = self.query_one(OptionList)
        results.clear_options()
        found = self.index.find(query, limit=50)
        hits = found.hits
        options = []
        for number, hit in enumerate(hits):
            row = Text(no_wrap=True, overflow="ellipsis")
            row.append_text(side_mark(hit.side))
            row.append(" ")
            if hit.label is not None:
                row.append_text(status_mark(hit.label))
            row.append(" ")
            # The text around the hit first, where the eye is; where it is, after.
            where = f"  {safe(hit.debate_id)}:{safe(hit.claim_id)}"
            # The list's width once laid out; before that, what the box will get (90% of
            # the screen up to 120, less its border), never a guess of 30.
            width = results.size.width or min(self.app.size.width * 9 // 10, 120) - 2
            room = max(width - 6 - len(row) - min(len(where), width // 3), 30)
            if len(_flat(hit.text)) <= width - 6 - len(row):
                # The whole claim fits the row: show it whole, where it is below it.
                room = width - 6 - len(row)
            row.append_text(snippet(hit, room))
            # Where it is, after (on a line of its own when the claim takes the row).
            row.append(where, style="dim")
            options.append(Option(row, id=f"{number}\t{hit.debate_id}\t{hit.claim_id}"))
        results.add_options(options)
        if options:
            results.highlighted = 0
        count = self.query_one("#search-count", Static)
        if not query.strip():
            count.update("Type to search claims in every open debate.")
        elif not hits:
            count.update("No claim matches.")
        else:
            claims = f"{found.total} claim{'s' * (found.total != 1)}"
            shown = f"; the best {len(hits)} shown" if found.total > len(hits) else ""
            if found.fuzzy:
                count.update(
                    f"No claim has these words; {claims} have their letters in order{shown}"
                )
            else:
                count.update(f"{claims} match{'es' * (found.total == 1)}{shown}")

    def action_move(self, step: int) -> None:
        results = self.query_one(OptionList)
        if results.option_count == 0:
            return
        current = results.highlighted if results.highlighted is not None else -step
        results.highlighted = max(0, min(results.option_count - 1, current + step))

    def _jump(self, option_id: str | None) -> None:
        if option_id:
            _, debate_id, claim_id = option_id.split("\t")
            self.dismiss((debate_id, claim_id))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        results = self.query_one(OptionList)
        if results.highlighted is None:
            self.app.notify("No claim matches; change the words or press Esc.", markup=False)
            return
        self._jump(results.get_option_at_index(results.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._jump(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)
