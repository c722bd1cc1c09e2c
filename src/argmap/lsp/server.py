"""The argmap language server: creates the pygls server and registers each feature.

Every handler is a few lines that hand over to the module of its feature group. The
server serves YAML files that are debates (they have a top-level `motion:`) and stays
silent on any other file. Diagnostics run after typing pauses, in a worker thread, so the
event loop keeps answering hover and completion while a big file is checked; a result for
a text that has changed meanwhile is dropped.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from typing import BinaryIO, cast

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from argmap import __version__
from argmap.lsp import actions, ballots, completion, navigation, preview, symbols, wire
from argmap.lsp import hover as hovering
from argmap.lsp.diagnostics import DEBOUNCE_SECONDS, Published, to_lsp
from argmap.lsp.documents import Analysis, Documents, uri_path
from argmap.lsp.positions import ClientPositions

log = logging.getLogger(__name__)


class ArgmapServer(LanguageServer):
    """A pygls server holding the open debates and the diagnostics published for them."""

    def __init__(self) -> None:
        # Full sync: the client sends the whole text on each change, so positions never
        # depend on how pygls splits lines (Python also breaks at U+2028; editors do not).
        super().__init__(
            "argmap",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Full,
            protocol_cls=wire.AnsweringProtocol,
        )
        self.docs = Documents()
        self.published: dict[str, list[Published]] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        #: What each buffer last told its folder it defines (see `_names_of`).
        self.announced: dict[str, tuple[str, frozenset[str]] | None] = {}
        #: Where each buffer holding lone surrogates has its first one (see `wire`).
        self.surrogates: dict[str, int] = {}
        self.previews = preview.Folder()

    def opened(self, uri: str, version: int | None, text: str) -> None:
        """Keep a buffer's text, with any lone surrogate read as U+FFFD."""
        offset = wire.first_surrogate(text)
        if offset is None:
            self.surrogates.pop(uri, None)
        else:
            self.surrogates[uri] = offset
            text = wire.without_surrogates(text)
        self.docs.opened(uri, version, text)

    @property
    def encoding(self) -> str:
        """The position encoding agreed with the client (UTF-16 unless it offered another)."""
        return str(self.workspace.position_encoding or types.PositionEncodingKind.Utf16)

    def schedule(self, uri: str, delay: float) -> None:
        """Check a buffer once typing has paused for `delay` seconds (newest change wins)."""
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self.check(uri, delay))

    def schedule_folder(self, uri: str) -> None:
        """Re-check the other open debates of a folder: their `see` links may have changed."""
        path = uri_path(uri)
        if path is None:
            return
        for other in list(self.docs.open_texts):
            other_path = uri_path(other)
            if other != uri and other_path is not None and other_path.parent == path.parent:
                self.schedule(other, DEBOUNCE_SECONDS)

    async def check(self, uri: str, delay: float) -> None:
        await asyncio.sleep(delay)
        entry = self.docs.open_texts.get(uri)
        if entry is None:
            return
        if ballots.is_ballot(self.docs, uri):
            await self.check_ballot(uri, *entry)
            return
        if not self.docs.is_debate(uri):
            if self.published.pop(uri, None) is not None:
                self.publish(uri, entry[0], [])
            return
        version, text = entry
        loop = asyncio.get_running_loop()
        try:
            analysis = await loop.run_in_executor(
                self.thread_pool, self.docs.analyse, uri, version, text
            )
        except Exception as exc:  # a bug must not stop the server; say so in the log
            log.exception("checking %s failed", uri)
            self.window_log_message(
                types.LogMessageParams(types.MessageType.Error, f"argmap: checking failed: {exc}")
            )
            return
        if self.docs.open_texts.get(uri) != entry:
            return  # typed over while checking: a newer check is on its way
        self.docs.store(analysis)
        names = _names_of(analysis)
        if names != self.announced.get(uri, ()):
            # What `see` links in the folder's other debates can point at has changed (the
            # others read this buffer's stored check, never its unchecked text): check them
            # again. A debate's names depend on the others only through its own validity,
            # which a neighbour can only help, so these re-checks settle.
            self.announced[uri] = names
            self.schedule_folder(uri)
        found = analysis.loaded.diagnostics if analysis.loaded is not None else []
        positions = ClientPositions(text, self.encoding)
        published = to_lsp(found, text, positions)
        if uri in self.surrogates:
            diagnostic = wire.surrogate_diagnostic(positions, self.surrogates[uri])
            published.insert(0, Published(diagnostic, None))
        self.published[uri] = published
        self.publish(uri, version, published)
        # Index the text now, while the user reads the diagnostics, not on the first hover.
        await loop.run_in_executor(self.thread_pool, lambda: analysis.index)

    async def check_ballot(self, uri: str, version: int | None, text: str) -> None:
        loop = asyncio.get_running_loop()
        found = await loop.run_in_executor(
            self.thread_pool, ballots.diagnostics, self.docs, uri, text, self.encoding
        )
        if self.docs.open_texts.get(uri) == (version, text):
            self.published[uri] = found
            self.publish(uri, version, found)

    def publish(self, uri: str, version: int | None, published: list[Published]) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, version=version, diagnostics=[p.diagnostic for p in published]
            )
        )


def _names_of(analysis: Analysis) -> tuple[str, frozenset[str]] | None:
    """What other debates' `see` links can name in this one: its id and claim ids."""
    loaded = analysis.loaded
    if loaded is None or not loaded.ok:
        return None
    return analysis.debate_id, frozenset(loaded.graph.nodes)


