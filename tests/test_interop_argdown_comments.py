"""Argdown comments never change structure; input the grammar rejects is named; repeated
notes are one note with a count."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.cli import main
from argmap.interop import read_import

TREE = """\
[motion]: The motion.
  - <Arg A>: An attack.
  <!-- a comment line
       over two lines -->
  - <Arg B>: Another attack.
    // a line comment
    -> [Statement 1]
  /* a block comment */
  + [Statement 1]: Support.

<!-- before an argument -->
<Arg C>: A third attack.
<!-- between an argument and its relations -->
  -> [motion]
"""


def test_comment_lines_inside_a_relation_tree_end_nothing() -> None:
    imported = read_import("argdown", TREE)
    con = imported.data["con"]
    assert [c["text"] for c in con] == ["An attack.", "Another attack.", "A third attack."]
    assert con[1]["also_rebuts"] == ["statement-1"]
    assert [c["text"] for c in imported.data["pro"]] == ["Support."]
    assert not [loss for loss in imported.losses if "not connected" in loss.message]


def test_the_same_tree_without_comments_reads_the_same() -> None:
    plain = "\n".join(
        line
        for line in TREE.splitlines()
        if not line.strip().startswith(("<!--", "over", "//", "/*"))
        and not line.strip().endswith("-->")
    )
    assert read_import("argdown", plain + "\n").data == read_import("argdown", TREE).data


def test_lines_the_grammar_rejects_are_named_as_such() -> None:
    text = "[motion]: M.\n  - [a]: An attack.\n\n[unclosed title\n\n- a relation to nothing\n"
    imported = read_import("argdown", text)
    (warning,) = [loss for loss in imported.losses if "not look like valid Argdown" in loss.message]
    assert "2 lines" in warning.message
    assert [item.text for item in warning.items] == ["[unclosed title", "- a relation to nothing"]


def test_a_valid_document_gets_no_grammar_warning() -> None:
    imported = read_import("argdown", TREE)
    assert not [loss for loss in imported.losses if "valid Argdown" in loss.message]


def test_thousands_of_redefinitions_are_one_note_and_the_terminal_shows_a_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "[motion]: M.\n  - [a]: First.\n\n" + "".join(f"[a]: Text {i}.\n\n" for i in range(300))
    text += "".join("[a]: First.\n\n" for _ in range(50))  # the same text: not a loss
    imported = read_import("argdown", text)
    (note,) = [loss for loss in imported.losses if "later definition" in loss.message]
    assert note.message.startswith("300 later definitions of a title with another text")
    assert len(note.items) == 300
    source = tmp_path / "many.argdown"
    source.write_text(text)
    report = tmp_path / "r.json"
    assert main(["import", "argdown", str(source), "-o", "-", "--report", str(report)]) == 0
    err = capsys.readouterr().err
    assert "... and 250 more (--report FILE.json lists every one)" in err
    assert err.count("[a] at line") == 50
    assert report.read_text().count("[a] at line") == 300
