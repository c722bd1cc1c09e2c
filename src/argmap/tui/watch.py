"""Notice debate files changed on disk by polling their folders, with no Textual in it.

Editors save by writing a temporary file and renaming it over the original, which ends a
watch on the file itself; so the folders are scanned (one `os.scandir` each, a few
microseconds for a folder of debates) and each debate file's size, modification time and
inode compared with the last scan. A change is reported once it has held still for one
scan, so a save in several steps is read once, complete.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

#: What identifies a version of a file: size, modification time (ns), inode.
Signature = tuple[int, int, int]

DEBATE_SUFFIXES = (".yaml", ".yml")


def _signature(status: os.stat_result) -> Signature:
    return (status.st_size, status.st_mtime_ns, status.st_ino)


@dataclass(slots=True)
class FolderWatch:
    """The debate files in some folders (all of them) and some single files."""

    folders: list[Path]
    files: list[Path]
    known: dict[Path, Signature | None] = field(default_factory=dict)
    _pending: dict[Path, Signature | None] = field(default_factory=dict)

    @classmethod
    def over(cls, paths: Iterable[Path]) -> FolderWatch:
        """Watch the folders among `paths` whole, and the files among them one by one."""
        folders: list[Path] = []
        files: list[Path] = []
        for path in paths:
            (folders if path.is_dir() else files).append(path)
        watch = cls(folders, files)
        watch.known = watch.scan()
        return watch

    def scan(self) -> dict[Path, Signature | None]:
        """Every watched file and its signature now (None when it is missing)."""
        found: dict[Path, Signature | None] = {}
        wanted: dict[Path, set[str]] = {}
        for file in self.files:
            found[file] = None
            wanted.setdefault(file.parent, set()).add(file.name)
        for folder in self.folders:
            wanted[folder] = set()  # every debate file in it
        for folder, names in wanted.items():
            try:
                with os.scandir(folder) as entries:
                    for item in entries:
                        if names:
                            if item.name not in names:
                                continue
                        elif not item.name.endswith(DEBATE_SUFFIXES) or item.name.startswith(".#"):
                            continue  # Emacs keeps a lock link named .#NAME
                        try:
                            if not item.is_file():
                                continue
                            found[folder / item.name] = _signature(item.stat())
                        except OSError:
                            continue
            except OSError:
                continue  # a folder that went away: its files read as missing
        for path in self.known:
            found.setdefault(path, None)
        return found

    def poll(self) -> list[Path]:
        """Files that changed since the last report and have stayed the same for a scan."""
        now = self.scan()
        settled: list[Path] = []
        for path, signature in now.items():
            if signature == self.known.get(path, None) and path in self.known:
                self._pending.pop(path, None)
                continue
            if path in self._pending and self._pending[path] == signature:
                del self._pending[path]
                self.known[path] = signature
                if signature is None and path not in self.files:
                    del self.known[path]  # a file removed from a folder: forget it
                settled.append(path)
            else:
                self._pending[path] = signature
        return sorted(settled)

    def seen(self, path: Path) -> None:
        """The app read (or wrote) this file itself: the version on disk is not news."""
        try:
            self.known[path] = _signature(os.stat(path))
        except OSError:
            self.known[path] = None
        self._pending.pop(path, None)
