"""`argmap serve` shows files by their names in the served folder: no page or screen says
where the debates are on the server."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("textual_serve", reason="textual-serve is not installed")

import aiohttp
from helpers import ARGUMENTS
from test_serve_live import free_port, screen_until

from argmap.web.serve import ServeOptions, make_server, served_root


@pytest.mark.parametrize("preload", [True, False], ids=["forked", "started-afresh"])
async def test_no_page_or_screen_shows_where_the_debates_are(tmp_path: Path, preload: bool) -> None:
    folder = tmp_path / "secret-home" / "debates"
    shutil.copytree(ARGUMENTS, folder)
    port = free_port()
    server = make_server(ServeOptions(paths=(folder,), port=port, preload=preload))
    runner = await server.listen()
    url = f"http://127.0.0.1:{port}"
    try:
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{url}/") as page:
                assert "secret-home" not in await page.text()
            async with session.ws_connect(f"{url}/ws?width=200&height=40", origin=url) as websocket:
                # The list's information pane names the file under the cursor.
                screen = await screen_until(websocket, b"brain-drain.yaml", b"National sovereignty")
                await websocket.send_json(["stdin", "\r"])  # and the map
                screen += await screen_until(websocket, b"brain-drain")
    finally:
        await runner.cleanup()
    assert b"secret-home" not in screen and str(tmp_path).encode() not in screen


def test_the_apps_start_in_the_folder_holding_everything_served(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "c").mkdir()
    one, two = tmp_path / "a" / "b" / "x.yaml", tmp_path / "c" / "y.yaml"
    assert served_root([tmp_path / "a" / "b"]) == tmp_path / "a" / "b"
    assert served_root([one]) == tmp_path / "a" / "b"
    assert served_root([one, two]) == tmp_path
    assert served_root([tmp_path / "a", one]) == tmp_path / "a"
