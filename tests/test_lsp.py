"""`argmap lsp` end to end: the server runs as a subprocess and pytest-lsp talks to it over
stdio, as an editor would."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import TypeVar

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from argmap.load import load_paths, load_text
from argmap.locate import is_debate_text
from argmap.lsp.hover import escape
from argmap.reading import explain_strength
from argmap.strength import weigh

REQUEST_FAILED = types.LSPErrorCodes.RequestFailed

TRADE = textwrap.dedent(
    """\
    id: trade
    title: Trade
    motion: Trade should be free.
    sources:
      - id: report
        title: A report on trade
    pro:
      - id: growth
        text: Free trade makes economies grow [1AC] **fast** <b>x</b>.
        sources: [report]
        rebuttals:
          - id: unequal
            text: The gains go to few.
            rebuttals:
              - text: Transfers can share the gains.
    con:
      - id: jobs
        text: Jobs move abroad.
        also_rebuts: [growth]
      - {text: "Standards fall 😀 in a race", also_rebuts: [growth]}
    """
)
LABOUR = textwrap.dedent(
    """\
    id: labour
    title: Labour
    motion: Workers gain from open markets.
    pro:
      - id: wages
        text: Wages rise with exports.
        see: [trade:growth]
    con:
      - id: displaced
        text: Some workers are displaced.
        see: [trade]
    """
)
PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
T = TypeVar("T")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "trade.yaml").write_text(TRADE, encoding="utf-8")
    (tmp_path / "labour.yaml").write_text(LABOUR, encoding="utf-8")
    (tmp_path / "ci.yaml").write_text("jobs:\n  - name: build\n    also_rebuts: 3\n")
    return tmp_path


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[sys.executable, "-m", "argmap", "lsp"])
)
async def client(lsp_client: LanguageClient, folder: Path):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            root_uri=folder.as_uri(),
            workspace_folders=[types.WorkspaceFolder(folder.as_uri(), "debates")],
        )
    )
    yield
    await lsp_client.shutdown_session()


def uri_of(folder: Path, name: str) -> str:
    return (folder / name).as_uri()


def open_doc(client: LanguageClient, uri: str, text: str, version: int = 1) -> None:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "yaml", version, text))
    )


def change_doc(client: LanguageClient, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            [types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


async def diagnostics(
    client: LanguageClient,
    uri: str,
    until: Callable[[Sequence[types.Diagnostic]], bool] = lambda _: True,
) -> Sequence[types.Diagnostic]:
    """The diagnostics of `uri` once they satisfy `until` (fails after 10 s)."""

    async def wait() -> Sequence[types.Diagnostic]:
        while True:
            current = client.diagnostics.get(uri)
            if current is not None and until(current):
                return list(current)
            await client.wait_for_notification(PUBLISH)

    return await asyncio.wait_for(wait(), 10)


async def answered(request: Awaitable[T]) -> T:
    """The reply to a request, or a failed test after 10 s instead of a hang."""
    return await asyncio.wait_for(request, 10)


def position_of(text: str, needle: str, nth: int = 0, shift: int = 0) -> types.Position:
    """The LSP position (UTF-16 columns) of the nth occurrence of `needle`, plus `shift`."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    at += shift
    line = text.count("\n", 0, at)
    start = text.rfind("\n", 0, at) + 1
    return types.Position(line, len(text[start:at].encode("utf-16-le")) // 2)


def apply(text: str, edits: Sequence[types.TextEdit]) -> str:
    """Apply LSP text edits (UTF-16 columns) to a text."""
    lines = text.split("\n")

    def offset(p: types.Position) -> int:
        before = sum(len(line) + 1 for line in lines[: p.line])
        units, index, line = 0, 0, lines[p.line]
        while units < p.character:
            units += len(line[index].encode("utf-16-le")) // 2
            index += 1
        return before + index

    for edit in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


# --- diagnostics ---------------------------------------------------------------------------


async def test_a_typo_is_reported_as_typed_and_cleared_when_fixed(
    client: LanguageClient, folder: Path
) -> None:
    uri = uri_of(folder, "trade.yaml")
    open_doc(client, uri, TRADE)
    assert await diagnostics(client, uri) == []
    broken = TRADE.replace("rebuttals:\n      - id: unequal", "rebutals:\n      - id: unequal")
    change_doc(client, uri, broken, 2)
    found = await diagnostics(client, uri, lambda d: len(d) > 0)
    expected = load_text(broken, folder / "trade.yaml").diagnostics
    assert [d.message for d in found] == [d.message for d in expected]
    assert found[0].message == "unknown key 'rebutals' in a claim (did you mean 'rebuttals'?)"
    assert found[0].severity == types.DiagnosticSeverity.Error
    assert found[0].code == "unknown-key"
    start = position_of(broken, "rebutals:")
    assert found[0].range == types.Range(start, types.Position(start.line, start.character + 8))
    change_doc(client, uri, TRADE, 3)
    assert await diagnostics(client, uri, lambda d: len(d) == 0) == []


async def test_positions_count_utf16_units_after_an_emoji(
    client: LanguageClient, folder: Path
) -> None:
    uri = uri_of(folder, "trade.yaml")
    broken = TRADE.replace("also_rebuts: [growth]}", "also_rebuts: [growht]}")
    open_doc(client, uri, broken)
    found = await diagnostics(client, uri, lambda d: len(d) > 0)
    assert [d.message for d in found] == [
        "'also_rebuts' refers to unknown claim 'growht' (did you mean 'growth'?)"
    ]
    start = position_of(broken, "growht]}")
    # The emoji before it on the line is one character but two UTF-16 units.
    line = broken.splitlines()[start.line]
    assert start.character == line.index("growht") + 1
    assert found[0].range.start == start
    assert found[0].range.end == types.Position(start.line, start.character + 6)


async def test_see_links_are_checked_against_the_folder(
    client: LanguageClient, folder: Path
) -> None:
    uri = uri_of(folder, "labour.yaml")
    broken = LABOUR.replace("trade:growth", "trade:growht")
    open_doc(client, uri, broken)
    found = await diagnostics(client, uri, lambda d: len(d) > 0)
    (folder / "labour.yaml").write_text(broken, encoding="utf-8")
    from_cli = [d for item in load_paths([folder]) for d in item.diagnostics]
    labour = [d for d in from_cli if d.path.endswith("labour.yaml")]
    assert [d.message for d in found] == [d.message for d in labour]
    assert found[0].message == (
        "`see` names unknown claim 'growht' in debate 'trade' (did you mean 'growth'?)"
    )
    start = position_of(broken, "trade:growht")
    assert found[0].range.start == start
    assert (found[0].range.start.line + 1, found[0].range.start.character + 1) == (
        labour[0].line,
        labour[0].col,
    )


async def test_other_yaml_files_get_nothing(client: LanguageClient, folder: Path) -> None:
    other = uri_of(folder, "ci.yaml")
    open_doc(client, other, (folder / "ci.yaml").read_text())
    uri = uri_of(folder, "trade.yaml")
    open_doc(client, uri, TRADE)
    await diagnostics(client, uri)
    assert other not in client.diagnostics
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(other), types.Position(2, 6))
    )
    assert hover is None


