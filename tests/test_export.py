"""argmap export: the DOT a debate becomes, scoping, escaping, files and the command."""

from __future__ import annotations

import itertools
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import graphviz
import pytest

from argmap.cli import main
from argmap.export import (
    ExportError,
    ExportOptions,
    default_output,
    dot_available,
    export_graph,
    safe_name,
    to_dot,
)
from argmap.graph import ArgumentGraph
from argmap.load import LoadedDebate

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot not installed")

DEBATE = """\
version: 1
id: lab
title: Lab debate
motion: Labs should share data.
pro:
  - id: speed
    text: Sharing speeds discovery.
    see: [other-debate:some-claim]
    rebuttals:
      - id: leak
        text: Shared data leaks value.
        rebuttals:
          - id: licence
            text: Licences keep value.
            rebuttals:
              - id: deep
                text: Licences are ignored.
      - id: inference
        text: Speed is not the point.
        undercut: true
    support:
      - id: genome
        text: The genome project was fast.
        kind: evidence
con:
  - id: cost
    text: Sharing costs money.
    also_rebuts: [speed]
    rebuttals:
      - id: cheap
        text: Repositories are cheap.
        also_supports: [speed]
  - id: tiers
    text: Tiered access is a compromise.
    kind: proposal
"""


@pytest.fixture
def lab(load_debate: Callable[..., LoadedDebate]) -> ArgumentGraph:
    loaded = load_debate(DEBATE, "lab.yaml")
    assert loaded.ok, loaded.diagnostics
    return loaded.graph


def nodes_of(dot: str) -> dict[str, str]:
    """Synthetic node name -> its attribute text, for claim nodes (n0000...)."""
    return {m[1]: m[2] for m in re.finditer(r"^\t(n\d{4}) \[(.*)\]$", dot, re.M)}


def node_for(dot: str, claim_id: str) -> str:
    for attrs in nodes_of(dot).values():
        if f'id="claim-{claim_id}"' in attrs:
            return attrs
    raise AssertionError(f"no node for {claim_id}")


# --- DOT content ----------------------------------------------------------------------------


def test_a_node_per_claim_with_synthetic_names(lab: ArgumentGraph) -> None:
    dot = to_dot(lab, ExportOptions(format="dot"))
    nodes = nodes_of(dot)
    assert len(nodes) == len(lab) + 1  # the motion too
    assert list(nodes) == [f"n{i:04d}" for i in range(len(nodes))]
    assert "Sharing speeds discovery." in node_for(dot, "speed")
    assert "Lab debate" in dot.splitlines()[1]  # the title is the graph label


def test_each_link_kind_has_its_own_line_and_arrow(lab: ArgumentGraph) -> None:
    dot = to_dot(lab, ExportOptions(format="dot"))
    edges = [line for line in dot.splitlines() if "->" in line]
    styles = {
        "rebuts": "arrowtail=normal",
        "supports": "arrowtail=onormal",
        "undercuts": "arrowtail=tee",
        "also-rebuts": "arrowhead=vee",
        "also-supports": "arrowhead=odiamond",
    }
    found = {kind: [e for e in edges if marker in e] for kind, marker in styles.items()}
    assert all(found.values()), found
    assert all("style=solid" in e for e in found["rebuts"])
    assert all("style=dashed" in e for e in found["supports"])
    assert all("style=bold" in e for e in found["undercuts"])
    assert all("style=dotted" in e and "constraint=false" in e for e in found["also-rebuts"])
    # Pro and con differ by shape and border, not colour alone.
    assert "peripheries=1" in node_for(dot, "speed") and "rounded" in node_for(dot, "speed")
    assert "peripheries=2" in node_for(dot, "cost")
    assert "shape=note" in node_for(dot, "genome")
    assert "shape=component" in node_for(dot, "tiers")


def test_defeated_claims_are_faded_and_marked(lab: ArgumentGraph) -> None:
    dot = to_dot(lab, ExportOptions(format="dot"))
    # deep stands, so licence is defeated and leak stands.
    assert "✗ defeated" in node_for(dot, "licence")
    assert "✗ defeated" not in node_for(dot, "deep")
    assert "#8A8A8A" in node_for(dot, "licence")  # grey text


