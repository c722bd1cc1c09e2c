"""`argmap ballot` and `argmap tally` as a user runs them."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from argmap.cli import main

THREE = Path(__file__).parent / "data" / "ballots" / "three.yaml"
SCHEMA = Path(__file__).parent.parent / "schema" / "ballot.schema.json"
BALLOTS = {
    "ana": "debate: three\nby: Ana\nweights: {a: 5, b: 1}\n",
    "ben": "debate: three\nby: Ben\nweights: {a: 1, b: 5, c: 1}\n",
    "cy": "debate: three\nby: Cy\nweights: {}\n",
}


@pytest.fixture
def class_folder(tmp_path: Path) -> Path:
    """A debate beside `ballots/three/` with three ballots, as an instructor keeps them."""
    shutil.copy(THREE, tmp_path / "three.yaml")
    folder = tmp_path / "ballots" / "three"
    folder.mkdir(parents=True)
    for name, text in BALLOTS.items():
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_ballot_prints_a_blank_ballot_that_validates_as_a_ballot(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ballot", str(THREE), "--by", "Ana"]) == 0
    out = capsys.readouterr().out
    first, second = out.splitlines()[:2]
    assert first.startswith("# yaml-language-server: $schema=")
    assert second.startswith("# A ballot for argmap") and 'by: "Ana"' in out
    (tmp_path / "ana.yaml").write_text(out.replace("  # a: 4", "  a: 2"), encoding="utf-8")
    assert main(["validate", str(THREE), str(tmp_path / "ana.yaml")]) == 0
    err = capsys.readouterr().err
    assert "ana.yaml: a ballot for debate 'three' by Ana, weighing 1 claim" in err


def test_ballot_writes_a_file_and_never_overwrites_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "ballots" / "three" / "ana.yaml"
    assert main(["ballot", str(THREE), "-o", str(target)]) == 0
    before = target.read_bytes()
    assert b"debate: three\n" in before and b"# by: your name" in before
    assert main(["ballot", str(THREE), "-o", str(target), "--by", "Ana"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert target.read_bytes() == before


def test_a_blank_ballot_points_editors_at_the_ballot_schema_of_its_checkout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    checkout = tmp_path / "course"
    (checkout / "schema").mkdir(parents=True)
    shutil.copy(SCHEMA, checkout / "schema" / "ballot.schema.json")
    target = checkout / "ballots" / "three" / "ana.yaml"
    assert main(["ballot", str(THREE), "-o", str(target), "--by", "Ana"]) == 0
    first = target.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schema/ballot.schema.json"
    assert (target.parent / first.partition("$schema=")[2]).resolve().is_file()
    # The comment is no part of the ballot: it validates, its lines counted as written.
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("  # a: 4", "  a: 2").replace("  # c: 2", "  c: 7"))
    capsys.readouterr()
    assert main(["validate", str(THREE), str(target)]) == 1
    err = capsys.readouterr().err
    line = 1 + target.read_text(encoding="utf-8").splitlines().index("  c: 7")
    assert f"ana.yaml:{line}:" in err and "weight 7 of 'c' is outside 1-5" in err
    assert "2 files: 1 error, 0 warnings" in err


def test_a_blank_ballot_outside_a_checkout_says_how_to_get_the_schema(
    tmp_path: Path,
) -> None:
    target = tmp_path / "ana.yaml"
    assert main(["ballot", str(THREE), "-o", str(target)]) == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    assert "`argmap schema --ballot > ballot.schema.json`" in lines[0]
    assert lines[1] == "# yaml-language-server: $schema=ballot.schema.json"


def test_ballot_refuses_a_name_with_control_characters(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ballot", str(THREE), "--by", "Ana\x1b[2J"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "not a plain name" in err


def test_tally_prints_each_ballot_and_the_class(
    class_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["tally", str(class_folder / "three.yaml"), str(class_folder / "ballots")]) == 0
    out = capsys.readouterr().out
    assert "three: Three claims (3 ballots)" in out
    lines = out.splitlines()
    assert any(line.split() == ["Ana", "2", "0.66", "Leans", "pro"] for line in lines)
    assert any(line.split() == ["Ben", "3", "0.35", "Leans", "con"] for line in lines)
    assert "Class split: 1 lean pro, 1 balanced, 1 lean con" in out
    assert "median 0.52, interquartile range 0.44-0.59 (0.15)" in out
    assert "Under the class's median weights: Balanced (0.52)" in out
    contested = out.split("Most contested weights")[1].splitlines()[1]
    assert "A reason for." in contested and "[a]" in contested


def test_tally_csv_has_one_row_per_ballot(
    class_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = class_folder / "ballots" / "three"
    (folder / "eve.yaml").write_text(
        "debate: three\nby: '=HYPERLINK(\"x\")'\nweights: {gone: 2}\n", encoding="utf-8"
    )
    assert main(["tally", str(class_folder / "three.yaml"), str(folder), "--csv"]) == 0
    captured = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(captured.out)))
    assert [(r["by"], r["verdict"]) for r in rows] == [
        ("Ana", "leans-pro"),
        ("Ben", "leans-con"),
        ("Cy", "balanced"),
        ('\'=HYPERLINK("x")', "balanced"),
    ]
    assert rows[3]["unknown_ids"] == "gone"
    assert "warning: debate 'three' has no claim 'gone'" in captured.err


def test_tally_json_has_the_ballots_and_the_class(
    class_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["tally", str(class_folder / "three.yaml"), str(class_folder / "ballots"), "--json"])
        == 0
    )
    report = json.loads(capsys.readouterr().out)
    assert [b["strength"] for b in report["ballots"]] == [0.6592, 0.3534, 0.5224]
    assert report["class"]["split"] == {"leans-pro": 1, "balanced": 1, "leans-con": 1}
    assert report["class"]["median_weights"]["verdict"] == "balanced"
    assert [c["id"] for c in report["class"]["contested_weights"]] == ["a", "b", "c"]


def test_tally_of_one_ballot_works(class_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one = class_folder / "ballots" / "three" / "ben.yaml"
    assert main(["tally", str(class_folder / "three.yaml"), str(one)]) == 0
    out = capsys.readouterr().out
    assert "(1 ballot)" in out and "Class split: 0 lean pro, 0 balanced, 1 lean con" in out


def test_tally_without_ballots_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tally", str(THREE)]) == 1
    assert "no valid ballot for debate 'three'" in capsys.readouterr().err
    assert main(["tally", str(THREE), str(tmp_path)]) == 1
    assert "no valid ballot" in capsys.readouterr().err


def test_tally_skips_a_broken_ballot_and_says_so(
    class_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = class_folder / "ballots" / "three"
    (folder / "dan.yaml").write_text("debate: three\nweights: {a: 9}\n", encoding="utf-8")
    assert main(["tally", str(class_folder / "three.yaml"), str(folder)]) == 1
    captured = capsys.readouterr()
    assert "dan.yaml:2:14: error: weight 9 of 'a' is outside 1-5" in captured.err
    assert "skipping 1 ballot with errors" in captured.err
    assert "(3 ballots)" in captured.out


def test_tally_never_changes_the_debate_or_the_ballots(
    class_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [class_folder / "three.yaml", *sorted((class_folder / "ballots").rglob("*.yaml"))]
    before = [p.read_bytes() for p in files]
    assert main(["tally", str(class_folder / "three.yaml"), str(class_folder / "ballots")]) == 0
    assert [p.read_bytes() for p in files] == before


REPO = Path(__file__).parents[1]
EXAMPLE = REPO / "examples" / "ballots" / "open-science-ip"


def test_validate_checks_a_debate_beside_its_ballot_folder_as_alone(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The debate links into other debates; given with a folder of ballots only, it is
    # still checked as one file (its links are checked when its own folder is given).
    debate = REPO / "arguments" / "open-science-ip.yaml"
    assert main(["validate", str(debate), str(EXAMPLE)]) == 0
    err = capsys.readouterr().err
    assert err.count("a ballot for debate 'open-science-ip'") == 5
    assert "error" not in err.replace("0 errors", "")


def test_the_readme_shows_the_tally_of_the_shipped_example(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    assert main(["tally", "arguments/open-science-ip.yaml", "examples/ballots"]) == 0
    out = capsys.readouterr().out
    assert "(5 ballots)" in out
    assert out in (REPO / "README.md").read_text(encoding="utf-8"), (
        "README's tally of examples/ballots is stale"
    )
