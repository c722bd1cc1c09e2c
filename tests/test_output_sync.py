"""A written file is on disk, whole, before it takes the old one's place."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from argmap.output import write_output


@pytest.mark.parametrize("overwrite", [False, True])
def test_the_new_content_is_synced_before_it_replaces_the_old(
    overwrite: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A crash after the rename but before the data reached the disk would leave an empty
    # file where the old one was: the data must be synced first.
    target = tmp_path / "out.txt"
    if overwrite:
        target.write_bytes(b"old")
    real_fsync = os.fsync
    synced: list[tuple[int, bytes]] = []

    def watched(fd: int) -> None:
        real_fsync(fd)
        size = os.fstat(fd).st_size
        synced.append((size, target.read_bytes() if target.exists() else b""))

    monkeypatch.setattr(os, "fsync", watched)
    write_output(target, [b"new ", b"content"], overwrite=overwrite)
    assert target.read_bytes() == b"new content"
    # The whole content was in the file synced, while the target still held the old one.
    assert (len(b"new content"), b"old" if overwrite else b"") in synced
