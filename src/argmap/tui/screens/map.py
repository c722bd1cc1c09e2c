"""The map of one debate: the claim tree, the selected claim in full, and the way to it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Static, Tree

from argmap.model import MOTION_ID
from argmap.tui.commands import bindings_for
from argmap.tui.model import ClaimFilter, DebateEntry, apply_filter
from argmap.tui.widgets.claim_tree import ClaimTree
from argmap.tui.widgets.detail import ClaimDetail
from argmap.tui.widgets.labels import LINK_STYLE, side_mark

if TYPE_CHECKING:
    from argmap.tui.app import ArgmapApp

#: Seconds the cursor rests before the detail panel follows it.
DETAIL_DELAY = 0.03

LEGEND = Text.assemble(
    ("+", "bold #2f9e44"),
    " pro  ",
    ("−", "bold #e03131"),
    " con  ",
    ("✓", "bold #2f9e44"),
    " standing  ",
    ("✗", "bold #e03131"),
    " defeated  ",
    ("?", "bold #d9820b"),
    " undecided  ",
    ("↪", LINK_STYLE),
    " link   Tab: links pane",
)


class MapScreen(Screen[None]):
    """One debate as a tree; the detail panel follows the cursor."""

    SCOPE = "map"
    CSS_PATH = "map.tcss"
    BINDINGS: ClassVar[list[BindingType]] = bindings_for("map")

    app: ArgmapApp

    def __init__(self) -> None:
        super().__init__()
        self.entry: DebateEntry | None = None
        self.focus_root = MOTION_ID
        self.claim_filter = ClaimFilter()
        self._ready = False
        self._pending: tuple[DebateEntry, str] | None = None
        self._detail_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="map-title", markup=False)
        yield Static(id="breadcrumb", markup=False)
        yield Static(id="map-status", markup=False)
        with Horizontal(id="panes"):
            yield ClaimTree(id="tree")
            yield ClaimDetail(id="detail")
        yield Static(LEGEND, id="legend")
        yield Footer()

    def on_mount(self) -> None:
        self._ready = True
        if self._pending is not None:
            entry, claim_id = self._pending
            self._pending = None
            self.show_place(entry, claim_id)

    @property
    def claim_tree(self) -> ClaimTree:
        return self.query_one(ClaimTree)

    @property
    def current_path(self) -> Path | None:
        return self.entry.path if self.entry is not None else None

    @property
    def cursor_claim(self) -> str | None:
        return self.claim_tree.cursor_claim if self.entry is not None else None

    # --- showing -------------------------------------------------------------------------

    def _rebuild(self, claim_id: str | None) -> None:
        """Lay the tree out again for the current debate, focus and filter."""
        assert self.entry is not None
        shown = apply_filter(self.entry, self.claim_filter) if self.claim_filter.active else None
        self.claim_tree.show(self.entry, self.focus_root, shown)
        if claim_id is not None:
            self.claim_tree.select_claim(claim_id)
        self._show_status()
        self._show_cursor()
        self.claim_tree.focus()

    def show_place(self, entry: DebateEntry, claim_id: str) -> None:
        """Show a claim, switching debate and clearing a focus or filter that hides it."""
        if not self._ready:
            self._pending = (entry, claim_id)
            return
        switching = self.entry is None or entry.debate_id != self.entry.debate_id
        if switching:
            self.entry = entry
            self.focus_root = MOTION_ID
            self.claim_filter = ClaimFilter()
            self.query_one("#map-title", Static).update(
                Text.assemble((entry.title, "bold"), ("  ·  ", "dim"), (entry.debate_id, "dim"))
            )
            self._rebuild(claim_id)
            return
        self.entry = entry
        if not self.claim_tree.contains(claim_id):
            if self.focus_root != MOTION_ID or self.claim_filter.active:
                self.app.notify("Focus and filter cleared to show that claim.", markup=False)
            self.focus_root = MOTION_ID
            self.claim_filter = ClaimFilter()
            self._rebuild(claim_id)
            return
        self.claim_tree.select_claim(claim_id)
        self._show_cursor()
        self.claim_tree.focus()

    def refresh_debate(self) -> None:
        """The library changed (a reload): show the new version at the same claim id."""
        if self.entry is None or self.app.library is None or not self._ready:
            return
        fresh = self.app.library.get(self.entry.debate_id)
        if fresh is None:
            fresh_by_path = self.app.library.by_path(self.entry.path)
            if fresh_by_path is None or not fresh_by_path.openable:
                self.entry = None
                if self.app.screen is self:
                    self.app.pop_screen()
                return
            fresh = fresh_by_path
        claim_id = self.cursor_claim or MOTION_ID
        graph = fresh.graph
        # The claim may be gone: fall back to the nearest ancestor that is still there.
        if claim_id not in graph.nodes and self.entry is not None:
            old = self.entry.graph
            if claim_id in old.nodes:
                for node in reversed(old.path_from_motion(claim_id)):
                    if node.id in graph.nodes:
                        claim_id = node.id
                        break
        if claim_id not in graph.nodes:
            claim_id = MOTION_ID
        if self.focus_root not in graph.nodes:
            self.focus_root = MOTION_ID
        self.entry = fresh
        self._rebuild(claim_id)

    def _show_status(self) -> None:
        status = self.query_one("#map-status", Static)
        parts = Text()
        if self.focus_root != MOTION_ID:
            parts.append("Focus: ", style="bold")
            parts.append(f"branch of {self.focus_root}  ")
        if self.claim_filter.active and self.claim_tree.shown is not None:
            count = len(self.claim_tree.shown.matches)
            parts.append("Filter: ", style="bold")
            parts.append(f"{self.claim_filter.describe()} ({count} match{'es' * (count != 1)})  ")
        if parts:
            parts.append("Esc shows everything", style="italic")
        status.update(parts)
        status.display = bool(parts)

    def _show_breadcrumb(self, claim_id: str) -> None:
        assert self.entry is not None
        steps = self.entry.graph.path_from_motion(claim_id)
        parts: list[Text] = []
        for node in steps:
            part = Text()
            part.append_text(side_mark(node.side))
            part.append(" ")
            part.append("motion" if node.is_motion else node.id)
            parts.append(part)
        width = max(self.size.width - 2, 40)
        # Keep the motion and the end of the path (where the reader is); drop steps
        # after the motion, marking the gap with one "…".
        dropped = False
        while len(parts) > 2 and sum(len(p) + 3 for p in parts) + 4 > width:
            parts.pop(1)
            dropped = True
        if dropped:
            parts.insert(1, Text("…"))
        crumb = Text(" › ", style="dim").join(parts)
        crumb.no_wrap = True
        crumb.overflow = "ellipsis"
        self.query_one("#breadcrumb", Static).update(crumb)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        # The breadcrumb follows at once; the detail panel waits until the cursor rests
        # for a moment, so holding a key down over a big debate stays smooth.
        if self.entry is not None and self.claim_tree.cursor_claim in self.entry.graph.nodes:
            self._show_breadcrumb(self.claim_tree.cursor_claim or MOTION_ID)
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self._detail_timer = self.set_timer(DETAIL_DELAY, self._show_cursor)

    def _show_cursor(self) -> None:
        """Show the claim under the cursor in the detail panel and the breadcrumb."""
        if self.entry is None or self.app.library is None:
            return
        claim_id = self.claim_tree.cursor_claim
        if claim_id is None or claim_id not in self.entry.graph.nodes:
            return
        self.query_one(ClaimDetail).show(self.app.library, self.entry, claim_id)
        self._show_breadcrumb(claim_id)
        if not self.claim_tree.cursor_is_link:
            self.app.history.update((self.entry.debate_id, claim_id))

    def on_tree_node_selected(self, event: Tree.NodeSelected[str]) -> None:
        # Enter on a cross-link leaf follows it; on a claim, the tree expands or collapses.
        if self.entry is not None and self.claim_tree.cursor_is_link and event.node.data:
            self.app.go_to((self.entry.debate_id, event.node.data))

    def on_claim_detail_follow(self, event: ClaimDetail.Follow) -> None:
        self.app.go_to((event.debate_id, event.claim_id))

    # --- actions -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "history_back":
            return True if self.app.history.can_go_back else None
        if action == "history_forward":
            return True if self.app.history.can_go_forward else None
        return True

    def action_next_pane(self) -> None:
        order = [self.claim_tree, self.query_one("#links"), self.query_one("#claim-scroll")]
        focused = self.focused
        index = order.index(focused) if focused in order else -1
        order[(index + 1) % len(order)].focus()

    def action_back(self) -> None:
        if self.focus_root != MOTION_ID or self.claim_filter.active:
            claim_id = self.cursor_claim
            self.focus_root = MOTION_ID
            self.claim_filter = ClaimFilter()
            self._rebuild(claim_id)
            return
        self.app.pop_screen()

    def action_history_back(self) -> None:
        place = self.app.history.back()
        if place is not None:
            self.app.go_to(place, record=False)

    def action_history_forward(self) -> None:
        place = self.app.history.forward()
        if place is not None:
            self.app.go_to(place, record=False)

    def action_focus_branch(self) -> None:
        claim_id = self.cursor_claim
        if self.entry is None or claim_id is None:
            return
        if self.claim_tree.cursor_is_link or claim_id == self.focus_root:
            # `z` on the focused branch's own root (or on a link) shows everything again.
            self.focus_root = MOTION_ID
        else:
            self.focus_root = claim_id
        self._rebuild(claim_id)

    def action_filter(self) -> None:
        from argmap.tui.screens.filter import FilterScreen

        if self.entry is None:
            return

        def apply(choice: ClaimFilter | None) -> None:
            if choice is None or self.entry is None:
                return
            self.claim_filter = choice
            if choice.active and not apply_filter(self.entry, choice).matches:
                self.app.notify(
                    f"No claim matches {choice.describe()}.", severity="warning", markup=False
                )
                self.claim_filter = ClaimFilter()
            self._rebuild(self.cursor_claim)

        self.app.push_screen(FilterScreen(self.entry, self.claim_filter), apply)

    def action_goto(self) -> None:
        from argmap.tui.model import parse_location
        from argmap.tui.screens.goto import GotoScreen

        if self.entry is None:
            return
        debate_id = self.entry.debate_id

        def jump(text: str | None) -> None:
            if text:
                self.app.go_to(parse_location(text, debate_id))

        self.app.push_screen(GotoScreen(self.entry), jump)

    def action_export(self) -> None:
        from argmap.tui.screens.export import ExportScreen

        if self.entry is None:
            return
        self.app.push_screen(ExportScreen(self.entry, self.cursor_claim or MOTION_ID))
