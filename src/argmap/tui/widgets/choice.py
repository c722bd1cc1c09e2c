"""A radio button whose mark tells chosen from not chosen by shape, not only by colour."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import RadioButton, RadioSet

CHOSEN = "●"
NOT_CHOSEN = "○"


class ChoiceButton(RadioButton):
    """`●` when chosen, `○` when not, so the choice reads in any theme and in greyscale.

    Textual draws the same mark in both states and tells them apart by colour alone.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.BUTTON_INNER = CHOSEN if self.value else NOT_CHOSEN

    def watch_value(self) -> None:
        self.BUTTON_INNER = CHOSEN if self.value else NOT_CHOSEN
        super().watch_value()


class ChoiceSet(RadioSet, inherit_bindings=False):
    """Radio buttons where the arrow keys choose at once and Enter is left to the dialog.

    Textual's RadioSet only moves a highlight with the arrows and takes Enter to choose,
    so a dialog whose Enter means "do it" could not be finished from a choice.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,right", "choose_next", "Next option", show=False),
        Binding("up,left", "choose_previous", "Previous option", show=False),
        Binding("space", "toggle_button", "Choose", show=False),
    ]

    def _from_chosen(self) -> None:
        # The arrows move from the chosen option (a RadioSet starts on its first one).
        if self.pressed_index >= 0:
            self._selected = self.pressed_index

    def action_choose_next(self) -> None:
        self._from_chosen()
        self.action_next_button()
        self.action_toggle_button()

    def action_choose_previous(self) -> None:
        self._from_chosen()
        self.action_previous_button()
        self.action_toggle_button()
