"""Reading debate files: regular files only, within a size; and the files a folder holds."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class UnreadableFile(OSError):
    """A path that is not a regular file argmap can read; the message says why."""

    def __init__(self, message: str, code: str = "unreadable") -> None:
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return self.message


def read_regular_file(path: Path | str, max_bytes: int | None = None) -> bytes:
    """The bytes of a regular file; `UnreadableFile` for anything else.

    The file is opened without blocking and checked on the open descriptor, so a named
    pipe, a device or a socket is refused at once instead of hanging the read (and cannot
    be swapped in between a check and the read). Symbolic links are followed; a dangling
    link or a loop of links is refused with the reason.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        if os.path.islink(path):
            raise UnreadableFile("a symbolic link to nothing (its target does not exist)") from None
        raise UnreadableFile("no such file", "not-found") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnreadableFile("a loop of symbolic links; give a debate file") from None
        raise UnreadableFile(f"cannot read file: {exc.strerror or exc}") from None
    try:
        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):
            raise UnreadableFile("is a folder, not a file")
        if not stat.S_ISREG(status.st_mode):
            # A named pipe or a device would block the read, or never end.
            raise UnreadableFile(
                "not a regular file (a pipe, device or socket); give a debate file"
            )
        if max_bytes is not None and status.st_size > max_bytes:
            raise UnreadableFile(
                f"file is {status.st_size:,} bytes; argmap reads files up to {max_bytes:,} bytes "
                "(set ARGMAP_MAX_BYTES to raise the limit)",
                "too-large",
            )
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb") as handle:
            fd = -1
            return handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    except UnreadableFile:
        raise
    except OSError as exc:
        raise UnreadableFile(f"cannot read file: {exc.strerror or exc}") from None
    finally:
        if fd >= 0:
            os.close(fd)


def debate_files(path: Path) -> list[Path]:
    """The debate files a path names: itself, or every *.yaml / *.yml in a folder."""
    if path.is_dir():
        # Everything named like a debate file is loaded, so a pipe, a dangling link or a
        # loop of links named *.yaml is reported as an error instead of skipped in silence.
        # Only sub-folders and Emacs's lock links (`.#name.yaml`) are passed over.
        return sorted(
            p
            for p in path.iterdir()
            if p.suffix in {".yaml", ".yml"} and not p.name.startswith(".#") and not _is_folder(p)
        )
    return [path]


def _is_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(path.lstat().st_mode)
    except OSError:
        return False
