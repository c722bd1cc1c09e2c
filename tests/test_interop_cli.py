"""`argmap import`: where it writes, what it prints, and how it refuses bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.interop import export_text
from argmap.load import load_file

DATA = Path(__file__).parent / "data" / "interop"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_import_kialo_writes_a_valid_file_and_prints_losses(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = workdir / "Open Research.txt"
    shutil.copy(DATA / "kialo-classic.txt", source)
    assert main(["import", "kialo", str(source)]) == 0
    target = workdir / "open-research.yaml"
    loaded = load_file(target)
    assert loaded.ok and loaded.debate is not None
    assert loaded.debate.id == "open-research"
    err = capsys.readouterr().err
    assert f"{source}:16: note: link 1.4. (-> See 1.3.1.) repeats k-1-3-1" in err
    assert "wrote open-research.yaml (7 claims)" in err


def test_default_output_goes_into_arguments_when_that_folder_exists(workdir: Path) -> None:
    (workdir / "arguments").mkdir()
    assert main(["import", "kialo", str(DATA / "kialo-newer.txt")]) == 0
    assert load_file(workdir / "arguments" / "kialo-newer.yaml").ok


def test_output_dash_prints_the_yaml(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "kialo", str(DATA / "kialo-newer.txt"), "-o", "-"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Imported from kialo")
    assert "id: kialo-newer\n" in out
    assert list(workdir.iterdir()) == []


def test_existing_file_is_kept_without_force(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = workdir / "mine.yaml"
    target.write_text("precious: true\n", encoding="utf-8")
    args = ["import", "kialo", str(DATA / "kialo-classic.txt"), "-o", str(target)]
    assert main(args) == 1
    assert "mine.yaml already exists; use --force to replace it" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "precious: true\n"
    assert main([*args, "--force"]) == 0
    assert load_file(target).ok


def test_aif_import_round_trips_an_argmap_export(workdir: Path) -> None:
    source = workdir / "start.yaml"
    source.write_text(
        "title: T\nmotion: M.\npro:\n  - id: a\n    text: A.\n    rebuttals:\n"
        "      - text: B.\n        undercut: true\ncon:\n  - text: C.\n    also_rebuts: [a]\n",
        encoding="utf-8",
    )
    original = load_file(source)
    text, _ = export_text("aif", original.graph)
    (workdir / "start.aif.json").write_text(text, encoding="utf-8")
    assert main(["import", "aif", "start.aif.json", "-o", "back.yaml"]) == 0
    back = load_file(workdir / "back.yaml")
    assert back.ok and back.debate is not None and original.debate is not None
    assert back.debate._replace(id="start") == original.debate


@pytest.mark.parametrize(
    ("fmt", "name", "message"),
    [
        ("kialo", "missing.txt", "missing.txt: no such file"),
        ("kialo", "not-kialo.txt", "not-kialo.txt:1: this is not a Kialo export"),
        ("kialo", "kialo-missing-parent.txt", ":4: claim 1.2.3. has no parent claim 1.2."),
        ("aif", "not-kialo.txt", "not-kialo.txt:1: this is not AIF JSON"),
        ("aif", "kialo-classic.txt", "this is not AIF JSON"),
    ],
)
def test_bad_input_exits_1_with_one_clear_line(
    workdir: Path, capsys: pytest.CaptureFixture[str], fmt: str, name: str, message: str
) -> None:
    path = DATA / name if (DATA / name).exists() else workdir / name
    assert main(["import", fmt, str(path)]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert list(workdir.iterdir()) == []


def test_garbage_bytes_exit_1(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workdir / "garbage.txt").write_bytes(b"\xff\xfe\x00binary\x00")
    assert main(["import", "kialo", "garbage.txt"]) == 1
    assert "not valid UTF-8" in capsys.readouterr().err


def test_a_conversion_that_does_not_validate_writes_nothing(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = {
        "nodes": [
            {"nodeID": "1", "type": "I", "text": "Motion.", "argmap": {"id": "motion"}},
            {"nodeID": "2", "type": "I", "text": "Claim.", "argmap": {"id": "a", "weight": 9}},
            {"nodeID": "3", "type": "RA", "text": "Default Inference"},
        ],
        "edges": [
            {"edgeID": "1", "fromID": "2", "toID": "3"},
            {"edgeID": "2", "fromID": "3", "toID": "1"},
        ],
        "locutions": [],
    }
    (workdir / "bad.json").write_text(json.dumps(document), encoding="utf-8")
    assert main(["import", "aif", "bad.json"]) == 1
    err = capsys.readouterr().err
    assert "bad.yaml:" in err and "weight must be a whole number from 1 to 5, not 9" in err
    assert "does not validate; nothing written" in err
    assert not (workdir / "bad.yaml").exists()


def test_import_needs_a_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import"]) == 2
    assert "FORMAT" in capsys.readouterr().err


def test_import_aif_all_writes_one_valid_debate_per_conclusion(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["import", "aif", str(DATA / "qt30-like.json"), "--all", "-o", "debates/"]
    assert main(args) == 0
    written = sorted(p.name for p in (workdir / "debates").iterdir())
    assert written == ["qt30-like-101.yaml", "qt30-like-104.yaml", "qt30-like-109.yaml"]
    err = capsys.readouterr().err
    assert "3 debates written to debates/" in err
    assert "note:   108: 'good evening everyone'" in err
    # The `see` links between the debates resolve when the folder is validated together.
    assert main(["validate", "debates"]) == 0
    # A second run refuses to replace them and writes nothing.
    assert main(args) == 1
    assert "already exists; use --force" in capsys.readouterr().err


def test_import_aif_all_refuses_stdout_and_motion(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = str(DATA / "qt30-like.json")
    assert main(["import", "aif", source, "--all", "-o", "-"]) == 2
    assert main(["import", "aif", source, "--all", "--motion", "101", "-o", "d/"]) == 2
    assert "leave out --motion" in capsys.readouterr().err
    assert list(workdir.iterdir()) == []


def test_import_aif_motion_flag_picks_the_conclusion(workdir: Path) -> None:
    args = ["import", "aif", str(DATA / "qt30-like.json"), "--motion", "104", "-o", "q.yaml"]
    assert main(args) == 0
    loaded = load_file(workdir / "q.yaml")
    assert loaded.debate is not None
    assert loaded.debate.motion == "universities need more public funding"


def test_report_flag_writes_every_loss_with_full_text(workdir: Path) -> None:
    args = ["import", "aif", str(DATA / "qt30-like.json"), "-o", "q.yaml", "--report", "r.json"]
    assert main(args) == 0
    report = json.loads((workdir / "r.json").read_text(encoding="utf-8"))
    assert report["format"] == "aif"
    [debate] = report["debates"]
    assert debate["id"] == "q" and debate["claims"] == 4
    items = [item for loss in debate["losses"] for item in loss.get("items", [])]
    assert {"id": "110", "text": "graduates earn more over a lifetime"} in items


def test_report_with_all_has_one_entry_per_debate(workdir: Path) -> None:
    args = ["import", "aif", str(DATA / "qt30-like.json"), "--all", "-o", "d/"]
    assert main([*args, "--report", "r.json"]) == 0
    report = json.loads((workdir / "r.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in report["debates"]] == [
        "qt30-like-101",
        "qt30-like-104",
        "qt30-like-109",
    ]
    assert any("shared by several conclusions" in loss["message"] for loss in report["losses"])


def test_import_argdown_writes_the_debate_and_names_losses(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = DATA / "argdown-elements.argdown"
    assert main(["import", "argdown", str(source), "-o", "map.yaml"]) == 0
    loaded = load_file(workdir / "map.yaml")
    assert loaded.debate is not None and loaded.debate.motion == "I am a statement."
    err = capsys.readouterr().err
    assert "note:   line 17: 'I am a subgroup'" in err
    assert "wrote map.yaml (3 claims)" in err


def test_import_argdown_motion_flag(workdir: Path) -> None:
    source = workdir / "t.argdown"
    source.write_text("[A]: First.\n  + [B]: Second.\n\n[B]\n  - [D]: Fourth.\n", "utf-8")
    assert main(["import", "argdown", str(source), "--motion", "B", "-o", "b.yaml"]) == 0
    loaded = load_file(workdir / "b.yaml")
    assert loaded.debate is not None and loaded.debate.motion == "Second."


def test_import_kialo_has_no_motion_flag(workdir: Path) -> None:
    assert main(["import", "kialo", str(DATA / "kialo-classic.txt"), "--motion", "1"]) == 2
    assert list(workdir.iterdir()) == []


def test_hostile_text_in_left_out_nodes_reports_and_argdown_stays_visible_escapes(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    aif = workdir / "h.json"
    aif.write_text(
        json.dumps(
            {
                "nodes": [
                    {"nodeID": "1", "text": "Claim", "type": "I"},
                    {"nodeID": "2", "text": "Other", "type": "I"},
                    {"nodeID": "3", "text": "Default", "type": "RA"},
                    {"nodeID": "4\x1b[2J", "text": "Alone \x1b]0;pwned\x07", "type": "I"},
                ],
                "edges": [{"fromID": "2", "toID": "3"}, {"fromID": "3", "toID": "1"}],
            }
        ),
        encoding="utf-8",
    )
    argdown = workdir / "h.argdown"
    argdown.write_text("[T]: Thesis \x1b[2J.\n  + [a]: Yes \x9b31m.\n\n# Head \x1b[2J\n", "utf-8")
    runs = [
        ["import", "aif", str(aif), "-o", "-"],
        ["import", "aif", str(aif), "--all", "-o", "d/", "--report", "r.json"],
        ["import", "argdown", str(argdown), "-o", "-"],
    ]
    errors = []
    for argv in runs:
        assert main(argv) == 0
        captured = capsys.readouterr()
        for stream in (captured.out, captured.err):
            assert "\x1b" not in stream and "\x9b" not in stream, (argv, stream)
        errors.append(captured.err)
    # The left-out node is still named, its escapes shown visibly.
    assert "4\\e[2J: 'Alone \\x1b]0;pwned\\x07'" in errors[0]
    # The report keeps the text exactly, as data (JSON escapes it).
    report = json.loads((workdir / "r.json").read_text(encoding="utf-8"))
    items = [i for loss in report["losses"] for i in loss.get("items", [])]
    assert {"id": "4\x1b[2J", "text": "Alone \x1b]0;pwned\x07"} in items
