"""The command palette (Ctrl+P): every command that applies, found by its title or by the
words people type for it ("theme", "dark", "diagram", "exit")."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.screen import Screen

from argmap.tui.commands import COMMANDS, Command


def palette_commands(screen: Screen[object]) -> Iterator[tuple[Command, DOMNode]]:
    """The commands offered on `screen`, each with the node that runs it."""
    app = screen.app
    scopes = {"app", getattr(screen, "SCOPE", "")}
    for command in COMMANDS:
        if not command.palette or command.scope not in scopes:
            continue
        target: DOMNode = screen if command.scope != "app" else app
        if target.check_action(command.action, ()) is not True:
            continue
        yield command, target


def runner(screen: Screen[object], target: DOMNode, action: str) -> Callable[[], Awaitable[None]]:
    """A callback that runs `action` on `target`."""

    async def run() -> None:
        await screen.app.run_action(action, target)

    return run


class ArgmapCommands(Provider):
    """Our commands, matched on their title and on the words in `Command.aliases`."""

    async def discover(self) -> Hits:
        for command, target in palette_commands(self.screen):
            yield DiscoveryHit(
                f"{command.title} ({command.keys_shown})",
                runner(self.screen, target, command.action),
                help=command.help,
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command, target in palette_commands(self.screen):
            title = f"{command.title} ({command.keys_shown})"
            score = matcher.match(title)
            for word in command.aliases.split():
                # A word people type for it counts almost as much as the title.
                score = max(score, matcher.match(word) * 0.9)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(title),
                    runner(self.screen, target, command.action),
                    help=command.help,
                )
