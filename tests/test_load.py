"""Loading and validation: every mistake is reported at the line and column it is on."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from argmap.load import (
    MAX_YAML_NESTING,
    LoadCancelled,
    LoadedDebate,
    load_bytes,
    load_file,
    load_paths,
    load_text,
)

BAD = Path(__file__).parent / "data" / "bad"
EXPECT = re.compile(r"^# expect: (\d+):(\d+): (.+)$")


def _expectation(path: Path) -> tuple[int, int, str]:
    match = EXPECT.match(path.read_text(encoding="utf-8").splitlines()[0])
    assert match, f"{path.name} needs a first line '# expect: LINE:COL: message'"
    return int(match[1]), int(match[2]), match[3]


@pytest.mark.parametrize("path", sorted(BAD.glob("*.yaml")), ids=lambda p: p.stem)
def test_bad_file_names_line_and_column(path: Path) -> None:
    line, col, message = _expectation(path)
    loaded = load_file(path)
    assert not loaded.ok
    assert loaded.debate is None
    first = loaded.errors[0]
    assert (first.line, first.col) == (line, col), first.format()
    assert message in first.message
    assert first.format().startswith(f"{path}:{line}:{col}: error: ")


def test_all_problems_are_reported_at_once(load_debate: Callable[..., LoadedDebate]) -> None:
    loaded = load_debate(
        """\
        title: Many mistakes
        motion: Something should happen.
        pro:
          - text: A reason.
            weight: 9
            kind: opinion
          - id: dup
            text: One.
          - id: dup
            text: Two.
        con:
          - text: Against.
            also_rebuts: [nowhere]
            colour: red
        """
    )
    found = {(d.line, d.code) for d in loaded.errors}
    assert found == {
        (5, "weight"),
        (6, "unknown-kind"),
        (9, "duplicate-id"),
        (13, "unknown-claim"),
        (14, "unknown-key"),
    }


def test_valid_debate_loads_with_ids_sides_and_positions(
    load_debate: Callable[..., LoadedDebate],
) -> None:
    loaded = load_debate(
        """\
        title: Valid
        motion: Something should happen.
        pro:
          - id: cheap
            text: It is cheap.
            rebuttals:
              - text: Hidden costs.
                rebuttals:
                  - text: The costs are known.
              - text: Cheap is not the point.
                undercut: true
            support:
              - text: Figures show it.
        con:
          - text: It is risky.
            also_rebuts: [cheap]
        """,
        name="my-debate.yaml",
    )
    assert loaded.ok and loaded.diagnostics == []
    assert loaded.debate_id == "my-debate"
    graph = loaded.graph
    assert [n.id for n in graph.claims()] == [
        "cheap",
        "cheap.r1",
        "cheap.r1.r1",
        "cheap.r2",
        "cheap.s1",
        "con.1",
    ]
    sides = {n.id: n.side.value for n in graph.claims() if n.side}
    assert sides == {
        "cheap": "pro",
        "cheap.r1": "con",
        "cheap.r1.r1": "pro",
        "cheap.r2": "con",
        "cheap.s1": "pro",
        "con.1": "con",
    }
    assert (graph.node("cheap.r1.r1").line, graph.node("cheap.r1.r1").col) == (9, 13)
    assert {(e.source, e.relation.value, e.cross) for e in graph.attackers("cheap")} == {
        ("cheap.r1", "rebuts", False),
        ("cheap.r2", "undercuts", False),
        ("con.1", "rebuts", True),
    }
    assert [e.source for e in graph.supporters("cheap")] == ["cheap.s1"]
    assert [n.id for n in graph.path_from_motion("cheap.r1.r1")] == [
        "motion",
        "cheap",
        "cheap.r1",
        "cheap.r1.r1",
    ]
    assert [n.id for n in graph.subtree("cheap", depth=1)] == [
        "cheap",
        "cheap.r1",
        "cheap.r2",
        "cheap.s1",
    ]
    assert graph.max_depth == 3
    assert graph.count_below("cheap") == 4
    assert len(graph) == 6


def test_generated_ids_do_not_change_when_unrelated_text_changes(
    load_debate: Callable[..., LoadedDebate],
) -> None:
    text = """\
    title: T
    motion: M.
    pro:
      - text: {first}
        rebuttals:
          - text: B.
    con:
      - text: C.
    """
    one = load_debate(text.format(first="A."), name="a.yaml")
    two = load_debate(text.format(first="A different wording."), name="b.yaml")
    assert [n.id for n in one.graph.claims()] == [n.id for n in two.graph.claims()]


def test_warnings_do_not_fail_validation(load_debate: Callable[..., LoadedDebate]) -> None:
    loaded = load_debate(
        """\
        title: Thin
        motion: M.
        pro:
          - text: A figure.
            kind: evidence
        """
    )
    assert loaded.ok
    assert [(d.severity.value, d.code, d.line) for d in loaded.diagnostics] == [
        ("warning", "empty-side", 1),
        ("warning", "evidence-without-source", 4),
    ]


def test_text_in_other_encodings_is_refused_with_position() -> None:
    loaded = load_bytes("title: Caf\xe9\nmotion: M.\n".encode("latin-1"), "latin.yaml")
    assert [(d.line, d.col, d.code) for d in loaded.diagnostics] == [(1, 11, "encoding")]
    assert "UTF-8" in loaded.diagnostics[0].message


def test_bom_and_crlf_are_accepted() -> None:
    data = b"\xef\xbb\xbftitle: T\r\nmotion: M.\r\npro:\r\n  - text: A.\r\ncon:\r\n  - text: B.\r\n"
    loaded = load_bytes(data, "windows.yaml")
    assert loaded.ok, loaded.diagnostics
    assert loaded.graph.node("con.1").line == 6


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 12):
        previous = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([previous] * 10)}]")
    lines += ["title: Bomb", "motion: M."]
    loaded = load_text("\n".join(lines), "bomb.yaml")
    assert [d.code for d in loaded.diagnostics] == ["alias-bomb"]


def test_too_large_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("title: T\nmotion: M.\n" + "#" * 2000 + "\n", encoding="utf-8")
    loaded = load_file(path, max_bytes=1000)
    assert [d.code for d in loaded.diagnostics] == ["too-large"]
    assert "ARGMAP_MAX_BYTES" in loaded.diagnostics[0].message


def test_deep_nesting_is_refused_without_recursion_error() -> None:
    lines = ["title: Deep", "motion: M.", "pro:", "  - text: top"]
    indent = "    "
    for level in range(400):
        lines.append(f"{indent}rebuttals:")
        lines.append(f"{indent}  - text: r{level}")
        indent += "    "
    loaded = load_text("\n".join(lines) + "\n", "deep.yaml")
    assert [d.code for d in loaded.errors] == ["too-deep"]


def test_folder_loads_every_file_and_checks_see_links(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "title: A\nmotion: M.\npro:\n  - id: x\n    text: X.\n    see: [b:y, b:nope, c]\n"
        "con:\n  - text: Y.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.yml").write_text(
        "title: B\nmotion: M.\npro:\n  - id: y\n    text: Y.\ncon:\n  - text: Z.\n",
        encoding="utf-8",
    )
    (tmp_path / "broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a debate", encoding="utf-8")
    loaded = {item.path.name: item for item in load_paths([tmp_path])}
    assert sorted(loaded) == ["a.yaml", "b.yml", "broken.yaml"]
    assert loaded["b.yml"].ok
    assert not loaded["broken.yaml"].ok
    messages = [(d.line, d.message) for d in loaded["a.yaml"].errors]
    assert messages == [
        (6, "`see` names unknown claim 'nope' in debate 'b'"),
        (6, "`see` names unknown debate 'c'"),
    ]


def test_missing_path_is_a_diagnostic(tmp_path: Path) -> None:
    (item,) = load_paths([tmp_path / "nowhere.yaml"])
    assert [d.code for d in item.diagnostics] == ["not-found"]


@pytest.mark.parametrize(
    ("nesting", "position"),
    [
        # The bracket one past the limit: after "pro: " (5 columns), 1-based.
        ("[" * 50_000 + "]" * 50_000, (3, 5 + MAX_YAML_NESTING + 1)),
        ("{a: " * 30_000 + "1" + "}" * 30_000, (3, 5 + 4 * MAX_YAML_NESTING + 1)),
        # The first dash of the compact run on the next line, after two spaces.
        ("\n  " + "- " * 50_000 + "x", (4, 3)),
    ],
    ids=["flow-sequences", "flow-mappings", "compact-sequences"],
)
def test_pathological_yaml_nesting_is_refused_before_parsing(
    nesting: str, position: tuple[int, int]
) -> None:
    loaded = load_text(f"title: T\nmotion: M.\npro: {nesting}\n", "nested.yaml")
    assert [d.code for d in loaded.diagnostics] == ["too-deep"]
    assert (loaded.diagnostics[0].line, loaded.diagnostics[0].col) == position


def test_brackets_in_claim_text_are_not_nesting() -> None:
    claims = "".join(f"  - text: 'Point [{i}] [citation needed] {{x}}'\n" for i in range(600))
    loaded = load_text(f"title: T\nmotion: M.\npro:\n{claims}con:\n  - text: C.\n", "b.yaml")
    assert loaded.ok, loaded.diagnostics[:3]


@pytest.mark.parametrize("value", ["1", "text", "{id: a}", "[1, [2]]", "null"])
def test_wrongly_typed_sections_are_diagnostics(value: str) -> None:
    text = f"title: T\nmotion: M.\nsources: {value}\npro: {value}\ncon: {value}\n"
    loaded = load_text(text, "typed.yaml")
    assert loaded.debate is None or loaded.ok
    assert all(d.line >= 1 for d in loaded.diagnostics)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_unicode_line_separators_in_text_do_not_shift_positions(separator: str) -> None:
    text = (
        "title: T\nmotion: M.\npro:\n"
        f'  - text: "one{separator}two"\n'
        "    id: a\n"
        "con:\n"
        "  - text: C.\n"
        "    kind: opinion\n"
    )
    loaded = load_text(text, "separators.yaml")
    (problem,) = loaded.errors
    assert (problem.line, problem.col) == (8, 11)
    broken = load_text(text.replace("kind: opinion", "kind: [unclosed"), "broken.yaml")
    assert (broken.errors[0].line, broken.errors[0].col) == (8, 11)
    assert "never closed" in broken.errors[0].message


def test_columns_count_characters_and_lines_break_as_editors_do() -> None:
    # Astral characters count one column each (as editors and LSP clients in UTF-32
    # show them); CRLF and a lone CR each end one line.
    line = '  - {text: "😀😀", kind: zz}'
    text = f"title: T\r\nmotion: M.\rpro:\n{line}\ncon:\n  - text: B.\n    weight: 9\n"
    loaded = load_text(text, "columns.yaml")
    found = sorted((d.line, d.col, d.code) for d in loaded.errors)
    assert found == [(4, line.index("zz") + 1, "unknown-kind"), (7, 13, "weight")]
    duplicate = load_text("title: T\u2028\nmotion: M.\ntitle: U\npro: []\ncon: []\n", "dup.yaml")
    (problem,) = duplicate.errors
    assert (problem.line, problem.col, problem.code) == (3, 1, "duplicate-key")
    assert "first at line 1, column 1" in problem.message


def test_loading_stops_between_steps_when_asked() -> None:
    # Asked after each step, loading goes on while `stop` says no and raises when it says
    # yes; a file loaded with a `stop` that never says yes is the same debate.
    text = "title: T\nmotion: M.\npro:\n  - text: A.\ncon:\n  - text: B.\n"
    asked: list[int] = []

    def stop_at(step: int) -> Callable[[], bool]:
        def stop() -> bool:
            asked.append(step)
            return len(asked) >= step

        return stop

    for step in (1, 2, 3):
        asked.clear()
        with pytest.raises(LoadCancelled):
            load_text(text, "t.yaml", stop_at(step))
        assert len(asked) == step
    asked.clear()
    loaded = load_text(text, "t.yaml", lambda: False)
    assert loaded.ok and loaded.debate == load_text(text, "t.yaml").debate