def test_legend_explains_only_what_is_drawn(lab: ArgumentGraph) -> None:
    full = to_dot(lab, ExportOptions(format="dot"))
    legend = next(line for line in full.splitlines() if line.startswith("\tlegend"))
    for words in ("evidence", "proposal", "undercuts", "also rebuts", "another debate"):
        assert words in legend
    small = to_dot(lab, ExportOptions(format="dot", root="leak", depth=0))
    legend = next(line for line in small.splitlines() if line.startswith("\tlegend"))
    assert "proposal" not in legend and "undercuts" not in legend
    assert "below the cut" in legend
    assert "legend" not in to_dot(lab, ExportOptions(format="dot", legend=False))


def test_a_cut_link_is_drawn_faint_with_scissors_and_explained(lab: ArgumentGraph) -> None:
    dot = to_dot(lab, ExportOptions(format="dot"))
    names = {
        claim_id: name
        for name, attrs in nodes_of(dot).items()
        for claim_id in ("speed", "motion", "leak")
        if f'id="claim-{claim_id}"' in attrs
    }
    edges = [line for line in dot.splitlines() if "->" in line]
    # 'inference' (an undercut nothing answers) cuts the link from 'speed' to the motion.
    cut = [e for e in edges if e.startswith(f"\t{names['motion']} -> {names['speed']} ")]
    assert len(cut) == 1 and 'label="✂ cut"' in cut[0] and 'color="#8A8A8A"' in cut[0]
    # The link from 'leak' to 'speed' is not cut.
    kept = [e for e in edges if e.startswith(f"\t{names['speed']} -> {names['leak']} ")]
    assert len(kept) == 1 and "✂" not in kept[0]
    legend = next(line for line in dot.splitlines() if line.startswith("\tlegend"))
    assert "a link a standing undercut cuts" in legend and "the stronger the undercut" in legend
    # A view without the cut link has no scissors and no legend row for them.
    assert "✂" not in to_dot(lab, ExportOptions(format="dot", root="cost"))


def test_the_motion_box_leads_with_the_verdict(lab: ArgumentGraph) -> None:
    motion = node_for(to_dot(lab, ExportOptions(format="dot")), "motion")
    verdict = re.search(r"(Leans pro|Balanced|Leans con) \(\d\.\d\d\) · (robust|fragile)", motion)
    assert verdict is not None
    # What flips it (or that nothing does) follows; the grounded label is not shown.
    assert "without " in motion[verdict.end() :] or "no single removal" in motion
    assert "labels alone" not in motion and "motion is defeated" not in motion


def test_strength_option_sets_border_width_and_a_bar(lab: ArgumentGraph) -> None:
    plain = to_dot(lab, ExportOptions(format="dot"))
    assert "■" not in plain
    assert "strength" not in node_for(plain, "deep")
    assert 'tooltip="deep (standing, strength 0.50)"' in node_for(
        to_dot(lab, ExportOptions(format="dot", strength=True)), "deep"
    )
    dot = to_dot(lab, ExportOptions(format="dot", strength=True))
    deep, licence = node_for(dot, "deep"), node_for(dot, "licence")
    # 'deep' (unanswered, 0.50) against 'licence' (rebutted by it: 0.5 - 0.5 · 0.2 = 0.40).
    assert "■■■□□ 0.50" in deep and "■■□□□ 0.40" in licence
    width = {
        c: float(re.search(r"penwidth=\"?([\d.]+)", node_for(dot, c))[1])
        for c in ("deep", "licence")
    }
    assert width["deep"] > width["licence"]
    legend = next(line for line in dot.splitlines() if line.startswith("\tlegend"))
    assert "strength, 0 to 1" in legend
    assert "strength, 0 to 1" not in plain


def test_see_links_and_depth_cut_become_stubs(lab: ArgumentGraph) -> None:
    dot = to_dot(lab, ExportOptions(format="dot", depth=1))
    assert "see other-debate: some-claim" in dot
    # Under `speed`: leak (+licence, deep), inference, genome = 5 hidden.
    assert "+5 more" in dot
    assert "+1 more" in dot  # cheap, under cost
    assert len(nodes_of(dot)) == 4  # motion, speed, cost, tiers


# --- scoping --------------------------------------------------------------------------------


def test_root_and_depth_draw_the_path_and_levels_below(lab: ArgumentGraph) -> None:
    dot = to_dot(lab, ExportOptions(format="dot", root="leak", depth=1))
    shown = {re.search(r'id="claim-([^"]+)"', a)[1] for a in nodes_of(dot).values()}  # type: ignore[index]
    assert shown == {"motion", "speed", "leak", "licence"}
    assert "+1 more" in dot  # deep, below licence
    assert "+2 more" in dot  # inference and genome, beside leak under speed
    assert "+3 more" in dot  # the con branches under the motion


