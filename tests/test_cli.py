"""The `argmap` command line: exit codes, messages on stderr, default paths."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import MINIMAL, REPO

from argmap.cli import main
from argmap.cli.schema import schema_text


def test_validate_good_file_exits_zero(
    write_debate: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_debate(MINIMAL)
    assert main(["validate", str(path)]) == 0
    assert "1 file: 0 errors, 0 warnings" in capsys.readouterr().err


def test_validate_bad_file_exits_one_with_gcc_style_lines(
    write_debate: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_debate(MINIMAL.replace("A reason for it.", '""'))
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:6:11: error: 'text' must not be empty" in err


def test_validate_json(
    write_debate: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_debate(MINIMAL.replace("    text: A reason for it.", "    txt: A reason."))
    assert main(["validate", "--json", str(path)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["files"] == [{"path": str(path), "ok": False, "id": "debate"}]
    (diagnostic,) = report["diagnostics"]
    assert diagnostic == {
        "path": str(path),
        "line": 6,
        "column": 5,
        "severity": "error",
        "code": "unknown-key",
        "message": "unknown key 'txt' in a claim (did you mean 'text'?)",
    }


def test_validate_warnings_exit_zero(
    write_debate: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_debate("title: T\nmotion: M.\npro:\n  - text: A.\n")
    assert main(["validate", str(path)]) == 0
    assert "warning: the debate has no `con` claims" in capsys.readouterr().err


def test_default_path_is_local_arguments_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "arguments").mkdir()
    (tmp_path / "arguments" / "bad.yaml").write_text("title: only\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 1
    assert "arguments/bad.yaml:1:1: error: missing required key 'motion'" in capsys.readouterr().err


def test_default_path_falls_back_to_bundled_debates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 0
    assert "7 files: 0 errors, 0 warnings" in capsys.readouterr().err


def test_usage_errors_exit_two(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--no-such-flag"]) == 2
    assert main(["show", "--depth", "many"]) == 2
    assert "invalid int value" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("argmap 0.")


def test_show_prints_tree_with_side_kind_id_and_status(
    write_debate: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_debate(
        MINIMAL.replace(
            "    text: A reason for it.\n",
            "    text: A reason for it [1AC].\n    rebuttals:\n      - text: No [/x].\n"
            "        kind: evidence\n        sources: []\n",
        )
    )
    assert main(["show", str(path)]) == 0
    out = capsys.readouterr().out
    assert "MOTION Something should happen." in out
    # Strength first, then the strict label; ids only when asked.
    assert "+ 0.40 ✗ A reason for it [1AC].  (defeated)" in out
    assert "− 0.50 ✓ [evidence] No [/x].  (standing)" in out
    assert "− 0.50 ✓ A reason against it.  (standing)" in out
    assert "p-a" not in out
    assert main(["show", str(path), "--show-ids"]) == 0
    assert "+ 0.40 ✗ A reason for it [1AC].  (p-a, defeated)" in capsys.readouterr().out


def test_show_leads_with_the_balance_then_the_claims_then_the_labels(
    write_debate: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_debate(
        MINIMAL.replace(
            "    text: A reason against it.\n", "    text: A reason against it.\n    weight: 5\n"
        )
    )
    assert main(["show", str(path), "--why=all"]) == 0
    text = " ".join(capsys.readouterr().out.split())  # the console wraps long lines
    # 'c-a' (weight 5, base 5/6) outweighs 'p-a' (0.5): E = -1/3, h = 0.1, σ = 0.45, which
    # is still balanced (leaning needs below 0.45). Without 'p-a' it would lean con.
    order = [
        "MOTION Something should happen. Balanced (0.45) — fragile: without 'A reason for "
        "it.' it leans con",
        "Raised most by 'A reason for it.' +0.",
        "lowered most by 'A reason against it.' -0.",
        "Strict reading (grounded labels): 1 of 1 con and 1 of 1 pro top-level claims stand",
        "+ 0.50 ✓ A reason for it. (standing)",
    ]
    places = [text.index(part) for part in order]
    assert places == sorted(places)
    assert "Strength 0.83 (base 0.83 from weight 5). Nothing rebuts or supports it" in text


def test_show_root_and_depth(
    write_debate: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_debate(
        MINIMAL.replace(
            "    text: A reason for it.\n",
            "    text: A reason for it.\n    rebuttals:\n      - text: R1.\n"
            "        rebuttals:\n          - text: R2.\n",
        )
    )
    assert main(["show", str(path), "--root", "p-a", "--depth", "1"]) == 0
    out = capsys.readouterr().out
    assert "R1." in out and "R2." not in out and "… +1 more" in out
    assert "A reason against it" not in out


def test_show_unknown_root_lists_close_matches(
    write_debate: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_debate(MINIMAL)
    assert main(["show", str(path), "--root", "p-b"]) == 1
    assert "no claim with id 'p-b'; did you mean p-a" in capsys.readouterr().err


def test_new_writes_a_valid_skeleton_and_never_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "open-data", "--dir", str(tmp_path)]) == 0
    target = tmp_path / "open-data.yaml"
    before = target.read_bytes()
    assert b"# " in before  # commented for the author
    assert main(["validate", str(target)]) == 0
    assert main(["new", "open-data", "--dir", str(tmp_path)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert target.read_bytes() == before
    assert main(["new", "Not A Slug", "--dir", str(tmp_path)]) == 2


def test_schema_copy_is_current() -> None:
    committed = (REPO / "schema" / "argmap.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), (
        "schema/argmap.schema.json is stale; run `argmap schema > schema/argmap.schema.json`"
    )


def test_schema_describes_claims(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["required"] == ["title", "motion"]
    claim = schema["$defs"]["Claim"]
    assert claim["additionalProperties"] is False
    assert {"rebuttals", "support", "also_rebuts", "undercut", "see"} <= set(claim["properties"])


def test_no_traceback_for_unreadable_path(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "/nonexistent/debate.yaml"]) == 1
    err = capsys.readouterr().err
    assert "no such file or folder" in err and "Traceback" not in err


def test_python_dash_m_runs_the_command(write_debate: Callable[..., Path]) -> None:
    path = write_debate(MINIMAL)
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "validate", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_show_why_gives_each_label_its_reason(
    write_debate: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_debate(
        MINIMAL.replace(
            "    text: A reason for it.\n",
            "    text: A reason for it.\n    rebuttals:\n      - id: r1\n        text: R1.\n",
        )
    )
    assert main(["show", str(path), "--why=all"]) == 0
    out = capsys.readouterr().out
    # Claims by their text, as everywhere a student reads; ids only when asked.
    assert "defeated: rebutted by 'R1.', which stands because nothing answers it" in out
    assert "standing: nothing rebuts it" in out
    assert "'r1'" not in out
    assert main(["show", str(path), "--why=all", "--show-ids"]) == 0
    out = capsys.readouterr().out
    assert "defeated: rebutted by 'r1', which stands because nothing answers it" in out
