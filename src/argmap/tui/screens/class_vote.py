"""The class vote on one debate: the class's split, author's or class's weights, and the
student's own weights.

Every claim is listed in tree order with the author's weight, the class's median, the
student's own weight and a histogram of the class's weights 1–5; the panel below shows
the highlighted claim's histogram in full. `m` switches the strengths between the
author's weights and the class's median weights; `w` then 1–5 writes the student's weight
to their ballot (their name is asked once). Nothing is written in read-only mode.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from argmap.ballots.classview import ClassView, histogram_lines, sparkline
from argmap.edit.document import EditRefused
from argmap.model import MOTION_ID
from argmap.strength import Verdict
from argmap.tui.model import DebateEntry
from argmap.tui.widgets.labels import SIDE_SYMBOL, safe, shorten, side_style
from argmap.verdict import weighed_title


class NameScreen(ModalScreen[str | None]):
    """Asks the student's name once, for their ballot."""

    CSS_PATH = "class_vote.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close")]

    def compose(self) -> ComposeResult:
        with Vertical(id="name-box") as box:
            box.border_title = "Your name, for your ballot"
            box.border_subtitle = "Enter saves · Esc cancels"
            yield Input(placeholder="e.g. Ana", id="ballot-name")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        name = " ".join(event.value.split())
        self.dismiss(name if name and safe(name) == name else None)

    def action_close(self) -> None:
        self.dismiss(None)


