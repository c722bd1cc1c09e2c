"""`argmap export --theme slides`: images a projector shows at 18 pt, split or refused."""

from __future__ import annotations

import re
import shlex
from dataclasses import replace
from pathlib import Path

import pytest
from helpers import ARGUMENTS

from argmap.cli import main
from argmap.export import ExportOptions, dot_available, to_dot
from argmap.export.fit import MIN_POINTS, measure
from argmap.export.slide_images import _SQUEEZE, _natural, plan_images, readable_points
from argmap.export.slide_images import Image as SlideImage
from argmap.graph import ArgumentGraph
from argmap.load import load_file, load_text

pytestmark = pytest.mark.skipif(not dot_available(), reason="Graphviz `dot` is not installed")
Image = pytest.importorskip("PIL.Image")


def _wide_debate(folder: Path) -> Path:
    """Ten short top-level claims, five with an answer: too wide for one slide image."""
    lines = ["version: 1", "title: Wide debate", "motion: Cities should ban cars.", "pro:"]
    for i in range(5):
        lines += [f"  - id: p{i}", f"    text: Reason {i} for it.", "    rebuttals:"]
        lines += [f"      - id: p{i}r", f"        text: Answer {i}."]
    lines.append("con:")
    for i in range(5):
        lines += [f"  - id: c{i}", f"    text: Reason {i} against it."]
    path = folder / "wide.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _deep_debate(folder: Path) -> Path:
    """Ten top-level claims; the first has six answers, each with three answers of its own:
    that branch is too big for one image, and so is its first level."""
    lines = ["version: 1", "title: Deep debate", "motion: Cities should ban cars.", "pro:"]
    lines += ["  - id: p0", "    text: Cars make streets dangerous.", "    rebuttals:"]
    for i in range(6):
        lines += [
            f"      - id: a{i}",
            f"        text: Answer {i} to the danger.",
            "        rebuttals:",
        ]
        for j in range(3):
            lines += [f"          - id: a{i}b{j}", f"            text: Reply {j} to answer {i}."]
    for i in range(1, 10):
        lines += [f"  - id: p{i}", f"    text: Reason {i} for it."]
    path = folder / "deep.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _sources(graph: ArgumentGraph, images: list[SlideImage]) -> list[str]:
    return [i.source or to_dot(graph, replace(i.options, format="dot")) for i in images]


def _readable(sources: list[str]) -> list[float]:
    bare = [_SQUEEZE.sub("", s, count=2) for s in sources]
    return [readable_points(b, size) for b, size in zip(bare, measure(bare, pad=0), strict=True)]


@pytest.mark.parametrize("name", sorted(p.stem for p in ARGUMENTS.glob("*.yaml")))
def test_a_whole_debate_too_big_for_a_projector_is_split_into_readable_images(
    name: str, tmp_path: Path
) -> None:
    graph = load_file(ARGUMENTS / f"{name}.yaml").graph
    whole = ExportOptions(format="png", theme="slides")
    assert _natural(graph, [whole])[0] < MIN_POINTS
    plan = plan_images(graph, whole, tmp_path / f"{name}.png", "x")
    sources = _sources(graph, plan.images)
    # Every claim is drawn, no image is the squeezed whole, and each is readable.
    drawn = {c for c in graph.nodes if any(f'"claim-{c}"' in s for s in sources)}
    assert drawn == set(graph.nodes) - {graph.motion.id}
    assert min(_readable(sources)) >= MIN_POINTS - 1e-6
    # Named after the claim each starts from; the top-level branches first, in order.
    names = [image.target.name for image in plan.images]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(rf"{name}--[a-z0-9.-]+(--part\d+)?\.png", n) for n in names)
    starts = [n.split("--")[1].removesuffix(".png") for n in names]
    tops = [c for c in dict.fromkeys(starts) if c in graph.motion.children]
    assert tops == list(graph.motion.children)


