"""`argmap check`: instructor rules and `expect:` labels, each breach at file:line:col."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from argmap.checks import RULES, parse_rules
from argmap.cli import main

REPO = Path(__file__).resolve().parents[1]

DEBATE = """\
title: Data sharing
motion: Labs should share data.
sources:
  - {id: irc, title: International Research Collaboration}
pro:
  - id: faster
    text: Sharing speeds discovery.
    sources: [irc]
    rebuttals:
      - id: free-riding
        text: Others free-ride.
  - id: trust
    text: Open data builds trust.
con:
  - id: cost
    text: Sharing costs money.
    rebuttals:
      - id: cheap
        text: Storage is cheap.
        sources: [irc]
    support:
      - id: invoice
        text: A lab paid for storage.
        kind: evidence
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def debate(write_debate: Callable[..., Path]) -> Path:
    return write_debate(DEBATE, "sharing.yaml")


def rules(write_debate: Callable[..., Path], text: str) -> Path:
    return write_debate(text, "rules.yaml")


def test_each_breach_is_printed_at_its_claim(
    debate: Path, write_debate: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = rules(
        write_debate,
        """\
        rules:
          claims_cite_source: con
          evidence_has_source: true
          no_unanswered_top_level: pro
        """,
    )
    code, out, _ = run(capsys, "check", str(debate), "--rules", str(path))
    assert code == 1
    assert out.splitlines() == [
        f"{debate}:10:9: error: rule claims_cite_source: con claim 'free-riding' cites no source",
        f"{debate}:12:5: error: rule no_unanswered_top_level: top-level pro claim 'trust' "
        "is unanswered; add a rebuttal",
        f"{debate}:15:5: error: rule claims_cite_source: con claim 'cost' cites no source",
        f"{debate}:22:9: error: rule claims_cite_source: con claim 'invoice' cites no source",
        f"{debate}:22:9: error: rule evidence_has_source: evidence 'invoice' cites no source",
    ]


def test_minimums_point_at_the_side_or_the_debate(
    debate: Path, write_debate: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = rules(
        write_debate,
        """\
        version: 1
        rules:
          min_claims: 10
          min_top_level: {con: 2}
          min_depth: 3
          min_proposals: 1
        """,
    )
    code, out, _ = run(capsys, "check", str(debate), "--rules", str(path))
    assert code == 1
    lines = out.splitlines()
    assert f"{debate}:1:1: error: rule min_claims: 6 claims; at least 10 required" in lines
    assert any(
        line.startswith(f"{debate}:1:1: error: rule min_proposals: 0 proposals") for line in lines
    )
    assert any(
        line.startswith(f"{debate}:5:1: error: rule min_depth: the pro side reaches depth 2")
        for line in lines
    )
    assert any(
        line.startswith(f"{debate}:14:1: error: rule min_depth: the con side") for line in lines
    )
    assert (
        f"{debate}:14:1: error: rule min_top_level: 1 top-level con claims; at least 2 required"
        in lines
    )
    assert len(lines) == 5


def test_a_debate_that_meets_the_rules_passes(
    debate: Path, write_debate: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = rules(write_debate, "rules:\n  min_claims: 6\n  min_depth: {pro: 2}\n")
    code, out, err = run(capsys, "check", str(debate), "--rules", str(path))
    assert (code, out) == (0, "")
    assert "0 breaches" in err


def test_example_rules_file_is_valid_and_names_known_rules() -> None:
    text = (REPO / "examples" / "rules.yaml").read_text(encoding="utf-8")
    ruleset, problems = parse_rules(text, "examples/rules.yaml")
    assert problems == []
    assert ruleset is not None
    assert {rule.name for rule in ruleset.rules} <= set(RULES)


def test_every_rule_is_documented() -> None:
    docs = (REPO / "docs" / "semantics.md").read_text(encoding="utf-8")
    for name in RULES:
        assert f"`{name}`" in docs, name


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("rules:\n  min_claim: 3\n", "2:3", "unknown rule 'min_claim'; did you mean 'min_claims'?"),
        ("rules:\n  min_depth: {pro: x}\n", "2:20", "rule min_depth: expected a whole number"),
        ("rules:\n  min_depth: -1\n", "2:14", "rule min_depth: expected a whole number"),
        ("rules:\n  min_top_level: {left: 2}\n", "2:19", "'left' is not a side"),
        ("rules:\n  claims_cite_source: maybe\n", "2:23", "expected pro, con, both"),
        ("rules:\n  evidence_has_source: 1\n", "2:24", "expected true or false"),
        ("rules:\n  min_claims: 1\n  min_claims: 2\n", "3:3", "rule 'min_claims' is given twice"),
        ("version: 2\nrules: {}\n", "1:10", "unsupported rules version"),
        ("rulez: {}\n", "1:1", "unknown key 'rulez'"),
        ("- min_claims\n", "1:1", "a rules file is a mapping"),
        ("rules: [a\n", "2:1", "YAML syntax error"),
        ("rules: 3\n", "1:8", "`rules` must be a mapping"),
    ],
)
def test_a_bad_rules_file_is_reported_at_its_position(
    debate: Path,
    write_debate: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    text: str,
    where: str,
    message: str,
) -> None:
    path = rules(write_debate, text)
    code, out, err = run(capsys, "check", str(debate), "--rules", str(path))
    assert code == 1
    assert out == ""
    assert f"{path}:{where}: error: " in err
    assert message in err
    assert "Traceback" not in err
    assert "nothing was checked" in err


def test_a_missing_rules_file_is_a_clear_error(
    debate: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "check", str(debate), "--rules", str(tmp_path / "nope.yaml"))
    assert code == 1
    assert "rules file not found" in err


# --- expect ------------------------------------------------------------------------------------

EXERCISE = """\
title: Exercise
motion: Labs should share data.
pro:
  - id: faster
    text: Sharing speeds discovery.
    rebuttals:
      - id: free-riding
        text: Others free-ride.
con:
  - id: cost
    text: Sharing costs money.
expect:
  standing: [faster]
  defeated: [cost, fastr]
  undecided: [motion]
"""


def test_expect_mismatches_name_the_claim_and_a_fix(
    write_debate: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_debate(EXERCISE, "exercise.yaml")
    code, out, _ = run(capsys, "check", str(path))
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(
        f"{path}:2:9: error: expect: the motion should be undecided but is defeated"
    )
    assert lines[1] == (
        f"{path}:4:5: error: expect: 'faster' should be standing but is defeated "
        "(rebutted by 'free-riding', which stands because nothing answers it); "
        "rebut 'free-riding' to make 'faster' stand (expected at line 13)"
    )
    assert lines[2] == (
        f"{path}:10:5: error: expect: 'cost' should be defeated but is standing "
        "(nothing rebuts it); add a rebuttal of 'cost' that nothing answers "
        "(expected at line 14)"
    )
    assert lines[3] == (
        f"{path}:14:20: error: expect: no claim 'fastr' in this debate; did you mean 'faster'?"
    )
    assert len(lines) == 4


def test_met_expectations_pass(
    write_debate: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    text = EXERCISE.split("expect:")[0] + (
        "expect:\n  standing: [free-riding, cost]\n  defeated: [faster, motion]\n"
    )
    path = write_debate(text, "exercise.yaml")
    code, out, _ = run(capsys, "check", str(path))
    assert (code, out) == (0, "")


def test_a_claim_expected_two_ways_is_reported(
    write_debate: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    text = EXERCISE.split("expect:")[0] + ("expect:\n  standing: [cost]\n  defeated: [cost]\n")
    path = write_debate(text, "exercise.yaml")
    code, out, _ = run(capsys, "check", str(path))
    assert code == 1
    assert f"{path}:14:14: error: expect: 'cost' is expected both standing and defeated" in out


def test_invalid_debate_fails_check(
    write_debate: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_debate("title: T\nmotion: M.\npro: [{id: a}]\n", "broken.yaml")
    code, _, err = run(capsys, "check", str(path))
    assert code == 1
    assert f"{path}:3:" in err


def test_pre_commit_hooks_run_argmap() -> None:
    import yaml

    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    by_id = {hook["id"]: hook for hook in hooks}
    assert by_id["argmap-validate"]["entry"] == "argmap validate"
    assert by_id["argmap-check"]["entry"] == "argmap check"
    for hook in hooks:
        assert hook["language"] == "python"


def test_top_level_strength_rule(
    debate: Path, write_debate: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    # 'faster' (base 0.5) is rebutted by 'free-riding' (0.5): 0.5 - 0.5 · h(0.5) = 0.40.
    path = rules(write_debate, "rules:\n  min_top_level_strength: {pro: 0.45}\n")
    code, out, _ = run(capsys, "check", str(debate), "--rules", str(path))
    assert code == 1
    assert out == (
        f"{debate}:6:5: error: rule min_top_level_strength: top-level pro claim 'faster' has "
        "strength 0.40, below 0.45; answer its rebuttals or back it with support\n"
    )
    path = rules(write_debate, "rules:\n  min_top_level_strength: 0.4\n")
    assert run(capsys, "check", str(debate), "--rules", str(path))[:2] == (0, "")
    path = rules(write_debate, "rules:\n  min_top_level_strength: 2\n")
    code, _, err = run(capsys, "check", str(debate), "--rules", str(path))
    assert code == 1
    assert "rules.yaml:2:27: error: rule min_top_level_strength: expected a strength" in err


def test_expect_verdict_and_strengths(
    write_debate: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    # Motion: E = 0.40 ('faster') + 0.5 ('trust') - 0.5 ('cost', whose rebuttal and support
    # cancel) = 0.4, so σ = 0.5 + 0.5 · 0.16 / 1.16 = 0.57: it leans pro.
    text = DEBATE + (
        "expect:\n  verdict: leans-con\n  min_strength: {trust: 0.5}\n"
        "  max_strength: {cost: 0.4, motion: 0.6}\n"
    )
    path = write_debate(text, "exercise.yaml")
    code, out, _ = run(capsys, "check", str(path))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (
        f"{path}:15:5: error: expect: 'cost' should have strength at most 0.4 but has 0.50 "
        "(base 0.50; lowered most by 'cheap' -0.10; raised most by 'invoice' +0.10) "
        "(expected at line 28)"
    )
    # The verdict line every surface shows, then the claims that moved it, by text.
    assert lines[1].startswith(
        f"{path}:26:12: error: expect: the verdict should be leans-con but is leans-pro: "
        "Leans pro (0.57) — fragile: without "
    )
    assert "Raised most by 'Open data builds trust.' +" in lines[1]
    assert len(lines) == 2
    fixed = text.replace("verdict: leans-con", "verdict: leans-pro").replace(
        "cost: 0.4", "cost: 0.5"
    )
    path = write_debate(fixed, "exercise.yaml")
    assert run(capsys, "check", str(path))[:2] == (0, "")
