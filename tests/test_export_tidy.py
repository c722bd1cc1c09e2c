"""The tidy tree layout of big diagrams: boxes never overlap, parents sit over their
children, and the boxes Graphviz draws from the pins never overlap."""

from __future__ import annotations

import itertools
import re
import shutil
import sys
from pathlib import Path

import pytest
from helpers import ARGUMENTS, bundled_without_links
from hypothesis import example, given, settings
from hypothesis import strategies as st

from argmap.export import ExportOptions, pinned, to_dot
from argmap.export.render import layout_command, render
from argmap.export.tidy import label_size, tidy_layout
from argmap.load import load_file

needs_dot = pytest.mark.skipif(shutil.which("neato") is None, reason="Graphviz not installed")
GAP, LEVEL_GAP = 5.0, 20.0


@st.composite
def forests(draw: st.DrawFn) -> tuple[list[int], list[float], list[float]]:
    count = draw(st.integers(1, 40))
    # Each box's parent is an earlier box or none (a root); the parents list is then
    # shuffled so a parent's index need not come first.
    parents = [draw(st.integers(-1, index - 1)) for index in range(count)]
    order = draw(st.permutations(range(count)))
    where = {old: new for new, old in enumerate(order)}
    shuffled = [0] * count
    for old, parent in enumerate(parents):
        shuffled[where[old]] = -1 if parent < 0 else where[parent]
    sizes = st.floats(1, 200, allow_nan=False)
    breadths = [draw(sizes) for _ in range(count)]
    depths = [draw(sizes) for _ in range(count)]
    return shuffled, breadths, depths


def _levels(parents: list[int]) -> list[int]:
    levels = []
    for box in range(len(parents)):
        level, up = 0, parents[box]
        while up >= 0:
            level, up = level + 1, parents[up]
        levels.append(level)
    return levels


@settings(max_examples=300, deadline=None)
@given(forests())
# A short subtree between two deep ones: the right subtree must clear the left one's
# contour below the middle one, which only a contour that outlives its subtree keeps.
@example(([-1, 0, 0, 0, 1, 4, 3, 6], [10.0] * 8, [10.0] * 8))
# A wide parent over narrow children, and a narrow parent over wide ones.
@example(([-1, 0, 0, -1, 3], [300.0, 5.0, 5.0, 5.0, 400.0], [10.0] * 5))
def test_boxes_on_a_level_keep_the_gap_and_parents_sit_over_their_children(
    forest: tuple[list[int], list[float], list[float]],
) -> None:
    parents, breadths, depths = forest
    placed = tidy_layout(parents, breadths, depths, gap=GAP, level_gap=LEVEL_GAP)
    levels = _levels(parents)
    by_level: dict[int, list[int]] = {}
    for box, level in enumerate(levels):
        by_level.setdefault(level, []).append(box)
    for boxes in by_level.values():
        # Boxes of one level, in the order of the tree: left to right, a gap apart.
        boxes.sort(key=lambda b: placed[b][0])
        for left, right in itertools.pairwise(boxes):
            edge = placed[left][0] + breadths[left] / 2 + GAP
            assert edge <= placed[right][0] - breadths[right] / 2 + 1e-6
    for box in range(len(parents)):
        kids = [c for c in range(len(parents)) if parents[c] == box]
        if kids:
            # Children keep their order, and the parent is centred over the first and last.
            assert [placed[k][0] for k in kids] == sorted(placed[k][0] for k in kids)
            middle = (placed[kids[0]][0] + placed[kids[-1]][0]) / 2
            assert placed[box][0] == pytest.approx(middle)
    # Levels are stacked: every box of a level lies wholly below every box of the one above.
    for level in sorted(by_level)[1:]:
        above = max(placed[b][1] + depths[b] / 2 for b in by_level[level - 1])
        below = min(placed[b][1] - depths[b] / 2 for b in by_level[level])
        assert below >= above + LEVEL_GAP - 1e-6
    assert min(placed[b][0] - breadths[b] / 2 for b in range(len(parents))) == pytest.approx(0)


def test_a_chain_deeper_than_the_recursion_limit_is_laid_out() -> None:
    count = sys.getrecursionlimit() * 3
    placed = tidy_layout([-1, *range(count - 1)], [10.0] * count, [5.0] * count, gap=1, level_gap=1)
    assert len({x for x, _ in placed}) == 1  # one straight column
    assert placed[-1][1] == pytest.approx((count - 1) * 6.0)


