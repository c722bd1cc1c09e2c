"""Debates read before the app started, by the process `argmap serve` forks each tab's app
from (`web/zygote.py`): a tab then shows them at once instead of reading every file again,
and the forked apps share the memory they take.

An entry is used only while its file is unchanged (same size, time and inode), and only
once: a later reload reads the file.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from argmap.tui.model import DebateEntry, list_files, prepare_entry

#: Each file read in advance: its signature when read, and what was made of it.
_READY: dict[Path, tuple[tuple[int, int, int], DebateEntry]] = {}


def signature(path: Path) -> tuple[int, int, int] | None:
    """What tells that a file has changed: its size, modification time and inode."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_size, status.st_mtime_ns, status.st_ino)


def read_ahead(paths: Sequence[Path]) -> int:
    """Read and label the debate files these paths name; how many could be kept."""
    files, _ = list_files(list(paths))
    for path in files:
        before = signature(path)
        try:
            entry = prepare_entry(path)
        except Exception:  # the app reads it again and shows the error
            continue
        if before is not None and signature(path) == before:
            _READY[path] = (before, entry)
    return len(_READY)


def take(path: Path) -> DebateEntry | None:
    """The entry read in advance for `path`, if its file has not changed since."""
    found = _READY.pop(path, None)
    if found is None or signature(path) != found[0]:
        return None
    return found[1]