def create_server() -> ArgmapServer:
    """A server with every feature registered."""
    server = ArgmapServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ArgmapServer, params: types.DidOpenTextDocumentParams) -> None:
        doc = params.text_document
        ls.opened(doc.uri, doc.version, doc.text)
        ls.schedule(doc.uri, 0)
        ls.schedule_folder(doc.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ArgmapServer, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        text = ls.workspace.get_text_document(uri).source
        ls.opened(uri, params.text_document.version, text)
        ls.schedule(uri, DEBOUNCE_SECONDS)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ArgmapServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule_folder(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ArgmapServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.docs.closed(uri)
        ls.surrogates.pop(uri, None)
        if ls.published.pop(uri, None) is not None:
            ls.publish(uri, None, [])
        if ls.announced.pop(uri, None) is not None:
            ls.schedule_folder(uri)  # the file on disk counts again

    def target(
        ls: ArgmapServer, doc: types.TextDocumentIdentifier, position: types.Position
    ) -> navigation.Target | None:
        if not ls.docs.is_debate(doc.uri):
            return None
        return navigation.target_at(ls.docs, doc.uri, position, ls.encoding)

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: ArgmapServer, params: types.DefinitionParams) -> types.Location | None:
        found = target(ls, params.text_document, params.position)
        return navigation.definition(ls.docs, found, ls.encoding) if found else None

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    def references(ls: ArgmapServer, params: types.ReferenceParams) -> list[types.Location]:
        found = target(ls, params.text_document, params.position)
        if found is None:
            return []
        include = params.context.include_declaration
        return navigation.references(ls.docs, found, include, ls.encoding)

    @server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
    def prepare_rename(
        ls: ArgmapServer, params: types.PrepareRenameParams
    ) -> types.PrepareRenameResult | None:
        found = target(ls, params.text_document, params.position)
        return navigation.prepare_rename(ls.docs, found, ls.encoding) if found else None

    @server.feature(types.TEXT_DOCUMENT_RENAME, types.RenameOptions(prepare_provider=True))
    def rename(ls: ArgmapServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
        found = target(ls, params.text_document, params.position)
        if found is None:
            return None
        return navigation.rename(ls.docs, found, params.new_name, ls.encoding)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: ArgmapServer, params: types.HoverParams) -> types.Hover | None:
        if ballots.is_ballot(ls.docs, params.text_document.uri):
            return ballots.hover(ls.docs, params.text_document.uri, params.position, ls.encoding)
        found = target(ls, params.text_document, params.position)
        return hovering.hover(ls.docs, found, ls.encoding) if found else None

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION,
        types.CompletionOptions(trigger_characters=completion.TRIGGERS),
    )
    def complete(ls: ArgmapServer, params: types.CompletionParams) -> types.CompletionList | None:
        uri = params.text_document.uri
        if ballots.is_ballot(ls.docs, uri):
            return ballots.complete(ls.docs, uri, params.position, ls.encoding)
        if not ls.docs.is_debate(uri):
            return None
        return completion.complete(ls.docs, uri, params.position, ls.encoding)

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def document_symbols(
        ls: ArgmapServer, params: types.DocumentSymbolParams
    ) -> list[types.DocumentSymbol]:
        uri = params.text_document.uri
        index = ls.docs.index(uri) if ls.docs.is_debate(uri) else None
        return symbols.outline(index, ls.encoding) if index is not None else []

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.RefactorRewrite]
        ),
    )
    def code_actions(ls: ArgmapServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        if ballots.is_ballot(ls.docs, uri):
            return actions.quick_fixes(uri, ls.published.get(uri, []), params.range)
        if not ls.docs.is_debate(uri):
            return []
        current = ls.docs.current(uri)
        checked = ls.docs.analyses.get(uri)
        # Fixes point into the text they were made for; offer them only for that text.
        fresh = current is not None and checked is not None and checked.text == current.text
        published = ls.published.get(uri, []) if fresh else []
        found = actions.quick_fixes(uri, published, params.range)
        if current is not None and current.index is not None:
            found.extend(actions.add_id(uri, current.index, params.range, ls.encoding))
        return found

    @server.command(preview.COMMAND)
    async def draw_preview(ls: ArgmapServer, uri: str) -> str:
        """Draw the debate as SVG (off the event loop: `dot` takes a while) and show it."""
        loop = asyncio.get_running_loop()
        try:
            path = await loop.run_in_executor(
                ls.thread_pool, preview.draw, ls.docs.valid(uri) if uri else None, ls.previews
            )
        except preview.PreviewRefused as exc:
            ls.window_show_message(
                types.ShowMessageParams(types.MessageType.Warning, f"argmap preview: {exc}")
            )
            raise navigation.Refused(str(exc)) from exc
        ls.window_show_document(types.ShowDocumentParams(uri=path.as_uri(), external=True))
        return str(path)

    return server


class _OneLine(logging.Formatter):
    """Log lines for the editor's server log: the message, without a traceback."""

    def formatException(self, ei: object) -> str:
        return ""


def main() -> int:
    """Serve over stdin and stdout until the client says exit; the exit status.

    Problems go to stderr, which editors show as the server's log, one line each; set
    ARGMAP_LSP_DEBUG=1 for full tracebacks. A message too long to read stops the server
    with status 1.
    """
    handler = logging.StreamHandler(sys.stderr)
    if not os.environ.get("ARGMAP_LSP_DEBUG"):
        handler.setFormatter(_OneLine("argmap lsp: %(levelname)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler])
    stdin = wire.BoundedInput(sys.stdin.buffer)
    # pygls reads its input only with readline() and read(n), which BoundedInput has.
    create_server().start_io(stdin=cast(BinaryIO, stdin))
    return 1 if stdin.refused else 0
