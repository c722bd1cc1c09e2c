"""Hostile files through the command line: a clear error, a non-zero exit, no traceback.

Every case runs `argmap validate`, `show`, `export --format dot`, `stats` and `check` on the
same file. Most run in-process through `main()` (an exception escaping it fails the test);
the cases that could hang or that depend on the environment run as real processes with a
timeout. Export file names never leave the chosen output folder, whatever the ids.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.cli import main
from argmap.export import ExportOptions, default_output, output_name, safe_name

COMMANDS = ("validate", "show", "export", "stats", "check")


def _alias_bomb() -> bytes:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 12):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 10)}]")
    return ("\n".join([*lines, "title: Bomb", "motion: M."]) + "\n").encode()


def _deep_claims(levels: int) -> str:
    """A debate whose first pro claim has `levels` nested rebuttals below it."""
    lines = ["title: Deep", "motion: M.", "con:", "  - text: Against.", "pro:", "  - text: top"]
    indent = "    "
    for level in range(levels):
        lines.append(f"{indent}rebuttals:")
        lines.append(f"{indent}  - text: 'r{level} [{level}] \"q\" \\ back'")
        indent += "    "
    return "\n".join(lines) + "\n"


#: name -> (file bytes, a word the error message must contain)
HOSTILE: dict[str, tuple[bytes, str]] = {
    "alias-bomb": (_alias_bomb(), "alias"),
    "deep-claims": (_deep_claims(400).encode(), "levels"),
    "flow-brackets": (b"title: T\nmotion: M.\npro: " + b"[" * 60_000 + b"]" * 60_000, "nests"),
    "flow-mappings": (
        b"title: T\nmotion: M.\npro: " + b"{a: " * 30_000 + b"1" + b"}" * 30_000,
        "nests",
    ),
    "compact-sequences": (b"title: T\nmotion: M.\npro:\n  " + b"- " * 50_000 + b"x\n", "nests"),
    "latin-1": ("title: Caf\xe9\nmotion: M.\n".encode("latin-1"), "UTF-8"),
    "utf-16": ("title: T\nmotion: M.\n".encode("utf-16"), "UTF-8"),
    "nul-bytes": (b"title: T\nmotion: M.\x00\n", "NUL"),
    "binary": (bytes(range(256)) * 8, "UTF-8"),
    "python-object": (
        b"title: !!python/object/apply:os.system ['echo pwned > pwned.txt']\nmotion: M.\n",
        "tag",
    ),
    "python-name": (b"title: T\nmotion: !!python/name:os.system\npro: []\ncon: []\n", "tag"),
    "custom-tag": (b"title: T\nmotion: !include /etc/passwd\n", "tag"),
    "empty": (b"", "empty"),
    "only-comments": (b"# nothing here\n", "empty"),
    "a-list": (b"- title: T\n- motion: M.\n", "mapping"),
    "two-documents": (b"title: T\nmotion: M.\n---\ntitle: U\nmotion: N.\n", "document"),
    "unclosed-quote": (b'title: "never closed\nmotion: M.\n', "never closed"),
    "tab-indent": (b"title: T\nmotion: M.\npro:\n\t- text: A.\n", "YAML"),
    "duplicate-keys": (b"title: T\ntitle: U\nmotion: M.\n", "twice"),
    "claims-not-mappings": (b"title: T\nmotion: M.\npro: [1, [2], yes]\ncon: x\n", "claim"),
}


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Keep `exports/` and anything a hostile file might try to write inside tmp_path.
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ARGMAP_MAX_BYTES", raising=False)


def _args(command: str, path: Path, out: Path) -> list[str]:
    if command == "export":
        return ["export", str(path), "--format", "dot", "--out", str(out)]
    return [command, str(path)]


def _run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_file_is_refused_by_every_command(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, word = HOSTILE[case]
    path = tmp_path / f"{case}.yaml"
    path.write_bytes(data)
    out = tmp_path / "out"
    for command in COMMANDS:
        code, output = _run(capsys, _args(command, path, out))
        assert code != 0, (command, output)
        assert "Traceback" not in output
        # Every command names the file and the problem (show/export/stats/check print the
        # loader's diagnostics before their one-line summary).
        assert f"{path}:" in output, (command, output)
        assert word.lower() in output.lower(), (command, output[:500])
        assert len(output) < 20_000, "an error report should be a few lines"
    assert not out.exists() or not any(out.iterdir())
    assert not (tmp_path / "pwned.txt").exists()
    assert not (tmp_path / "exports").exists()


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbftitle: T\r\nmotion: M.\r\npro:\r\n  - text: A.\r\ncon:\r\n  - text: B.\r\n",
        _deep_claims(190).encode(),
    ],
    ids=["bom-crlf", "190-levels-deep"],
)
def test_unusual_but_valid_files_work_everywhere(
    data: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "odd.yaml"
    path.write_bytes(data)
    out = tmp_path / "out"
    for command in COMMANDS:
        code, output = _run(capsys, _args(command, path, out))
        assert code == 0, (command, output[-2000:])
        assert "Traceback" not in output
    dot = (out / "odd.dot").read_text(encoding="utf-8")
    assert dot.startswith("digraph argmap {")
    if b"r189" in data:
        assert "r189 [189&#93; &quot;q&quot; \\\\ back" in dot


def _argmap(*argv: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 60):
    return subprocess.run(
        [sys.executable, "-m", "argmap", *argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def test_size_limit_comes_from_the_environment(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("title: T\nmotion: M.\n" + "# padding\n" * 500, encoding="utf-8")
    done = _argmap("validate", str(path), cwd=tmp_path, env={"ARGMAP_MAX_BYTES": "1000"})
    assert done.returncode == 1
    assert "ARGMAP_MAX_BYTES" in done.stderr and "Traceback" not in done.stderr
    done = _argmap("validate", str(path), cwd=tmp_path, env={"ARGMAP_MAX_BYTES": "100000"})
    assert "too-large" not in done.stderr and "bytes" not in done.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_instead_of_waiting_forever(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    done = _argmap("validate", str(pipe), cwd=tmp_path, timeout=30)
    assert done.returncode == 1
    assert f"{pipe}:1:1:" in done.stderr and "Traceback" not in done.stderr


def test_hostile_files_in_a_folder_do_not_stop_the_good_one(tmp_path: Path) -> None:
    folder = tmp_path / "debates"
    folder.mkdir()
    for case in ("alias-bomb", "python-object", "latin-1", "flow-brackets", "nul-bytes"):
        (folder / f"{case}.yaml").write_bytes(HOSTILE[case][0])
    (folder / "good.yaml").write_text(
        "title: Good\nmotion: M.\npro:\n  - text: A.\ncon:\n  - text: B.\n", encoding="utf-8"
    )
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    done = _argmap("export", str(folder), "--format", "dot", "--out", "out", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good.dot"]
    assert not (tmp_path / "pwned.txt").exists()


def test_hostile_rules_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    debate = tmp_path / "good.yaml"
    debate.write_text("title: G\nmotion: M.\npro:\n  - text: A.\ncon:\n  - text: B.\n")
    for case in ("python-object", "latin-1", "alias-bomb", "unclosed-quote"):
        rules = tmp_path / f"{case}-rules.yaml"
        rules.write_bytes(HOSTILE[case][0])
        code, output = _run(capsys, ["check", str(debate), "--rules", str(rules)])
        assert code != 0, (case, output)
        assert "Traceback" not in output
        assert str(rules) in output, (case, output)


# --- export paths ---------------------------------------------------------------------------

HOSTILE_IDS = [
    "..",
    ".",
    "",
    "../../etc/passwd",
    "/etc/passwd",
    "a/../../b",
    "..\\..\\windows",
    "C:\\temp\\x",
    "~/.ssh/id",
    "name\x00.yaml",
    "-rf",
    ".hidden",
    "x" * 500,
    "émoji 😀 ‮rtl",
]


def _inside(folder: Path, path: Path) -> bool:
    return path.resolve().parent == folder.resolve()


@pytest.mark.parametrize("hostile", HOSTILE_IDS)
def test_output_names_stay_in_the_folder(hostile: str, tmp_path: Path) -> None:
    name = output_name(hostile, hostile, ".svg")
    assert "/" not in name and "\\" not in name and "\x00" not in name
    assert not name.startswith(("-", "."))
    assert len(name) < 200
    options = ExportOptions(root=hostile or None, format="dot")
    assert _inside(tmp_path, default_output(hostile, options, tmp_path))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120), st.one_of(st.none(), st.text(max_size=120)))
def test_any_ids_give_a_plain_file_name(debate: str, root: str | None) -> None:
    name = output_name(debate, root, ".dot")
    stem = name.removesuffix(".dot")
    assert stem and set(stem) <= set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-"
    )
    assert stem not in {".", ".."} and not stem.startswith(".")
    assert safe_name(debate) == safe_name(safe_name(debate))


def _write(folder: Path, name: str, debate_id: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    header = f"id: {debate_id}\n" if debate_id else ""
    path.write_text(
        header + "title: T\nmotion: M.\npro:\n  - text: A.\n    rebuttals:\n      - text: R.\n"
        "con:\n  - text: B.\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    "file_name",
    ["..yaml", "...yaml", "-rf.yaml", ".hidden.yaml", "Débat ünïcode 😀.yaml", "a b;c|d.yaml"],
)
def test_export_of_oddly_named_files_writes_into_the_out_folder(
    file_name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path / "in", file_name)
    out = tmp_path / "deep" / "out"
    code, output = _run(capsys, ["export", str(path), "-f", "dot", "-o", f"{out}/"])
    assert code == 0, output
    (written,) = list(out.iterdir())
    assert _inside(out, written) and written.suffix == ".dot"
    assert not written.name.startswith((".", "-"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deep", "in"]


@pytest.mark.parametrize(
    "extra",
    [
        ["--root", "pro.1.r1"],
        ["--root", "pro.1", "--reveal"],
        ["--reveal"],
    ],
    ids=["generated-root", "reveal-root", "reveal"],
)
def test_export_with_roots_and_reveal_stays_in_the_out_folder(
    extra: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path / "in", "debate.yaml", debate_id="ok-id")
    out = tmp_path / "out"
    code, output = _run(capsys, ["export", str(path), "-f", "dot", "-o", str(out), *extra])
    assert code == 0, output
    written = sorted(out.iterdir())
    assert written and all(_inside(out, p) for p in written)
    assert all(p.name.startswith("ok-id") for p in written)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]


@pytest.mark.parametrize("root", ["../../escape", "/etc/passwd", "..", "motion/../x"])
def test_export_refuses_unknown_roots_without_writing(
    root: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path / "in", "debate.yaml")
    code, output = _run(capsys, ["export", str(path), "-f", "dot", "-o", "out", "--root", root])
    assert code == 1 and "no claim with id" in output
    assert "Traceback" not in output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


def test_export_of_several_debates_to_a_file_name_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    _write(folder, "a.yaml", "a")
    _write(folder, "b.yaml", "b")
    code, output = _run(capsys, ["export", str(folder), "-f", "dot", "-o", "one.dot"])
    assert code == 2 and "give a folder" in output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]
    code, output = _run(capsys, ["export", str(folder), "-f", "dot", "-o", "several"])
    assert code == 0, output
    assert sorted(p.name for p in (tmp_path / "several").iterdir()) == ["a.dot", "b.dot"]


def test_anchors_and_aliases_within_the_limit_still_load(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "aliases.yaml"
    path.write_text(
        "title: T\nmotion: M.\npro:\n  - text: A.\n    tags: &shared [cost, speed]\n"
        "    rebuttals: &answers\n      - text: R.\ncon:\n  - text: B.\n    tags: *shared\n"
        "    rebuttals: *answers\n",
        encoding="utf-8",
    )
    code, output = _run(capsys, ["show", str(path), "--depth", "3"])
    assert code == 0, output
    # The shared rebuttal is a row under each claim (the headline may name it too).
    assert output.count("✓ R.  (standing)") == 2
