"""`argmap export --format html`: the page's content, its escaping, its index and its CLI."""

from __future__ import annotations

import base64
import hashlib
import html
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import ARGUMENTS

from argmap.cli import main
from argmap.export import ExportOptions, dot_available
from argmap.export.html import (
    clean_svg,
    debate_facts,
    debate_page,
    diagram_svg,
    index_entry,
    index_page,
)
from argmap.load import LoadedDebate, load_file

needs_dot = pytest.mark.skipif(not dot_available(), reason="Graphviz `dot` is not installed")

HOSTILE_TEXT = "</script><script>alert(1)</script><img src=x onerror=alert(2)> & [b]x[/b]"

HOSTILE = f"""\
version: 1
title: "<b>Bold</b> title </title><script>alert(3)</script>"
motion: "Motion with <i>markup</i> and \\u2028 line separators \\u2029"
summary: "<style>body{{display:none}}</style>"
pro:
  - id: p-a
    text: '{HOSTILE_TEXT}'
    rebuttals:
      - id: r-a
        text: "<!-- a comment --> ]]> <![CDATA[ x ]]>"
con:
  - id: c-a
    text: "javascript:alert(4) \\u001b[31m red \\u202e reversed"
"""


@pytest.fixture
def hostile(load_debate: Callable[..., LoadedDebate]) -> LoadedDebate:
    loaded = load_debate(HOSTILE, "hostile.yaml")
    assert loaded.ok, loaded.diagnostics
    return loaded


def page_of(loaded: LoadedDebate, svg: str = "<svg></svg>") -> str:
    graph = loaded.graph
    return debate_page(graph, ExportOptions(), debate_facts(graph), svg)


def test_text_from_the_file_is_escaped_everywhere(hostile: LoadedDebate) -> None:
    page = page_of(hostile)
    # The page's own script is the only one, and no element comes from the file.
    assert page.count("<script") == 1
    assert "<img" not in page and "<b>" not in page and "<i>" not in page
    assert "<style>body" not in page and "<!-- a comment" not in page
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;Bold&lt;/b&gt; title" in page
    # Control and direction characters are shown as escapes, not obeyed.
    assert "\x1b" not in page and "\u202e" not in page
    assert "\\e[31m red \\u202e reversed" in page


