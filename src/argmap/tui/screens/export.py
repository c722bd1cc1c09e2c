"""The export dialog: format, whole debate or this branch, depth, theme; Enter exports.

With the defaults (those of `argmap export`), Enter writes `exports/<debate-id>.svg`
(`.dot` when Graphviz is missing); a file already there is replaced only after a second
Enter. The drawing runs in a worker so a large diagram never freezes the app. In the
`slides` theme a diagram too big for one image at 18 pt is not written squeezed: the app
says which `argmap export` command splits it into readable images.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioSet, Static

from argmap.model import MOTION_ID
from argmap.tui.model import DebateEntry
from argmap.tui.widgets.choice import ChoiceButton, ChoiceSet
from argmap.tui.widgets.labels import safe

if TYPE_CHECKING:
    from argmap.export import ExportOptions
    from argmap.graph import ArgumentGraph

FORMATS = ("svg", "png", "pdf", "dot")
#: The diagram themes `argmap export --theme` offers, in the same order.
THEMES = ("light", "dark", "print", "slides")
#: `--rankdir`: top-down, left-right, or chosen by the diagram's width.
DIRECTIONS = ("TB", "LR", "auto")
#: The CLI's default (`argmap export --rankdir auto`): left-right when a level is wide, so
#: a broad debate draws as a page rather than a long strip.
DEFAULT_DIRECTION = "auto"


def _radios(name: str, values: tuple[str, ...], chosen: str) -> RadioSet:
    return ChoiceSet(
        *(ChoiceButton(value, value=value == chosen, name=value) for value in values),
        id=name,
        classes="export-choice",
    )


class ExportScreen(ModalScreen[None]):
    """Choose what to draw; the focus starts on the first choice (←→ choose, Tab moves on),
    and Enter exports from anywhere with what is chosen."""

    CSS_PATH = "export.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", key_display="esc"),
        # Enter exports from anywhere in the dialog (the buttons handle their own Enter).
        Binding("enter", "export", "Export", show=False),
    ]

    def __init__(self, entry: DebateEntry, claim_id: str) -> None:
        super().__init__()
        self.entry = entry
        self.claim_id = claim_id
        #: The existing file Enter was pressed on once: a second Enter replaces it.
        self._confirmed: Path | None = None

    def compose(self) -> ComposeResult:
        from argmap.export import dot_available

        has_dot = dot_available()
        fmt = "svg" if has_dot else "dot"
        branch = self.claim_id != MOTION_ID
        with Vertical(id="export-box") as box:
            box.border_title = Text(f"Export {safe(self.entry.debate_id)}")
            box.border_subtitle = "Tab moves · ←→ choose · Enter exports · Esc closes"
            with Horizontal(classes="export-row"):
                yield Label("Format", classes="export-label")
                yield _radios("format", FORMATS, fmt)
            if not has_dot:
                yield Static(
                    "Graphviz `dot` is not installed: only DOT can be written.",
                    classes="export-note",
                    markup=False,
                )
            with Horizontal(classes="export-row"):
                yield Label("Draw", classes="export-label")
                yield ChoiceSet(
                    ChoiceButton("whole debate", value=True, name="debate"),
                    ChoiceButton(
                        Text(f"branch of {safe(self.claim_id)}")
                        if branch
                        else "branch (select a claim)",
                        name="branch",
                        disabled=not branch,
                    ),
                    id="scope",
                    classes="export-choice",
                )
            with Horizontal(classes="export-row"):
                yield Label("Depth", classes="export-label")
                yield Input(
                    placeholder="all levels", type="integer", id="depth", classes="export-depth"
                )
            with Horizontal(classes="export-row"):
                yield Label("Theme", classes="export-label")
                yield _radios("theme", THEMES, "light")
            with Horizontal(classes="export-row"):
                yield Label("Layout", classes="export-label")
                yield _radios("direction", DIRECTIONS, DEFAULT_DIRECTION)
            yield Static(id="export-target", markup=False)
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="do-export")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self._show_target()
        # The hint says "←→ choose": start on the first choice, where those keys work.
        self.query_one("#format", RadioSet).focus()

    def _choice(self, name: str) -> str:
        pressed = self.query_one(f"#{name}", RadioSet).pressed_button
        return pressed.name or "" if pressed is not None else ""

    def options(self) -> ExportOptions:
        """The choices on screen as export options (a bad depth raises ValueError)."""
        from argmap.export import ExportOptions

        depth_text = self.query_one("#depth", Input).value.strip()
        depth = int(depth_text) if depth_text else None
        if depth is not None and depth < 0:
            raise ValueError("depth must be 0 or more")
        root = self.claim_id if self._choice("scope") == "branch" else None
        return ExportOptions(
            format=self._choice("format") or "svg",
            root=root,
            depth=depth,
            theme=self._choice("theme") or "light",
            rankdir=self._choice("direction") or DEFAULT_DIRECTION,
        )

    def _target(self) -> Path | None:
        from argmap.export import default_output

        try:
            target: Path = default_output(self.entry.debate_id, self.options())
            return target
        except ValueError:
            return None

    def _show_target(self) -> None:
        self._confirmed = None
        target = self._target()
        self.query_one("#export-target", Static).update(
            f"Writes {safe(str(target))}"
            if target is not None
            else "Depth must be a whole number ≥ 0"
        )

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self._show_target()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._show_target()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_export()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "do-export":
            self.action_export()
        else:
            self.dismiss(None)

    def action_export(self) -> None:
        try:
            options = self.options()
        except ValueError as exc:
            self.app.notify(str(exc), severity="error", markup=False)
            return
        target = self._target()
        assert target is not None
        if target != self._confirmed:
            from argmap.tui.overwrite import replace_warning

            warning = replace_warning(target)
            if warning is not None:
                # Never written over without asking: say so, and wait for a second Enter.
                self.query_one("#export-target", Static).update(Text(safe(warning), style="bold"))
                self._confirmed = target
                return
        graph = self.entry.graph
        path = self.entry.path
        app = self.app

        def draw() -> None:
            from argmap.export import ExportError, export_graph

            try:
                refused = slide_image_refusal(graph, options, target, path)
                if refused:
                    app.call_from_thread(
                        app.notify, refused, title="Not exported", severity="error", markup=False
                    )
                    return
                written = export_graph(graph, options, target)
            except ExportError as exc:
                app.call_from_thread(
                    app.notify, str(exc), title="Export failed", severity="error", markup=False
                )
            except OSError as exc:
                app.call_from_thread(
                    app.notify,
                    f"Cannot write {target}: {exc.strerror}",
                    title="Export failed",
                    severity="error",
                    markup=False,
                )
            else:
                app.call_from_thread(
                    app.notify, f"Exported to {written}", title="Export", markup=False
                )

        app.run_worker(draw, name="export", group="export", thread=True, exit_on_error=False)
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)


def slide_image_refusal(
    graph: ArgumentGraph, options: ExportOptions, target: Path, path: Path
) -> str | None:
    """Why a slides-theme image is not written as one picture, or None: one image that
    keeps 18 pt is written; a diagram the command line would split over several images
    (`argmap.export.slide_images`) is never squeezed into one, and the message names the
    command that splits it. Raises ExportError as the planner does."""
    if options.theme != "slides" or options.format == "dot":
        return None
    import shlex

    from argmap.export.slide_images import plan_images

    command = shlex.quote(safe(str(path)))
    plan = plan_images(graph, options, target, command)
    if len(plan.images) == 1 and not plan.legend_apart:
        return None
    root = f" --root {shlex.quote(safe(options.root))}" if options.root else ""
    return (
        f"Too big for one slide image at 18 pt. "
        f"`argmap export {command}{root} --theme slides -f {options.format} -o FOLDER/` "
        f"writes it as {len(plan.images)} readable images, split by branch."
    )
