"""Write output files safely: atomically, only over regular files, with the right mode.

Every file argmap writes (exports, imports, `argmap new`, edits of debate files) goes
through this module, so one policy holds everywhere:

- A target that exists and is not a regular file (a device such as `/dev/null`, a named
  pipe, a socket, a folder) or is a symbolic link (even a dangling one) is refused: argmap
  never replaces such a thing with a file, nor writes through a link it did not resolve.
- Data goes to a temporary file in the target's folder, flushed and fsynced, then renamed
  over the target, so a reader never sees half a file.
- A new file gets the mode the user's umask gives (0644 under the usual 022); a file that
  is replaced keeps its mode.
- Every failure is an `OutputError` with a one-line message naming the path.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
)


class OutputError(OSError):
    """A file argmap will not or cannot write; the message says which and why."""

    def __init__(self, message: str, *, exists: bool = False) -> None:
        super().__init__(message)
        self.message = message
        #: True when the only problem is that a file is already there (and not to replace).
        self.exists = exists

    def __str__(self) -> str:
        return self.message


def _show(path: Path | str) -> str:
    from argmap.safetext import printable

    return printable(str(path), one_line=True)


def describe(mode: int) -> str:
    """What a file of this `st_mode` is, in words ("a folder", "a named pipe", ...)."""
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    for test, word in _KINDS:
        if test(mode):
            return word
    return "not a regular file"


def existing_target(path: Path) -> os.stat_result | None:
    """The status of a regular file at `path`, None when nothing is there; else refused.

    Symbolic links are refused without being followed, so a dangling link is refused too.
    """
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        raise OutputError(
            f"cannot write {_show(path)}: {_show(_blocking_parent(path))} is a file, not a folder"
        ) from None
    except OSError as exc:
        raise OutputError(f"cannot write {_show(path)}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(status.st_mode):
        raise OutputError(
            f"refusing to write {_show(path)}: it exists and is {describe(status.st_mode)}; "
            "argmap writes only over regular files"
        )
    return status


def _blocking_parent(path: Path) -> Path:
    """The nearest ancestor of `path` that exists and is not a folder (for messages)."""
    for parent in reversed(path.parents):
        if parent.exists() and not parent.is_dir():
            return parent
    return path.parent


def new_file_mode() -> int:
    """The mode a new file gets under the current umask (0o644 under the usual 022)."""
    umask = _umask()
    return 0o666 & ~umask


def _umask() -> int:
    # Reading the umask means setting it; /proc tells it without a moment of a wrong mask
    # (another thread could create a file in that moment).
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def make_folder(folder: Path) -> None:
    """Create `folder` and its parents; an `OutputError` when that cannot be done."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(
            f"cannot write into {_show(folder)}: it exists and is not a folder"
        ) from None
    except NotADirectoryError:
        raise OutputError(
            f"cannot write into {_show(folder)}: {_show(_blocking_parent(folder))} is a file, "
            "not a folder"
        ) from None
    except OSError as exc:
        raise OutputError(
            f"cannot create the folder {_show(folder)}: {exc.strerror or exc}"
        ) from None


def write_temp(target: Path, data: bytes | Iterable[bytes], mode: int) -> Path:
    """`data` in a new temporary file beside `target`, flushed, synced and given `mode`.

    `data` may come in chunks (an iterable of bytes), so a large output is never held whole.
    """
    import tempfile  # only writes need it; commands that only read start without it

    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _cannot_write(target, exc) from None
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                for chunk in data:
                    handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError):
            raise _cannot_write(target, exc) from None
        raise
    return temp


def _cannot_write(target: Path, exc: OSError) -> OutputError:
    return OutputError(f"cannot write {_show(target)}: {_reason(target, exc)}")


def _reason(target: Path, exc: OSError) -> str:
    if exc.errno == errno.ENOTDIR:
        return f"{_show(_blocking_parent(target))} is a file, not a folder"
    if exc.errno == errno.ENAMETOOLONG:
        return "the name is too long for the file system"
    if exc.errno == errno.ENOENT:
        try:
            folder_there = target.parent.is_dir()
        except OSError:
            folder_there = False
        if folder_there:  # /proc, /sys: the folder is there and refuses new files
            return f"the folder {_show(target.parent)} does not accept new files"
        return f"the folder {_show(target.parent)} does not exist"
    return exc.strerror or str(exc)


def write_failure(target: Path | str, exc: OSError) -> str:
    """The one-line message for an `OSError` met writing `target`.

    An `OutputError` already names the path and the reason and is returned as it is, so
    no message says "cannot write X: cannot write X".
    """
    if isinstance(exc, OutputError):
        return exc.message
    return _cannot_write(Path(target), exc).message


def os_error_message(exc: OSError) -> str:
    """A one-line message for an `OSError` that reached the command line unhandled: the
    file it names and why (a name too long for the file system, a permission, ...)."""
    if isinstance(exc, OutputError):
        return exc.message
    if exc.errno == errno.ENAMETOOLONG:
        reason = "the name is too long for the file system"
    else:
        reason = exc.strerror or str(exc)
    if exc.filename is None:
        return reason
    return f"{_show(exc.filename)}: {reason}"


def write_output(
    path: Path | str,
    data: bytes | Iterable[bytes],
    *,
    overwrite: bool,
    make_parents: bool = True,
) -> None:
    """Write `data` (bytes, or chunks of them) to `path` atomically, under the policy in
    this module's docstring.

    With `overwrite` false an existing file is refused (and never replaced, even when one
    appears while writing); with it true a regular file is replaced and keeps its mode.
    """
    target = Path(path)
    existing = existing_target(target)
    if existing is not None and not overwrite:
        raise OutputError(
            f"{_show(target)} already exists; argmap does not replace it unasked", exists=True
        )
    if make_parents:
        make_folder(target.parent)
    mode = stat.S_IMODE(existing.st_mode) if existing is not None else new_file_mode()
    temp = write_temp(target, data, mode)
    try:
        if overwrite:
            existing_target(target)  # a link or pipe put there meanwhile is still refused
            os.replace(temp, target)
        else:
            _link_new(temp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError) and not isinstance(exc, OutputError):
            raise _cannot_write(target, exc) from None
        raise
    sync_folder(target.parent)


def _link_new(temp: Path, target: Path) -> None:
    """Give `temp` the name `target` only if nothing has that name (no check-then-write race)."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise OutputError(
            f"{_show(target)} already exists; argmap does not replace it unasked", exists=True
        ) from None
    except OSError as exc:
        if exc.errno not in {errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK}:
            raise
        # Hard links are unavailable on this file system: check, then rename.
        if existing_target(target) is not None:
            raise OutputError(
                f"{_show(target)} already exists; argmap does not replace it unasked",
                exists=True,
            ) from None
        os.replace(temp, target)
        return
    with contextlib.suppress(OSError):  # the file is in place; a stray temp name is harmless
        temp.unlink()


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable where the platform allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
