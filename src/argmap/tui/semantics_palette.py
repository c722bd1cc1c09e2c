"""The command palette's semantics switch: weigh every open debate by quadratic energy,
DF-QuAD or the max-based semantics, and see every strength and verdict change at once.

A debate file's `semantics:` key is where each debate starts; a choice here holds for all
open debates until another is chosen ("Weigh by each file's own semantics" goes back).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from typing import TYPE_CHECKING, cast

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider

from argmap.gradual import DEFAULT_SEMANTICS, SEMANTICS
from argmap.tui.model import Library

if TYPE_CHECKING:
    from argmap.tui.host import Host

#: Words people type for the switch, besides the semantics' names.
ALIASES = "semantics weigh strength quality counting gradual"


def semantics_title(name: str) -> str:
    """How the app names a semantics: 'quadratic energy', 'DF-QuAD', 'max-based'."""
    semantics = SEMANTICS.get(name)
    return semantics.title if semantics is not None else name


def used(library: Library) -> str | None:
    """The semantics every open debate is weighed by; None when the files name different
    ones and none was chosen here."""
    if library.semantics is not None:
        return library.semantics
    names = {entry.semantics_in_use for entry in library.entries if entry.openable}
    if len(names) > 1:
        return None
    return names.pop() if names else DEFAULT_SEMANTICS


def in_use(library: Library) -> str:
    """What the debates are weighed by, as the title line says it: 'DF-QuAD', or 'each
    file's own semantics'."""
    name = used(library)
    return "each file's own semantics" if name is None else semantics_title(name)


def choices(library: Library | None) -> Iterator[tuple[str, str, str | None]]:
    """(title, help, semantics or None for each file's own) for each choice on offer; the
    one every debate is weighed by now is marked "(in use)"."""
    now = used(library) if library is not None else None
    for name, semantics in SEMANTICS.items():
        mark = " (in use)" if name == now else ""
        how = "weaker claims add up" if semantics.counts else "the strongest counts, not how many"
        yield f"Weigh by {semantics.title}{mark}", f"{semantics.paper}: {how}", name
    if library is not None and library.semantics is not None:
        yield (
            "Weigh by each file's own semantics",
            "Back to the semantics each debate file names (quadratic energy if none).",
            None,
        )


def choose(app: App[object], semantics: str | None) -> None:
    """Weigh every open debate by `semantics` (None: each file's own) and redraw."""
    host = cast("Host", app)
    if host.library is None:
        return
    host.library.choose_semantics(semantics)
    host.refresh_screens()
    said = f"by {semantics_title(semantics)}" if semantics else "by each file's own semantics"
    app.notify(f"Strengths and verdicts are now weighed {said}.", markup=False)


def _runner(app: App[object], semantics: str | None) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        choose(app, semantics)

    return run


class SemanticsCommands(Provider):
    """'Weigh by DF-QuAD' and the others, matched on the title and on `ALIASES`."""

    def _library(self) -> Library | None:
        return cast("Host", self.app).library

    async def discover(self) -> Hits:
        for title, help_text, name in choices(self._library()):
            yield DiscoveryHit(title, _runner(self.app, name), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, name in choices(self._library()):
            score = matcher.match(title)
            for word in (*ALIASES.split(), *(name or "").split("-")):
                score = max(score, matcher.match(word) * 0.9)
            if score > 0:
                yield Hit(score, matcher.highlight(title), _runner(self.app, name), help=help_text)