def test_a_branch_too_big_for_one_image_is_split_by_its_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _deep_debate(tmp_path)
    out = tmp_path / "out"
    assert main(["export", str(path), "--theme", "slides", "-f", "png", "-o", f"{out}/"]) == 0
    captured = capsys.readouterr()
    listed = captured.out.split()
    assert all(Path(p).is_file() for p in listed)
    assert "split by branch over" in captured.err
    # p0's answers do not fit beside it: parts of its level, then each answer's branch,
    # in the order of the debate, before the next top-level claim.
    names = [Path(p).name for p in listed]
    parts = [n for n in names if n.startswith("deep--p0--part")]
    assert len(parts) > 1
    start = names.index(parts[0])
    assert names[start + len(parts) : start + len(parts) + 6] == [
        f"deep--a{i}.png" for i in range(6)
    ]
    assert names[start + len(parts) + 6] == "deep--p1.png"
    assert names[-1] == "deep-legend.png"
    for image in listed:
        with Image.open(image) as picture:
            width, height = picture.size
            assert width <= 1920 and height <= 1080
    # The branch asked for with --root: itself first (its level in parts), then below.
    graph = load_file(path).graph
    options = ExportOptions(format="png", theme="slides", root="p0", legend=False)
    plan = plan_images(graph, options, out / "deep--p0.png", "x")
    names = [image.target.name for image in plan.images]
    assert names == [*parts, *(f"deep--p0--a{i}.png" for i in range(6))]


def test_images_of_claims_whose_ids_share_a_long_start_are_written_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _wide_debate(tmp_path)
    text = path.read_text(encoding="utf-8")
    long = "a" * 90
    path.write_text(text.replace("id: c1", f"id: {long}-1").replace("id: c2", f"id: {long}-2"))
    out = tmp_path / "out"
    assert main(["export", str(path), "--theme", "slides", "-f", "png", "-o", f"{out}/"]) == 0
    listed = capsys.readouterr().out.split()
    # Every image is its own file: 10 branches and the legend.
    assert len(listed) == len(set(listed)) == 11
    assert all(Path(p).is_file() for p in listed)


def _refused_long_claim(
    folder: Path, capsys: pytest.CaptureFixture[str], sentences: int
) -> tuple[Path, str]:
    """The wide debate with an answer of `sentences` sentences exported whole: refused,
    nothing written; its file and the error."""
    path = _wide_debate(folder)
    long = " ".join(["Every word of this claim makes the box taller."] * sentences)
    path.write_text(path.read_text(encoding="utf-8").replace("Answer 3.", long), "utf-8")
    out = folder / "out"
    assert main(["export", str(path), "--theme", "slides", "-f", "png", "-o", f"{out}/"]) == 1
    err = " ".join(capsys.readouterr().err.split())
    assert "claim 'p3r' is too big for an image even alone; nothing written" in err
    assert not out.exists() or not any(out.iterdir())
    return path, err


