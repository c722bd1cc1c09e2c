"""`see` links into other debates: checked when their debates are loaded with the file,
and said to be unchecked (a warning, not a silent pass) when a file is loaded alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.cli import main
from argmap.load import load_paths

LINKING = """\
version: 1
title: T
motion: M should.
pro:
  - id: a
    text: A.
    see: [zzz-debate, other:nope]
con:
  - text: B.
    see: [zzz-debate]
"""

OTHER = """\
version: 1
title: Other
motion: O should.
pro:
  - id: fine
    text: Yes.
con:
  - text: No.
"""


def test_a_file_alone_warns_once_that_its_links_were_not_checked(tmp_path: Path) -> None:
    debate = tmp_path / "d.yaml"
    debate.write_text(LINKING, encoding="utf-8")
    [only] = load_paths([debate])
    assert only.ok
    [said] = [d for d in only.diagnostics if d.code == "see-unchecked"]
    assert not said.is_error and (said.line, said.col) == (7, 11)
    assert "('zzz-debate', 'other')" in said.message
    assert f"argmap validate {tmp_path}" in said.message


def test_with_siblings_a_link_to_no_debate_is_an_error(tmp_path: Path) -> None:
    debate = tmp_path / "d.yaml"
    debate.write_text(LINKING, encoding="utf-8")
    (tmp_path / "other.yaml").write_text(OTHER, encoding="utf-8")
    for paths in ([tmp_path], [debate, tmp_path / "other.yaml"]):
        loaded = {item.path.name: item for item in load_paths(paths)}
        found = [(d.line, d.code, d.is_error) for d in loaded["d.yaml"].diagnostics]
        assert found == [
            (7, "unknown-debate", True),
            (7, "unknown-claim", True),
            (10, "unknown-debate", True),
        ]


def test_a_folder_holding_only_the_file_checks_its_links(tmp_path: Path) -> None:
    (tmp_path / "d.yaml").write_text(LINKING, encoding="utf-8")
    [only] = load_paths([tmp_path])
    assert not only.ok
    assert {d.code for d in only.diagnostics} == {"unknown-debate"}


def test_a_link_within_its_own_debate_is_checked_even_alone(tmp_path: Path) -> None:
    debate = tmp_path / "t.yaml"
    debate.write_text(LINKING.replace("other:nope", "t:nope"), encoding="utf-8")
    [only] = load_paths([debate])
    assert [d.code for d in only.diagnostics if d.is_error] == ["unknown-claim"]


def test_validate_prints_the_warning_and_exits_zero(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "d.yaml").write_text(LINKING, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status = main(["validate", "d.yaml"])
    err = capsys.readouterr().err
    assert status == 0
    assert "d.yaml:7:11: warning: " in err and "not checked" in err
