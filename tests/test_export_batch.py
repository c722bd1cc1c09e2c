"""A folder export lays diagrams out while the folder loads, and writes what a serial one would.

`argmap export FOLDER` starts `dot` on each debate as soon as it has loaded
(`argmap.export.batch.DiagramPool.prepare`), before the checks across files; these tests
pin what a user sees: the same files with the same bytes, the same messages in the same
order, and nothing written for a debate those checks reject.
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from helpers import ARGUMENTS, bundled_without_links

import argmap.export.batch
from argmap.cli import main
from argmap.cli.common import load_paths_calling
from argmap.export import ExportOptions, export_graph, output_name, to_dot
from argmap.export.batch import Diagram, DiagramPool
from argmap.load import LoadedDebate, load_file, load_paths

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot not installed")

BAD_LINK = """\
title: Bad link
motion: Links go somewhere.
pro:
  - id: points-away
    text: This points at a debate that is not here.
    see: [no-such-debate:claim]
con:
  - text: A plain rebuttal.
"""


def _source_as_drawing(source: str, fmt: str) -> bytes:
    """A stand-in for `dot`: the drawing is the DOT source itself, so it names its debate."""
    return f"{fmt}\n{source}".encode()


def _debate_of_source() -> dict[str, str]:
    """The DOT source of each bundled debate as `argmap export` draws it, to its file name."""
    options = ExportOptions(format="svg", rankdir="auto")
    return {to_dot(item.graph, options): item.path.stem for item in load_paths([ARGUMENTS])}


def _mixed_folder(tmp_path: Path) -> Path:
    """The bundled debates, a broken file, a bad `see` link and a second `sovereignty` id.

    `sovereignty-copy.yaml` sorts first, so it keeps the id and `sovereignty.yaml` is the
    duplicate; both it and the bad link load cleanly on their own.
    """
    folder = tmp_path / "mixed"
    shutil.copytree(ARGUMENTS, folder, ignore=shutil.ignore_patterns("*.md"))
    (folder / "aa-broken.yaml").write_text("title: Broken\nmotion: [unclosed\n")
    (folder / "zz-bad-link.yaml").write_text(BAD_LINK)
    copy = (folder / "sovereignty.yaml").read_text(encoding="utf-8")
    copy = copy.replace("\ntitle: ", "\ntitle: A copy of ", 1)
    (folder / "sovereignty-copy.yaml").write_text(copy, encoding="utf-8")
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@needs_dot
# Every bundled debate as SVG; as PNG, whose rasters take seconds each, the two smallest
# (the pool treats every format alike, and draws none of the bundled debates pinned).
@pytest.mark.parametrize(
    ("fmt", "debates"),
    [("svg", None), ("png", ["brain-drain", "open-science-ip"])],
    ids=["svg", "png"],
)
def test_a_folder_export_writes_the_bytes_each_diagram_gets_on_its_own(
    tmp_path: Path, fmt: str, debates: list[str] | None
) -> None:
    folder = ARGUMENTS if debates is None else bundled_without_links(tmp_path / "some", debates)
    serial = tmp_path / "serial"
    for item in load_paths([folder]):
        options = ExportOptions(format=fmt, rankdir="auto")
        export_graph(item.graph, options, serial / output_name(item.debate_id, None, f".{fmt}"))
    pooled = tmp_path / "pooled"
    assert main(["export", str(folder), "-o", str(pooled), "--format", fmt]) == 0
    assert _files(pooled) == _files(serial)
    assert len(_files(pooled)) == len(list(folder.glob("*.yaml")))


def test_reveal_steps_of_a_folder_are_the_diagrams_of_each_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(argmap.export.batch, "render", _source_as_drawing)
    out = tmp_path / "steps"
    assert main(["export", str(ARGUMENTS), "-o", str(out), "--format", "svg", "--reveal"]) == 0
    graph = load_file(ARGUMENTS / "sovereignty.yaml").graph
    second = ExportOptions(format="svg", rankdir="auto", reveal=2)
    assert (out / "sovereignty-02.svg").read_bytes() == _source_as_drawing(
        to_dot(graph, second), "svg"
    )
    assert len(list(out.glob("sovereignty-*.svg"))) > 2


@pytest.mark.parametrize("reveal", [[], ["--reveal"]])
def test_every_diagram_of_a_folder_is_laid_out_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reveal: list[str]
) -> None:
    drawn: list[str] = []

    def render(source: str, fmt: str) -> bytes:
        drawn.append(source)
        return _source_as_drawing(source, fmt)

    monkeypatch.setattr(argmap.export.batch, "render", render)
    out = tmp_path / "out"
    assert main(["export", str(ARGUMENTS), "-o", str(out), "--format", "png", *reveal]) == 0
    written = sorted(out.iterdir())
    assert len(drawn) == len(set(drawn)) == len(written) >= len(list(ARGUMENTS.glob("*.yaml")))
    assert sorted(_source_as_drawing(source, "png") for source in drawn) == sorted(
        p.read_bytes() for p in written
    )


def test_a_debate_the_checks_across_files_reject_is_drawn_early_but_never_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    drawn: list[str] = []

    def render(source: str, fmt: str) -> bytes:
        drawn.append(source)
        return _source_as_drawing(source, fmt)

    monkeypatch.setattr(argmap.export.batch, "render", render)
    folder = _mixed_folder(tmp_path)
    out = tmp_path / "out"
    assert main(["export", str(folder), "-o", str(out), "--format", "svg"]) == 1
    err = capsys.readouterr().err.splitlines()
    # The bad link and the duplicate id load cleanly on their own, so `dot` started on them
    # before the folder was checked ...
    assert any("Links go somewhere" in source for source in drawn)
    assert sum("national sovereignty" in source.lower() for source in drawn) == 2
    # ... but only the debates that pass are written, the copy that kept the id among them.
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{p.stem}.svg" for p in ARGUMENTS.glob("*.yaml")
    )
    assert b"A copy of" in (out / "sovereignty.svg").read_bytes()
    # Every problem is reported once, before any progress line, as a serial export did.
    assert err[:4] == [
        f"{folder / 'aa-broken.yaml'}:2:9: error: YAML syntax error: the list opened with "
        "'[' here is never closed (the file ends first)",
        f"{folder / 'sovereignty.yaml'}:4:5: error: debate id 'sovereignty' is also used by "
        f"{folder / 'sovereignty-copy.yaml'}",
        f"{folder / 'zz-bad-link.yaml'}:6:11: error: `see` names unknown debate 'no-such-debate'",
        "argmap: skipping 3 files with errors (3 errors)",
    ]
    assert err[4].startswith(f"[1/7] {out / 'brain-drain.svg'}")


def test_progress_is_reported_in_the_order_of_the_files_whatever_finishes_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The first debate's layout is held back until every other one is done, so the
    # drawings finish in another order than the files'.
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    debate_of = _debate_of_source()
    names = sorted(debate_of.values())
    others_done = threading.Event()
    finished: list[str] = []
    lock = threading.Lock()

    def render(source: str, fmt: str) -> bytes:
        if debate_of[source] == names[0]:
            assert others_done.wait(timeout=20)
        with lock:
            finished.append(debate_of[source])
            if len(finished) == len(names) - 1:
                others_done.set()
        return _source_as_drawing(source, fmt)

    monkeypatch.setattr(argmap.export.batch, "render", render)
    out = tmp_path / "out"
    assert main(["export", str(ARGUMENTS), "-o", str(out), "--format", "svg"]) == 0
    assert finished[-1] == names[0]
    progress = [line for line in capsys.readouterr().err.splitlines() if line.startswith("[")]
    assert progress == [
        f"[{n}/{len(names)}] {out / name}.svg" for n, name in enumerate(names, start=1)
    ]


def test_the_first_failing_diagram_in_file_order_is_the_error_and_those_before_it_are_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from argmap.export.render import RenderError

    debate_of = _debate_of_source()

    def render(source: str, fmt: str) -> bytes:
        if debate_of[source] == "equity-access":
            raise RenderError("Graphviz `dot` could not draw the diagram: syntax error")
        return _source_as_drawing(source, fmt)

    monkeypatch.setattr(argmap.export.batch, "render", render)
    out = tmp_path / "out"
    assert main(["export", str(ARGUMENTS), "-o", str(out), "--format", "svg"]) == 1
    err = capsys.readouterr().err
    assert "argmap: Graphviz `dot` could not draw the diagram: syntax error" in err
    assert "Traceback" not in err
    assert {"brain-drain.svg", "dual-use-security.svg"} <= {p.name for p in out.iterdir()}
    assert not (out / "equity-access.svg").exists()


@pytest.mark.parametrize(
    "paths",
    [
        ["arguments"],
        ["arguments/brain-drain.yaml"],
        ["arguments/brain-drain.yaml", "arguments/equity-access.yaml", "no-such-file.yaml"],
        ["arguments/sovereignty.yaml", "arguments/sovereignty.yaml"],
        ["mixed", "arguments/brain-drain.yaml"],
    ],
)
def test_loading_with_a_call_per_file_finds_what_load_paths_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, paths: list[str]
) -> None:
    _mixed_folder(tmp_path)
    shutil.copytree(ARGUMENTS, tmp_path / "arguments")
    monkeypatch.chdir(tmp_path)
    called: list[LoadedDebate] = []
    calling = load_paths_calling([Path(p) for p in paths], called.append)
    plain = load_paths(paths)

    def seen(loaded: list[LoadedDebate]) -> list[tuple[str, bool, list[str]]]:
        return [(str(i.path), i.ok, [d.format() for d in i.diagnostics]) for i in loaded]

    assert seen(calling) == seen(plain)
    # Every file that passes was handed over as soon as it loaded (some may fail later).
    assert {id(item) for item in calling if item.ok} <= {id(item) for item in called}
    assert all(item in calling for item in called)


def test_the_pool_lays_the_biggest_waiting_diagram_out_first(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    debate_of = _debate_of_source()
    drawn: list[str] = []
    running = threading.Event()
    go_on = threading.Event()

    def render(source: str, fmt: str) -> bytes:
        drawn.append(debate_of[source])
        running.set()
        assert go_on.wait(timeout=20)
        return b""

    monkeypatch.setattr(argmap.export.batch, "render", render)
    options = ExportOptions(format="svg", rankdir="auto")
    loaded = {item.path.stem: item.graph for item in load_paths([ARGUMENTS])}
    first, small, big = "politicisation", "brain-drain", "international-collaboration"
    assert len(loaded[small]) < len(loaded[big])
    diagrams = {name: Diagram(loaded[name], options, tmp_path / f"{name}.svg") for name in loaded}
    with DiagramPool(workers=1) as pool:
        pool.prepare(diagrams[first])
        assert running.wait(timeout=20)  # the only thread is busy with it
        pool.prepare(diagrams[small])
        pool.prepare(diagrams[big])  # arrives last, goes next: it is the bigger
        go_on.set()
        wanted = [diagrams[name] for name in (first, small, big)]
        assert list(pool.export(wanted)) == [d.out for d in wanted]
    assert drawn == [first, big, small]
    # Diagrams asked for together are queued together: the biggest of them goes first.
    drawn.clear()
    with DiagramPool(workers=1) as pool:
        wanted = [diagrams[name] for name in sorted(loaded)]
        assert list(pool.export(wanted)) == [d.out for d in wanted]
    assert drawn == sorted(loaded, key=lambda name: -len(loaded[name]))


def test_a_prepared_diagram_not_asked_for_is_not_written(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(argmap.export.batch, "render", _source_as_drawing)
    graph = load_file(ARGUMENTS / "brain-drain.yaml").graph
    options = ExportOptions(format="svg")
    kept, dropped = (Diagram(graph, options, tmp_path / name) for name in ("a.svg", "b.svg"))
    with DiagramPool() as pool:
        pool.prepare(kept)
        pool.prepare(dropped)
        assert list(pool.export([kept])) == [kept.out]
    assert [p.name for p in tmp_path.iterdir()] == ["a.svg"]


@needs_dot
# The biggest bundled debate as SVG; as PNG, whose raster takes seconds, the smallest (its
# PNG, near 1 MB, still overflows the pipe many times over).
@pytest.mark.parametrize(
    ("fmt", "debate"), [("svg", "international-collaboration"), ("png", "brain-drain")]
)
def test_render_draws_the_bytes_the_graphviz_package_draws(fmt: str, debate: str) -> None:
    import graphviz

    from argmap.export.render import render

    graph = load_file(ARGUMENTS / f"{debate}.yaml").graph
    source = to_dot(graph, ExportOptions(format=fmt, rankdir="auto"))
    assert render(source, fmt) == graphviz.pipe("dot", fmt, source.encode("utf-8"), quiet=True)


def test_a_failing_dot_is_reported_with_the_last_line_it_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argmap.export.render import RenderError, render

    fake = tmp_path / "bin" / "dot"
    fake.parent.mkdir()
    fake.write_text(
        "#!/bin/sh\necho 'Warning: a font is missing' >&2\n"
        "echo 'Error: <stdin>: syntax error in line 3' >&2\nexit 1\n"
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(fake.parent))
    with pytest.raises(RenderError) as caught:
        render("digraph { a -> }", "svg")
    assert str(caught.value) == (
        "Graphviz `dot` could not draw the diagram: Error: <stdin>: syntax error in line 3"
    )
    fake.write_text("#!/bin/sh\nexit 3\n")
    with pytest.raises(RenderError, match=r"could not draw the diagram: exit status 3$"):
        render("digraph {}", "svg")
