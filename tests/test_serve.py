"""`argmap serve`: the command each browser tab runs, where it listens, and its refusals."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ARGUMENTS

from argmap.cli import main
from argmap.web.serve import (
    ServeOptions,
    app_command,
    banner,
    is_loopback,
    public_url,
    warnings_for,
)

#: File names a shell would otherwise read as commands, globs, variables or options.
HOSTILE_NAMES = (
    "with space.yaml",
    "semi;touch pwned.yaml",
    "$(touch pwned).yaml",
    "`touch pwned`.yaml",
    "quote'and\"double.yaml",
    "--allow-edits.yaml",
    "star*.yaml",
)


@pytest.fixture
def argv_printer(tmp_path: Path) -> Path:
    """A stand-in for Python that prints the arguments it was given, as JSON."""
    script = tmp_path / "print-argv"
    script.write_text(
        f"#!{sys.executable}\nimport json, sys\nprint(json.dumps(sys.argv[1:]))\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script


@pytest.mark.skipif(os.name != "posix", reason="textual-serve runs the command with /bin/sh")
def test_the_shell_gets_every_path_as_one_word(tmp_path: Path, argv_printer: Path) -> None:
    folder = tmp_path / "debates"
    folder.mkdir()
    paths = [folder / name for name in HOSTILE_NAMES]
    command = app_command(paths, python=str(argv_printer))
    # textual-serve hands the command to a shell, as this does.
    done = subprocess.run(
        command, shell=True, capture_output=True, text=True, cwd=tmp_path, check=True
    )
    words = json.loads(done.stdout)
    assert words == ["-m", "argmap", "open", "--read-only", "--", *map(str, paths)]
    assert not list(tmp_path.rglob("pwned*"))


def test_edits_are_off_unless_allowed(tmp_path: Path) -> None:
    assert "--read-only" in app_command([tmp_path]).split()
    assert "--read-only" not in app_command([tmp_path], allow_edits=True).split()


def test_relative_paths_are_made_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert app_command([Path("arguments")]).endswith(f" -- {tmp_path / 'arguments'}")


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.20", False),
        ("class-server.example", False),
    ],
)
def test_loopback_addresses(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_warnings_name_the_network_and_the_edits() -> None:
    assert warnings_for(ServeOptions(paths=(ARGUMENTS,))) == []
    wide = warnings_for(ServeOptions(paths=(ARGUMENTS,), host="0.0.0.0"))
    assert len(wide) == 1 and "anyone who can reach it" in wide[0]
    edits = warnings_for(ServeOptions(paths=(ARGUMENTS,), allow_edits=True))
    assert len(edits) == 1 and "every browser tab can change" in edits[0]


@pytest.mark.parametrize("port", ["0", "70000"])
def test_a_port_out_of_range_is_a_usage_error(
    port: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", str(ARGUMENTS), "--port", port]) == 2
    assert "--port must be between 1 and 65535" in capsys.readouterr().err


def test_a_missing_path_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", str(tmp_path / "nope\x1b[2J.yaml")]) == 1
    err = capsys.readouterr().err
    assert "no such file or folder" in err and "\\e[2J" in err and "\x1b" not in err


def test_without_textual_serve_the_fix_is_named(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    assert main(["serve", str(ARGUMENTS), "--port", "8123"]) == 1
    assert "pip install 'argmap[web]'" in capsys.readouterr().err


def test_a_busy_port_is_one_clear_line() -> None:
    pytest.importorskip("textual_serve")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "argmap", "serve", str(ARGUMENTS), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    assert f"argmap: cannot listen on 127.0.0.1:{port}" in done.stderr
    assert "Traceback" not in done.stderr


def test_listening_beyond_this_machine_warns_first(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import argmap.web.serve as web_serve

    started: list[ServeOptions] = []
    monkeypatch.setattr(web_serve, "serve", started.append)
    assert main(["serve", str(ARGUMENTS), "--host", "0.0.0.0", "--port", "8123"]) == 0
    assert "warning: listening on 0.0.0.0" in capsys.readouterr().err
    assert started == [ServeOptions(paths=(ARGUMENTS,), host="0.0.0.0", port=8123)]
    assert main(["serve", str(ARGUMENTS)]) == 0
    assert capsys.readouterr().err == ""
    assert started[1].host == "127.0.0.1" and started[1].allow_edits is False


def test_the_printed_address_is_one_a_browser_can_use() -> None:
    assert public_url("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    assert public_url("::1", 8000) == "http://[::1]:8000"
    # Listening everywhere: the machine's name, not 0.0.0.0 (which no browser can reach).
    assert public_url("0.0.0.0", 8080) == f"http://{socket.gethostname()}:8080"


def test_listening_everywhere_the_banner_says_every_address_of_the_machine_works() -> None:
    options = ServeOptions(paths=(ARGUMENTS,), host="0.0.0.0", port=8080, max_tabs=12)
    first, second = banner(options, public_url("0.0.0.0", 8080))
    assert f"at http://{socket.gethostname()}:8080 (or any other address of this machine" in first
    assert "at most 12 tabs at once, 10 from one address; press Ctrl+C to stop" in second
    proxied = ServeOptions(paths=(ARGUMENTS,), host="0.0.0.0", public_url="https://d.example")
    assert banner(proxied, "https://d.example")[0].endswith("at https://d.example")
