"""A folder export lays diagrams out on several cores at once."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from conftest import ARGUMENTS

import argmap.export
from argmap.cli import main


def test_folder_export_runs_graphviz_for_two_diagrams_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Each fake layout waits until a second one is running; drawn one at a time, the
    # barrier breaks after its timeout and the export fails.
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    barrier = threading.Barrier(2, timeout=20)
    running = 0
    most = 0
    lock = threading.Lock()

    def fake_render(source: str, fmt: str) -> bytes:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        try:
            barrier.wait()
        except threading.BrokenBarrierError:
            pass  # the odd diagram out finds no partner once the others are done
        with lock:
            running -= 1
        return b"<svg/>"

    monkeypatch.setattr(argmap.export, "render", fake_render)
    out = tmp_path / "svg"
    assert main(["export", str(ARGUMENTS), "-o", str(out), "--format", "svg"]) == 0
    assert most == 2
    assert len(list(out.glob("*.svg"))) == len(list(ARGUMENTS.glob("*.yaml")))
    assert "diagrams written to" in capsys.readouterr().err


def test_a_failing_diagram_in_a_folder_export_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from argmap.export.render import RenderError

    def failing_render(source: str, fmt: str) -> bytes:
        raise RenderError("Graphviz `dot` could not draw the diagram: out of memory")

    monkeypatch.setattr(argmap.export, "render", failing_render)
    assert main(["export", str(ARGUMENTS), "-o", str(tmp_path), "--format", "svg"]) == 1
    err = capsys.readouterr().err
    assert "argmap: Graphviz `dot` could not draw the diagram: out of memory" in err
    assert "Traceback" not in err