# --- navigation ----------------------------------------------------------------------------


async def test_definition_of_a_link_and_of_a_see_reference(
    client: LanguageClient, folder: Path
) -> None:
    uri = uri_of(folder, "trade.yaml")
    open_doc(client, uri, TRADE)
    await diagnostics(client, uri)
    found = await client.text_document_definition_async(
        types.DefinitionParams(
            types.TextDocumentIdentifier(uri), position_of(TRADE, "[growth]", shift=3)
        )
    )
    assert isinstance(found, types.Location)
    assert found.uri == uri
    assert found.range.start == position_of(TRADE, "growth")
    source = await client.text_document_definition_async(
        types.DefinitionParams(
            types.TextDocumentIdentifier(uri), position_of(TRADE, "[report]", shift=1)
        )
    )
    assert isinstance(source, types.Location)
    assert source.range.start == position_of(TRADE, "report")

    labour = uri_of(folder, "labour.yaml")
    open_doc(client, labour, LABOUR)
    across = await client.text_document_definition_async(
        types.DefinitionParams(
            types.TextDocumentIdentifier(labour), position_of(LABOUR, "trade:growth", shift=8)
        )
    )
    assert isinstance(across, types.Location)
    assert across.uri == uri
    assert across.range.start == position_of(TRADE, "growth")
    debate = await client.text_document_definition_async(
        types.DefinitionParams(
            types.TextDocumentIdentifier(labour), position_of(LABOUR, "[trade]", shift=2)
        )
    )
    assert isinstance(debate, types.Location)
    assert (debate.uri, debate.range.start) == (uri, position_of(TRADE, "trade"))


