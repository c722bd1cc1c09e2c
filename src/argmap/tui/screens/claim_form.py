"""What the add and change forms share: saving on a worker, and its outcome on screen."""

from __future__ import annotations

from textual.screen import ModalScreen
from textual.widgets import Static


class ClaimForm(ModalScreen[bool]):
    """A form whose edit is written on a worker: busy while it saves, closed when written,
    kept open with the reason when refused. Subclasses have a `#form-error` Static."""

    def __init__(self) -> None:
        super().__init__()
        self._saving = False

    def _saving_started(self) -> bool:
        """Mark the form busy while its edit is written; False when it already is."""
        if self._saving:
            return False
        self._saving = True
        self.query_one("#form-error", Static).update("Saving…")
        return True

    def _finished(self, refused: str | None) -> None:
        """The edit is written (close the form) or refused (say why, keep what is typed)."""
        self._saving = False
        if self.app.screen is not self:
            return  # left with Esc while it saved
        if refused is None:
            self.dismiss(True)
        else:
            self.query_one("#form-error", Static).update(refused)

    def action_cancel(self) -> None:
        self.dismiss(False)
