"""`export --theme slides --reveal` holds the 18 pt rule of slide images: a reveal that
fits is written step by step (its legend apart when only that makes it fit); one that
cannot is refused with the deck command, which splits it, and nothing is written."""

from __future__ import annotations

import shlex
from dataclasses import replace
from pathlib import Path

import pytest
from helpers import ARGUMENTS
from PIL import Image

from argmap.cli import main
from argmap.export import ExportOptions
from argmap.export.fit import MIN_POINTS
from argmap.export.slide_images import image_points
from argmap.load import load_file

BRAIN_DRAIN = ARGUMENTS / "brain-drain.yaml"


def test_a_whole_debate_too_big_to_reveal_at_18_pt_is_refused_with_the_deck_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code = main(
        ["export", str(BRAIN_DRAIN), "--theme", "slides", "--reveal", "-f", "png", "-o", f"{out}/"]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "under the 18 pt a projector needs" in err
    assert f"argmap slides {shlex.quote(str(BRAIN_DRAIN))} --reveal" in err
    assert not out.exists() or not any(out.iterdir())  # nothing squeezed was written


def test_a_branch_that_fits_is_revealed_step_by_step_at_18_pt_with_its_legend_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph = load_file(BRAIN_DRAIN).graph
    # The smallest top-level branch with answers: two levels, so at least one step.
    root = min(
        (c for c in graph.motion.children if graph.nodes[c].children),
        key=lambda c: len(list(graph.subtree(c))),
    )
    out = tmp_path / "out"
    argv = ["export", str(BRAIN_DRAIN), "--theme", "slides", "--reveal", "--root", root]
    assert main([*argv, "-f", "png", "-o", f"{out}/"]) == 0
    captured = capsys.readouterr()
    written = [Path(line) for line in captured.out.split()]
    steps = [p for p in written if not p.stem.endswith("-legend")]
    assert steps and all(p.is_file() for p in written)
    assert [p.stem for p in steps] == [
        f"brain-drain--{root}-{n:02d}" for n in range(1, len(steps) + 1)
    ]
    for path in written:
        with Image.open(path) as picture:
            assert picture.width <= 1920 and picture.height <= 1080
    # The legend is what made it too small: it is written apart, and said so.
    last = ExportOptions(format="png", theme="slides", root=root, reveal=len(steps))
    assert image_points(graph, last) < MIN_POINTS
    assert image_points(graph, replace(last, legend=False)) >= MIN_POINTS - 1e-6
    assert any(p.stem == f"brain-drain--{root}-legend" for p in written)
    assert "written as an image of its own" in captured.err
