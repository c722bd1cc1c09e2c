"""The map of one debate: the claim tree, the selected claim in full, and the way to it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Static, Tree

from argmap.bundled import is_bundled
from argmap.edit import Edit, add_child, add_top_level, remove_claim, set_fields
from argmap.edit.operations import ChildRelation
from argmap.model import MOTION_ID, Side
from argmap.semantics import Label
from argmap.tui.commands import bindings_for
from argmap.tui.editing import Finished
from argmap.tui.host import Host
from argmap.tui.model import ClaimFilter, DebateEntry, Location, apply_filter
from argmap.tui.semantics_palette import semantics_title
from argmap.tui.widgets.claim_tree import ClaimTree
from argmap.tui.widgets.detail import ClaimDetail
from argmap.tui.widgets.labels import LINK_STYLE, safe, side_mark, status_mark

#: The actions of the edit keys, shown only where they apply.
EDIT_ACTIONS = frozenset(
    {"add_rebuttal", "add_support", "add_pro", "add_con", "change_claim", "delete_claim"}
)

#: Seconds the cursor rests before the detail panel follows it.
DETAIL_DELAY = 0.03


def legend() -> Text:
    """What the marks mean: sides by colour and symbol, strength, then the strict status by
    glyph and weight."""
    return Text.assemble(
        side_mark(Side.PRO),
        " pro  ",
        side_mark(Side.CON),
        " con  ",
        ("0.7", "bold"),
        " strength  ",
        status_mark(Label.STANDING),
        " standing  ",
        status_mark(Label.DEFEATED),
        " defeated  ",
        status_mark(Label.UNDECIDED),
        " undecided  ",
        ("↪", LINK_STYLE),
        " link  ",
        ("✂", "bold"),
        " cut",
        no_wrap=True,
        overflow="ellipsis",
    )


class MapScreen(Screen[None]):
    """One debate as a tree; the detail panel follows the cursor."""

    SCOPE = "map"
    CSS_PATH = "map.tcss"
    #: Below 120 columns the tree and the claim's detail stack (see map.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]  # noqa: RUF012 (Textual's own type)
    #: Below 34 lines the links panel folds to its title until Tab reaches it.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = bindings_for("map", lead=("help", "quit", "search"))

    @property
    def host(self) -> Host:
        """The app, through the narrow protocol screens use (no import of the app)."""
        return cast("Host", self.app)

    def __init__(self) -> None:
        super().__init__()
        self.entry: DebateEntry | None = None
        self.focus_root = MOTION_ID
        self.claim_filter = ClaimFilter()
        self._ready = False
        self._pending: tuple[DebateEntry, str] | None = None
        self._detail_timer: Timer | None = None
        #: What the edit keys would act on ("motion", "claim", "link"): the Footer follows.
        self._target_kind = ""
        #: Which keys the Footer lists: "explore" (reading) or "edit" (after `i`).
        self.footer_role = "explore"
        #: Places left by following a ↪ link leaf, and the claim the leaf points at.
        self._link_origins: dict[Location, str] = {}
        #: The claim the last search jumped to, and the words to mark where it shows.
        self._hit: tuple[Location, tuple[str, ...]] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="map-title", markup=False)
        yield Static(id="breadcrumb", markup=False)
        yield Static(id="map-status", markup=False)
        with Horizontal(id="panes"):
            yield ClaimTree(id="tree")
            yield ClaimDetail(id="detail")
        yield Static(legend(), id="legend")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.claim_tree.border_title = "Map"
        self._ready = True
        if self._hit is not None:
            self.mark_search(*self._hit)
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

    @property
    def current_line(self) -> int:
        """Where an editor should open: the selected claim, or the first error on disk."""
        if self.entry is None:
            return 1
        if self.entry.broken is not None and self.entry.broken.errors:
            return self.entry.broken.errors[0].line
        node = self.entry.graph.nodes.get(self.cursor_claim or MOTION_ID)
        return node.line if node is not None else 1

    @property
    def edit_target(self) -> str | None:
        """The claim the edit keys act on; None on a cross-link leaf (it stands for a
        claim shown elsewhere) or with no debate shown."""
        if self.entry is None or self.claim_tree.cursor_is_link:
            return None
        return self.cursor_claim

    # --- showing -------------------------------------------------------------------------

    def _rebuild(self, claim_id: str | None, expanded: Sequence[str] = ()) -> None:
        """Lay the tree out again for the current debate, focus and filter."""
        assert self.entry is not None
        shown = apply_filter(self.entry, self.claim_filter) if self.claim_filter.active else None
        self.claim_tree.show(self.entry, self.focus_root, shown, expanded)
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
            self._show_title()
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

    def _show_title(self) -> None:
        """The debate's title and id, and the semantics its strengths come from."""
        entry = self.entry
        if entry is None:
            return
        title = Text.assemble(
            (safe(entry.title), "bold"), ("  ·  ", "dim"), (safe(entry.debate_id), "dim")
        )
        title.append(f"  ·  {semantics_title(entry.semantics_in_use)}", style="dim")
        if is_bundled(entry.path):
            # Said before any edit is tried, not only when one is refused.
            title.append("  ·  ", style="dim")
            title.append("read-only", style="bold reverse")
            title.append(" bundled with argmap; `argmap init` copies it to edit", style="dim")
        title.no_wrap = True
        title.overflow = "ellipsis"
        self.query_one("#map-title", Static).update(title)

    def mark_search(self, place: Location, words: Sequence[str]) -> None:
        """Mark the words of a search in the claim it found (its row and its text)."""
        self._hit = (place, tuple(words))
        if self._ready:
            self.claim_tree.mark_hit(*place, words)

    def restyle(self) -> None:
        """The theme changed: draw the rows and the legend in its side colours."""
        self.query_one("#legend", Static).update(legend())
        if self.entry is not None:
            self._rebuild(self.cursor_claim, self.claim_tree.expanded_claims())

    def refresh_debate(self) -> None:
        """The library changed (a reload): show the new version at the same claim id."""
        if self.entry is None or self.host.library is None or not self._ready:
            return
        fresh = self.host.library.get(self.entry.debate_id)
        if fresh is None:
            fresh_by_path = self.host.library.by_path(self.entry.path)
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
        expanded = self.claim_tree.expanded_claims()
        self.entry = fresh
        self._show_title()
        self._rebuild(claim_id, expanded)

    def _show_status(self) -> None:
        status = self.query_one("#map-status", Static)
        parts = Text()
        if self.entry is not None and self.entry.broken is not None:
            errors = self.entry.errors_on_disk
            parts.append(
                f"⚠ {errors} error{'s' * (errors != 1)} on disk; showing the last good "
                "version · d: problems · e: fix  ",
                style="bold",
            )
        if self.focus_root != MOTION_ID:
            parts.append("Focus: ", style="bold")
            parts.append(f"branch of {safe(self.focus_root)}  ")
        if self.claim_filter.active and self.claim_tree.shown is not None:
            count = len(self.claim_tree.shown.matches)
            parts.append("Filter: ", style="bold")
            parts.append(f"{self.claim_filter.describe()} ({count} match{'es' * (count != 1)})  ")
        if self.focus_root != MOTION_ID or self.claim_filter.active:
            parts.append("Esc shows everything", style="italic")
        status.update(parts)
        status.display = bool(parts)
        self.refresh_bindings()  # the edit keys and `d` depend on the file's state

    def _show_breadcrumb(self, claim_id: str) -> None:
        assert self.entry is not None
        steps = self.entry.graph.path_from_motion(claim_id)
        parts: list[Text] = []
        for node in steps:
            part = Text()
            part.append_text(side_mark(node.side))
            part.append(" ")
            part.append("motion" if node.is_motion else safe(node.id))
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
        # One line high whatever it says: repaint it alone, not the whole screen's layout.
        self.query_one("#breadcrumb", Static).update(crumb, layout=False)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        # The breadcrumb follows at once; the detail panel waits until the cursor rests
        # for a moment, so holding a key down over a big debate stays smooth.
        if self.entry is not None and self.claim_tree.cursor_claim in self.entry.graph.nodes:
            self._show_breadcrumb(self.claim_tree.cursor_claim or MOTION_ID)
        if self._detail_timer is not None:
            self._detail_timer.stop()
            self._detail_timer = None
        # The timer starts once the moved cursor is on screen: on a busy machine the
        # panel's work would otherwise come before the repaint the reader waits for.
        self.call_after_refresh(self._arm_detail)
        self._follow_target()

    def _arm_detail(self) -> None:
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self._detail_timer = self.set_timer(DETAIL_DELAY, self._show_cursor)

    def _follow_target(self) -> None:
        """Let the Footer show the edit keys that apply to the row under the cursor."""
        target = self.edit_target
        kind = "link" if target is None else "motion" if target == MOTION_ID else "claim"
        if kind != self._target_kind:
            self._target_kind = kind
            # Only the editing keys depend on the row; the reading keys do not, and
            # building the Footer again would lay the whole screen out on this key press.
            if self.footer_role == "edit":
                self.refresh_bindings()

    def _show_cursor(self) -> None:
        """Show the claim under the cursor in the detail panel and the breadcrumb."""
        if self.entry is None or self.host.library is None:
            return
        claim_id = self.claim_tree.cursor_claim
        if claim_id is None or claim_id not in self.entry.graph.nodes:
            return
        hit = self._hit
        marks = hit[1] if hit is not None and hit[0] == (self.entry.debate_id, claim_id) else ()
        self.query_one(ClaimDetail).show(self.host.library, self.entry, claim_id, marks=marks)
        self._show_breadcrumb(claim_id)
        if not self.claim_tree.cursor_is_link:
            self.host.history.update((self.entry.debate_id, claim_id))

    def on_tree_node_selected(self, event: Tree.NodeSelected[str]) -> None:
        # Enter on a cross-link leaf follows it; on a claim, the tree expands or collapses.
        if self.entry is not None and self.claim_tree.cursor_is_link and event.node.data:
            parent = event.node.parent
            if parent is not None and parent.data is not None:
                # Back (`[`) returns to this link leaf, not to the row above it.
                origin = (self.entry.debate_id, parent.data)
                self.host.history.update(origin)
                self._link_origins[origin] = event.node.data
            self.host.go_to((self.entry.debate_id, event.node.data))

    def on_claim_detail_follow(self, event: ClaimDetail.Follow) -> None:
        self.host.go_to((event.debate_id, event.claim_id))

    # --- actions -------------------------------------------------------------------------

    def action_toggle_keys(self) -> None:
        """Let the Footer list the editing keys instead of the reading ones, or back."""
        self.footer_role = "edit" if self.footer_role == "explore" else "explore"
        self.refresh_bindings()

    async def action_shown(self, role: str, action: str) -> None:
        """A Footer entry's twin (see `commands.Command.bindings`): run the command."""
        await self.app.run_action(action, self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "shown":
            role, real = str(parameters[0]), str(parameters[1])
            if role != self.footer_role:
                return False
            return self.check_action(real, ())
        if self.host.read_only and (action in EDIT_ACTIONS or action in ("toggle_keys", "export")):
            # Read-only (a class server): no edit keys, nor the switch to list them, and no
            # export, which would write files into the server's folder.
            return False
        if action in EDIT_ACTIONS:
            if self.entry is not None and self.entry.broken is not None:
                return False  # edits of a file that no longer loads are refused: fix it first
            target = self.edit_target
            if action in ("add_pro", "add_con"):
                return self.entry is not None
            if action in ("add_rebuttal", "add_support"):
                return target is not None
            return target is not None and target != MOTION_ID
        if action == "diagnostics":
            return self.entry is not None and self.entry.broken is not None
        if action == "history_back":
            return True if self.host.history.can_go_back else None
        if action == "history_forward":
            return True if self.host.history.can_go_forward else None
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
        place = self.host.history.back()
        if place is not None and self.host.go_to(place, record=False):
            target = self._link_origins.get(place)
            if target is not None and self.claim_tree.select_link(place[1], target):
                self._follow_target()

    def action_history_forward(self) -> None:
        place = self.host.history.forward()
        if place is not None:
            self.host.go_to(place, record=False)

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

    def action_toggle_order(self) -> None:
        if self.entry is None:
            return
        tree = self.claim_tree
        tree.by_strength = not tree.by_strength
        self._rebuild(self.cursor_claim, tree.expanded_claims())
        order = "strongest first" if tree.by_strength else "in file order"
        self.app.notify(f"Answers are listed {order}.", markup=False)

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
        from argmap.tui.model import resolve_location
        from argmap.tui.screens.goto import GotoScreen

        if self.entry is None or self.host.library is None:
            return
        debate_id = self.entry.debate_id
        library = self.host.library

        def jump(place: Location | None) -> None:
            if place is not None:
                self.host.go_to(place)

        self.app.push_screen(
            GotoScreen(self.entry, lambda text: resolve_location(library, text, debate_id)), jump
        )

    def action_export(self) -> None:
        from argmap.tui.screens.export import ExportScreen

        if self.entry is None:
            return
        self.app.push_screen(ExportScreen(self.entry, self.cursor_claim or MOTION_ID))

    def action_diagnostics(self) -> None:
        from argmap.tui.screens.diagnostics import DiagnosticsScreen

        if self.entry is not None and self.entry.problems:
            self.app.push_screen(DiagnosticsScreen(self.entry))

    # --- editing -------------------------------------------------------------------------

    def _after_edit(self, finished: Finished) -> Callable[[Edit | str], None]:
        """What a form's edit does once written (on a worker): put the cursor on the claim
        in the reloaded map and close the form, or show the form why it was refused."""

        def after(outcome: Edit | str) -> None:
            if isinstance(outcome, str):
                finished(outcome)
                return
            self.land_on(outcome.claim_id)
            finished(None)

        return after

    def land_on(self, claim_id: str) -> None:
        """After an edit or an undo: put the cursor on this claim if the map has it."""
        if self.entry is not None and claim_id in self.entry.graph.nodes:
            self.show_place(self.entry, claim_id)

    def _form_context(self, verb: str, claim_id: str, *, with_text: bool = True) -> Text:
        """The line above a form: what it acts on (user text as plain text, never markup)."""
        assert self.entry is not None
        node = self.entry.graph.nodes[claim_id]
        context = Text()
        context.append(f"{verb} ", style="italic")
        context.append_text(side_mark(node.side))
        context.append(f" {safe(claim_id)}", style="bold")
        if with_text:
            context.append(": ")
            context.append(safe(" ".join(node.text.split())))
        return context

    def action_add_rebuttal(self) -> None:
        self._open_add_child("rebuttal")

    def action_add_support(self) -> None:
        self._open_add_child("support")

    def action_add_pro(self) -> None:
        self._open_add_top_level("pro")

    def action_add_con(self) -> None:
        self._open_add_top_level("con")

    def _open_add_child(self, relation: ChildRelation) -> None:
        from argmap.tui.screens.add_claim import AddClaimScreen, NewClaim

        target = self.edit_target
        if self.entry is None or target is None:
            return
        if target == MOTION_ID:
            # Rebutting the motion is arguing against it; supporting it, for it.
            self._open_add_top_level("con" if relation == "rebuttal" else "pro")
            return
        path = self.entry.path

        def attempt(new: NewClaim, finished: Finished) -> None:
            self.host.apply_edit(
                path,
                lambda text: add_child(
                    text,
                    target,
                    relation,
                    new.text,
                    new_id=new.new_id,
                    kind=new.kind,
                    name=str(path),
                ),
                self._after_edit(finished),
            )

        verb = "Rebutting" if relation == "rebuttal" else "Supporting"
        self.app.push_screen(
            AddClaimScreen(f"Add a {relation}", self._form_context(verb, target), attempt)
        )

    def _open_add_top_level(self, side: str) -> None:
        from argmap.tui.screens.add_claim import AddClaimScreen, NewClaim

        if self.entry is None:
            return
        path = self.entry.path

        def attempt(new: NewClaim, finished: Finished) -> None:
            self.host.apply_edit(
                path,
                lambda text: add_top_level(
                    text, side, new.text, new_id=new.new_id, kind=new.kind, name=str(path)
                ),
                self._after_edit(finished),
            )

        title = "Add a pro claim" if side == "pro" else "Add a con claim"
        verb = "For the motion:" if side == "pro" else "Against the motion:"
        self.app.push_screen(AddClaimScreen(title, self._form_context(verb, MOTION_ID), attempt))

    def action_change_claim(self) -> None:
        from argmap.tui.editing import ClaimFields
        from argmap.tui.screens.change_claim import ChangeClaimScreen

        target = self.edit_target
        if self.entry is None or target is None or target == MOTION_ID:
            return
        claim = self.entry.graph.nodes[target].claim
        if claim is None:
            return
        shown = ClaimFields.of(claim)
        path = self.entry.path

        def attempt(typed: ClaimFields, finished: Finished) -> None:
            try:
                changes = shown.changes_to(typed)
            except ValueError as exc:
                finished(str(exc).capitalize())
                return
            if not changes:
                self.app.notify("Nothing changed.", markup=False)
                finished(None)
                return
            self.host.apply_edit(
                path,
                lambda text: set_fields(text, target, changes, name=str(path)),
                self._after_edit(finished),
            )

        self.app.push_screen(
            ChangeClaimScreen(
                f"Change '{safe(target)}'",
                self._form_context("Changing", target, with_text=False),
                shown,
                attempt,
            )
        )

    def action_delete_claim(self) -> None:
        from argmap.tui.editing import linkers_into
        from argmap.tui.screens.delete_claim import DeleteClaimScreen

        target = self.edit_target
        if self.entry is None or target is None or target == MOTION_ID:
            return
        node = self.entry.graph.nodes[target]
        below, linkers = linkers_into(self.entry.graph, target)
        path = self.entry.path
        parent = node.parent or MOTION_ID

        def delete(force: bool | None) -> None:
            if force is None:
                return

            def landed(outcome: Edit | str) -> None:
                if not isinstance(outcome, str):
                    self.land_on(parent)

            self.host.apply_edit(
                path,
                lambda text: remove_claim(text, target, force=force, name=str(path)),
                landed,
            )

        self.app.push_screen(
            DeleteClaimScreen(safe(target), safe(" ".join(node.text.split())), below, linkers),
            delete,
        )