class ClassVoteScreen(Screen[None]):
    """One debate as the class weighs it."""

    CSS_PATH = "class_vote.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", key_display="esc", id="vote-back"),
        Binding("m", "toggle_median", "Author/class", id="vote-median"),
        Binding("w", "weigh", "Weigh 1-5", id="vote-weigh"),
        Binding("j", "move(1)", show=False, id="vote-down"),
        Binding("k", "move(-1)", show=False, id="vote-up"),
        *(Binding(str(n), f"set_weight({n})", show=False, id=f"vote-{n}") for n in range(1, 6)),
    ]

    def __init__(self, view: ClassView, claim_id: str | None, read_only: bool) -> None:
        super().__init__()
        self.view = view
        self.start = claim_id if claim_id and claim_id != MOTION_ID else None
        self.read_only = read_only
        self.class_median = False
        #: After `w`: the next 1–5 is a weight.
        self.weighing_key = False

    def compose(self) -> ComposeResult:
        yield Static(id="vote-title", markup=False)
        yield Static(id="vote-split", markup=False)
        yield Static(id="vote-verdict", markup=False)
        yield OptionList(id="vote-claims")
        yield Static(id="vote-detail", markup=False)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.view.reload()
        self.refresh_view(self.start)
        self.query_one(OptionList).focus()

    # --- showing -------------------------------------------------------------------------

    @property
    def highlighted(self) -> str | None:
        options = self.query_one(OptionList)
        index = options.highlighted
        if index is None:
            return None
        return options.get_option_at_index(index).id

    def refresh_view(self, keep: str | None = None) -> None:
        view, graph = self.view, self.view.graph
        count = len(view.ballots)
        self.query_one("#vote-title", Static).update(
            Text(
                f"Class vote · {safe(graph.debate.title)} · {count} ballot{'s' * (count != 1)}",
                style="bold",
            )
        )
        self.query_one("#vote-split", Static).update(self._split())
        weighing = view.weighing(self.class_median)
        whose = "class's median weights" if self.class_median else "author's weights"
        self.query_one("#vote-verdict", Static).update(
            f"Under the {whose}: {weighed_title(weighing)}   (m switches)"
        )
        options = self.query_one(OptionList)
        keep = keep or self.highlighted
        options.clear_options()
        width = max(self.size.width - 36, 20)
        for node in graph.claims():
            own = view.own_weight(node.id)
            line = Text()
            if node.side is not None:
                line.append(SIDE_SYMBOL[node.side] + " ", style=side_style(node.side))
            line.append(f"{shorten(node.text, width):<{width}} ")
            line.append(f"{weighing.strength(node.id):.2f} ")
            line.append(f"a{_author(view, node.id)} ")
            line.append(f"m{_num(view.median_weight(node.id)):<3} ")
            line.append(f"y{own if own is not None else '-'} ")
            line.append(sparkline(view.histogram(node.id)), style="bold")
            options.add_option(Option(line, id=node.id))
        ids = [node.id for node in graph.claims()]
        if keep in ids:
            options.highlighted = ids.index(keep)
        elif ids:
            options.highlighted = 0
        self._show_detail()

    def _split(self) -> Text:
        result = self.view.result
        if result is None:
            return Text("No ballots yet: press w to weigh a claim (your ballot starts then)")
        split = result.split
        line = Text("Class: ")
        line.append("█" * split[Verdict.LEANS_PRO], style="bold #0072B2")
        line.append("█" * split[Verdict.BALANCED], style="dim")
        line.append("█" * split[Verdict.LEANS_CON], style="bold #D55E00")
        q1, median, q3 = result.quartiles
        line.append(
            f" {split[Verdict.LEANS_PRO]} pro · {split[Verdict.BALANCED]} balanced · "
            f"{split[Verdict.LEANS_CON]} con · median {median:.2f}, IQR {q1:.2f}-{q3:.2f}"
        )
        return line

    def _show_detail(self) -> None:
        claim_id = self.highlighted
        detail = self.query_one("#vote-detail", Static)
        if claim_id is None:
            detail.update("")
            return
        view = self.view
        # Two lines of text, one of weights, five of histogram: the panel's eight lines at
        # 80x24, so nothing scrolls out of sight (the key to weigh takes the id's place).
        text = Text(shorten(view.graph.nodes[claim_id].text, max(self.size.width * 2 - 24, 40)))
        if self.weighing_key:
            text.append("\nPress 1 (weak) to 5 (strong)", style="bold")
            text.append(" · ")
        else:
            text.append(f"\n[{safe(claim_id)}]  ", style="dim")
        own = view.own_weight(claim_id)
        text.append(
            f"author {_author(view, claim_id)} · class median {_num(view.median_weight(claim_id))}"
            f" · you {own if own is not None else '-'}"
        )
        for line in histogram_lines(view.histogram(claim_id)):
            text.append("\n" + line)
        detail.update(text)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_detail()

    # --- actions -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "weigh":
            return not self.read_only
        if action == "set_weight":
            return self.weighing_key and not self.read_only
        return True

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_toggle_median(self) -> None:
        self.class_median = not self.class_median
        self.refresh_view()

    def action_weigh(self) -> None:
        if self.view.name is not None:
            self._arm()
            return

        def named(name: str | None) -> None:
            if name:
                self.view.name = name
                self._arm()

        self.app.push_screen(NameScreen(), named)

    def _arm(self) -> None:
        self.weighing_key = True
        self.refresh_bindings()
        self._show_detail()

    def action_set_weight(self, weight: int) -> None:
        claim_id = self.highlighted
        self.weighing_key = False
        self.refresh_bindings()
        if claim_id is None:
            return
        self._write(claim_id, weight)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _write(self, claim_id: str, weight: int) -> None:
        try:
            self.view.set_weight(claim_id, weight)
        except (EditRefused, OSError) as exc:
            message = safe(str(exc))
            self.app.call_from_thread(self.notify, message, severity="error")
            return
        self.view.reload()
        self.app.call_from_thread(self.refresh_view, claim_id)


def open_class_vote(app: App[Any], folder: Path, read_only: bool) -> None:
    """Push the class vote on the debate the map shows (a notice when none is shown)."""
    screen = app.screen
    entry = getattr(screen, "entry", None)
    if not isinstance(entry, DebateEntry) or entry.broken is not None:
        app.notify("Open a debate that loads to see its class vote.", severity="warning")
        return
    view = ClassView(entry.graph, folder, getattr(app, "ballot_name", None))
    claim = getattr(screen, "cursor_claim", None)

    def keep_name(_: None) -> None:
        if view.name is not None:
            app.ballot_name = view.name  # type: ignore[attr-defined]

    app.push_screen(
        ClassVoteScreen(view, claim if isinstance(claim, str) else None, read_only), keep_name
    )


def _author(view: ClassView, claim_id: str) -> int:
    from argmap.ballots.weights import author_weight

    return author_weight(view.graph, claim_id)


def _num(value: float) -> str:
    return f"{value:g}" if value == int(value) else f"{value:.1f}"
