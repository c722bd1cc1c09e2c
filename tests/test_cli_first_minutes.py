"""What a new user meets first: which debates a bare command reads, `argmap init`, read-only
bundled debates, colours, widths, help texts, completion and the messages for slips."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.bundled import bundled_files
from argmap.cli import build_parser, main

GOOD = "title: Mine\nmotion: M.\npro:\n  - id: mine\n    text: A.\ncon:\n  - text: B.\n"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("NO_COLOR", "FORCE_COLOR", "ARGMAP_BUNDLED_DIR"):
        monkeypatch.delenv(name, raising=False)


# --- which debates a bare command reads -----------------------------------------------------


def test_a_bare_command_reads_the_yaml_files_here_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mine.yaml").write_text(GOOD, encoding="utf-8")
    assert main(["validate", "--json"]) == 0
    captured = capsys.readouterr()
    assert '"path": "mine.yaml"' in captured.out
    assert "using the 1 debate file in the current folder" in captured.err
    assert main(["stats"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[1].startswith("mine ")
    assert len(captured.out.splitlines()) == 2


def test_a_bare_command_prefers_the_arguments_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mine.yaml").write_text("not: a debate\n", encoding="utf-8")
    (tmp_path / "arguments").mkdir()
    (tmp_path / "arguments" / "ours.yaml").write_text(GOOD, encoding="utf-8")
    assert main(["validate"]) == 0
    err = capsys.readouterr().err
    assert "using the debates in arguments/" in err and "1 file: 0 errors" in err


def test_with_nothing_here_the_bundled_debates_are_named_as_such(
    capsys: pytest.CaptureFixture[str],
) -> None:
    count = len(bundled_files())
    assert count >= 7
    assert main(["validate"]) == 0
    err = capsys.readouterr().err
    assert f"using the {count} bundled debates; `argmap init` copies them here to edit" in err
    assert f"{count} files: 0 errors" in err


# --- argmap init and read-only bundled debates ----------------------------------------------


def test_init_copies_the_bundled_debates_and_never_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "arguments" / bundled_files()[0].name
    mine.parent.mkdir()
    mine.write_text(GOOD, encoding="utf-8")
    assert main(["init"]) == 0
    err = capsys.readouterr().err
    names = sorted(p.name for p in (tmp_path / "arguments").iterdir())
    assert names == sorted(p.name for p in bundled_files())
    assert mine.read_text(encoding="utf-8") == GOOD
    assert f"kept {mine.relative_to(tmp_path)}" in err
    assert main(["init", "elsewhere"]) == 0
    assert len(list((tmp_path / "elsewhere").iterdir())) == len(bundled_files())
    assert main(["validate", "elsewhere"]) == 0


def test_bundled_debates_are_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Stand in for the package's folder (a source checkout's own arguments/ is editable).
    bundled = tmp_path / "site-packages" / "argmap" / "arguments"
    bundled.mkdir(parents=True)
    path = bundled / "seed.yaml"
    path.write_text(GOOD, encoding="utf-8")
    monkeypatch.setenv("ARGMAP_BUNDLED_DIR", str(bundled))
    for argv in (
        ["set", str(path), "mine", "--text", "Changed."],
        ["add", str(path), "--pro", "New."],
        ["remove", str(path), "mine"],
    ):
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert "bundled with argmap, which are read-only" in err
        assert "`argmap init [DIR]`" in err
    assert path.read_text(encoding="utf-8") == GOOD
    from argmap.edit import EditRefused, read_debate_file

    with pytest.raises(EditRefused, match="read-only"):
        read_debate_file(path)


# --- colours --------------------------------------------------------------------------------


def test_show_colours_sides_blue_and_vermillion_and_never_status(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(
        "title: T\nmotion: M.\npro:\n  - text: A.\n    rebuttals:\n      - text: R.\n"
        "con:\n  - text: B.\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLORTERM", "truecolor")
    monkeypatch.delenv("COLORFGBG", raising=False)
    assert main(["show", str(path)]) == 0
    dark = capsys.readouterr().out
    # A dark terminal (assumed unless it says otherwise): the palette's sky blue, which
    # reads on black where its dark blue is dim.
    assert "38;2;86;180;233m+" in dark and "38;2;213;94;0m−" in dark
    monkeypatch.setenv("COLORFGBG", "0;15")  # black on white
    assert main(["show", str(path)]) == 0
    out = capsys.readouterr().out
    assert "38;2;0;114;178m+" in out  # pro: blue
    assert "38;2;213;94;0m−" in out  # con: vermillion
    # Status is a glyph and a weight: no green or red anywhere.
    assert not re.search(r"\x1b\[[0-9;]*(3[12]|9[12])m", out), out
    assert "✓" in out and "✗" in out
    assert not re.search(r"38;2;(47;158;68|224;49;49)", out)


def test_stats_fits_the_terminal_and_never_splits_a_word() -> None:
    from argmap.cli.stats import format_table
    from argmap.load import load_paths
    from argmap.stats import debate_stats

    results = [debate_stats(item.graph) for item in load_paths([bundled_files()[0].parent])]
    wide = format_table(results).splitlines()
    assert max(len(line) for line in wide) > 100  # the full table needs the width
    for width in (60, 80, 100):
        lines = format_table(results, width).splitlines()
        assert len(lines) == len(results) + 1  # one line per debate: nothing wrapped
        assert max(len(line) for line in lines) <= width, (width, lines)
        # The verdict and its robustness come first, even in a narrow terminal; no column
        # for the motion's grounded label.
        assert lines[0].split()[:3] == ["debate", "bal", "rob"]
        assert "motion" not in lines[0].split()
    colour = format_table(results, 80, colour=True)
    assert "\x1b[38;2;0;114;178m" in colour and "\x1b[38;2;213;94;0m" in colour


# --- messages for slips ---------------------------------------------------------------------


def test_an_unknown_output_suffix_is_an_error_listing_the_formats(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "d.yaml").write_text(GOOD, encoding="utf-8")
    assert main(["export", "d.yaml", "--out", "x.jpg"]) == 2
    err = capsys.readouterr().err
    assert "'.jpg'" in err and ".svg, .png, .pdf, .dot" in err
    assert not (tmp_path / "x.jpg").exists()


def test_import_names_a_wrong_input_before_an_existing_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "my-debate.yaml").write_text(GOOD, encoding="utf-8")
    assert main(["import", "kialo", "my-debate.yaml", "-o", "my-debate.yaml"]) == 1
    err = capsys.readouterr().err
    assert "already exists" not in err
    assert "my-debate.yaml" in err and "Kialo" in err
    assert (tmp_path / "my-debate.yaml").read_text(encoding="utf-8") == GOOD


def test_validate_reports_expect_naming_an_unknown_claim(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "e.yaml"
    path.write_text(GOOD + "expect:\n  standing: [motion, mine, mien]\n", encoding="utf-8")
    main(["validate", str(path)])
    err = capsys.readouterr().err
    assert (
        f"{path}:9:28: warning: expect: no claim 'mien' in this debate (did you mean 'mine'?)"
        in err
    )


def test_show_suggests_ids_and_names_a_missing_file_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "d.yaml").write_text(GOOD, encoding="utf-8")
    assert main(["show", "--root", "mien", "d.yaml"]) == 1
    assert "did you mean mine" in capsys.readouterr().err
    assert main(["show", "--root", "zzzz", "d.yaml"]) == 1
    assert "`argmap show` prints every claim" in capsys.readouterr().err
    assert main(["show", "nope.yaml"]) == 1
    err = capsys.readouterr().err
    assert "nope.yaml: error: no such file or folder" in err
    assert "nope.yaml:1:1" not in err


@pytest.mark.parametrize("command", ["new", "schema", "init", "completion"])
def test_every_command_has_a_description(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    # argparse prints the usage, a blank line, then the description.
    description = out.split("\n\n")[1]
    assert not description.startswith(("positional", "options")), out
    assert len(description.split()) >= 8


# --- completion -----------------------------------------------------------------------------


def _complete(script: str, words: list[str], tmp_path: Path) -> list[str]:
    array = " ".join(f"'{w}'" for w in words)
    code = f"{script}\nCOMP_WORDS=({array}); COMP_CWORD={len(words) - 1}; _argmap\n"
    code += 'printf "%s\\n" "${COMPREPLY[@]}"\n'
    done = subprocess.run(
        ["bash", "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True
    )
    return done.stdout.split()


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_completion_completes_commands_options_and_choices(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["completion", "bash"]) == 0
    script = capsys.readouterr().out
    (tmp_path / "debate.yaml").write_text(GOOD, encoding="utf-8")
    assert _complete(script, ["argmap", "ex"], tmp_path) == ["export"]
    assert "argdown" in _complete(script, ["argmap", "export", "--format", ""], tmp_path)
    assert _complete(script, ["argmap", "import", "k"], tmp_path) == ["kialo"]
    assert "--force" in _complete(script, ["argmap", "import", "aif", "--"], tmp_path)
    assert _complete(script, ["argmap", "validate", "deb"], tmp_path) == ["debate.yaml"]
    assert _complete(script, ["argmap", "completion", ""], tmp_path)[:3] == ["bash", "zsh", "fish"]


def test_zsh_and_fish_scripts_name_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    names = [
        name
        for action in build_parser()._subparsers._group_actions  # type: ignore[union-attr]
        for name in getattr(action, "choices", {})
    ]
    assert main(["completion", "fish"]) == 0
    fish = capsys.readouterr().out
    assert main(["completion", "zsh"]) == 0
    zsh = capsys.readouterr().out
    assert "bashcompinit" in zsh
    for name in names:
        assert f"-a {name} " in fish
        assert f"{name}) path={name};;" in zsh
    if shutil.which("fish"):
        subprocess.run(["fish", "-n", "-c", fish], check=True)
    if shutil.which("zsh"):
        subprocess.run(["zsh", "-n", "-c", zsh], check=True)


def test_completion_is_in_the_top_level_help() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "argmap", "--help"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "COLUMNS": "100"},
    ).stdout
    assert "completion" in out and "init" in out
