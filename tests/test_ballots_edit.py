"""Setting a weight in a ballot file: only that line changes, writes are atomic and locked,
and the debate file is never touched."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from argmap.ballots.blank import blank_ballot
from argmap.ballots.edit import ballot_file_name, set_weight_text, write_weight
from argmap.ballots.format import load_ballot_file
from argmap.edit.document import EditRefused
from argmap.edit.files import FileChanged, locked
from argmap.graph import ArgumentGraph
from argmap.load import load_file

THREE = Path(__file__).parent / "data" / "ballots" / "three.yaml"


@pytest.fixture
def debate(tmp_path: Path) -> Path:
    target = tmp_path / "three.yaml"
    shutil.copy(THREE, target)
    return target


@pytest.fixture
def graph(debate: Path) -> ArgumentGraph:
    return load_file(debate).graph


def _changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    return [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]


def test_a_claim_of_a_blank_ballot_takes_its_commented_line(graph: ArgumentGraph) -> None:
    text = blank_ballot(graph, by="Ana")
    after = set_weight_text(text, "b", 5)
    assert _changed_lines(text, after) == [("  # b: 3", "  b: 5")]
    again = set_weight_text(after, "b", 1)
    assert _changed_lines(after, again) == [("  b: 5", "  b: 1")]


def test_a_weight_is_added_after_the_last_and_comments_are_kept() -> None:
    text = "debate: three  # mine\nweights:\n    a: 2   # sure\n# the end\n"
    after = set_weight_text(text, "c", 4)
    assert after == "debate: three  # mine\nweights:\n    a: 2   # sure\n    c: 4\n# the end\n"
    assert set_weight_text(after, "a", 5).startswith(
        "debate: three  # mine\nweights:\n    a: 5   # sure\n"
    )
    assert set_weight_text("debate: three\n", "a", 1) == "debate: three\nweights:\n  a: 1\n"
    assert (
        set_weight_text("debate: three\nweights:\n", "a", 1) == "debate: three\nweights:\n  a: 1\n"
    )


def test_a_layout_that_cannot_take_the_weight_is_refused_not_broken() -> None:
    with pytest.raises(EditRefused, match="set it in an editor"):
        set_weight_text("debate: three\nweights: {a: 2}\n", "c", 4)
    with pytest.raises(EditRefused, match="from 1 to 5"):
        set_weight_text("debate: three\n", "a", 6)
    with pytest.raises(EditRefused, match="has errors"):
        set_weight_text("debate: three\nweights: {a: 9}\n", "a", 2)


def test_the_first_weight_makes_the_ballot_and_the_debate_stays_byte_identical(
    tmp_path: Path, debate: Path, graph: ArgumentGraph
) -> None:
    before = debate.read_bytes()
    path = tmp_path / "ballots" / "three" / ballot_file_name("Ana María")
    assert path.name == "ana-maria.yaml"
    write_weight(path, graph, "Ana María", "a", 2)
    write_weight(path, graph, "Ana María", "c", 5)
    loaded = load_ballot_file(path, graph)
    assert loaded.ok and loaded.ballot is not None
    assert loaded.ballot.weights == {"a": 2, "c": 5} and loaded.name == "Ana María"
    assert debate.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["ana-maria.yaml"]  # no temp left


def test_a_ballot_keeps_its_crlf_line_ends_and_mode(tmp_path: Path, graph: ArgumentGraph) -> None:
    path = tmp_path / "ben.yaml"
    path.write_bytes(b"debate: three\r\nby: Ben\r\nweights:\r\n  a: 1\r\n")
    os.chmod(path, 0o640)
    write_weight(path, graph, "Ben", "b", 4)
    assert path.read_bytes() == b"debate: three\r\nby: Ben\r\nweights:\r\n  a: 1\r\n  b: 4\r\n"
    assert path.stat().st_mode & 0o777 == 0o640


def test_a_ballot_changed_meanwhile_is_not_overwritten(
    tmp_path: Path, graph: ArgumentGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "cy.yaml"
    path.write_text("debate: three\nweights:\n  a: 1\n", encoding="utf-8")
    from argmap.ballots import edit

    real_read = edit.read_debate_file

    def read_then_someone_writes(target: Path):  # type: ignore[no-untyped-def]
        current = real_read(target)
        path.write_text("debate: three\nweights:\n  a: 3\n", encoding="utf-8")
        return current

    monkeypatch.setattr(edit, "read_debate_file", read_then_someone_writes)
    with pytest.raises(FileChanged):
        write_weight(path, graph, "Cy", "b", 2)
    assert path.read_text(encoding="utf-8") == "debate: three\nweights:\n  a: 3\n"


def test_a_locked_ballot_is_refused(
    tmp_path: Path, graph: ArgumentGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argmap.edit import files

    monkeypatch.setattr(files, "LOCK_WAIT_SECONDS", 0.0)
    path = tmp_path / "dee.yaml"
    path.write_text("debate: three\nweights:\n  a: 1\n", encoding="utf-8")
    with locked(path), pytest.raises(EditRefused, match="another program is writing"):
        write_weight(path, graph, "Dee", "b", 2)
    assert path.read_text(encoding="utf-8") == "debate: three\nweights:\n  a: 1\n"


def test_the_motion_and_unknown_ids_are_refused(tmp_path: Path, graph: ArgumentGraph) -> None:
    for claim_id in ("motion", "nope"):
        with pytest.raises(EditRefused, match="not a claim"):
            write_weight(tmp_path / "e.yaml", graph, "E", claim_id, 2)
    assert not (tmp_path / "e.yaml").exists()
