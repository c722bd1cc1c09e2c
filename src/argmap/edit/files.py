"""Read a debate file for editing and replace it atomically, never clobbering a newer version.

The edit operations work on text with LF line endings and no byte-order mark; a
`DebateFile` remembers whether the file had CRLF endings or a BOM and puts them back when
writing. Writing goes to a temporary file in the same folder (flushed and fsynced), keeps
the file's permissions, and replaces the file with `os.replace` only after checking that
the bytes on disk are still the ones read: a file changed meanwhile is left alone and the
edit is refused. An advisory lock on the file serialises writers from that check through
the rename. Bundled debates are never written.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from argmap.bundled import is_bundled
from argmap.edit.document import EditRefused
from argmap.edit.operations import Edit
from argmap.load import UnreadableFile, load_text, read_regular_file, size_limit
from argmap.output import OutputError, existing_target, new_file_mode, sync_folder, write_temp
from argmap.safetext import printable

_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class DebateFile:
    """A debate file as read: its text for editing and what is needed to write it back."""

    path: Path  # the real file (symlinks resolved), so a link stays a link
    text: str  # LF line endings, no BOM
    digest: str  # sha256 of the bytes read
    bom: bool
    crlf: bool

    def encode(self, text: str) -> bytes:
        """`text` as bytes in this file's conventions (line endings, BOM)."""
        if self.crlf:
            text = text.replace("\n", "\r\n")
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise EditRefused(
                f"the text holds a character that cannot be saved ({exc.reason})"
            ) from exc
        return _BOM + data if self.bom else data


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(path: Path, data: bytes) -> DebateFile:
    """Split raw bytes into editable text and the file's conventions."""
    bom = data.startswith(_BOM)
    body = data[len(_BOM) :] if bom else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EditRefused(f"{_show(path)} is not valid UTF-8; save it as UTF-8 first") from exc
    crlf = "\r\n" in text
    if crlf and text.count("\n") != text.count("\r\n"):
        raise EditRefused(
            f"{_show(path)} mixes CRLF and LF line endings; argmap edits files with one kind of "
            "line ending, so convert it first"
        )
    text = text.replace("\r\n", "\n")
    if "\r" in text:
        raise EditRefused(
            f"{_show(path)} has line breaks made of a lone CR; convert it to LF or CRLF first"
        )
    return DebateFile(path, text, _digest(data), bom, crlf)


def read_debate_file(path: Path | str) -> DebateFile:
    """Read a debate file for editing; a refusal when it cannot be read or decoded.

    Bundled debates (inside the installed package) are refused: they are read-only, and
    `argmap init` copies them to a folder of one's own.
    """
    real = Path(os.path.realpath(path))
    _refuse_bundled(real, path)
    limit = size_limit()
    try:
        data = read_regular_file(real, limit)
    except UnreadableFile as exc:
        raise EditRefused(f"cannot read {_show(path)}: {exc.message}") from exc
    if len(data) > limit:
        raise EditRefused(f"{_show(path)} is over {limit:,} bytes; argmap edits files up to that")
    return decode(real, data)


def save(current: DebateFile, new_text: str, *, validated: bool = False) -> DebateFile:
    """Write `new_text` over the file atomically; return the file as now written.

    Refused, with nothing written, when the text does not validate, when the file on disk
    is no longer the one read into `current`, when another program holds the file's lock,
    or when writing fails. Writers are serialised by an advisory lock (`flock`) on the
    file, held from the check that the file is unchanged through the rename, so of two
    concurrent edits the second is refused instead of silently undoing the first. No
    temporary file is left behind in any case. `validated=True` skips the validation for
    text that an edit operation has just validated (the `after` of an `Edit`).
    """
    path = current.path
    _refuse_bundled(path, path)
    loaded = None if validated else load_text(new_text, path)
    if loaded is not None and not loaded.ok:
        errors = loaded.errors
        first = errors[0].message if errors else "it would not load"
        raise EditRefused(f"not saved: the debate would be invalid: {first}", errors)
    data = current.encode(new_text)
    with locked(path):
        _check_unchanged(current)
        try:
            status = existing_target(path)
            mode = stat.S_IMODE(status.st_mode) if status is not None else new_file_mode()
            temp = write_temp(path, data, mode)
        except OutputError as exc:
            raise EditRefused(f"{exc.message}; the file was not changed") from exc
        try:
            os.replace(temp, path)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                temp.unlink()
            if isinstance(exc, OSError):
                raise EditRefused(
                    f"cannot write {_show(path)}: {exc.strerror or exc}; the file was not changed"
                ) from exc
            raise
    sync_folder(path.parent)
    return DebateFile(path, new_text, _digest(data), current.bom, current.crlf)


class FileChanged(EditRefused):
    """The file on disk is no longer the version the edit was made on; nothing was written."""


#: How long a writer waits for another to finish before refusing.
LOCK_WAIT_SECONDS = 10.0


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock on the debate file at `path` (the real file).

    The lock is taken on the file itself, so no lock file is left beside it. A rename by
    another writer replaces the file while one waits for its lock; the lock is then on a
    file no longer at `path`, so it is taken again on the new one. Where `flock` does not
    exist (Windows) or the file system refuses it, the edit is refused: argmap does not
    write a debate file it cannot lock.
    """
    try:
        import fcntl
    except ImportError:
        raise EditRefused(
            f"cannot lock {_show(path)} against other writers on this system (no flock), "
            "so argmap does not edit it; edit the file by hand"
        ) from None
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except OSError as exc:
            raise EditRefused(
                f"{_show(path)} can no longer be read ({exc.strerror or exc}); nothing was written"
            ) from exc
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise EditRefused(
                            f"another program is writing {_show(path)}; nothing was written "
                            "(try again when it is done)"
                        ) from None
                    time.sleep(0.005)
                except OSError as exc:
                    raise EditRefused(
                        f"cannot lock {_show(path)} against other writers "
                        f"({exc.strerror or exc}), so argmap does not edit it"
                    ) from None
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(path))
            except OSError:
                same = False
            if same:
                yield
                return
        finally:
            os.close(fd)  # closing the descriptor releases the lock


def _refuse_bundled(real: Path, given: Path | str) -> None:
    """Refuse to write a debate that ships inside the installed package."""
    if is_bundled(real):
        raise EditRefused(
            f"{_show(given)} is one of the debates bundled with argmap, which are read-only; "
            "`argmap init [DIR]` copies them to ./arguments (or DIR) to edit"
        )


def _show(path: Path | str) -> str:
    return printable(str(path), one_line=True)


def _check_unchanged(current: DebateFile) -> None:
    try:
        on_disk = read_regular_file(current.path)
    except UnreadableFile as exc:
        raise EditRefused(
            f"{_show(current.path)} can no longer be read ({exc.message}); nothing was written"
        ) from exc
    if _digest(on_disk) != current.digest:
        raise FileChanged(
            f"{_show(current.path)} changed on disk since it was read; nothing was written "
            "(run the edit again on the new version)"
        )


def edit_file(path: Path | str, change: Callable[[str], Edit]) -> tuple[Edit, DebateFile]:
    """Read a file, apply one edit operation to its text, and save the result.

    `change` is an operation with its arguments bound, for example
    `lambda text: remove_claim(text, "pro.2")`. Returns the edit (its `before` and
    `after` texts serve undo) and the file as written. A refused edit writes nothing.
    """
    current = read_debate_file(path)
    edit = change(current.text)
    if not edit.changed:
        return edit, current
    return edit, save(current, edit.after, validated=True)