async def test_references_include_see_links_from_other_debates(
    client: LanguageClient, folder: Path
) -> None:
    uri = uri_of(folder, "trade.yaml")
    open_doc(client, uri, TRADE)
    await diagnostics(client, uri)
    found = await client.text_document_references_async(
        types.ReferenceParams(
            context=types.ReferenceContext(include_declaration=True),
            text_document=types.TextDocumentIdentifier(uri),
            position=position_of(TRADE, "id: growth", shift=5),
        )
    )
    places = sorted((loc.uri, loc.range.start.line, loc.range.start.character) for loc in found)
    labour = uri_of(folder, "labour.yaml")
    expected = [
        (uri, position_of(TRADE, "growth", n).line, position_of(TRADE, "growth", n).character)
        for n in range(3)
    ] + [(labour, 6, position_of(LABOUR, "growth").character)]
    assert places == sorted(expected)


async def test_rename_changes_only_the_id_and_its_references(
    client: LanguageClient, folder: Path
) -> None:
    uri = uri_of(folder, "trade.yaml")
    open_doc(client, uri, TRADE)
    await diagnostics(client, uri)
    position = position_of(TRADE, "[growth]", shift=1)
    prepared = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(types.TextDocumentIdentifier(uri), position)
    )
    assert isinstance(prepared, types.PrepareRenamePlaceholder)
    assert prepared.placeholder == "growth"
    edit = await client.text_document_rename_async(
        types.RenameParams(types.TextDocumentIdentifier(uri), position, "expansion")
    )
    assert edit is not None and edit.changes is not None
    labour = uri_of(folder, "labour.yaml")
    assert set(edit.changes) == {uri, labour}
    assert all(e.new_text == "expansion" for edits in edit.changes.values() for e in edits)
    new_trade = apply(TRADE, edit.changes[uri])
    new_labour = apply(LABOUR, edit.changes[labour])
    # Exactly the tokens change: the claim's text "economies grow" keeps its words.
    assert new_trade == TRADE.replace("growth", "expansion")
    assert new_labour == LABOUR.replace("trade:growth", "trade:expansion")
    (folder / "trade.yaml").write_text(new_trade, encoding="utf-8")
    (folder / "labour.yaml").write_text(new_labour, encoding="utf-8")
    assert all(item.ok for item in load_paths([folder / "trade.yaml", folder / "labour.yaml"]))


async def test_rename_refuses_a_taken_id_and_a_generated_one(
    client: LanguageClient, folder: Path
) -> None:
    uri = uri_of(folder, "trade.yaml")
    open_doc(client, uri, TRADE)
    await diagnostics(client, uri)
    with pytest.raises(JsonRpcException, match="already used") as taken:
        await client.text_document_rename_async(
            types.RenameParams(
                types.TextDocumentIdentifier(uri), position_of(TRADE, "id: growth", shift=5), "jobs"
            )
        )
    with pytest.raises(JsonRpcException, match="generated id") as generated:
        await client.text_document_prepare_rename_async(
            types.PrepareRenameParams(
                types.TextDocumentIdentifier(uri), position_of(TRADE, "Transfers can", shift=2)
            )
        )
    # A refusal the editor shows (RequestFailed), not a crash in the server (InternalError).
    assert taken.value.code == generated.value.code == REQUEST_FAILED


# --- hover, completion, outline ------------------------------------------------------------


async def test_hover_names_side_kind_label_and_reason_with_text_escaped(
    client: LanguageClient, folder: Path
) -> None:
    uri = uri_of(folder, "trade.yaml")
    open_doc(client, uri, TRADE)
    await diagnostics(client, uri)
    hover = await client.text_document_hover_async(
        types.HoverParams(
            types.TextDocumentIdentifier(uri), position_of(TRADE, "[growth]", shift=2)
        )
    )
    assert hover is not None
    assert isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.kind == types.MarkupKind.Markdown
    value = hover.contents.value
    assert value.startswith("**pro** claim `growth`")
    # 'jobs' and the flow-mapped con claim rebut it and nothing answers them.
    assert "**defeated**: rebutted by" in value
    assert "'jobs'" in value and "which stands" in value
    # Its gradual strength and what moved it, as `argmap.strength` explains it.
    graph = load_text(TRADE, folder / "trade.yaml").graph
    strength = explain_strength(graph, weigh(graph), "growth", show_ids=True)
    assert strength.startswith("Strength 0.")
    assert escape(strength) in value
    # Brackets, asterisks and tags from the file are shown as characters, not markup.
    assert r"\[1AC\] \*\*fast\*\* \<b\>x\</b\>" in value
    assert "<b>" not in value