def test_a_label_is_measured_line_by_line_at_each_lines_font_size() -> None:
    one = '<<FONT POINT-SIZE="10">HEAD</FONT><BR/><FONT POINT-SIZE="20">a b c d</FONT>>'
    two = '<<FONT POINT-SIZE="10">HEAD</FONT><BR/><FONT POINT-SIZE="20">a b<BR/>c d</FONT>>'
    wide, tall = label_size(one, 14, (0.0, 0.0))
    narrow, taller = label_size(two, 14, (0.0, 0.0))
    assert wide > narrow  # the long line is twice the short one's length
    assert taller > tall  # one line more
    # Escaped characters count once: "&amp;" is one character wide.
    assert label_size("<a&amp;b>", 10, (0, 0))[0] == label_size("<a&b>", 10, (0, 0))[0]


def _generated(tmp_path: Path, claims: int) -> Path:
    sys.path.insert(0, str(ARGUMENTS.parent / "benchmarks"))
    from generate import generate_debate_yaml

    path = tmp_path / f"generated-{claims}.yaml"
    path.write_text(generate_debate_yaml(claims, seed=5), encoding="utf-8")
    return path


def test_auto_picks_the_tidy_tree_only_above_its_threshold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("argmap.export.dot_layout.TREE_DIAGRAM", 300)
    monkeypatch.setattr("argmap.export.dot_layout.LARGE_DIAGRAM", 200)
    big = load_file(_generated(tmp_path, 350)).graph
    source = to_dot(big, ExportOptions(format="dot"))
    assert " layout=neato " in source and layout_command(source)[0] == "neato"
    assert "nslimit" not in source
    statements = re.findall(r"^\t(?!graph |node |edge )\S+ \[.*$", source, re.M)
    assert len(statements) > len(big) and all(' pos="' in s for s in statements)
    # Smaller, or asked for by name, the other layouts keep `dot`.
    full = to_dot(big, ExportOptions(format="dot", layout="full"))
    assert "pos=" not in full and layout_command(full)[0] == "dot"
    small = load_file(ARGUMENTS / "brain-drain.yaml").graph
    assert "pos=" not in to_dot(small, ExportOptions(format="dot"))
    assert "pos=" in to_dot(small, ExportOptions(format="dot", layout="tree"))


_SHAPE = re.compile(r' (?:points|d)="([^"]+)"')


def _boxes(svg: str) -> dict[str, tuple[float, float, float, float]]:
    """Each claim's box in the SVG: the bounds of the first shape its group draws (a
    polygon, or a path for a rounded box)."""
    boxes = {}
    for node in re.finditer(r'<g id="(claim[^"]*)" class="node">', svg):
        shape = _SHAPE.search(svg, node.end())
        assert shape is not None
        numbers = [float(n) for n in re.findall(r"-?[0-9.]+", shape.group(1))]
        xs, ys = numbers[0::2], numbers[1::2]
        boxes[node.group(1)] = (min(xs), min(ys), max(xs), max(ys))
    return boxes


@needs_dot
@pytest.mark.parametrize("rankdir", ["LR", "TB"])
def test_graphviz_draws_every_pinned_box_and_none_overlap(rankdir: str) -> None:
    # The bundled debates' real labels, measured by Graphviz's own text layout: the tidy
    # tree's estimate of each box must leave room for the box Graphviz draws.
    for path in sorted(ARGUMENTS.glob("*.yaml")):
        graph = load_file(path).graph
        options = ExportOptions(format="svg", layout="tree", rankdir=rankdir)
        source = to_dot(graph, options)
        svg = render(source, "svg").decode("utf-8")
        boxes = _boxes(svg)
        assert len(boxes) == len(graph) + 1  # every claim and the motion drawn
        ordered = sorted(boxes.values())
        for index, (_, y0, x1, y1) in enumerate(ordered):
            for a0, b0, _, b1 in ordered[index + 1 :]:
                if a0 >= x1:
                    break
                assert b0 >= y1 or b1 <= y0, f"{path.name}: boxes overlap"


