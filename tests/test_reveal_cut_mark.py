"""A reveal step shows a link's "✂ cut" only once the undercut that cuts it is shown."""

from __future__ import annotations

import re

from helpers import ARGUMENTS

from argmap.export import ExportOptions, to_dot
from argmap.export.dot_legend import CUT_MARK
from argmap.export.dot_theme import THEMES
from argmap.load import load_file


def _cut_edges(source: str) -> list[str]:
    return [line for line in source.splitlines() if "->" in line and CUT_MARK in line]


def test_the_cut_mark_waits_for_its_undercut_and_keeps_its_place() -> None:
    graph = load_file(ARGUMENTS / "brain-drain.yaml").graph
    # `learning-abroad` supports `circulation`; `survivorship` undercuts that link, a
    # level further down.
    assert graph.nodes["survivorship"].parent == "learning-abroad"
    theme = THEMES["light"]
    before, after = (
        _cut_edges(to_dot(graph, ExportOptions(format="dot", root="circulation", reveal=step)))
        for step in (1, 2)
    )
    assert len(before) == len(after) == 1
    # Laid out in both steps (the label is there), written in the background before.
    assert f'fontcolor="{theme.background}"' in before[0]
    assert f'fontcolor="{theme.muted}"' in after[0]
    # Without a reveal the mark is as it always was.
    whole = _cut_edges(to_dot(graph, ExportOptions(format="dot", root="circulation")))
    assert re.sub(r"fontcolor=\"[^\"]*\"|color=\"[^\"]*\"", "", whole[0]) == re.sub(
        r"fontcolor=\"[^\"]*\"|color=\"[^\"]*\"", "", before[0]
    )
    assert f'fontcolor="{theme.muted}"' in whole[0]