async def test_completion_ranks_the_other_sides_claims_first_in_also_rebuts(
    client: LanguageClient, folder: Path
) -> None:
    uri = uri_of(folder, "trade.yaml")
    typing = TRADE.replace("also_rebuts: [growth]\n", "also_rebuts: [\n", 1)
    open_doc(client, uri, typing)
    await diagnostics(client, uri)
    result = await client.text_document_completion_async(
        types.CompletionParams(
            types.TextDocumentIdentifier(uri), position_of(typing, "also_rebuts: [", shift=14)
        )
    )
    assert isinstance(result, types.CompletionList)
    ranked = [i.label for i in sorted(result.items, key=lambda i: i.sort_text or "")]
    # 'growth' is pro, 'unequal' con like 'jobs'; 'jobs' itself is not offered, and
    # claims without an id cannot be linked to.
    assert ranked == ["growth", "unequal"]

    kinds = await client.text_document_completion_async(
        types.CompletionParams(
            types.TextDocumentIdentifier(uri), position_of(TRADE, "text: Jobs", shift=0)
        )
    )
    assert isinstance(kinds, types.CompletionList)
    keys = [i.label for i in sorted(kinds.items, key=lambda i: i.sort_text or "")]
    # Keys the claim already has come last (they would be duplicates); `text` leads.
    assert keys[0] == "text"
    assert keys[-2:] == ["also_rebuts", "id"]
    assert {"kind", "sources", "rebuttals", "support", "see"} <= set(keys[1:-2])


async def test_completion_of_kinds_tags_and_see_links(client: LanguageClient, folder: Path) -> None:
    uri = uri_of(folder, "labour.yaml")
    typing = LABOUR.replace("see: [trade]", "kind: ", 1)
    open_doc(client, uri, typing)
    await diagnostics(client, uri)
    kinds = await client.text_document_completion_async(
        types.CompletionParams(
            types.TextDocumentIdentifier(uri), position_of(typing, "kind: ", shift=6)
        )
    )
    assert isinstance(kinds, types.CompletionList)
    assert sorted(i.label for i in kinds.items) == ["claim", "evidence", "proposal"]
    see = LABOUR.replace("see: [trade:growth]", "see: [tr", 1)
    change_doc(client, uri, see, 2)
    links = await client.text_document_completion_async(
        types.CompletionParams(
            types.TextDocumentIdentifier(uri), position_of(see, "see: [tr", shift=8)
        )
    )
    assert isinstance(links, types.CompletionList)
    labels = {i.label for i in links.items}
    assert {"trade", "trade:growth", "trade:jobs", "trade:unequal"} <= labels
    item = next(i for i in links.items if i.label == "trade:growth")
    assert isinstance(item.text_edit, types.TextEdit)
    assert item.text_edit.range.start == position_of(see, "see: [tr", shift=6)


async def test_outline_nests_claims_as_in_the_file(client: LanguageClient, folder: Path) -> None:
    uri = uri_of(folder, "trade.yaml")
    open_doc(client, uri, TRADE)
    await diagnostics(client, uri)
    found = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(types.TextDocumentIdentifier(uri))
    )
    assert found is not None
    names = [s.name for s in found if isinstance(s, types.DocumentSymbol)]
    assert names == ["motion", "pro", "con"]
    pro = found[1]
    assert isinstance(pro, types.DocumentSymbol) and pro.children
    growth = pro.children[0]
    assert growth.name == "growth"
    assert growth.children and growth.children[0].name == "unequal"
    nested = growth.children[0].children
    assert nested and nested[0].name == "Transfers can share the gains."
    con = found[2]
    assert isinstance(con, types.DocumentSymbol) and con.children
    assert [c.name for c in con.children] == ["jobs", "Standards fall 😀 in a race"]


# --- code actions --------------------------------------------------------------------------


