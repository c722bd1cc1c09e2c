"""A debate file on a file system that refuses locks is not edited, and argmap says why."""

from __future__ import annotations

import errno
import fcntl
from pathlib import Path

import pytest

from argmap.edit import EditRefused, edit_file, set_fields

FIXTURE = Path(__file__).parent / "data" / "edit" / "commented.yaml"


def test_a_file_that_cannot_be_locked_is_refused_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some network file systems answer `flock` with ENOLCK. That is not another writer
    holding the lock, so waiting would never end: the edit is refused the first time, with
    the system's reason, and the file is left as it was."""
    debate = tmp_path / "shared-labs.yaml"
    debate.write_bytes(FIXTURE.read_bytes())
    tries: list[int] = []

    def no_locks(fd: int, operation: int) -> None:
        tries.append(operation)
        assert len(tries) == 1, "asked for the lock again after the file system refused it"
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    with pytest.raises(
        EditRefused, match=r"cannot lock .* against other writers \(No locks available\)"
    ):
        edit_file(debate, lambda t: set_fields(t, "cost", {"weight": 1}))
    monkeypatch.undo()
    assert debate.read_bytes() == FIXTURE.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shared-labs.yaml"]
