"""Ballot files in the editor: the language server checks them, completes claim ids and
shows a claim's text on hover (the server runs as a subprocess, as an editor runs it)."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient
from test_lsp import answered, apply, client, diagnostics, folder, open_doc, position_of

__all__ = ["client", "folder"]  # the fixtures, shared with the debate tests

BALLOT = "debate: trade\nby: Ana\nweights:\n  growht: 4\n  jobs: 9\n  unequal: 2\n  \n"


def _ballot_uri(folder: Path) -> str:
    path = folder / "ballots" / "trade" / "ana.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(BALLOT, encoding="utf-8")
    return path.as_uri()


async def test_a_ballot_is_checked_against_its_debate_found_on_disk(
    client: LanguageClient, folder: Path
) -> None:
    uri = _ballot_uri(folder)
    open_doc(client, uri, BALLOT)
    found = await diagnostics(client, uri, lambda d: len(d) >= 2)
    by_line = {d.range.start.line: d for d in found}
    assert by_line[3].message == (
        "debate 'trade' has no claim 'growht' (did you mean 'growth'?); this weight is left out"
    )
    assert by_line[3].severity == types.DiagnosticSeverity.Warning
    assert (by_line[3].range.start.character, by_line[3].range.end.character) == (2, 8)
    assert by_line[4].message == "weight 9 of 'jobs' is outside 1-5"
    assert by_line[4].severity == types.DiagnosticSeverity.Error


async def test_completion_offers_the_claim_ids_not_yet_weighed(
    client: LanguageClient, folder: Path
) -> None:
    uri = _ballot_uri(folder)
    open_doc(client, uri, BALLOT)
    reply = await answered(
        client.text_document_completion_async(
            types.CompletionParams(
                types.TextDocumentIdentifier(uri), position_of(BALLOT, "  \n", shift=2)
            )
        )
    )
    assert isinstance(reply, types.CompletionList)
    labels = [item.label for item in reply.items]
    assert "growth" in labels and "pro.1" not in labels
    assert "jobs" not in labels and "unequal" not in labels  # already weighed
    growth = next(item for item in reply.items if item.label == "growth")
    assert growth.text_edit is not None and growth.text_edit.new_text == "growth: 3"
    assert growth.detail is not None and "Free trade makes economies grow" in growth.detail


async def test_hover_over_an_id_shows_the_claims_text_escaped(
    client: LanguageClient, folder: Path
) -> None:
    uri = _ballot_uri(folder)
    text = BALLOT.replace("growht", "growth")
    open_doc(client, uri, text)
    reply = await answered(
        client.text_document_hover_async(
            types.HoverParams(
                types.TextDocumentIdentifier(uri), position_of(text, "growth", shift=2)
            )
        )
    )
    assert reply is not None and isinstance(reply.contents, types.MarkupContent)
    assert "author's weight 3" in reply.contents.value
    assert "\\[1AC\\] \\*\\*fast\\*\\* \\<b\\>x\\</b\\>" in reply.contents.value


async def test_a_misspelt_id_has_a_quick_fix(client: LanguageClient, folder: Path) -> None:
    uri = _ballot_uri(folder)
    open_doc(client, uri, BALLOT)
    found = await diagnostics(client, uri, lambda d: len(d) >= 2)
    typo = next(d for d in found if "growht" in d.message)
    reply = await answered(
        client.text_document_code_action_async(
            types.CodeActionParams(
                types.TextDocumentIdentifier(uri),
                typo.range,
                types.CodeActionContext(diagnostics=[typo]),
            )
        )
    )
    assert reply is not None
    fixes = [a for a in reply if isinstance(a, types.CodeAction) and a.edit is not None]
    assert [a.title for a in fixes] == ["Change to 'growth'"]
    edit = fixes[0].edit
    assert edit is not None and edit.changes is not None
    assert apply(BALLOT, edit.changes[uri]) == BALLOT.replace("growht", "growth")


async def test_the_schema_hint_of_a_blank_ballot_is_no_part_of_it(
    client: LanguageClient, folder: Path
) -> None:
    text = (
        "# yaml-language-server: $schema=../../schema/ballot.schema.json\n"
        "# A ballot for argmap.\n"
        "debate: trade\nweights:\n  jobs: 9\n"
    )
    path = folder / "ballots" / "trade" / "ana.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    open_doc(client, uri, text)
    found = await diagnostics(client, uri, lambda d: len(d) >= 1)
    assert [(d.range.start.line, d.message) for d in found] == [
        (4, "weight 9 of 'jobs' is outside 1-5")
    ]