async def test_did_you_mean_quick_fix_rewrites_the_token(
    client: LanguageClient, folder: Path
) -> None:
    uri = uri_of(folder, "trade.yaml")
    broken = TRADE.replace("sources: [report]", "sources: [reprot]")
    open_doc(client, uri, broken)
    found = await diagnostics(client, uri, lambda d: len(d) > 0)
    assert found[0].code == "unknown-source"
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            found[0].range,
            types.CodeActionContext(diagnostics=list(found)),
        )
    )
    assert result is not None
    fixes = [a for a in result if isinstance(a, types.CodeAction) and a.kind == "quickfix"]
    assert [f.title for f in fixes] == ["Change to 'report'"]
    edit = fixes[0].edit
    assert edit is not None and edit.changes is not None
    assert apply(broken, edit.changes[uri]) == TRADE


async def test_add_an_id_to_a_claim_without_one(client: LanguageClient, folder: Path) -> None:
    uri = uri_of(folder, "trade.yaml")
    open_doc(client, uri, TRADE)
    await diagnostics(client, uri)
    at = position_of(TRADE, "Transfers can", shift=3)
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            types.Range(at, at),
            types.CodeActionContext(diagnostics=[]),
        )
    )
    assert result is not None
    titles = [a.title for a in result if isinstance(a, types.CodeAction)]
    assert titles == ["Add the id 'transfers-share-gains' to this claim (unequal.r1)"]
    action = result[0]
    assert isinstance(action, types.CodeAction) and action.edit and action.edit.changes
    after = apply(TRADE, action.edit.changes[uri])
    assert after == TRADE.replace(
        "- text: Transfers", "- id: transfers-share-gains\n            text: Transfers"
    )
    loaded = load_text(after, "trade.yaml")
    assert loaded.ok and "transfers-share-gains" in loaded.graph


async def test_a_burst_of_changes_ends_with_the_last_texts_diagnostics(
    client: LanguageClient, folder: Path
) -> None:
    uri = uri_of(folder, "trade.yaml")
    open_doc(client, uri, TRADE)
    await diagnostics(client, uri)
    typos = ["rebutals:", "rebuttls:", "rebutalls:"]
    for version, typo in enumerate(typos, start=2):
        change_doc(client, uri, TRADE.replace("rebuttals:", typo, 1), version)
    found = await diagnostics(client, uri, lambda d: len(d) > 0 and "rebutalls" in d[0].message)
    assert [d.message for d in found] == [
        "unknown key 'rebutalls' in a claim (did you mean 'rebuttals'?)"
    ]


async def test_broken_yaml_keeps_outline_and_navigation_from_the_last_good_text(
    client: LanguageClient, folder: Path
) -> None:
    uri = uri_of(folder, "trade.yaml")
    open_doc(client, uri, TRADE)
    await diagnostics(client, uri)
    broken = TRADE.replace("also_rebuts: [growth]\n", "also_rebuts: [growth\n", 1)
    change_doc(client, uri, broken, 2)
    found = await diagnostics(client, uri, lambda d: len(d) > 0)
    assert len(found) == 1 and found[0].message.startswith("YAML syntax error")
    expected = load_text(broken, "trade.yaml").diagnostics[0]
    assert (found[0].range.start.line + 1, found[0].range.start.character + 1) == expected.pos
    outline = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(types.TextDocumentIdentifier(uri))
    )
    assert outline and [s.name for s in outline] == ["motion", "pro", "con"]
    hover = await client.text_document_hover_async(
        types.HoverParams(
            types.TextDocumentIdentifier(uri), position_of(TRADE, "id: growth", shift=5)
        )
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    # The label comes from the last version that loaded.
    assert "**defeated**" in hover.contents.value


@pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz's dot program")
async def test_preview_draws_the_debate_as_svg_and_shows_it(
    client: LanguageClient, folder: Path
) -> None:
    uri = uri_of(folder, "trade.yaml")
    open_doc(client, uri, TRADE)
    await diagnostics(client, uri)
    result = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="argmap.preview", arguments=[uri])
    )
    svg = Path(result)
    assert svg.name == "trade.svg" and svg.parent.name.startswith("argmap-preview-")
    drawn = svg.read_text(encoding="utf-8")
    assert "<svg" in drawn and "Jobs move abroad." in drawn
    assert client.shown_documents[-1].uri == svg.as_uri()
    assert folder not in svg.parents  # nothing is written beside the debates


