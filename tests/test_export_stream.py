"""`write_dot` streams the same DOT that `to_dot` returns, and `-o -` uses it."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.export import ExportError, ExportOptions, export_graph, to_dot, write_dot
from argmap.load import load_file
from argmap.output import write_output
from argmap.safetext import printable

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from generate import generate_debate_yaml


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Large enough that the source spans many chunks of `write_dot`.
    path = tmp_path_factory.mktemp("big") / "big.yaml"
    path.write_text(generate_debate_yaml(800, seed=3), encoding="utf-8")
    return path


class CountingWriter(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)


@pytest.mark.parametrize(
    "options", [ExportOptions(format="dot"), ExportOptions(format="dot", root="c0-pro", depth=2)]
)
def test_streamed_dot_equals_the_string(big: Path, options: ExportOptions) -> None:
    graph = load_file(big).graph
    stream = CountingWriter()
    write_dot(graph, options, stream)
    assert stream.getvalue() == to_dot(graph, options)


def test_a_big_diagram_is_written_in_several_chunks(big: Path) -> None:
    graph = load_file(big).graph
    stream = CountingWriter()
    write_dot(graph, ExportOptions(format="dot"), stream)
    assert stream.writes > 3
    assert stream.getvalue().endswith("}\n")


def test_the_transform_sees_every_line(write_debate: Callable[..., Path]) -> None:
    path = write_debate(
        'title: "T\\e[31m"\nmotion: "M\\u202e x"\npro:\n  - text: "a\\x07b"\ncon:\n  - text: b\n'
    )
    graph = load_file(path).graph
    stream = io.StringIO()
    write_dot(graph, ExportOptions(format="dot"), stream, printable)
    assert stream.getvalue() == printable(to_dot(graph, ExportOptions(format="dot")))
    assert "\x1b" not in stream.getvalue() and "\u202e" not in stream.getvalue()


def test_unknown_root_is_refused_before_anything_is_written(big: Path) -> None:
    graph = load_file(big).graph
    stream = io.StringIO()
    with pytest.raises(ExportError, match="no-such-claim"):
        write_dot(graph, ExportOptions(format="dot", root="no-such-claim"), stream)
    assert stream.getvalue() == ""


def test_export_to_stdout_prints_what_a_dot_file_holds(
    big: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "big.dot"
    assert main(["export", str(big), "--format", "dot", "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["export", str(big), "--format", "dot", "-o", "-"]) == 0
    assert capsys.readouterr().out == out.read_text(encoding="utf-8")


def test_a_dot_file_holds_what_to_dot_returns(big: Path, tmp_path: Path) -> None:
    graph = load_file(big).graph
    options = ExportOptions(format="dot", theme="dark")
    out = export_graph(graph, options, tmp_path / "sub" / "big.dot")
    assert out.read_bytes() == to_dot(graph, options).encode("utf-8")


def test_chunks_are_written_whole_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_output(target, (part for part in (b"one ", b"two ", b"three")), overwrite=False)
    assert target.read_bytes() == b"one two three"

    def broken() -> Iterator[bytes]:
        yield b"new text"
        raise RuntimeError("the source failed halfway")

    with pytest.raises(RuntimeError):
        write_output(target, broken(), overwrite=True)
    assert target.read_bytes() == b"one two three"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]
