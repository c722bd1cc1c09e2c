"""Output paths the system refuses: one clear message each, a non-zero exit, no traceback."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from argmap.bundled import bundled_files
from argmap.cli import main
from argmap.export import dot_available

DEBATE = bundled_files()[0]
LONG = "x" * 300


@pytest.fixture
def debate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return Path(shutil.copy(DEBATE, tmp_path / "debate.yaml"))


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "{debate}", "-o", f"{LONG}.svg"],
        ["export", "{debate}", "--format", "dot", "-o", f"{LONG}.dot"],
        ["export", "{debate}", "--format", "json", "-o", f"{LONG}.json"],
        ["slides", "{debate}", "-o", f"{LONG}.pdf"],
        ["import", "kialo", "{debate}", "-o", f"{LONG}.yaml"],
    ],
)
def test_an_output_name_too_long_for_the_file_system_is_one_clear_error(
    argv: list[str], debate: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if argv[0] == "import":  # a Kialo file to import, so the output is reached
        debate.write_text("Discussion Title: T\n\n1. Thesis.\n1.1. Pro: A reason.\n")
    assert main([arg.format(debate=debate) for arg in argv]) == 1
    err = capsys.readouterr().err
    assert "too long" in err
    # One line for the refused output (a warning about the copy's links may come before).
    assert len([line for line in err.splitlines() if ": warning:" not in line]) == 1, err
    assert not list(debate.parent.glob("x*"))


@pytest.mark.parametrize(("fmt", "name"), [("json", "out.json"), ("dot", "out.dot")])
def test_a_refused_write_is_said_once(
    fmt: str, name: str, debate: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (debate.parent / "afile").write_text("")
    assert main(["export", str(debate), "--format", fmt, "-o", f"afile/{name}"]) == 1
    err = capsys.readouterr().err
    assert err.count("cannot write") == 1, err
    assert "afile is a file, not a folder" in err


@pytest.mark.skipif(not Path("/proc/version").is_file(), reason="needs Linux's /proc")
def test_a_folder_that_refuses_new_files_is_not_called_missing(
    debate: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(debate), "--format", "json", "-o", "/proc/version.json"]) == 1
    err = capsys.readouterr().err
    assert "does not accept new files" in err
    assert "does not exist" not in err


def test_init_skips_a_target_that_is_a_symbolic_link_and_copies_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    planted = folder / bundled_files()[0].name
    planted.symlink_to(tmp_path / "elsewhere.yaml")
    assert main(["init", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "is a symbolic link" in err
    others = [p.name for p in bundled_files()[1:]]
    assert sorted(p.name for p in folder.iterdir() if not p.is_symlink()) == sorted(others)
    assert not (tmp_path / "elsewhere.yaml").exists()
    assert f"copied {len(others)} debates" in err and "could not write 1" in err


@pytest.mark.skipif(
    not dot_available() and os.environ.get("CI") != "true",
    reason="Graphviz `dot` is not installed",
)
def test_a_debate_whose_id_is_index_keeps_its_page_beside_the_folder_index(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "debates"
    folder.mkdir()
    text = "title: T\nmotion: M.\npro:\n  - text: A reason.\n"
    (folder / "index.yaml").write_text(text, encoding="utf-8")
    (folder / "other.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "site"
    assert main(["export", str(folder), "--format", "html", "--out", f"{out}/"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "index.debate.html",
        "index.html",
        "other.html",
    ]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="index.debate.html"' in index and 'href="other.html"' in index
    assert 'href="index.html"' not in index  # the index never links to itself
    page = (out / "index.debate.html").read_text(encoding="utf-8")
    assert '<a class="back" href="index.html">' in page
