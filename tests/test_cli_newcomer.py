"""The command line as a newcomer meets it: the skeleton's own advice works, the help
names every place debates come from, tables fit 80 columns, completion offers debates."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from argmap.bundled import bundled_files
from argmap.cli import main

GOOD = "title: Mine\nmotion: M.\npro:\n  - id: mine\n    text: A.\ncon:\n  - text: B.\n"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("NO_COLOR", "FORCE_COLOR", "ARGMAP_BUNDLED_DIR"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("extra", [[], ["--dir", "my debates"]])
def test_the_command_a_new_skeleton_suggests_validates_it(
    extra: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "my-debate", *extra]) == 0
    written = Path(capsys.readouterr().out.strip())
    comment = next(
        line for line in written.read_text(encoding="utf-8").splitlines() if "validate" in line
    )
    suggested = re.search(r"`argmap (validate [^`]+)`", comment)
    assert suggested is not None, comment
    assert main(shlex.split(suggested.group(1))) == 0


@pytest.mark.parametrize("argv", [["--help"], ["open", "--help"]])
def test_the_help_names_the_yaml_files_in_the_current_folder(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        assert main(argv) == 0
    except SystemExit as exc:  # argparse's own exit after printing the help
        assert exc.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "./arguments" in out
    assert "*.yaml and *.yml files in the current folder" in out
    assert "bundled debates" in out


def test_stats_at_80_columns_keeps_whole_ids_and_the_proposals() -> None:
    from argmap.cli.stats import format_table
    from argmap.load import load_paths
    from argmap.stats import debate_stats

    results = [debate_stats(item.graph) for item in load_paths([bundled_files()[0].parent])]
    lines = format_table(results, 80).splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "prop" in lines[0].split()
    ids = [line.split()[0] for line in lines[1:]]
    # At most the longest id is cut, and never below 20 characters.
    assert sum(i.endswith("…") for i in ids) <= 1
    assert min(len(i) for i in ids) >= min(len(r.id) for r in results)
    assert all(len(i) >= 20 for i in ids if i.endswith("…"))


def _complete(script: str, words: list[str], folder: Path) -> list[str]:
    array = " ".join(shlex.quote(w) for w in words)
    code = f"{script}\nCOMP_WORDS=({array}); COMP_CWORD={len(words) - 1}; _argmap\n"
    code += 'printf "%s\\n" "${COMPREPLY[@]}"\n'
    done = subprocess.run(
        ["bash", "-c", code], capture_output=True, text=True, cwd=folder, check=True
    )
    return sorted(done.stdout.split())


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_completes_debate_files_and_folders_not_other_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["completion", "bash"]) == 0
    script = capsys.readouterr().out
    for name in ("hw.png", "hw.yaml", "hx.yml", "notes.txt"):
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
    (tmp_path / "homework").mkdir()
    assert _complete(script, ["argmap", "validate", "h"], tmp_path) == [
        "homework",
        "hw.yaml",
        "hx.yml",
    ]
    # An option's value is any file: `--out hw.png`.
    assert "hw.png" in _complete(script, ["argmap", "export", "--out", "h"], tmp_path)


def _luminance(colour: str) -> float:
    """WCAG relative luminance of "#rrggbb"."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize(("colorfgbg", "pro"), [(None, "#56b4e9"), ("0;15", "#0072b2")])
def test_show_draws_pro_bright_on_a_dark_terminal(
    colorfgbg: str | None, pro: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rich.console import Console

    from argmap.cli.show import render_tree
    from argmap.load import load_paths

    if colorfgbg is None:
        monkeypatch.delenv("COLORFGBG", raising=False)
    else:
        monkeypatch.setenv("COLORFGBG", colorfgbg)
    graph = load_paths([bundled_files()[0]])[0].graph
    console = Console(color_system="truecolor", force_terminal=True, width=100)
    with console.capture() as captured:
        console.print(render_tree(graph, "motion", 1))
    rgb = ";".join(str(int(pro[i : i + 2], 16)) for i in (1, 3, 5))
    assert f"38;2;{rgb}" in captured.get()
    assert "38;2;213;94;0" in captured.get()  # con in vermillion either way


def test_the_apps_dark_theme_tells_the_sides_apart_by_brightness() -> None:
    from argmap.model import Side
    from argmap.tui.widgets.labels import SIDE_COLOURS

    dark = SIDE_COLOURS["dark"]
    pro, con = _luminance(dark[Side.PRO]), _luminance(dark[Side.CON])
    assert (pro + 0.05) / (con + 0.05) >= 1.5  # pro clearly the brighter
    assert (con + 0.05) / 0.05 >= 4.5  # con still reads on black
    assert dark[Side.CON].upper() == "#D55E00"  # vermillion, as the README says


def test_the_app_watches_the_current_folder_not_only_its_files_of_now(tmp_path: Path) -> None:
    from argmap.cli.tui import app_paths

    (tmp_path / "mine.yaml").write_text(GOOD, encoding="utf-8")
    # The folder itself, so a file copied in later is listed too.
    assert app_paths() == [Path(".")]
    (tmp_path / "arguments").mkdir()
    assert app_paths() == [Path("arguments")]


@pytest.mark.parametrize(
    "text",
    [
        "title: T\nmotion: M.\npro:\n  - id: a\n    text: A.\n   weight: 3\n",
        "title: T\nmotion: M.\npro:\n  - id: a\n    text: A.\n  id: b\n",
        "title: T\nmotion: M.\npro:\n  - id: a\n    text: A.\n      weight: 3\n",
    ],
)
def test_a_wrongly_indented_line_gets_a_hint_to_check_its_indentation(
    text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "d.yaml").write_text(text, encoding="utf-8")
    assert main(["validate", "d.yaml"]) == 1
    err = capsys.readouterr().err
    assert "d.yaml:6:" in err
    assert "check the indentation of line 6" in err