def test_the_tidy_tree_is_announced_with_how_to_draw_less(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import argmap.export.batch
    from argmap.cli import main

    monkeypatch.setattr(argmap.export.batch, "render", lambda source, fmt: b"<svg/>")
    monkeypatch.setattr("argmap.export.dot_layout.TREE_DIAGRAM", 100)
    monkeypatch.setattr("argmap.export.TREE_DIAGRAM", 100)
    path = _generated(tmp_path, 150)
    assert main(["export", str(path), "-o", str(tmp_path / "big.svg")]) == 0
    err = capsys.readouterr().err
    assert "laid out as a tidy tree" in err and "--root ID --depth N" in err


def test_a_big_pinned_diagram_is_split_into_pieces_that_share_corners_and_ghost_far_ends(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    graph = load_file(ARGUMENTS / "brain-drain.yaml").graph
    source = to_dot(graph, ExportOptions(format="svg", layout="tree"))
    assert pinned.split(source, piece=1000) is None  # small enough to draw at once
    pieces = pinned.split(source, piece=10)
    assert pieces is not None and len(pieces) > 3
    names = [
        re.findall(r"^\t(n\d+|s\d+|legend) \[(?!.*style=invis id=\"\")", p, re.M) for p in pieces
    ]
    drawn = [name for piece in names for name in piece]
    assert sorted(drawn) == sorted(set(drawn))  # each box drawn in one piece only
    assert len(drawn) == len(re.findall(r"^\t(?:n\d+|s\d+|legend) \[", source, re.M))
    for piece, own in zip(pieces, names, strict=True):
        assert piece.count("\tcorner0 [") == piece.count("\tcorner1 [") == 1
        for tail, head in re.findall(r"^\t(\S+) -> (\S+) \[", piece, re.M):
            assert tail in own  # a link is drawn with its tail
            assert head in own or re.search(rf'^\t{head} \[.*style=invis id=""', piece, re.M)


@needs_dot
def test_a_diagram_drawn_in_pieces_is_the_diagram_drawn_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import xml.dom.minidom

    graph = load_file(ARGUMENTS / "brain-drain.yaml").graph
    source = to_dot(graph, ExportOptions(format="svg", layout="tree"))
    whole = render(source, "svg").decode("utf-8")
    monkeypatch.setattr(pinned, "PIECE", 10)
    joined = render(source, "svg").decode("utf-8")
    xml.dom.minidom.parseString(joined)  # well-formed
    assert joined.count("<svg") == 1 and joined.count('class="graph"') == 1
    assert re.search(r"<svg[^>]*>", joined).group(0) == re.search(r"<svg[^>]*>", whole).group(0)
    ids = re.findall(r'<g id="([^"]+)"', joined)
    assert len(ids) == len(set(ids))  # no id twice, stubs and links included
    # Every claim's box is drawn exactly where the whole drawing puts it.
    assert _boxes(joined) == _boxes(whole)
    assert joined.count('class="edge"') == whole.count('class="edge"')


def test_a_piece_that_fails_leaves_no_file_and_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argmap.export.render
    from argmap.export import ExportError, export_graph

    drawn: list[str] = []

    def draw(source: str, fmt: str) -> bytes:
        drawn.append(source)
        if len(drawn) == 3:
            raise argmap.export.render.RenderError("Graphviz `dot` could not draw: killed")
        return b'<svg>\n<g id="graph0" class="graph">\n<!-- n -->\n</g>\n</svg>\n'

    monkeypatch.setattr(argmap.export.render, "_draw", draw)
    monkeypatch.setattr(pinned, "PIECE", 10)
    graph = load_file(ARGUMENTS / "brain-drain.yaml").graph
    out = tmp_path / "brain-drain.svg"
    with pytest.raises(ExportError, match="killed"):
        export_graph(graph, ExportOptions(format="svg", layout="tree"), out)
    assert len(drawn) == 3  # the pieces after the failing one are never drawn
    assert list(tmp_path.iterdir()) == []  # no file, no temporary file left behind


@needs_dot
def test_the_export_command_writes_a_diagram_drawn_in_pieces_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argmap.cli import main

    # A folder of the one debate: the other bundled ones would be drawn for nothing.
    folder = bundled_without_links(tmp_path / "debates", ["brain-drain"])
    path = folder / "brain-drain.yaml"
    options = ExportOptions(format="svg", layout="tree", rankdir="LR")
    whole = render(to_dot(load_file(path).graph, options), "svg").decode("utf-8")
    monkeypatch.setattr(pinned, "PIECE", 10)
    for target in (tmp_path / "one.svg", tmp_path / "folder"):
        # A single file and a folder export both go through the pool of `dot` runs.
        given = path if target.suffix else folder
        command = ["export", str(given), "--layout", "tree", "--rankdir", "LR", "-o", str(target)]
        assert main(command) == 0
        written = target if target.suffix else target / "brain-drain.svg"
        assert _boxes(written.read_text(encoding="utf-8")) == _boxes(whole)
