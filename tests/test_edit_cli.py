"""`argmap add`, `set` and `remove`: summaries, exit codes, untouched files when refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.cli import main
from argmap.load import load_file

FIXTURE = Path(__file__).parent / "data" / "edit" / "commented.yaml"


@pytest.fixture
def debate(tmp_path: Path) -> Path:
    path = tmp_path / "shared-labs.yaml"
    path.write_bytes(FIXTURE.read_bytes())
    return path


def run(*args: str) -> int:
    return main(list(args))


def test_add_rebuttal_prints_where_it_went(
    debate: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(
        "add", str(debate), "--under", "queue", "--rebuttal", "Slots help [1AC]", "--id", "slots"
    )
    assert code == 0
    out = capsys.readouterr().out
    assert out == f"{debate}:39: added rebuttal 'slots' under 'queue'\n"
    node = load_file(debate).graph.nodes["slots"]
    assert node.parent == "queue"
    assert node.text == "Slots help [1AC]"


def test_add_pro_and_con(debate: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("add", str(debate), "--pro", "Cheaper science.", "--kind", "proposal") == 0
    assert run("add", str(debate), "--con", "Export rules.") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("added pro claim 'pro.3'")
    assert out[1].endswith("added con claim 'con.3'")
    graph = load_file(debate).graph
    assert graph.nodes["pro.3"].kind.value == "proposal"


def test_set_and_clear_fields(debate: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("set", str(debate), "cost.s1", "--weight", "2", "--tags", "eu, facilities") == 0
    claim = load_file(debate).graph.nodes["cost.s1"].claim
    assert claim is not None
    assert (claim.weight, claim.tags) == (2, ["eu", "facilities"])
    assert run("set", str(debate), "cost.s1", "--weight", "none", "--tags", "") == 0
    assert debate.read_bytes() == FIXTURE.read_bytes()
    out = capsys.readouterr().out.splitlines()
    assert out[1].endswith("removed tags, removed weight of 'cost.s1'")


def test_remove_refused_then_forced(debate: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = debate.read_bytes()
    assert run("remove", str(debate), "cost") == 1
    err = capsys.readouterr().err
    assert "not changed" in err
    assert "'control' (line 56) also_rebuts cost" in err
    assert debate.read_bytes() == before
    assert run("remove", str(debate), "cost", "--force") == 0
    assert "removed 'cost' and 4 claims below it, and its links from control" in (
        capsys.readouterr().out
    )
    assert load_file(debate).ok


def test_invalid_result_prints_diagnostics_and_exits_1(
    debate: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = debate.read_bytes()
    assert run("set", str(debate), "cost", "--sources", "irc,nowhere") == 1
    err = capsys.readouterr().err
    assert "error: unknown source 'nowhere'" in err
    assert debate.read_bytes() == before


def test_unknown_id_exits_1_with_suggestions(
    debate: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("remove", str(debate), "secruity") == 1
    assert "did you mean security" in capsys.readouterr().err


def test_dry_run_prints_a_diff_and_writes_nothing(
    debate: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = debate.read_bytes()
    assert run("set", str(debate), "cost", "--weight", "5", "--dry-run") == 0
    out = capsys.readouterr().out
    assert "-  weight: 4\n+  weight: 5\n" in out
    assert debate.read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [
        ["add", "{f}", "--rebuttal", "x"],  # no --under
        ["add", "{f}", "--pro", "x", "--under", "cost"],
        ["add", "{f}"],
        ["add", "{f}", "--pro", "x", "--con", "y"],
        ["set", "{f}", "cost"],  # nothing to change
        ["set", "{f}", "cost", "--weight", "7"],
        ["set", "{f}", "cost", "--text", " "],
        ["set", "{f}", "cost", "--kind", "opinion"],
        ["remove", "{f}"],
    ],
)
def test_usage_errors_exit_2(debate: Path, args: list[str]) -> None:
    before = debate.read_bytes()
    assert run(*[a.format(f=debate) for a in args]) == 2
    assert debate.read_bytes() == before


def test_missing_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("remove", str(tmp_path / "none.yaml"), "x") == 1
    assert "cannot read" in capsys.readouterr().err


def test_removing_the_first_claim_leaves_no_gap_under_its_key(tmp_path: Path) -> None:
    from argmap.cli import main

    path = tmp_path / "gap.yaml"
    path.write_text(
        "title: T\nmotion: M.\npro:\n  - id: a\n    text: A.\n\n  - id: b\n    text: B.\n"
        "con:\n  - text: C.\n",
        encoding="utf-8",
    )
    assert main(["remove", str(path), "a"]) == 0
    assert path.read_text(encoding="utf-8").startswith("title: T\nmotion: M.\npro:\n  - id: b\n")


def test_refused_removal_names_the_force_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from argmap.cli import main

    path = tmp_path / "linked.yaml"
    path.write_text(
        "title: T\nmotion: M.\npro:\n  - id: a\n    text: A.\ncon:\n  - text: C.\n"
        "    also_rebuts: [a]\n",
        encoding="utf-8",
    )
    assert main(["remove", str(path), "a"]) == 1
    err = capsys.readouterr().err
    assert "other claims link to 'a'" in err and "argmap remove --force" in err