def test_side_keeps_one_sides_branches(lab: ArgumentGraph) -> None:
    dot = to_dot(lab, ExportOptions(format="dot", side="con"))
    text = "".join(nodes_of(dot).values())
    assert "Sharing costs money." in text and "Repositories are cheap." in text
    assert "Sharing speeds discovery." not in text
    assert "+6 more" in dot  # the whole pro branch
    with pytest.raises(ExportError, match="pro branch"):
        to_dot(lab, ExportOptions(format="dot", side="con", root="leak"))


def test_unknown_root_lists_close_matches(lab: ArgumentGraph) -> None:
    with pytest.raises(ExportError, match="did you mean licence"):
        to_dot(lab, ExportOptions(format="dot", root="licenc"))


def test_bad_options_are_refused(lab: ArgumentGraph) -> None:
    with pytest.raises(ExportError, match="theme"):
        to_dot(lab, ExportOptions(theme="neon"))
    with pytest.raises(ExportError, match="depth"):
        to_dot(lab, ExportOptions(depth=-1))


def test_same_debate_gives_byte_identical_dot(
    lab: ArgumentGraph, load_debate: Callable[..., LoadedDebate]
) -> None:
    again = load_debate(DEBATE, "lab2.yaml").graph
    for options in (ExportOptions(), ExportOptions(root="leak", depth=1, theme="slides")):
        assert to_dot(lab, options) == to_dot(again, options)


def test_themes_and_layout_options_reach_the_dot(lab: ArgumentGraph) -> None:
    slides = to_dot(lab, ExportOptions(theme="slides"))
    assert 'size="13.333,7.5!"' in slides and "ratio=fill" in slides
    printed = to_dot(lab, ExportOptions(theme="print"))
    assert "#0072B2" not in printed and "#D55E00" not in printed
    assert "rankdir=LR" in to_dot(lab, ExportOptions(rankdir="LR"))
    assert "dpi=300" in to_dot(lab, ExportOptions(dpi=300))
    assert (
        "speed" in node_for(to_dot(lab, ExportOptions(show_ids=True)), "speed").split("label=")[1]
    )


def test_wrap_keeps_every_word(lab: ArgumentGraph) -> None:
    dot = to_dot(lab, ExportOptions(wrap=10))
    label = node_for(dot, "speed")
    assert "Sharing<BR/>speeds<BR/>discovery." in label


# --- hostile text ---------------------------------------------------------------------------

HOSTILE = [
    '"}; digraph x { a -> b',
    "<b>bold</b> <script>alert(1)</script>",
    '\\N \\G \\L \\\\ \\"',
    "]]> <!-- & &amp; &#92; {braces} [1AC]",
    "Ünïcödé 日本語 مرحبا emoji 🙂",
    "tab\tand\x01control\x7f",
]


def hostile_debate(texts: list[str]) -> str:
    import yaml

    data = {"title": texts[0], "motion": texts[1], "pro": [{"text": t} for t in texts]}
    return yaml.safe_dump(data, allow_unicode=True)


def test_hostile_text_is_escaped_in_dot(load_debate: Callable[..., LoadedDebate]) -> None:
    graph = load_debate(hostile_debate(HOSTILE)).graph
    dot = to_dot(graph, ExportOptions())
    assert "<script>" not in dot and "<b>bold" not in dot
    assert "&lt;script&gt;" in dot
    assert "\\\\N" in dot  # a literal backslash-N, not Graphviz's node-name escape
    assert "\x01" not in dot
    # The title and the claim, each only inside an escaped label.
    assert dot.count("&quot;}; digraph x { a -&gt; b") == 2
    assert dot.count("digraph") == 3


@needs_dot
def test_hostile_text_renders_to_valid_svg(
    load_debate: Callable[..., LoadedDebate], tmp_path: Path
) -> None:
    graph = load_debate(hostile_debate(HOSTILE)).graph
    out = export_graph(graph, ExportOptions(format="svg"), tmp_path / "h.svg")
    svg = out.read_text(encoding="utf-8")
    assert "<script" not in svg and "<b>" not in svg
    assert "alert(1)" in svg  # shown as text, not run
    assert "\\N \\G" in svg  # backslashes survive literally
    assert "日本語" in svg
    import xml.etree.ElementTree as ET

    ET.fromstring(svg.encode("utf-8"))  # well-formed XML


