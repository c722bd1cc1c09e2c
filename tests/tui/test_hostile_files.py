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


async def test_control_characters_in_a_file_show_as_escapes(tmp_path: Path) -> None:
    """A title, motion and file name full of terminal sequences list as visible escapes."""
    name = "ctl\x1b]0;x\x07.yaml"
    (tmp_path / name).write_text(
        'version: 1\nid: ctl\ntitle: "T \\e[2J"\nmotion: "M \\e]0;x\\a"\npro:\n  - text: Fine.\n',
        encoding="utf-8",
    )
    (tmp_path / "bad.yaml").write_text(
        'version: 1\nid: bad\ntitle: B\nmotion: M.\npro:\n  - text: x\n    "k\\e[31m": 1\n',
        encoding="utf-8",
    )
    app = make_app([tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        table = app.screen.query_one(DebateTable)
        rows = [" ".join(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]
        shown = " ".join(rows)
        assert "T \\e[2J" in shown and "M \\e]0;x\\x07" in shown
        table.move_cursor(row=next(i for i, r in enumerate(rows) if "✗" in r))
        await pilot.press("d")
        await pilot.pause()
        listing = str(app.screen.query_one("#diagnostics-list", Static).render())
        assert "k\\e[31m" in listing and "\x1b" not in listing
        await pilot.press("escape")
        await pilot.pause()
        table.move_cursor(row=next(i for i, r in enumerate(rows) if "T \\e" in r))
        await pilot.pause()
        info = str(app.screen.query_one("#debate-info", Static).render())
        assert "ctl\\e]0;x\\x07.yaml" in info and "\x1b" not in info
