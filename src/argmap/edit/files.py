"""Read a debate file for editing and replace it atomically, never clobbering a newer version.

The edit operations work on text with LF line endings and no byte-order mark; a
`DebateFile` remembers whether the file had CRLF endings or a BOM and puts them back when
writing. Writing goes to a temporary file in the same folder (flushed and fsynced), keeps
the file's permissions, and replaces the file with `os.replace` only after checking that
the bytes on disk are still the ones read: a file changed meanwhile is left alone and the
edit is refused.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from argmap.edit.document import EditRefused
from argmap.edit.operations import Edit
from argmap.load import load_text

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
        raise EditRefused(f"{path} is not valid UTF-8; save it as UTF-8 first") from exc
    crlf = "\r\n" in text
    if crlf and text.count("\n") != text.count("\r\n"):
        raise EditRefused(
            f"{path} mixes CRLF and LF line endings; argmap edits files with one kind of "
            "line ending, so convert it first"
        )
    text = text.replace("\r\n", "\n")
    if "\r" in text:
        raise EditRefused(
            f"{path} has line breaks made of a lone CR; convert it to LF or CRLF first"
        )
    return DebateFile(path, text, _digest(data), bom, crlf)


def read_debate_file(path: Path | str) -> DebateFile:
    """Read a debate file for editing; a refusal when it cannot be read or decoded."""
    real = Path(os.path.realpath(path))
    try:
        data = real.read_bytes()
    except OSError as exc:
        raise EditRefused(f"cannot read {path}: {exc.strerror or exc}") from exc
    return decode(real, data)


def save(current: DebateFile, new_text: str, *, validated: bool = False) -> DebateFile:
    """Write `new_text` over the file atomically; return the file as now written.

    Refused, with nothing written, when the text does not validate, when the file on disk
    is no longer the one read into `current`, or when writing fails. No temporary file is
    left behind in any case. `validated=True` skips the validation for text that an edit
    operation has just validated (the `after` of an `Edit`).
    """
    path = current.path
    loaded = None if validated else load_text(new_text, path)
    if loaded is not None and not loaded.ok:
        errors = loaded.errors
        first = errors[0].message if errors else "it would not load"
        raise EditRefused(f"not saved: the debate would be invalid: {first}", errors)
    data = current.encode(new_text)
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError as exc:
        raise EditRefused(f"cannot write {path}: {exc.strerror or exc}") from exc
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        _check_unchanged(current)
        os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError):
            raise EditRefused(
                f"cannot write {path}: {exc.strerror or exc}; the file was not changed"
            ) from exc
        raise
    _sync_folder(path.parent)
    return DebateFile(path, new_text, _digest(data), current.bom, current.crlf)


def _check_unchanged(current: DebateFile) -> None:
    try:
        on_disk = current.path.read_bytes()
    except OSError as exc:
        raise EditRefused(
            f"{current.path} can no longer be read ({exc.strerror or exc}); nothing was written"
        ) from exc
    if _digest(on_disk) != current.digest:
        raise EditRefused(
            f"{current.path} changed on disk since it was read; nothing was written "
            "(run the edit again on the new version)"
        )


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
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