@needs_dot
@pytest.mark.parametrize("text", ["]", "[", ">", "]]>", "a ] b"])
def test_bracket_only_claims_render(
    write_debate: Callable[..., Path], text: str, tmp_path: Path
) -> None:
    from argmap.load import load_file

    path = write_debate(f"title: T\nmotion: M.\npro:\n  - text: {text!r}\ncon:\n  - text: B.\n")
    graph = load_file(path).graph
    svg = export_graph(graph, ExportOptions(format="svg"), tmp_path / "b.svg").read_text()
    assert f">{text.replace('>', '&gt;')}</text>" in svg


# --- files ----------------------------------------------------------------------------------


def test_default_output_names() -> None:
    assert default_output("lab", ExportOptions()) == Path("exports/lab.svg")
    assert default_output("lab", ExportOptions(format="pdf", root="pro.1")) == Path(
        "exports/lab--pro.1.pdf"
    )
    hostile = default_output("../../etc/x", ExportOptions(root="../y/z"), Path("out"))
    assert hostile.parent == Path("out") and ".." not in hostile.name.split("--")[0][:2]
    assert safe_name("...") == "debate"


@needs_dot
@pytest.mark.parametrize(
    ("fmt", "magic"), [("svg", b"<?xml"), ("png", b"\x89PNG"), ("pdf", b"%PDF")]
)
def test_every_format_is_rendered(
    lab: ArgumentGraph, tmp_path: Path, fmt: str, magic: bytes
) -> None:
    out = export_graph(lab, ExportOptions(format=fmt, depth=1), tmp_path / "deep" / f"a.{fmt}")
    assert out.read_bytes().startswith(magic)


