"""`argmap export --format html --ballots DIR`: the class's vote under the verdict."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from argmap.cli import main

HOSTILE = """\
id: three
title: Three claims
motion: The motion.
pro:
  - id: a
    text: A reason <script>alert(1)</script> & more.
    weight: 4
con:
  - id: b
    text: A reason against.
"""


def _needs_dot() -> None:
    if shutil.which("dot") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Graphviz `dot` is missing")
        pytest.skip("needs Graphviz `dot`")


def test_the_page_shows_the_class_split_and_the_contested_claims_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _needs_dot()
    (tmp_path / "three.yaml").write_text(HOSTILE, encoding="utf-8")
    votes = tmp_path / "ballots" / "three"
    votes.mkdir(parents=True)
    (votes / "ana.yaml").write_text("debate: three\nweights: {a: 5, b: 1}\n")
    (votes / "ben.yaml").write_text("debate: three\nweights: {a: 1, b: 5}\n")
    out = tmp_path / "out"
    args = ["export", str(tmp_path / "three.yaml"), "--format", "html", "-o", str(out)]
    assert main([*args, "--ballots", str(tmp_path / "ballots")]) == 0
    page = (out / "three.html").read_text(encoding="utf-8")
    assert "Class vote, 2 ballots: ▮▯ 1 lean pro, 0 balanced, 1 lean con" in page
    assert "Most contested: &#x27;A reason &lt;script&gt;alert(1)&lt;/script&gt; &amp;" in page
    assert "<script>alert(1)" not in page
    assert main([*args.copy()[:-1], str(tmp_path / "plain")]) == 0
    assert "Class vote" not in (tmp_path / "plain" / "three.html").read_text(encoding="utf-8")
