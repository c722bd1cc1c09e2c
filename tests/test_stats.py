"""`argmap stats`: the numbers per debate, as a table, JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.load import load_file
from argmap.stats import CSV_COLUMNS, debate_stats

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
        rebuttals:
          - id: reciprocity
            text: Sharing is reciprocal.
            rebuttals:
              - id: not-always
                text: Not always.
                undercut: true
    support:
      - id: survey
        text: A survey shows faster replication.
        kind: evidence
  - id: mandate
    text: Funders should require sharing plans.
    kind: proposal
    also_rebuts: [cost]
con:
  - id: cost
    text: Sharing costs money.
    also_rebuts: [mandate]
"""


@pytest.fixture
def debate_path(write_debate: Callable[..., Path]) -> Path:
    return write_debate(DEBATE, "sharing.yaml")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_counts_shape_and_labels(debate_path: Path) -> None:
    stats = debate_stats(load_file(debate_path).graph)
    assert stats.claims == 7
    assert stats.by_side == {"pro": 4, "con": 3}
    assert stats.by_kind == {"claim": 5, "evidence": 1, "proposal": 1}
    assert stats.top_level == {"pro": 2, "con": 1}
    assert stats.max_depth == 4
    assert stats.depth_by_side == {"pro": 4, "con": 1}
    # 'faster' has two children, 'free-riding' and 'reciprocity' one each.
    assert stats.branching_max == 2
    assert stats.branching_mean == pytest.approx(4 / 3, abs=0.01)
    assert stats.labels == {
        "faster": "defeated",
        "free-riding": "standing",
        # 'not-always' undercuts the link from 'reciprocity' to 'free-riding': 'reciprocity'
        # still stands, but no longer defeats 'free-riding'.
        "reciprocity": "standing",
        "not-always": "standing",
        "survey": "standing",
        "mandate": "undecided",
        "cost": "undecided",
    }
    assert stats.strict_motion_label == "undecided"
    assert stats.by_side_label["con"] == {"standing": 2, "defeated": 0, "undecided": 1}
    assert stats.by_side_label["pro"] == {"standing": 2, "defeated": 1, "undecided": 1}
    assert stats.cut == ["reciprocity"]
    assert stats.unanswered == ["not-always", "survey"]
    assert stats.evidence_without_source == ["survey"]
    assert stats.longest_rebuttal_chain == ["faster", "free-riding", "reciprocity", "not-always"]
    assert stats.could_stand == ["mandate", "cost"]


def test_json_has_a_debates_list_with_every_label(
    debate_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "stats", "--json", str(debate_path))
    assert code == 0
    entry = json.loads(out)["debates"][0]
    for key in ("id", "title", "path", "claims", "pro", "con", "max_depth"):
        assert key in entry
    assert entry["id"] == "sharing"
    assert (entry["claims"], entry["pro"], entry["con"]) == (7, 4, 3)
    assert (entry["standing"], entry["defeated"], entry["undecided"]) == (4, 1, 2)
    assert set(entry["labels"]) == {
        "faster",
        "free-riding",
        "reciprocity",
        "not-always",
        "survey",
        "mandate",
        "cost",
    }
    assert entry["unanswered"] == ["not-always", "survey"]
    assert entry["longest_rebuttal_chain"][0] == "faster"
    assert entry["labels_by_side"]["pro"]["standing"] == 2
    # Strength: every claim and the motion, a verdict, and the motion's contributions.
    assert set(entry["strengths"]) == {"motion", *entry["labels"]}
    assert all(0 <= v <= 1 for v in entry["strengths"].values())
    assert entry["verdict"] in {"leans-pro", "balanced", "leans-con"}
    assert entry["motion_strength"] == entry["strengths"]["motion"]
    amounts = list(entry["contributions"].values())
    assert amounts and [abs(a) for a in amounts] == sorted(map(abs, amounts), reverse=True)
    assert set(entry["contributions"]) <= set(entry["labels"])
    assert entry["cut"] == ["reciprocity"]


