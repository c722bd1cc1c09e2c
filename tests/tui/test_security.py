"""Files someone else wrote cannot run commands, drive the terminal or crash the app."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tui_helpers import DATA, SIZE, ready

from argmap.tui import ArgmapApp, make_app
from argmap.tui.editing import editor_command
from argmap.tui.screens.map import MapScreen

#: A file name vim reads as a command when it is passed as a bare word.
VIM_COMMAND_NAME = "+:sil !touch PWNED;: .yaml"


@contextlib.contextmanager
def no_suspend() -> Iterator[None]:
    yield


def recording_editor(folder: Path, name: str) -> Path:
    """An executable called `name` that writes its argv (as JSON) beside itself."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / name
    script.write_text(
        f"#!{sys.executable}\n"
        "import json, pathlib, sys\n"
        f"pathlib.Path({str(folder / 'argv.json')!r}).write_text(json.dumps(sys.argv[1:]))\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script


@pytest.mark.parametrize(
    ("editor", "expected"),
    [
        ("vim", ["+{line}", "--", "{path}"]),
        ("nvim", ["+{line}", "--", "{path}"]),
        ("nano", ["+{line}", "--", "{path}"]),
        ("emacs", ["+{line}", "--", "{path}"]),
        ("micro", ["+{line}", "{path}"]),
        ("hx", ["{path}:{line}"]),
        ("code", ["--goto", "{path}:{line}"]),
    ],
)
async def test_a_file_name_never_reaches_the_editor_as_an_option_or_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, editor: str, expected: list[str]
) -> None:
    folder = tmp_path / "debates"
    folder.mkdir()
    hostile = folder / VIM_COMMAND_NAME
    hostile.write_bytes((DATA / "energy.yaml").read_bytes())
    script = recording_editor(tmp_path / "bin", editor)
    # $EDITOR is split like a shell would split it, never run by one.
    monkeypatch.setenv("VISUAL", f"'{script}' --flag")
    monkeypatch.chdir(folder)
    app = make_app([Path(VIM_COMMAND_NAME)])
    monkeypatch.setattr(app, "suspend", no_suspend)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MapScreen)
        await pilot.press("e")
        await pilot.pause(0.1)
    argv = json.loads((tmp_path / "bin" / "argv.json").read_text())
    line = 4  # the motion's line
    absolute = str(hostile)
    assert argv == ["--flag", *(w.format(line=line, path=absolute) for w in expected)]
    # No word the editor reads as an option or a `+command` names the file.
    assert not any(VIM_COMMAND_NAME in w and not w.startswith("/") for w in argv)
    assert not (folder / "PWNED").exists()


def test_editor_words_are_split_as_a_shell_would_but_never_run_by_one() -> None:
    command = editor_command(
        Path("rel/a b.yaml"), 3, {"EDITOR": "'/opt/my editor/vim' -u NONE; touch x"}
    )
    assert command is not None
    assert command[:5] == ["/opt/my editor/vim", "-u", "NONE;", "touch", "x"]
    assert command[-3:] == ["+3", "--", str(Path.cwd() / "rel/a b.yaml")]