async def test_preview_of_a_broken_debate_is_refused_with_a_reason(
    client: LanguageClient, folder: Path
) -> None:
    uri = uri_of(folder, "trade.yaml")
    open_doc(client, uri, "title: T\nmotion: M\npro: [3]\n")
    await diagnostics(client, uri, lambda d: len(d) > 0)
    with pytest.raises(JsonRpcException, match="has errors") as refused:
        await client.workspace_execute_command_async(
            types.ExecuteCommandParams(command="argmap.preview", arguments=[uri])
        )
    assert refused.value.code == REQUEST_FAILED


# --- the command ---------------------------------------------------------------------------


def test_argmap_lists_the_lsp_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "--help"], capture_output=True, text=True, check=True
    )
    assert "lsp" in done.stdout and "language server" in done.stdout


def test_without_pygls_the_command_names_the_extra() -> None:
    code = (
        "import sys\n"
        "sys.modules['pygls'] = None  # as if it were not installed\n"
        "from argmap.cli import main\n"
        "sys.exit(main(['lsp']))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "argmap: the language server needs pygls (pygls is not installed): "
        "pip install 'argmap[lsp]'"
    )
    assert "Traceback" not in done.stderr


async def test_hostile_files_get_their_error_and_the_server_keeps_answering(
    client: LanguageClient, folder: Path
) -> None:
    from test_hostile import HOSTILE

    checked = 0
    for name, (data, word) in HOSTILE.items():
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue  # an editor would not send these bytes as they are
        if not is_debate_text(text):
            continue  # no top-level `motion:`: the server stays silent, as tested above
        uri = uri_of(folder, f"hostile-{name}.yaml")
        open_doc(client, uri, text)
        found = await diagnostics(client, uri)
        assert any(word.lower() in d.message.lower() for d in found), (name, found)
        last = types.Position(text.count("\n"), 0)
        doc = types.TextDocumentIdentifier(uri)
        # Each request must be answered (a server that fails to encode a reply never does).
        for position in (types.Position(0, 0), types.Position(1, 3), last):
            await answered(client.text_document_hover_async(types.HoverParams(doc, position)))
            await answered(
                client.text_document_completion_async(types.CompletionParams(doc, position))
            )
            await answered(
                client.text_document_definition_async(types.DefinitionParams(doc, position))
            )
        await answered(client.text_document_document_symbol_async(types.DocumentSymbolParams(doc)))
        client.text_document_did_close(types.DidCloseTextDocumentParams(doc))
        checked += 1
    assert checked >= 12


async def test_every_bad_fixture_gets_exactly_the_cli_diagnostics(
    client: LanguageClient, tmp_path: Path
) -> None:
    bad = tmp_path / "bad"
    shutil.copytree(Path(__file__).parent / "data" / "bad", bad)
    expected = {Path(item.path).name: item.diagnostics for item in load_paths([bad])}
    compared = 0
    for path in sorted(bad.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if not is_debate_text(text):
            continue
        uri = path.as_uri()
        open_doc(client, uri, text)
        found = await diagnostics(client, uri)
        want = expected[path.name]
        assert [
            (d.message, d.range.start.line + 1, d.range.start.character + 1) for d in found
        ] == [(d.message, d.line, d.col) for d in want], path.name
        assert [d.severity == types.DiagnosticSeverity.Error for d in found] == [
            d.is_error for d in want
        ]
        compared += 1
    assert compared >= 15


def test_garbage_on_stdin_is_logged_in_one_line_without_a_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "lsp"],
        input=b"Content-Length: 5\r\n\r\n{bad}",
        capture_output=True,
        timeout=60,
        env={k: v for k, v in os.environ.items() if k != "ARGMAP_LSP_DEBUG"},
    )
    assert done.returncode == 0
    assert b"Traceback" not in done.stderr
    assert b"argmap lsp: ERROR: Unable to handle message" in done.stderr