def test_dot_format_needs_no_program(
    lab: ArgumentGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    out = export_graph(lab, ExportOptions(format="dot"), tmp_path / "a.dot")
    assert out.read_text(encoding="utf-8") == to_dot(lab, ExportOptions(format="dot"))


def test_missing_dot_names_the_fix(
    lab: ArgumentGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(ExportError) as caught:
        export_graph(lab, ExportOptions(format="svg"), tmp_path / "a.svg")
    message = str(caught.value)
    assert "apt-get install graphviz" in message and "brew install graphviz" in message
    assert "--format dot" in message and "\n" not in message
    assert not (tmp_path / "a.svg").exists()


# --- the command ---------------------------------------------------------------------------

SECOND = """\
id: other-debate
title: Second debate
motion: Second motion.
pro:
  - id: some-claim
    text: Only claim.
"""


@pytest.fixture
def folder(
    write_debate: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    write_debate(DEBATE, "lab.yaml")
    write_debate(SECOND, "other-debate.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_folder_exports_every_debate_with_progress_and_summary(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(folder), "--format", "dot"]) == 0
    assert sorted(p.name for p in (folder / "exports").iterdir()) == ["lab.dot", "other-debate.dot"]
    err = capsys.readouterr().err
    assert "[1/2]" in err and "[2/2]" in err
    assert "2 diagrams written to exports/ in" in err


def test_root_names_the_file_and_out_folder_is_used(folder: Path) -> None:
    assert main(["export", "lab.yaml", "-f", "dot", "--root", "leak", "--out", "slides/"]) == 0
    assert (folder / "slides" / "lab--leak.dot").is_file()


def test_out_file_sets_the_format(folder: Path) -> None:
    assert main(["export", "lab.yaml", "--out", "handout/map.dot"]) == 0
    assert (folder / "handout" / "map.dot").read_text(encoding="utf-8").startswith("digraph")


def test_out_file_with_several_debates_is_a_usage_error(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(folder), "--out", "one.dot"]) == 2
    assert "give a folder" in capsys.readouterr().err


def test_reveal_writes_one_file_per_level(folder: Path) -> None:
    assert main(["export", "lab.yaml", "-f", "dot", "--reveal", "--root", "speed"]) == 0
    names = sorted(p.name for p in (folder / "exports").iterdir())
    assert names == ["lab--speed-01.dot", "lab--speed-02.dot", "lab--speed-03.dot"]
    first = (folder / "exports" / "lab--speed-01.dot").read_text(encoding="utf-8")
    last = (folder / "exports" / "lab--speed-03.dot").read_text(encoding="utf-8")
    # A later level is not drawn in the first step; the last shows it.
    assert "Licences are ignored." not in first
    shown_line = next(line for line in last.splitlines() if "Licences are ignored." in line)
    assert "style=invis" not in shown_line


@pytest.mark.skipif(not dot_available(), reason="needs Graphviz")
def test_reveal_steps_keep_every_box_in_its_place(folder: Path) -> None:
    assert main(["export", "lab.yaml", "-f", "dot", "--reveal", "--root", "speed"]) == 0
    steps = sorted((folder / "exports").iterdir())
    positions = []
    for step in steps:
        source = step.read_text(encoding="utf-8").encode("utf-8")
        layout = json.loads(graphviz.pipe("dot", "json", source))
        found = {o["name"]: o["pos"].split(",") for o in layout["objects"] if "pos" in o}
        # Each step is its own drawing, placed anew on its page: measured from the motion.
        motion_x, motion_y = (float(v) for v in found["n0000"])
        positions.append(
            {
                name: (round(float(x) - motion_x, 1), round(float(y) - motion_y, 1))
                for name, (x, y) in found.items()
                if name.startswith(("n", "s"))
            }
        )
    assert len(positions) == 3 and len(positions[0]) >= 3
    for before, after in itertools.pairwise(positions):
        assert len(before) < len(after)
        assert {name: after[name] for name in before} == before


def test_unknown_root_exits_1_with_suggestion(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "lab.yaml", "--root", "gnome"]) == 1
    assert "did you mean genome" in capsys.readouterr().err


def test_usage_errors_exit_2(folder: Path) -> None:
    assert main(["export", "lab.yaml", "--depth", "-1"]) == 2
    assert main(["export", "lab.yaml", "--format", "gif"]) == 2
    assert main(["export", "lab.yaml", "--format", "json", "--root", "speed"]) == 2


def test_missing_dot_exits_1_naming_the_fix(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(folder / "no-such-bin"))
    assert main(["export", "lab.yaml", "--format", "png"]) == 1
    err = capsys.readouterr().err
    assert "apt-get install graphviz" in err and "--format dot" in err
    assert "Traceback" not in err
    assert not (folder / "exports" / "lab.png").exists()


def test_invalid_file_is_skipped_and_exit_is_1(
    folder: Path, write_debate: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    write_debate("title: broken\n", "broken.yaml")
    assert main(["export", str(folder), "-f", "dot"]) == 1
    assert (folder / "exports" / "lab.dot").is_file()
    assert "skipping 1 file" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot not installed")
def test_svg_by_default(folder: Path) -> None:
    assert main(["export", "other-debate.yaml"]) == 0
    assert (folder / "exports" / "other-debate.svg").read_bytes().startswith(b"<?xml")


def test_text_formats_go_through_interop(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("argmap.interop")
    code = main(["export", "lab.yaml", "--format", "json"])
    err = capsys.readouterr().err
    if "not available" in err:  # interop without export_text yet: a clean one-line error
        assert code == 1
        return
    assert code == 0
    assert (folder / "exports" / "lab.json").is_file()


def test_out_dash_writes_text_formats_and_dot_to_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from argmap.cli import main

    monkeypatch.chdir(tmp_path)
    path = tmp_path / "d.yaml"
    path.write_text(
        "title: T\nmotion: M.\npro:\n  - id: a\n    text: A.\ncon:\n  - text: B.\n",
        encoding="utf-8",
    )
    assert main(["export", str(path), "--format", "dot", "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("digraph")
    assert main(["export", str(path), "--format", "json", "-o", "-"]) == 0
    assert '"motion": "M."' in capsys.readouterr().out
    assert main(["export", str(path), "--format", "png", "-o", "-"]) == 2
    assert not (tmp_path / "-").exists() and not (tmp_path / "exports").exists()


def test_folder_export_draws_a_progress_bar_on_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from argmap.cli import main

    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.yaml").write_text(
            f"title: {name}\nmotion: M.\npro:\n  - text: A.\ncon:\n  - text: B.\n",
            encoding="utf-8",
        )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["export", str(tmp_path), "--format", "dot"]) == 0
    err = capsys.readouterr().err
    assert "\r████████░░░░░░░░░░░░░░░░ 1/3 a.dot" in err
    assert "\r████████████████░░░░░░░░ 2/3 b.dot" in err
    assert "3 diagrams written to exports/ in" in err.splitlines()[-1]
    assert "[1/3]" not in err  # the per-file lines are for logs, not terminals
