"""The map lays out every row by counting its lines and draws only the rows on screen:
the count must match what is drawn, or rows overlap or leave gaps."""

from __future__ import annotations

from helpers import ARGUMENTS

from argmap.load import load_file
from argmap.semantics import Label, grounded
from argmap.tui.widgets.labels import (
    claim_lines,
    claim_prefix_cells,
    claim_row,
    side_style,
    use_theme,
    words_of,
    wrapped_height,
)


def test_counted_lines_match_drawn_lines_for_every_bundled_claim_and_width() -> None:
    checked = 0
    for path in sorted(ARGUMENTS.glob("*.yaml")):
        graph = load_file(path).graph
        labelling = grounded(graph)
        for node in graph.nodes.values():
            label = labelling[node.id]
            for strength, cut in ((None, False), (0.5, True)):
                cells = claim_prefix_cells(node, label, strength, cut)
                words = words_of(node.text)
                for width in (8, 17, 24, 31, 40, 57, 80, 120):
                    for lines in (1, 2, 3):
                        drawn = claim_lines(node, label, width, lines, False, strength, cut)
                        assert wrapped_height(cells, words, width, lines) == len(drawn), (
                            node.id,
                            width,
                            lines,
                        )
                        checked += 1
    assert checked > 1000


def test_a_long_claim_takes_more_lines_when_narrow() -> None:
    graph = load_file(next(iter(sorted(ARGUMENTS.glob("*.yaml"))))).graph
    node = max(graph.nodes.values(), key=lambda n: len(n.text))
    cells = claim_prefix_cells(node, Label.STANDING, 0.5)
    words = words_of(node.text)
    assert wrapped_height(cells, words, 30, 3) == 3
    assert wrapped_height(cells, words, 30, 3) > wrapped_height(cells, words, 400, 3) == 1


def test_a_row_drawn_again_after_a_theme_change_takes_the_new_side_colours() -> None:
    graph = load_file(next(iter(sorted(ARGUMENTS.glob("*.yaml"))))).graph
    node = next(n for n in graph.nodes.values() if n.side is not None)
    styles = {}
    try:
        for dark in (True, False, True):
            use_theme(dark)
            row = claim_row(node, Label.STANDING, strength=0.5)
            styles.setdefault(dark, set()).add(str(row.spans[0].style))
    finally:
        use_theme(True)
    assert len(styles[True]) == 1
    assert styles[True] != styles[False]
    assert side_style(node.side) in styles[True]  # type: ignore[arg-type]
