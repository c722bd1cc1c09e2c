"""`argmap slides`: decks that open, in order, with readable text and speaker notes.

Decks are slow to lay out (one `dot` run per batch of candidate slides), so each deck is
built once per module and shared by the tests that read it.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
import sys
from io import BytesIO
from pathlib import Path

import graphviz
import pytest
from helpers import ARGUMENTS, REPO

from argmap.cli import main
from argmap.export import ExportOptions, dot_available, to_dot
from argmap.export.dot import THEMES, escape_html
from argmap.export.fit import AREA_HEIGHT, AREA_WIDTH, MAX_SCALE, MIN_POINTS, PAD
from argmap.export.slides import Deck, DeckOptions, build_deck, plain, write_deck
from argmap.graph import ArgumentGraph
from argmap.load import load_file, load_text
from argmap.model import MOTION_ID
from argmap.reading import short_text
from argmap.semantics import grounded

pytestmark = pytest.mark.skipif(not dot_available(), reason="needs Graphviz")
pptx = pytest.importorskip("pptx")
pypdf = pytest.importorskip("pypdf")

SMALL = """\
version: 1
title: Lab "notes" <draft>
motion: Labs should share their raw data.
sources:
  - {id: s, title: A survey of labs, url: https://example.org/survey}
pro:
  - id: speed
    text: "Sharing data speeds up replication \\a [1AC]."
    sources: [s]
    rebuttals:
      - id: misuse
        text: Raw data is easily misread.
        rebuttals:
          - id: docs
            text: Documentation makes misreading rare.
            rebuttals:
              - id: nobody-reads
                text: Nobody reads the documentation.
con:
  - id: cost
    text: Curating data costs money labs do not have.
    also_rebuts: [speed]
"""


def _graph(path: Path) -> ArgumentGraph:
    item = load_file(path)
    assert item.ok, [d.format() for d in item.diagnostics]
    return item.graph


@pytest.fixture(scope="module")
def brain_drain() -> tuple[Deck, bytes, bytes]:
    deck = build_deck(_graph(ARGUMENTS / "brain-drain.yaml"))
    from argmap.export import deck_pdf, deck_pptx

    return deck, deck_pdf.write(deck), deck_pptx.write(deck)


@pytest.fixture(scope="module")
def umbrella() -> tuple[ArgumentGraph, Deck]:
    graph = _graph(ARGUMENTS / "international-collaboration.yaml")
    return graph, build_deck(graph)


@pytest.fixture(scope="module")
def generated() -> tuple[ArgumentGraph, Deck]:
    spec = importlib.util.spec_from_file_location("generate", REPO / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate"] = module
    spec.loader.exec_module(module)
    item = load_text(module.generate_debate_yaml(300, seed=3), "generated.yaml")
    assert item.ok
    # Every planned slide: the planner is tested whole, not the budget's choice.
    return item.graph, build_deck(item.graph, DeckOptions(max_slides=0))


def _layouts(sources: list[str]) -> list[dict[str, object]]:
    """`dot`'s JSON layout of each source, from one run (it writes one document a graph)."""
    text = graphviz.pipe("dot", "json", "\n".join(sources).encode("utf-8")).decode("utf-8")
    decoder, layouts, at = json.JSONDecoder(), [], 0
    while at < len(text):
        if text[at].isspace():
            at += 1
            continue
        layout, at = decoder.raw_decode(text, at)
        layouts.append(layout)
    assert len(layouts) == len(sources)
    return layouts


def _on_slide_points(source: str, layout: dict[str, object]) -> float:
    """The smallest text of a diagram as shown on the slide, from `dot`'s own layout."""
    _, _, right, top = (float(v) for v in str(layout["bb"]).split(","))
    width, height = right / 72 + 2 * PAD, top / 72 + 2 * PAD
    scale = min(AREA_WIDTH / width, AREA_HEIGHT / height, MAX_SCALE)
    sizes = re.findall(r'POINT-SIZE="([\d.]+)"|fontsize=([\d.]+)', source)
    return min(float(a or b) for a, b in sizes) * scale


def _assert_readable(deck: Deck) -> None:
    diagrams = [s.source for s in deck.slides if s.source is not None]
    assert len(diagrams) > 10
    points = [
        _on_slide_points(s, layout) for s, layout in zip(diagrams, _layouts(diagrams), strict=True)
    ]
    too_small = [round(p, 1) for p in points if p < MIN_POINTS - 1e-6]
    assert too_small == []
    # Not vacuous: small text is exactly 18 pt and most slides are not enlarged much.
    assert min(points) < MIN_POINTS * 1.05


def test_no_text_under_18_points_on_the_umbrella_debate(
    umbrella: tuple[ArgumentGraph, Deck],
) -> None:
    _assert_readable(umbrella[1])


def test_no_text_under_18_points_on_a_300_claim_debate(
    generated: tuple[ArgumentGraph, Deck],
) -> None:
    _assert_readable(generated[1])


def test_every_claim_is_drawn_on_some_branch_slide(
    generated: tuple[ArgumentGraph, Deck],
) -> None:
    graph, deck = generated
    drawn = {c for s in deck.slides if s.kind == "branch" for c in s.claims}
    assert drawn == {node.id for node in graph.claims()}
    kinds = [s.kind for s in deck.slides]
    assert kinds[0] == "title" and kinds[-1] == "closing"
    # Title, overviews, the two legend slides, then the branches, in that order.
    assert kinds == sorted(kinds, key=["title", "overview", "legend", "branch", "closing"].index)


def test_split_branches_point_at_slides_that_carry_on(
    generated: tuple[ArgumentGraph, Deck],
) -> None:
    deck = generated[1]
    pointers = 0
    for number, slide in enumerate(deck.slides, start=1):
        for _count, where in re.findall(
            r"\+(\d+) more, (next slide|slides? [\d, ]+)", slide.source or ""
        ):
            targets = (
                [number + 1]
                if where == "next slide"
                else [int(n) for n in re.findall(r"\d+", where)]
            )
            for target in targets:
                pointers += 1
                later = deck.slides[target - 1]
                assert later.kind == "branch"
                # The slide it names carries on from a claim of this slide (a continuation
                # shows the way back to the motion) or is another part of the same branch.
                assert later.breadcrumb.startswith("Motion:")
    assert pointers > 10


def test_pptx_opens_with_every_slide_in_order(brain_drain: tuple[Deck, bytes, bytes]) -> None:
    deck, _, data = brain_drain
    graph = _graph(ARGUMENTS / "brain-drain.yaml")
    presentation = pptx.Presentation(BytesIO(data))
    assert presentation.slide_width * 9 == presentation.slide_height * 16
    slides = list(presentation.slides)
    assert len(slides) == len(deck.slides)
    for planned, slide in zip(deck.slides, slides, strict=True):
        assert slide.shapes.title.text == planned.title
        pictures = [
            s for s in slide.shapes if s.shape_type == pptx.enum.shapes.MSO_SHAPE_TYPE.PICTURE
        ]
        # A diagram, or a text slide's chart (the closing slide's).
        drawn = planned.source is not None or planned.chart is not None
        assert len(pictures) == (1 if drawn else 0), planned.title
        notes = slide.notes_slide.notes_text_frame.text
        for claim_id in planned.claims:
            assert plain(graph.nodes[claim_id].text) in notes
    # Text boxes too keep to the 18 pt rule.
    sizes = [
        run.font.size.pt
        for slide in slides
        for shape in slide.shapes
        if shape.has_text_frame
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph.runs
    ]
    assert sizes and min(sizes) >= MIN_POINTS
    titles = [s.shapes.title.text for s in slides]
    assert titles[0] == "Brain drain and talent mobility"
    assert titles[-1] == "Where the debate ends"


def test_pptx_pictures_are_sharp_on_a_projector(brain_drain: tuple[Deck, bytes, bytes]) -> None:
    _, _, data = brain_drain
    presentation = pptx.Presentation(BytesIO(data))
    for slide in presentation.slides:
        for shape in slide.shapes:
            if shape.shape_type != pptx.enum.shapes.MSO_SHAPE_TYPE.PICTURE:
                continue
            pixels = shape.image.size[0]
            # The picture spans width/slide_width of a slide shown 1920 pixels wide: it has
            # a pixel for each projector pixel, and not many times more.
            shown = 1920 * shape.width / presentation.slide_width
            assert shown - 2 <= pixels <= 1.1 * shown + 2


def test_pdf_has_a_16_9_page_per_slide(brain_drain: tuple[Deck, bytes, bytes]) -> None:
    deck, data, _ = brain_drain
    reader = pypdf.PdfReader(BytesIO(data))
    assert len(reader.pages) == len(deck.slides)
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == (960.0, 540.0)
    # Vector pages: the text is text, not a picture of it.
    assert "Brain drain and talent mobility" in reader.pages[0].extract_text()
    legend = next(n for n, s in enumerate(deck.slides) if s.kind == "legend")
    assert "How to read the diagrams" in reader.pages[legend].extract_text()


def test_title_and_closing_slides_name_the_verdict(brain_drain: tuple[Deck, bytes, bytes]) -> None:
    deck, _, _ = brain_drain
    title, closing = deck.slides[0], deck.slides[-1]
    text = " ".join(line for section in title.sections for line in section.lines)
    # The verdict with its robustness, never the motion's grounded label.
    from argmap.verdict import debate_verdict

    verdict = debate_verdict(_graph(ARGUMENTS / "brain-drain.yaml"))
    assert f"Verdict: {verdict.title()} — {verdict.word}" in text
    assert "motion is defeated" not in text
    headings = [section.heading for section in closing.sections]
    # The labels' lists are named as the strict reading, and the notes say what that means.
    assert headings[0].startswith("Strictly standing")
    assert headings[1].startswith("Strictly defeated")
    assert "Strict reading (grounded labels)" in closing.notes
    assert all(section.lines for section in closing.sections)
    # The movers as a chart beside the lists, each bar labelled by the claim's short text.
    assert closing.chart is not None and closing.chart_size is not None
    movers = sorted([*verdict.raised, *verdict.lowered], key=lambda m: -abs(m[1]))[:2]
    for claim_id, amount in movers:
        graph = _graph(ARGUMENTS / "brain-drain.yaml")
        assert escape_html(short_text(plain(graph.nodes[claim_id].text), 34)) in closing.chart
        assert f"{amount:+.2f}" in closing.chart


def test_reveal_builds_up_with_boxes_in_place(tmp_path: Path) -> None:
    path = tmp_path / "lab.yaml"
    path.write_text(SMALL, encoding="utf-8")
    graph = _graph(path)
    deck = build_deck(graph, DeckOptions(reveal=True, max_slides=0))
    steps = [s for s in deck.slides if s.kind == "branch" and "step" in s.title]
    assert steps, [s.title for s in deck.slides]
    first_build = [s for s in steps if s.title.startswith(steps[0].title.rsplit(" (step", 1)[0])]
    assert len(first_build) >= 3
    positions = []
    for layout in _layouts([slide.source or "" for slide in first_build]):
        objects = layout["objects"]
        assert isinstance(objects, list)
        found = {o["name"]: o["pos"].split(",") for o in objects if "pos" in o}
        # Each step is its own drawing: boxes are where the root puts them.
        root_x, root_y = (float(v) for v in found["n0000"])
        positions.append(
            {
                name: (round(float(x) - root_x, 1), round(float(y) - root_y, 1))
                for name, (x, y) in found.items()
                if not name.startswith("corner")
            }
        )
    # A step draws only the boxes it shows, each where the steps before drew it.
    for before, after in itertools.pairwise(positions):
        assert len(before) < len(after)
        assert {name: after[name] for name in before} == before
    # Each step shows one level more; hidden claims are absent from the notes too.
    counts = [len(s.claims) for s in first_build]
    assert counts == sorted(counts) and counts[0] < counts[-1]
    assert "Nobody reads" not in first_build[0].notes
    assert "Nobody reads" in first_build[-1].notes or "nobody-reads" not in first_build[-1].claims
    # A label shows only from the step that shows what decides it: 'speed' is defeated,
    # but not before the claims below it are on the slide; the text stays in the layout
    # in the colour of its box, so nothing moves when it appears.
    theme = deck.theme
    hidden_mark = f'COLOR="{theme.pro_fill}"><B>{escape_html(" · ✗ defeated")}'
    root = first_build[0].claims[0]
    assert grounded(graph)[root].value == "defeated"
    assert hidden_mark in (first_build[0].source or "")
    assert hidden_mark not in (first_build[-1].source or "")
    assert "✗ defeated" in (first_build[-1].source or "")


def test_hostile_text_reaches_notes_escaped(tmp_path: Path) -> None:
    path = tmp_path / "lab.yaml"
    path.write_text(SMALL, encoding="utf-8")
    deck = build_deck(_graph(path))
    out = write_deck(deck, tmp_path / "lab.pptx")
    presentation = pptx.Presentation(str(out))
    notes = "\n".join(s.notes_slide.notes_text_frame.text for s in presentation.slides)
    assert "replication \\x07 [1AC]" in notes and "\x07" not in notes
    assert "A survey of labs, at example.org" in notes
    titles = [s.shapes.title.text for s in presentation.slides]
    assert titles[0] == 'Lab "notes" <draft>'


def test_cli_writes_one_deck_per_debate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "debates"
    folder.mkdir()
    (folder / "lab.yaml").write_text(SMALL, encoding="utf-8")
    (folder / "two.yaml").write_text(SMALL.replace("Labs should", "Labs must"), encoding="utf-8")
    assert main(["slides", str(folder), "-o", str(tmp_path / "decks") + "/", "-f", "pptx"]) == 0
    names = sorted(p.name for p in (tmp_path / "decks").iterdir())
    assert names == ["lab-slides.pptx", "two-slides.pptx"]
    assert "wrote" in capsys.readouterr().err


def test_cli_refuses_bad_output_and_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "lab.yaml"
    path.write_text(SMALL, encoding="utf-8")
    assert main(["slides", str(path), "-o", str(tmp_path / "deck.key")]) == 2
    assert "a deck is .pdf or .pptx" in capsys.readouterr().err
    assert main(["slides", str(path), "--depth", "0"]) == 2
    assert main(["slides", str(tmp_path / "missing.yaml")]) == 1
    assert not list(tmp_path.glob("*.key"))


def test_slides_theme_legend_is_a_compact_grid_below() -> None:
    graph = _graph(ARGUMENTS / "brain-drain.yaml")
    slides = to_dot(graph, ExportOptions(theme="slides", root="siphons-talent", depth=2))
    light = to_dot(graph, ExportOptions(theme="light", root="siphons-talent", depth=2))
    # Below the deepest claim, tied by an invisible edge; other themes keep it beside.
    assert re.search(r"n\d{4} -> legend \[style=invis\]", slides)
    assert "-> legend" not in light
    legend = next(line for line in slides.splitlines() if line.lstrip().startswith("legend"))
    rows = re.findall(r"<TR>(.*?)</TR>", legend)
    # Three entries (sample and words) a row instead of one.
    assert max(row.count("<TD") for row in rows) == 6
    light_legend = next(line for line in light.splitlines() if line.lstrip().startswith("legend"))
    assert max(row.count("<TD") for row in re.findall(r"<TR>(.*?)</TR>", light_legend)) == 2


def test_overview_lists_each_top_level_claim(umbrella: tuple[ArgumentGraph, Deck]) -> None:
    graph, deck = umbrella
    overviews = [s for s in deck.slides if s.kind == "overview"]
    assert 1 <= len(overviews) <= 2
    shown = [c for s in overviews for c in s.claims if c != MOTION_ID]
    assert shown == graph.motion.children
    lines = [line for s in overviews for section in s.sections for line in section.lines]
    assert len(lines) == len(shown)
    for claim_id, line in zip(shown, lines, strict=True):
        # Its mark, strength, the start of its text, and where its branch is told.
        assert re.match(r"[✓✗?] \d\.\d\d  ", line), line
        assert plain(graph.nodes[claim_id].text)[:12] in line
        where = re.search(r"\((slide (\d+)|in the notes)\)$", line)
        assert where is not None, line
        if where.group(2):
            assert claim_id in deck.slides[int(where.group(2)) - 1].claims


def test_missing_powerpoint_library_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "lab.yaml"
    path.write_text(SMALL, encoding="utf-8")
    monkeypatch.setitem(sys.modules, "pptx", None)  # `import pptx` now fails
    assert main(["slides", str(path), "-o", str(tmp_path / "lab.pptx")]) == 1
    err = capsys.readouterr().err
    assert "python-pptx" in err and "argmap[slides]" in err and "Traceback" not in err
    assert not (tmp_path / "lab.pptx").exists()


def test_missing_dot_is_one_line_and_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "lab.yaml"
    path.write_text(SMALL, encoding="utf-8")
    monkeypatch.setenv("PATH", str(tmp_path / "no-such-bin"))
    assert main(["slides", str(path), "-o", str(tmp_path / "lab.pdf")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "apt-get install graphviz" in err[0]


def test_verdict_names_the_claims_that_decide_it(tmp_path: Path) -> None:
    from argmap.contributions import contributions
    from argmap.export.verdict import verdict_line, verdict_movers
    from argmap.semantics import grounded
    from argmap.strength import weigh
    from argmap.verdict import debate_verdict

    path = tmp_path / "lab.yaml"
    path.write_text(SMALL, encoding="utf-8")
    graph = _graph(path)
    labels = grounded(graph)
    weighing = weigh(graph, labels)
    reading = debate_verdict(graph, labels, weighing)
    line = verdict_line(graph, reading)
    assert line == f"Verdict: {reading.line(graph)}"
    assert "motion is defeated" not in line
    movers = verdict_movers(graph, reading, 2)
    # The two that move it most either way, raised first; none that rounds to 0.00.
    visible = [item for item in contributions(graph, weighing, "motion") if abs(item[1]) >= 0.005]
    expected = sorted(sorted(visible, key=lambda item: -abs(item[1]))[:2], key=lambda i: -i[1])
    assert len(movers) == len(expected) == 2
    for text, (claim_id, amount) in zip(movers, expected, strict=True):
        assert text.endswith(f"({amount:+.2f})")
        assert graph.nodes[claim_id].text[:20] in text
    # 'cost' attacks the motion directly and nothing answers it: it pulls hardest.
    assert expected[-1][0] == "cost" and expected[-1][1] < 0


def test_side_and_depth_choose_what_the_deck_shows(tmp_path: Path) -> None:
    path = tmp_path / "lab.yaml"
    path.write_text(SMALL, encoding="utf-8")
    graph = _graph(path)
    con_only = build_deck(graph, DeckOptions(side="con"))
    branch_claims = {c for s in con_only.slides if s.kind == "branch" for c in s.claims}
    assert branch_claims == {"cost"}
    shallow = build_deck(graph, DeckOptions(depth=1))
    shown = {c for s in shallow.slides if s.kind == "branch" for c in s.claims}
    assert shown == {"speed", "misuse", "cost"}
    # What --depth cuts is counted, but no slide carries it on.
    speed_slides = [s for s in shallow.slides if "speed" in s.claims and s.kind == "branch"]
    assert any("+2 more<" in (s.source or "") for s in speed_slides)
    assert not any("+2 more," in (s.source or "") for s in speed_slides)


def test_hostile_title_is_text_in_the_pdf(tmp_path: Path) -> None:
    path = tmp_path / "lab.yaml"
    path.write_text(SMALL, encoding="utf-8")
    out = write_deck(build_deck(_graph(path)), tmp_path / "lab.pdf")
    first = pypdf.PdfReader(str(out)).pages[0].extract_text()
    assert 'Lab "notes" <draft>' in first
    # The claim's control character is shown as an escape wherever its text is drawn.
    pages = " ".join(page.extract_text() for page in pypdf.PdfReader(str(out)).pages)
    assert "replication \\x07 [1AC]" in pages and "\x07" not in pages


def test_every_text_in_the_pdf_is_at_least_18_points(
    brain_drain: tuple[Deck, bytes, bytes],
) -> None:
    """The rule measured where it matters: the size each text is drawn at on the page
    (font size × text matrix × the placement pypdf gave the diagram)."""
    import math

    _, data, _ = brain_drain
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes.append(size * math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1]))

    for page in pypdf.PdfReader(BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    assert len(sizes) > 100
    assert min(sizes) >= MIN_POINTS - 0.05


def test_a_claim_with_many_see_links_still_reads_at_18_points() -> None:
    # Five `see` stubs beside one claim are wider than a slide at 18 pt: the claim gets its
    # slide without them, and the speaker notes list the links instead.
    links = ", ".join(f"other-debate-{n}:a-claim-with-a-long-id-{n}" for n in range(5))
    text = (
        "title: Links\nmotion: Something should be done.\npro:\n"
        "  - id: linked\n"
        "    text: A claim that several other debates discuss at length, in their own words.\n"
        f"    see: [{links}]\n"
        "con:\n  - text: Nothing should be done.\n"
    )
    graph = load_text(text, "links.yaml").graph
    deck = build_deck(graph)
    sources = [s.source for s in deck.slides if s.source is not None]
    points = [
        _on_slide_points(s, layout) for s, layout in zip(sources, _layouts(sources), strict=True)
    ]
    assert min(points) >= MIN_POINTS - 1e-6
    slide = next(s for s in deck.slides if s.kind == "branch" and "linked" in s.claims)
    assert "other-debate-0:a-claim-with-a-long-id-0" in slide.notes


def test_export_reveal_states_the_verdict_once_every_claim_is_shown(tmp_path: Path) -> None:
    path = tmp_path / "lab.yaml"
    path.write_text(SMALL, encoding="utf-8")
    graph = _graph(path)
    theme = THEMES["light"]
    deepest = max(n.depth for n in graph.claims())
    steps = [to_dot(graph, ExportOptions(format="dot", reveal=r)) for r in range(1, deepest + 1)]
    hidden_verdict = f'COLOR="{theme.motion_fill}"><B>'
    assert all(hidden_verdict in step for step in steps[:-1])
    assert hidden_verdict not in steps[-1]
    # The boxes shown at step 1 carry no label yet: 'speed' is defeated by what is below.
    assert f'COLOR="{theme.pro_fill}"><B>✗ defeated' in steps[0]
    assert f'COLOR="{theme.pro_fill}"><B>✗ defeated' not in steps[-1]