def test_the_policy_forbids_fetches_and_every_script_but_the_page_own(
    hostile: LoadedDebate,
) -> None:
    page = page_of(hostile)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None
    assert "default-src 'none'" in policy.group(1)
    script = re.search(r"<script>(.*?)</script>", page, re.S)
    assert script is not None
    digest = base64.b64encode(hashlib.sha256(script.group(1).encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy.group(1)
    # Nothing refers to another host.
    assert not re.search(r"(src|href)=\"(https?:)?//", page)


def test_the_svg_keeps_drawing_and_loses_everything_that_could_run() -> None:
    svg = b"""<?xml version="1.0"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     width="100pt" height="50pt" viewBox="0 0 100 50" onload="alert(1)">
<!-- a comment -->
<script>alert(2)</script>
<style>*{display:none}</style>
<foreignObject><div>x</div></foreignObject>
<g id="claim-a" class="node" onclick="alert(3)"><title>n0001</title>
<a xlink:href="javascript:alert(4)" xlink:title="a (standing)">
<polygon fill="#fff" stroke="#000" points="0,0 1,1"/>
<text x="1" y="2">&lt;script&gt;alert(5)&lt;/script&gt;</text></a></g>
</svg>"""
    cleaned = clean_svg(svg)
    for gone in ("onload", "onclick", "<script", "<style", "foreignObject", "javascript:", "<!"):
        assert gone not in cleaned
    assert 'id="claim-a"' in cleaned and "<polygon" in cleaned
    assert "&lt;script&gt;alert(5)&lt;/script&gt;" in cleaned
    assert 'xlink:title="a (standing)"' in cleaned


def test_the_outline_nests_claims_with_their_labels_and_reasons(
    load_debate: Callable[..., LoadedDebate],
) -> None:
    loaded = load_debate(
        """\
        version: 1
        title: Nesting
        motion: M.
        pro:
          - id: p-a
            text: For it.
            rebuttals:
              - id: r-a
                text: Against that.
        con:
          - id: c-a
            text: Against it.
            also_rebuts: [p-a]
        """
    )
    page = page_of(loaded)
    outline = page[page.index('<section id="outline"') :]
    # r-a sits inside p-a's entry, which is collapsible.
    p_a = outline.index('id="o-p-a"')
    assert outline.index("<details open>", p_a) < outline.index('id="o-r-a"')
    assert "rebuts p-a" in outline
    assert "defeated: " in outline and "standing: " in outline
    assert '↪ also rebuts <a class="jump" href="#o-p-a">p-a</a>' in outline
    # c-a stands and attacks the motion.
    # The verdict leads the page; the motion's grounded label is no headline.
    assert re.search(r'<p class="verdict balanced"><strong>Balanced \(0\.4\d\) — fragile: ', page)
    assert "motion is defeated" not in page
    assert "(3 claims: 2 standing, 1 defeated, 0 undecided)" in page


def test_the_index_lists_each_debate_with_its_verdict() -> None:
    entries = []
    for name in ("brain-drain.yaml", "sovereignty.yaml"):
        loaded = load_file(ARGUMENTS / name)
        entries.append(
            index_entry(loaded.graph, f"{loaded.debate_id}.html", debate_facts(loaded.graph))
        )
    page = index_page(entries, ExportOptions())
    assert '<a href="brain-drain.html">Brain drain and talent mobility</a>' in page
    assert page.count('class="verdict"') == 2
    # The verdict leads, with its robustness, as the debate weighs now.
    from argmap.verdict import debate_verdict

    verdict = debate_verdict(load_file(ARGUMENTS / "brain-drain.yaml").graph)
    assert f"<strong>{verdict.title()} — {verdict.word}" in page
    assert "motion is defeated" not in page and "motion stands" not in page


@needs_dot
def test_a_folder_exports_one_page_per_debate_and_an_index(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "site"
    assert main(["export", str(ARGUMENTS), "--format", "html", "--out", f"{out}/"]) == 0
    pages = sorted(p.name for p in out.iterdir())
    debates = sorted(p.stem for p in ARGUMENTS.glob("*.yaml"))
    assert pages == sorted([*(f"{d}.html" for d in debates), "index.html"])
    index = (out / "index.html").read_text(encoding="utf-8")
    for debate in debates:
        assert f'href="{debate}.html"' in index
    page = (out / "brain-drain.html").read_text(encoding="utf-8")
    assert '<a class="back" href="index.html">' in page
    assert '<g id="claim-siphons-talent" class="node">' in page
    assert "<?xml" not in page and "<!DOCTYPE svg" not in page
    assert "wrote" in capsys.readouterr().err


@needs_dot
def test_pages_can_be_published_as_they_are(tmp_path: Path) -> None:
    """A new page is readable by others (as with any file the umask allows), not private."""
    old = os.umask(0o022)
    try:
        assert (
            main(
                ["export", str(ARGUMENTS / "sovereignty.yaml"), "-f", "html", "-o", f"{tmp_path}/"]
            )
            == 0
        )
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "sovereignty.html").stat().st_mode) == 0o644


@needs_dot
def test_one_file_exports_one_page_without_an_index(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    assert main(["export", str(ARGUMENTS / "sovereignty.yaml"), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html"]


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--root", "siphons-talent"], "--root apply to diagrams only"),
        (["--out", "-"], "give a file or folder for html"),
        (["--dpi", "100"], "--dpi applies to PNG only"),
    ],
)
def test_flags_that_do_not_apply_to_pages_are_refused(
    flags: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["export", str(ARGUMENTS / "brain-drain.yaml"), "--format", "html", *flags]
    assert main(args) == 2
    assert message in capsys.readouterr().err


def test_without_dot_the_fix_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    args = ["export", str(ARGUMENTS / "sovereignty.yaml"), "-f", "html", "-o", f"{tmp_path}/"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "the Graphviz `dot` program is not installed" in err
    assert "Traceback" not in err
    assert not list(tmp_path.glob("*.html"))


@needs_dot
def test_the_page_takes_the_theme_colours(tmp_path: Path) -> None:
    args = ["export", str(ARGUMENTS / "sovereignty.yaml"), "-f", "html", "--theme", "dark"]
    assert main([*args, "-o", str(tmp_path / "dark.html")]) == 0
    page = (tmp_path / "dark.html").read_text(encoding="utf-8")
    assert "--bg:#1E1E1E" in page and "color-scheme:dark" in page
    assert 'fill="#1e1e1e"' in page.lower()  # the diagram's own background


@needs_dot
def test_pages_show_strengths_and_the_index_the_balance(tmp_path: Path) -> None:
    from argmap.strength import weigh
    from argmap.verdict import debate_verdict

    assert main(["export", str(ARGUMENTS), "-f", "html", "-o", f"{tmp_path}/"]) == 0
    graph = load_file(ARGUMENTS / "brain-drain.yaml").graph
    weighing = weigh(graph)
    page = (tmp_path / "brain-drain.html").read_text(encoding="utf-8")
    for claim in graph.claims():
        entry = page[page.index(f'id="o-{claim.id}"') :]
        entry = entry[: entry.index("</div>")]  # the entry's header
        assert f'<span class="strength">strength {weighing.strength(claim.id):.2f}</span>' in entry
    motion = page[page.index('id="o-motion"') :]
    reading = debate_verdict(graph)
    line = html.escape(reading.line(graph), quote=True)
    assert f'<p class="why"><strong>{line}</strong></p>' in motion
    assert "Strict reading (grounded labels)" in motion
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert f"<strong>{line}</strong>" in index
    movers = html.escape(reading.movers_line(graph), quote=True)
    assert f'<p class="note">{movers}</p>' in index


@needs_dot
def test_the_slides_theme_page_draws_its_diagram_at_its_natural_size() -> None:
    graph = load_file(ARGUMENTS / "brain-drain.yaml").graph
    svg = diagram_svg(graph, ExportOptions(format="html", theme="slides"))
    root = re.search(r'<svg [^>]*width="([0-9.]+)pt"[^>]*viewBox="([^"]+)"', svg)
    assert root is not None
    width, box = float(root.group(1)), [float(v) for v in root.group(2).split()]
    # Drawn at one point per unit, so the page's zoom (on the viewBox) frames what it
    # means to; and not stretched to the theme's 16:9 image: as tall as it is by nature.
    assert 'transform="scale(1 1)' in svg
    assert abs(width - box[2]) < 1
    assert abs(box[2] / box[3] - 16 / 9) > 0.05
