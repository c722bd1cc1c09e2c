"""A folder export lays diagrams out on several cores at once."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from helpers import ARGUMENTS

import argmap.export.batch
from argmap.cli import main


def test_folder_export_runs_graphviz_for_two_diagrams_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The first two fake layouts each wait until the other is running too; drawn one at a
    # time, the first would wait alone until the barrier's timeout breaks it.
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    barrier = threading.Barrier(2, timeout=20)
    calls = 0
    lock = threading.Lock()

    def fake_render(source: str, fmt: str) -> bytes:
        nonlocal calls
        with lock:
            calls += 1
            first_two = calls <= 2
        if first_two:
            barrier.wait()  # raises BrokenBarrierError when no second layout runs
        return b"<svg/>"

    monkeypatch.setattr(argmap.export.batch, "render", fake_render)
    out = tmp_path / "svg"
    assert main(["export", str(ARGUMENTS), "-o", str(out), "--format", "svg"]) == 0
    assert not barrier.broken
    assert len(list(out.glob("*.svg"))) == len(list(ARGUMENTS.glob("*.yaml")))
    assert "diagrams written to" in capsys.readouterr().err


def test_a_failing_diagram_in_a_folder_export_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from argmap.export.render import RenderError

    def failing_render(source: str, fmt: str) -> bytes:
        raise RenderError("Graphviz `dot` could not draw the diagram: out of memory")

    monkeypatch.setattr(argmap.export.batch, "render", failing_render)
    assert main(["export", str(ARGUMENTS), "-o", str(tmp_path), "--format", "svg"]) == 1
    err = capsys.readouterr().err
    assert "argmap: Graphviz `dot` could not draw the diagram: out of memory" in err
    assert "Traceback" not in err


def _generated(tmp_path: Path, claims: int) -> Path:
    import sys

    sys.path.insert(0, str(ARGUMENTS.parent / "benchmarks"))
    from generate import generate_debate_yaml

    path = tmp_path / f"generated-{claims}.yaml"
    path.write_text(generate_debate_yaml(claims, seed=3), encoding="utf-8")
    return path


def test_big_diagrams_get_the_quicker_layout_and_small_ones_keep_the_detailed_one(
    tmp_path: Path,
) -> None:
    from argmap.export import LARGE_DIAGRAM, ExportOptions, to_dot
    from argmap.load import load_file

    big = load_file(_generated(tmp_path, LARGE_DIAGRAM + 50)).graph
    small = load_file(ARGUMENTS / "brain-drain.yaml").graph
    boxes = len(big) + 1
    budget = re.search(r"nslimit=([0-9.e-]+)", to_dot(big, ExportOptions(format="dot")))
    assert budget is not None
    # The pass budget: nslimit times dot's node count (about 2.3 per box) is about 400.
    assert 380 < float(budget.group(1)) * 2.3 * boxes < 420
    assert "nslimit" not in to_dot(big, ExportOptions(format="dot", layout="full"))
    assert "nslimit" not in to_dot(small, ExportOptions(format="dot"))
    assert "nslimit" in to_dot(small, ExportOptions(format="dot", layout="fast"))
    # One branch of the big debate is small again: the detailed layout comes back.
    branch = ExportOptions(format="dot", root=big.children("motion")[0].id, depth=1)
    assert "nslimit" not in to_dot(big, branch)


def test_the_quicker_layout_is_announced_with_how_to_draw_less(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(argmap.export.batch, "render", lambda source, fmt: b"<svg/>")
    monkeypatch.setattr("argmap.export.dot_layout.LARGE_DIAGRAM", 100)
    path = _generated(tmp_path, 150)
    out = tmp_path / "big.svg"
    assert main(["export", str(path), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "quicker, rougher layout" in err
    assert "--layout full" in err and "--root ID --depth N" in err
    assert main(["export", str(path), "-o", str(out), "--layout", "full"]) == 0
    assert "rougher" not in capsys.readouterr().err
    assert main(["export", str(ARGUMENTS / "brain-drain.yaml"), "-o", str(out)]) == 0
    assert "rougher" not in capsys.readouterr().err


def test_an_unknown_layout_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(ARGUMENTS / "brain-drain.yaml"), "--layout", "ortho"]) == 2
    assert "invalid choice: 'ortho'" in capsys.readouterr().err
