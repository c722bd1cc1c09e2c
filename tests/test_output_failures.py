"""A write the system refuses: one line naming the file and the reason, and nothing left over."""

from __future__ import annotations

import errno
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from argmap.bundled import bundled_files
from argmap.cli import main
from argmap.output import OutputError, os_error_message, write_output

LONG = "x" * 300


def test_a_name_too_long_is_named_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    debate = shutil.copy(bundled_files()[0], tmp_path / "debate.yaml")
    assert main(["export", str(debate), "--format", "json", "-o", f"{LONG}.json"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == f"argmap: {LONG}.json: the name is too long for the file system"
    assert [p.name for p in tmp_path.iterdir()] == ["debate.yaml"]


def test_an_error_names_its_file_when_it_has_one_and_gives_the_reason_alone_otherwise() -> None:
    denied = PermissionError(errno.EACCES, "Permission denied", "out/debate.svg")
    assert os_error_message(denied) == "out/debate.svg: Permission denied"
    assert os_error_message(OSError(errno.EIO, "Input/output error")) == "Input/output error"
    refused = OutputError("debate.svg already exists; argmap does not replace it unasked")
    assert os_error_message(refused) == refused.message


def _chunks_then(failure: BaseException) -> Iterator[bytes]:
    yield b"{" * 100_000
    raise failure


@pytest.mark.parametrize(
    "failure", [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()]
)
def test_a_write_that_fails_half_way_leaves_no_file_and_no_temporary_file(
    tmp_path: Path, failure: BaseException
) -> None:
    """The disk fills up (or Ctrl-C comes) after part of a large output was written."""
    target = tmp_path / "debate.json"
    expected = OutputError if isinstance(failure, OSError) else KeyboardInterrupt
    with pytest.raises(expected) as raised:
        write_output(target, _chunks_then(failure), overwrite=False)
    if isinstance(failure, OSError):
        assert "No space left on device" in str(raised.value)
    assert list(tmp_path.iterdir()) == []
