"""The app lists hostile files as broken and shows their errors; it never crashes on them."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static
from tui_helpers import SIZE, ready

from argmap.tui import make_app
from argmap.tui.screens.debates import DebateTable
from argmap.tui.screens.diagnostics import DiagnosticsScreen

HOSTILE = {
    "alias-bomb.yaml": "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"b{i}: &b{i} [{', '.join(['*a' if i == 0 else f'*b{i - 1}'] * 10)}]\n" for i in range(9)
    )
    + "title: T\nmotion: M.\n",
    "deep.yaml": "title: T\nmotion: M.\npro: " + "[" * 60_000 + "]" * 60_000 + "\n",
    "latin1.yaml": "title: Caf\xe9\nmotion: M.\n",
    "python-tag.yaml": "title: !!python/object/apply:os.system [echo]\nmotion: M.\n",
    "markup.yaml": "title: '[bold]Not markup[/x]'\nmotion: '[citation needed]'\npro: 7\n",
}


async def test_hostile_files_are_flagged_with_their_errors(tmp_path: Path) -> None:
    for name, text in HOSTILE.items():
        encoding = "latin-1" if name == "latin1.yaml" else "utf-8"
        (tmp_path / name).write_bytes(text.encode(encoding))
    app = make_app([tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        table = app.screen.query_one(DebateTable)
        rows = [" ".join(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]
        assert len(rows) == len(HOSTILE)
        assert all("✗" in row for row in rows), rows
        listings = []
        for index in range(len(rows)):
            table.move_cursor(row=index)
            await pilot.press("d")
            await pilot.pause()
            assert isinstance(app.screen, DiagnosticsScreen)
            listings.append(str(app.screen.query_one("#diagnostics-list", Static).render()))
            await pilot.press("escape")
            await pilot.pause()
    shown = "\n".join(listings)
    for expected in [
        "alias-bomb.yaml:",
        "aliases expand more than",
        "deep.yaml:3:",
        "nests more than 1000 levels",
        "latin1.yaml:1:11: error: file is not valid UTF-8",
        "unsupported YAML tag",
        "markup.yaml:3:6: error: 'pro' must be a list",
    ]:
        assert expected in shown, expected
    assert app.return_code in (None, 0)
