"""Saving edits: atomic, never over a newer file, keeping line endings, BOM and mode."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from argmap.edit import (
    Edit,
    EditRefused,
    add_child,
    edit_file,
    read_debate_file,
    remove_claim,
    save,
    set_fields,
)
from argmap.load import load_file

FIXTURE = Path(__file__).parent / "data" / "edit" / "commented.yaml"


@pytest.fixture
def debate(tmp_path: Path) -> Path:
    path = tmp_path / "shared-labs.yaml"
    path.write_bytes(FIXTURE.read_bytes())
    return path


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_edit_file_writes_the_edit_and_returns_undo_material(debate: Path) -> None:
    edit, written = edit_file(debate, lambda t: set_fields(t, "cost", {"weight": 5}))
    assert debate.read_text(encoding="utf-8") == edit.after
    assert load_file(debate).ok
    # Undo: write the text before back over the file as written.
    save(written, edit.before)
    assert debate.read_bytes() == FIXTURE.read_bytes()


def test_refused_edit_leaves_the_file_byte_identical(debate: Path) -> None:
    before = snapshot(debate)
    with pytest.raises(EditRefused):
        edit_file(debate, lambda t: set_fields(t, "cost", {"sources": ["nowhere"]}))
    with pytest.raises(EditRefused):
        edit_file(debate, lambda t: remove_claim(t, "cost"))
    with pytest.raises(EditRefused):
        edit_file(debate, lambda t: add_child(t, "nope", "rebuttal", "x"))
    assert snapshot(debate) == before
    assert leftovers(debate.parent) == []


def test_save_refuses_invalid_text(debate: Path) -> None:
    current = read_debate_file(debate)
    before = snapshot(debate)
    with pytest.raises(EditRefused, match="invalid"):
        save(current, current.text.replace("weight: 4", "weight: 40"))
    assert snapshot(debate) == before


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_crash_during_write_leaves_original_and_no_temp_file(
    debate: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    before = snapshot(debate)

    def crash(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, crash)
    with pytest.raises(EditRefused, match="No space left on device"):
        edit_file(debate, lambda t: set_fields(t, "cost", {"weight": 1}))
    monkeypatch.undo()
    assert snapshot(debate) == before
    assert leftovers(debate.parent) == []


def test_interrupt_during_write_is_reraised_and_cleans_up(
    debate: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(debate)

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        edit_file(debate, lambda t: set_fields(t, "cost", {"weight": 1}))
    monkeypatch.undo()
    assert snapshot(debate) == before
    assert leftovers(debate.parent) == []


def test_file_changed_on_disk_is_not_clobbered(debate: Path) -> None:
    current = read_debate_file(debate)
    edit = set_fields(current.text, "cost", {"weight": 1})
    # Someone saves the file in their editor meanwhile.
    theirs = FIXTURE.read_bytes().replace(b"weight: 3", b"weight: 2")
    debate.write_bytes(theirs)
    with pytest.raises(EditRefused, match="changed on disk since it was read"):
        save(current, edit.after)
    assert debate.read_bytes() == theirs
    assert leftovers(debate.parent) == []


def test_file_deleted_meanwhile_is_refused(debate: Path) -> None:
    current = read_debate_file(debate)
    debate.unlink()
    with pytest.raises(EditRefused):
        save(current, set_fields(current.text, "cost", {"weight": 1}).after)
    assert not debate.exists()
    assert leftovers(debate.parent) == []


def test_file_removed_while_the_edit_is_made_is_not_recreated(debate: Path) -> None:
    # The file goes away after it was read for the edit and before the edit is written:
    # the refusal gives the system's reason alone (no error number, no second copy of the
    # path) and nothing is created in its place.
    def change_and_remove(text: str) -> Edit:
        edit = set_fields(text, "cost", {"weight": 1})
        debate.unlink()
        return edit

    with pytest.raises(EditRefused) as refused:
        edit_file(debate, change_and_remove)
    assert str(refused.value) == (
        f"{debate} can no longer be read ({os.strerror(errno.ENOENT)}); nothing was written"
    )
    assert not debate.exists()
    assert list(debate.parent.iterdir()) == []


def test_crlf_file_stays_crlf_and_bom_stays(debate: Path) -> None:
    data = b"\xef\xbb\xbf" + FIXTURE.read_bytes().replace(b"\n", b"\r\n")
    debate.write_bytes(data)
    edit_file(debate, lambda t: add_child(t, "queue", "rebuttal", "Slots.", new_id="slots"))
    written = debate.read_bytes()
    assert written.startswith(b"\xef\xbb\xbf")
    assert written.count(b"\n") == written.count(b"\r\n")
    assert b"        - id: slots\r\n          text: Slots.\r\n" in written
    unchanged = data.split(b"\r\n")
    assert all(line in written.split(b"\r\n") for line in unchanged)
    assert load_file(debate).ok


def test_mixed_line_endings_are_refused(debate: Path) -> None:
    debate.write_bytes(FIXTURE.read_bytes().replace(b"\n", b"\r\n", 3))
    before = snapshot(debate)
    with pytest.raises(EditRefused, match="mixes CRLF and LF"):
        edit_file(debate, lambda t: set_fields(t, "cost", {"weight": 1}))
    assert snapshot(debate) == before


def test_file_mode_is_kept(debate: Path) -> None:
    debate.chmod(0o640)
    edit_file(debate, lambda t: set_fields(t, "cost", {"weight": 1}))
    assert stat.S_IMODE(debate.stat().st_mode) == 0o640


def test_symlink_stays_a_link(debate: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(debate)
    edit_file(link, lambda t: set_fields(t, "cost", {"weight": 1}))
    assert link.is_symlink()
    assert b"weight: 1" in debate.read_bytes()


def test_not_utf8_is_refused(debate: Path) -> None:
    debate.write_bytes(b"title: \xff\n")
    with pytest.raises(EditRefused, match="not valid UTF-8"):
        read_debate_file(debate)
