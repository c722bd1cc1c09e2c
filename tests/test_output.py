"""argmap.output: the one place files are written, and the policy it holds."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from argmap import output
from argmap.output import OutputError, new_file_mode, write_output


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_umask_mode_and_a_replaced_one_keeps_its_own(
    tmp_path: Path,
) -> None:
    old = os.umask(0o077)
    try:
        assert new_file_mode() == 0o600
        target = tmp_path / "sub" / "out.txt"
        write_output(target, b"one", overwrite=False)
        assert target.read_bytes() == b"one" and _mode(target) == 0o600
        target.chmod(0o644)
        write_output(target, b"two", overwrite=True)
        assert target.read_bytes() == b"two" and _mode(target) == 0o644
    finally:
        os.umask(old)
    assert [p.name for p in target.parent.iterdir()] == ["out.txt"]  # no temporary left


def test_an_existing_file_is_kept_unless_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"mine")
    with pytest.raises(OutputError) as refused:
        write_output(target, b"theirs", overwrite=False)
    assert refused.value.exists
    assert target.read_bytes() == b"mine"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


@pytest.mark.parametrize("kind", ["folder", "symlink", "dangling", "pipe"])
@pytest.mark.parametrize("overwrite", [False, True])
def test_only_regular_files_are_written_over(kind: str, overwrite: bool, tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    elsewhere = tmp_path / "elsewhere.txt"
    if kind == "folder":
        target.mkdir()
    elif kind == "symlink":
        elsewhere.write_bytes(b"keep")
        target.symlink_to(elsewhere)
    elif kind == "dangling":
        target.symlink_to(elsewhere)
    else:
        if not hasattr(os, "mkfifo"):
            pytest.skip("needs named pipes")
        os.mkfifo(target)
    with pytest.raises(OutputError) as refused:
        write_output(target, b"data", overwrite=overwrite)
    assert not refused.value.exists
    assert "argmap writes only over regular files" in str(refused.value)
    assert kind != "symlink" or elsewhere.read_bytes() == b"keep"
    assert kind != "dangling" or not elsewhere.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_file_where_a_folder_should_be_is_named(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(OutputError, match=r"notes.txt is a file, not a folder"):
        write_output(tmp_path / "notes.txt" / "deeper" / "x.yaml", b"", overwrite=True)


def test_names_with_control_characters_are_shown_safely(tmp_path: Path) -> None:
    target = tmp_path / "a\x1b[2J"
    target.mkdir()
    with pytest.raises(OutputError) as refused:
        write_output(target, b"", overwrite=True)
    assert "\x1b" not in str(refused.value) and "a\\e[2J" in str(refused.value)


def _appearing(monkeypatch: pytest.MonkeyPatch, make: Callable[[Path], None]) -> None:
    """Make something appear at the target after the temporary file is written."""
    real = output.write_temp

    def write_then_appear(target: Path, data: bytes | Iterable[bytes], mode: int) -> Path:
        temp = real(target, data, mode)
        make(target)
        return temp

    monkeypatch.setattr(output, "write_temp", write_then_appear)


@pytest.mark.parametrize("hard_links", [True, False], ids=["link", "no-hard-links"])
def test_a_file_that_appears_while_writing_is_never_replaced(
    hard_links: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not hard_links:

        def no_link(*_args: object) -> None:
            raise OSError(errno.EPERM, "hard links not supported")

        monkeypatch.setattr(os, "link", no_link)
    target = tmp_path / "out.txt"
    _appearing(monkeypatch, lambda path: path.write_bytes(b"theirs"))
    with pytest.raises(OutputError) as refused:
        write_output(target, b"ours", overwrite=False)
    assert refused.value.exists
    assert target.read_bytes() == b"theirs"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]  # no temporary file left


def test_without_hard_links_a_new_file_is_still_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_link(*_args: object) -> None:
        raise OSError(errno.EPERM, "hard links not supported")

    monkeypatch.setattr(os, "link", no_link)
    target = tmp_path / "out.txt"
    write_output(target, b"ours", overwrite=False)
    assert target.read_bytes() == b"ours"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_link_that_appears_while_overwriting_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_bytes(b"keep")
    _appearing(monkeypatch, lambda path: path.symlink_to(elsewhere))
    with pytest.raises(OutputError) as refused:
        write_output(target, b"ours", overwrite=True)
    assert "argmap writes only over regular files" in str(refused.value)
    assert target.is_symlink()
    assert elsewhere.read_bytes() == b"keep"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["elsewhere.txt", "out.txt"]
