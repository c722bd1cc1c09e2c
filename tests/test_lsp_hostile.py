"""`argmap lsp` against what a broken or hostile client sends: lone surrogates in a buffer,
positions out of range, a message length of a terabyte, a planted preview folder."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient
from test_lsp import (
    LABOUR,
    TRADE,
    answered,
    apply,
    client,
    diagnostics,
    folder,
    open_doc,
    position_of,
    uri_of,
)

from argmap.lsp import preview
from argmap.lsp.documents import Documents

__all__ = ["client", "folder"]  # fixtures used here

LONE = "\ud800"


async def test_a_lone_surrogate_is_reported_and_the_rest_still_checked(
    client: LanguageClient, folder: Path
) -> None:
    uri = uri_of(folder, "trade.yaml")
    text = TRADE.replace("The gains go to few.", f"The gains {LONE} go to few.")
    text = text.replace("also_rebuts: [growth]", "also_rebuts: [growht]", 1)
    open_doc(client, uri, text)
    found = await diagnostics(client, uri, lambda d: len(d) >= 2)
    by_code = {d.code: d for d in found}
    surrogate = by_code["lone-surrogate"].range.start
    assert surrogate == position_of(text, LONE)
    typo = by_code["unknown-claim"]
    assert typo.range.start == position_of(text, "growht")
    doc = types.TextDocumentIdentifier(uri)
    hovered = await answered(
        client.text_document_hover_async(
            types.HoverParams(doc, position_of(text, "id: jobs", shift=5))
        )
    )
    assert hovered is not None and isinstance(hovered.contents, types.MarkupContent)
    assert "Jobs move abroad" in hovered.contents.value


async def test_a_rename_finds_see_links_in_a_buffer_with_a_lone_surrogate(
    client: LanguageClient, folder: Path
) -> None:
    trade, labour = uri_of(folder, "trade.yaml"), uri_of(folder, "labour.yaml")
    open_doc(client, trade, TRADE)
    labour_text = LABOUR.replace("Some workers", f"Some {LONE} workers")
    open_doc(client, labour, labour_text)
    await diagnostics(client, trade)
    await diagnostics(client, labour, lambda d: any(x.code == "lone-surrogate" for x in d))
    edit = await answered(
        client.text_document_rename_async(
            types.RenameParams(
                types.TextDocumentIdentifier(trade),
                position_of(TRADE, "[growth]", shift=1),
                "expansion",
            )
        )
    )
    assert edit is not None and edit.changes is not None
    assert labour in edit.changes
    # U+FFFD stands in for the surrogate in the server's copy; the edit's columns still fit.
    changed = apply(labour_text, edit.changes[labour])
    assert changed == labour_text.replace("trade:growth", "trade:expansion")


# --- raw messages: what a typed client cannot send ------------------------------------------


def frame(message: dict[str, Any]) -> bytes:
    body = json.dumps(message).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


async def read_message(stdout: asyncio.StreamReader) -> dict[str, Any]:
    length = 0
    while (line := await stdout.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("ascii").partition(":")
        if name.lower() == "content-length":
            length = int(value)
    message: dict[str, Any] = json.loads(await stdout.readexactly(length))
    return message


async def reply_to(stdout: asyncio.StreamReader, ident: int) -> dict[str, Any]:
    """The server's reply to request `ident`, skipping notifications (fails after 20 s)."""
    async with asyncio.timeout(20):
        while True:
            message = await read_message(stdout)
            if message.get("id") == ident and "method" not in message:
                return message


async def test_positions_out_of_range_get_a_reply(folder: Path) -> None:
    server = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "argmap",
        "lsp",
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
    )
    assert server.stdin is not None and server.stdout is not None
    uri = uri_of(folder, "trade.yaml")

    def send(message: dict[str, Any]) -> None:
        assert server.stdin is not None
        server.stdin.write(frame({"jsonrpc": "2.0", **message}))

    try:
        send({"id": 1, "method": "initialize", "params": {"capabilities": {}}})
        await reply_to(server.stdout, 1)
        send({"method": "initialized", "params": {}})
        item = {"uri": uri, "languageId": "yaml", "version": 1, "text": TRADE}
        send({"method": "textDocument/didOpen", "params": {"textDocument": item}})
        asked = 10
        for method in ("textDocument/hover", "textDocument/definition", "textDocument/rename"):
            for line, character in ((-1, 0), (0, -1), (2**31, 0), (0, 2**31), (2**40, 2**40)):
                asked += 1
                params = {
                    "textDocument": {"uri": uri},
                    "position": {"line": line, "character": character},
                    "newName": "other",
                }
                send({"id": asked, "method": method, "params": params})
                reply = await reply_to(server.stdout, asked)
                assert reply["error"]["code"] == -32602, (method, line, character, reply)
        # And the server still answers a request in range.
        params = {"textDocument": {"uri": uri}, "position": {"line": 2**31 - 1, "character": 0}}
        send({"id": 99, "method": "textDocument/hover", "params": params})
        assert (await reply_to(server.stdout, 99))["result"] is None
        send({"id": 100, "method": "shutdown"})
        await reply_to(server.stdout, 100)
        send({"method": "exit"})
        async with asyncio.timeout(20):
            await server.wait()
    finally:
        if server.returncode is None:
            server.kill()
            await server.wait()


@pytest.mark.parametrize("length", [10**12, 2**63, 10**40])
def test_a_terabyte_message_length_stops_the_server_with_a_line_not_a_memory_error(
    length: int,
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "lsp"],
        input=b"Content-Length: %d\r\n\r\n{}" % length,
        capture_output=True,
        timeout=60,
        env={k: v for k, v in os.environ.items() if k != "ARGMAP_LSP_DEBUG"},
    )
    assert done.returncode == 1
    assert b"more than the 268435456 this server reads; stopping" in done.stderr
    assert b"MemoryError" not in done.stderr and b"Traceback" not in done.stderr


def test_an_endless_header_line_is_read_in_bounded_pieces() -> None:
    header = b"X-Padding: " + b"a" * (8 * 1024 * 1024) + b"\r\n"
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "shutdown"}).encode()
    message = header + b"Content-Length: %d\r\n\r\n%s" % (len(body), body)
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "lsp"],
        input=message,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0
    assert b'"id": 1' in done.stdout and b"Traceback" not in done.stderr


# --- the preview folder -----------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz's dot program")
def test_the_preview_is_not_written_through_a_planted_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared_tmp = tmp_path / "tmp"
    shared_tmp.mkdir()
    theirs = tmp_path / "someone-elses"
    theirs.mkdir()
    (shared_tmp / "argmap-preview").symlink_to(theirs)  # planted before the server ran
    monkeypatch.setattr(tempfile, "tempdir", str(shared_tmp))
    debate = tmp_path / "trade.yaml"
    debate.write_text(TRADE, encoding="utf-8")
    analysis = Documents().analyse(debate.as_uri(), 1, TRADE)
    folder = preview.Folder()
    svg = preview.draw(analysis, folder)
    assert list(theirs.iterdir()) == []
    assert svg.parent == folder.path and svg.parent.parent == shared_tmp
    assert not svg.parent.is_symlink()
    assert "Jobs move abroad." in svg.read_text(encoding="utf-8")
    mode = svg.parent.stat()
    assert stat.S_IMODE(mode.st_mode) == 0o700 and mode.st_uid == os.getuid()
    # A second server gets a folder of its own.
    assert preview.Folder().path != folder.path