async def test_rename_a_source_leaves_the_same_word_in_text_alone(
    client: LanguageClient, folder: Path
) -> None:
    uri = uri_of(folder, "trade.yaml")
    open_doc(client, uri, TRADE)
    await diagnostics(client, uri)
    position = position_of(TRADE, "[report]", shift=2)
    found = await client.text_document_references_async(
        types.ReferenceParams(
            context=types.ReferenceContext(include_declaration=False),
            text_document=types.TextDocumentIdentifier(uri),
            position=position,
        )
    )
    assert [loc.range.start for loc in found] == [position_of(TRADE, "[report]", shift=1)]
    edit = await client.text_document_rename_async(
        types.RenameParams(types.TextDocumentIdentifier(uri), position, "trade-report")
    )
    assert edit is not None and edit.changes is not None and list(edit.changes) == [uri]
    after = apply(TRADE, edit.changes[uri])
    assert after == TRADE.replace("id: report", "id: trade-report").replace(
        "[report]", "[trade-report]"
    )
    assert "title: A report on trade" in after


async def test_hover_on_an_expect_entry_says_whether_it_is_met(
    client: LanguageClient, folder: Path
) -> None:
    uri = uri_of(folder, "trade.yaml")
    exercise = TRADE + "expect:\n  standing: [jobs, growth]\n"
    open_doc(client, uri, exercise)
    await diagnostics(client, uri)
    doc = types.TextDocumentIdentifier(uri)
    met = await client.text_document_hover_async(
        types.HoverParams(doc, position_of(exercise, "[jobs, growth]", shift=2))
    )
    missed = await client.text_document_hover_async(
        types.HoverParams(doc, position_of(exercise, ", growth]", shift=3))
    )
    assert met is not None and isinstance(met.contents, types.MarkupContent)
    assert missed is not None and isinstance(missed.contents, types.MarkupContent)
    assert met.contents.value.startswith("`expect` standing: **met**")
    assert missed.contents.value.startswith("`expect` standing: **not met: it is defeated**")


async def quick_fix(client: LanguageClient, uri: str, text: str) -> str:
    """The text after applying the one quick fix offered for the file's first diagnostic."""
    found = await diagnostics(client, uri, lambda d: len(d) > 0)
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            found[0].range,
            types.CodeActionContext(diagnostics=list(found)),
        )
    )
    assert result is not None
    fixes = [a for a in result if isinstance(a, types.CodeAction) and a.kind == "quickfix"]
    assert len(fixes) == 1
    edit = fixes[0].edit
    assert edit is not None and edit.changes is not None
    return apply(text, edit.changes[uri])


async def test_quick_fixes_for_a_key_and_for_the_parts_of_a_see_link(
    client: LanguageClient, folder: Path
) -> None:
    trade = uri_of(folder, "trade.yaml")
    open_doc(client, trade, TRADE.replace("also_rebuts: [growth]\n", "also_rebut: [growth]\n"))
    assert await quick_fix(client, trade, TRADE.replace("also_rebuts:", "also_rebut:", 1)) == TRADE
    # The editor applies the fix: the buffer, which wins over the file, is valid again.
    change_doc(client, trade, TRADE, 2)
    await diagnostics(client, trade, lambda d: len(d) == 0)
    labour = uri_of(folder, "labour.yaml")
    wrong_claim = LABOUR.replace("trade:growth", "trade:growht")
    open_doc(client, labour, wrong_claim)
    assert await quick_fix(client, labour, wrong_claim) == LABOUR
    wrong_debate = LABOUR.replace("trade:growth", "trdae:growth")
    change_doc(client, labour, wrong_debate, 2)
    await diagnostics(client, labour, lambda d: len(d) > 0 and "trdae" in d[0].message)
    assert await quick_fix(client, labour, wrong_debate) == LABOUR


async def test_a_change_in_one_debate_rechecks_the_see_links_of_another(
    client: LanguageClient, folder: Path
) -> None:
    labour = uri_of(folder, "labour.yaml")
    open_doc(client, labour, LABOUR)
    assert await diagnostics(client, labour) == []
    trade = uri_of(folder, "trade.yaml")
    open_doc(client, trade, TRADE)
    await diagnostics(client, trade)
    # Renaming the claim in the trade buffer alone (unsaved) breaks labour's link to it.
    change_doc(client, trade, TRADE.replace("growth", "growths"), 2)
    found = await diagnostics(client, labour, lambda d: len(d) > 0)
    assert [d.message for d in found] == [
        "`see` names unknown claim 'growth' in debate 'trade' (did you mean 'growths'?)"
    ]
    change_doc(client, trade, TRADE, 3)
    assert await diagnostics(client, labour, lambda d: len(d) == 0) == []