def test_json_verdict_and_strengths_by_hand(
    write_debate: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_debate(
        "title: T\nmotion: M.\ncon:\n  - {id: a, text: A., weight: 5}\n  - {id: b, text: B.}\n",
    )
    code, out, _ = run(capsys, "stats", "--json", str(path))
    assert code == 0
    entry = json.loads(out)["debates"][0]
    # E = -(5/6 + 1/2) = -4/3; h = (16/9) / (25/9) = 0.64; σ = 0.5 - 0.5 · 0.64 = 0.18.
    assert entry["strengths"] == {"motion": 0.18, "a": pytest.approx(0.8333, abs=1e-4), "b": 0.5}
    assert entry["verdict"] == "leans-con"
    # Without 'a': E = -0.5, σ = 0.4; without 'b': E = -5/6, σ = 0.5 - 0.5 · (25/61).
    assert list(entry["contributions"]) == ["a", "b"]
    assert entry["contributions"]["a"] == pytest.approx(0.18 - 0.4, abs=1e-4)
    assert entry["contributions"]["b"] == pytest.approx(0.18 - (0.5 - 0.5 * 25 / 61), abs=1e-4)


def test_csv_is_one_flat_row_per_debate(
    debate_path: Path, write_debate: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    other = write_debate(
        "title: Other\nmotion: M.\npro:\n  - {id: a, text: A.}\ncon:\n  - {id: b, text: B.}\n",
        "other.yaml",
    )
    code, out, _ = run(capsys, "stats", "--csv", str(debate_path), str(other))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == ["sharing", "other"]
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[0]["claims"] == "7"
    assert rows[0]["con_standing"] == "2"
    assert rows[0]["unanswered_ids"] == "not-always survey"
    assert rows[0]["longest_rebuttal_chain"] == "4"
    assert "motion" not in rows[1]  # the grounded label of the motion is no column
    assert rows[1]["verdict"] == "balanced" and float(rows[1]["motion_strength"]) == 0.5
    # One pro and one con claim: removing either makes it lean, so it is fragile.
    assert rows[1]["robust"] == "no" and rows[1]["flip_by_removal_ids"] == "a b"
    assert rows[1]["headline"].startswith("Balanced (0.50) — fragile: without 'A.'")
    assert rows[0]["cut_ids"] == "reciprocity"
    # Flat: no cell holds a JSON list or mapping.
    assert not any(cell.startswith(("[", "{")) for row in rows for cell in row.values())


def test_table_lists_each_debate(debate_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "stats", str(debate_path))
    assert code == 0
    header, row = out.splitlines()
    # The verdict and how robust it is come first; no column for the motion's label.
    assert header.split()[:6] == ["debate", "balance", "robust", "claims", "pro", "con"]
    assert "motion" not in header.split()
    name, verdict, strength, robust, *numbers = row.split()
    assert numbers == ["7", "4", "3", "1", "1", "4", "4", "1", "2", "2"]
    assert verdict in {"leans-pro", "balanced", "leans-con"} and 0 <= float(strength) <= 1
    assert name == "sharing" and robust in {"robust", "fragile"}


def test_invalid_file_is_reported_and_others_still_counted(
    debate_path: Path, write_debate: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    broken = write_debate("title: Broken\nmotion: M.\npro:\n  - txt: oops\n", "broken.yaml")
    code, out, err = run(capsys, "stats", "--json", str(debate_path), str(broken))
    assert code == 1
    assert [d["id"] for d in json.loads(out)["debates"]] == ["sharing"]
    assert f"{broken}:4:" in err


def test_stats_does_not_load_textual(debate_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from argmap.cli import main; main(['stats', '--json', sys.argv[1]]); "
        "assert 'textual' not in sys.modules, 'textual was imported'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(debate_path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