def test_a_long_claim_is_refused_with_a_wider_wrap_that_writes_readable_images(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, err = _refused_long_claim(tmp_path, capsys, 20)
    hinted = re.search(r"`(argmap export [^`]*)`", err)
    assert hinted is not None, err
    args = shlex.split(hinted.group(1))
    assert "--wrap" in args
    monkeypatch.chdir(tmp_path)
    assert main(args[1:]) == 0
    written = capsys.readouterr().out.split()
    assert any("wide--p3r" in name for name in written)
    graph = load_file(path).graph
    wrap = int(args[args.index("--wrap") + 1])
    options = ExportOptions(format="png", theme="slides", wrap=wrap, legend=False)
    images = plan_images(graph, options, tmp_path / "w.png", "x").images
    assert min(_readable(_sources(graph, images))) >= MIN_POINTS - 1e-6


def test_a_claim_too_big_for_an_image_alone_is_refused_with_what_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, err = _refused_long_claim(tmp_path, capsys, 60)
    assert f"argmap slides {path}" in err and "--wrap" not in err


def test_a_wide_debate_is_split_into_one_readable_image_per_branch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _wide_debate(tmp_path)
    out = tmp_path / "out"
    assert main(["export", str(path), "--theme", "slides", "-f", "png", "-o", f"{out}/"]) == 0
    captured = capsys.readouterr()
    listed = captured.out.split()
    graph = load_text(path.read_text(encoding="utf-8"), "wide.yaml").graph
    branches = list(graph.motion.children)
    images = [str(out / f"wide--{claim}.png") for claim in branches]
    # Every file written is listed on stdout, one per branch, plus the legend apart.
    assert listed == [*images, str(out / "wide-legend.png")]
    assert "split by branch over 10 images" in captured.err
    for image in images:
        with Image.open(image) as picture:
            # Scaled up to the 1920 x 1080 frame: as wide or as tall as it.
            width, height = picture.size
            assert width <= 1920 and height <= 1080 and (width == 1920 or height == 1080)
    # The legend at its natural size (20 pt text at 144 dpi) is within a slide.
    with Image.open(listed[-1]) as legend:
        assert legend.size[0] <= 1920 and legend.size[1] <= 1080
    # What each image draws keeps its text at 18 pt once fitted to the slide; the whole
    # debate would not.
    whole = ExportOptions(format="png", theme="slides")
    parts = [ExportOptions(format="png", theme="slides", root=c, legend=False) for c in branches]
    points = _natural(graph, [whole, *parts])
    assert points[0] < MIN_POINTS
    assert min(points[1:]) >= MIN_POINTS - 1e-6


def test_a_diagram_that_fits_is_one_image_and_the_legend_can_go_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _wide_debate(tmp_path)
    out = tmp_path / "one"
    args = ["export", str(path), "--theme", "slides", "-f", "png", "--root", "p1"]
    assert main([*args, "-o", f"{out}/", "--legend", "separate"]) == 0
    listed = capsys.readouterr().out.split()
    assert listed == [str(out / "wide--p1.png"), str(out / "wide--p1-legend.png")]
    assert all(Path(p).is_file() for p in listed)
    graph = load_file(path).graph
    plan = plan_images(graph, ExportOptions(format="png", theme="slides", root="p1"), out, "x")
    assert len(plan.images) == 1 and plan.images[0].target == out


def test_the_slides_theme_draws_no_text_under_18_pt(tmp_path: Path) -> None:
    path = _wide_debate(tmp_path)
    graph = load_file(path).graph
    plan = plan_images(graph, ExportOptions(format="png", theme="slides"), tmp_path / "w.png", "")
    for image in plan.images:
        assert _natural(graph, [image.options])[0] >= MIN_POINTS - 1e-6


def test_depth_with_a_wide_level_splits_that_level_across_images(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _wide_debate(tmp_path)
    out = tmp_path / "level"
    args = ["export", str(path), "--theme", "slides", "-f", "png", "--depth", "1"]
    assert main([*args, "-o", f"{out}/"]) == 0
    captured = capsys.readouterr()
    listed = captured.out.split()
    assert "its level split over" in captured.err
    parts = [p for p in listed if "--part" in p]
    assert len(parts) > 1 and all(Path(p).is_file() for p in listed)
    graph = load_file(path).graph
    options = ExportOptions(format="png", theme="slides", depth=1, legend=False)
    plan = plan_images(graph, options, out / "wide.png", "x")
    assert [str(image.target) for image in plan.images] == parts
    # Every claim of the level is on exactly one image, in order, and each image is
    # readable on the slide.
    seen = []
    for image in plan.images:
        assert image.source is not None
        seen += [c for c in graph.motion.children if f'"claim-{c}"' in image.source]
        bare = _SQUEEZE.sub("", image.source, count=2)
        assert readable_points(bare, measure([bare], pad=0)[0]) >= MIN_POINTS - 1e-6
    assert seen == list(graph.motion.children)


@pytest.mark.parametrize("name", ["brain-drain", "equity-access"])
def test_each_top_level_branch_one_level_deep_is_written_readably(
    name: str, tmp_path: Path
) -> None:
    graph = load_file(ARGUMENTS / f"{name}.yaml").graph
    for claim in graph.motion.children:
        options = ExportOptions(format="png", theme="slides", root=claim, depth=1, legend=False)
        images = plan_images(graph, options, tmp_path / "b.png", "x").images
        sources = [i.source or to_dot(graph, replace(i.options, format="dot")) for i in images]
        # Drawn once each, readable at 18 pt, and the motion named in the title, not boxed.
        drawn = [c for c in graph.nodes[claim].children for s in sources if f'"claim-{c}"' in s]
        assert drawn == list(graph.nodes[claim].children), claim
        for source in sources:
            assert f'"claim-{graph.motion.id}"' not in source and "Motion: " in source
            bare = _SQUEEZE.sub("", source, count=2)
            assert readable_points(bare, measure([bare], pad=0)[0]) >= MIN_POINTS - 1e-6, claim
