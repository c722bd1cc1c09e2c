"""Hostile files and hostile places to write: escapes, races, aliases, pipes, modes, limits.

Each test here is a regression test for a way a file someone else wrote could reach the
terminal, lose an edit, change claims it was not aimed at, hang a command, replace
something that is not a debate file, crash with a traceback or cost unbounded work.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.load import load_file

# Every C0 control except tab and newline, DEL, and every C1 control.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

#: Valid, with escapes in every kind of text (titles, claims, notes, sources, kinds stay
#: valid, so every command gets past loading).
HOSTILE_TEXT = r"""title: "Title \e]0;pwned\a\e[2J"
motion: "Motion \x9b31m red \e[?1049h"
summary: "Summary \r\e[K overwritten"
sources:
  - id: src
    title: "Source \e[31m red"
    url: "https://example.org/\e[2J"
pro:
  - id: p-a
    text: "Pro \e]0;title\a\e[2J text"
    note: "note \e[5m blink"
    sources: [src]
    rebuttals:
      - text: "Rebuttal \e[1;1H\e[2J home"
        kind: evidence
        sources: [src]
con:
  - id: c-a
    text: "Con \x1b[?1049h alt screen \u202e reversed"
    also_rebuts: [p-a]
"""

#: Invalid, so that error messages quoting keys, values and ids are printed.
HOSTILE_ERRORS = r"""title: "T \e]0;x\a"
motion: M.
"\e[2Jkey": 1
pro:
  - text: "A \e[2J"
    kind: "\e[31mevidence"
    also_rebuts: ["x\e[2J"]
    sources: ["\e[2Jsrc"]
    "w\e[8meight": 2
con:
  - text: B.
    id: "\e[2J"
expect:
  standing: ["\e[2Jghost"]
"""

RULES = r"""version: 1
rules:
  min_claims: 1
  "\e[2Jrule": 3
"""

KIALO = (
    "Discussion Title: Kialo \x1b]0;pwned\x07\n\n1. Thesis \x1b[2J here.\n1.1. Pro: Yes \x9b31m.\n"
)
AIF = (
    '{"nodes": [{"nodeID": "1", "text": "Claim \\u001b[2J", "type": "I"},'
    ' {"nodeID": "2", "text": "Other \\u009b31m", "type": "I"},'
    ' {"nodeID": "3", "text": "Default Conflict", "type": "CA"}],'
    ' "edges": [{"fromID": "2", "toID": "3"}, {"fromID": "3", "toID": "1"}]}'
)


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("ARGMAP_MAX_BYTES", "ARGMAP_MAX_CLAIMS", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)


def _argmap(
    *argv: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


# --- control characters never reach the terminal --------------------------------------------


def test_no_command_prints_a_control_character_from_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(HOSTILE_TEXT, encoding="utf-8")
    assert load_file(good).ok, load_file(good).diagnostics
    named = tmp_path / "\x1b]0;pwned\x07\x1b[2J.yaml"  # the file name itself is hostile
    named.write_text(HOSTILE_TEXT.replace("p-a", "q-a"), encoding="utf-8")
    bad = tmp_path / "bad\x1b[2J.yaml"
    bad.write_text(HOSTILE_ERRORS, encoding="utf-8")
    rules = tmp_path / "rules.yaml"
    rules.write_text(RULES, encoding="utf-8")
    kialo = tmp_path / "kialo\x1b[2J.txt"
    kialo.write_text(KIALO, encoding="utf-8")
    aif = tmp_path / "aif\x1b[2J.json"
    aif.write_text(AIF, encoding="utf-8")
    out = tmp_path / "out\x1b[2J"
    runs: list[list[str]] = []
    for path in (str(good), str(named), str(bad), str(tmp_path / "missing\x1b[2J.yaml")):
        runs += [
            ["validate", path],
            ["validate", "--json", path],
            ["show", path],
            ["show", "--why", path],
            ["show", "--why=all", path],  # every reason names claims by their text
            ["show", "--root", "p-\x1b[2J", path],
            ["stats", path],
            ["stats", "--json", path],
            ["stats", "--csv", path],
            ["check", path],
            ["check", "--rules", str(rules), path],
            ["export", path, "--format", "dot", "--out", str(out)],
            ["export", path, "--format", "dot", "--out", "-"],
            ["export", path, "--format", "json", "--out", "-"],
            ["export", path, "--format", "argdown", "--out", "-"],
            ["export", path, "--format", "aif", "--out", str(out)],
            ["set", path, "p-a", "--note", "changed", "--dry-run"],
            ["set", path, "p-a", "--note", "changed"],
            ["set", path, "p-\x1b[2J", "--note", "changed"],
            ["add", path, "--under", "p-a", "--rebuttal", "R \x1b[2J"],
            ["add", path, "--con", "C"],
            ["remove", path, "con.1"],
        ]
    runs += [
        ["validate", str(tmp_path)],
        ["import", "kialo", str(kialo), "-o", "-"],
        ["import", "kialo", str(kialo), "-o", str(tmp_path / "k\x1b[2J.yaml")],
        ["import", "kialo", str(kialo), "-o", str(tmp_path / "k\x1b[2J.yaml")],
        ["import", "aif", str(aif), "-o", "-"],
        ["import", "aif", str(aif), "-o", str(tmp_path / "a\x1b[2J.yaml")],
        ["import", "aif", str(good)],
        ["new", "\x1b[2Jslug"],
        ["new", "fine", "--dir", str(tmp_path / "new\x1b[2J")],
        ["schema"],
    ]
    for argv in runs:
        code = main(argv)
        captured = capsys.readouterr()
        for stream in (captured.out, captured.err):
            found = CONTROL.search(stream)
            assert found is None, (
                argv,
                code,
                stream[max(0, found.start() - 80) : found.end() + 80],
            )
            assert "Traceback" not in stream
    # The escapes were shown, visibly, where the text is.
    assert main(["show", str(good)]) == 0
    assert "Pro \\e]0;title\\x07\\e[2J text" in capsys.readouterr().out


# --- concurrent edits -----------------------------------------------------------------------

_EDITOR = """
import contextlib, io, os, sys, time
from argmap.cli import main
# A slow disk: the rename comes a moment after the check that the file is unchanged, which
# is the window in which another writer's edit used to be lost.
_replace = os.replace
def slow_replace(*args, **kwargs):
    time.sleep(0.01)
    return _replace(*args, **kwargs)
os.replace = slow_replace
path, side, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
for n in range(rounds):
    with contextlib.redirect_stdout(io.StringIO()):
        code = main(["add", path, f"--{side}", f"{side} {n}", "--id", f"{side}-{n}"])
    print("RESULT", n, code, flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX")
def test_two_writers_never_lose_an_edit(tmp_path: Path) -> None:
    # Each writer adds its own claims, so every edit reported as made must be in the file.
    path = tmp_path / "race.yaml"
    path.write_text(
        "title: T\nmotion: M.\npro:\n  - text: A.\ncon:\n  - text: B.\n", encoding="utf-8"
    )
    script = tmp_path / "editor.py"
    script.write_text(_EDITOR, encoding="utf-8")
    rounds = 50
    writers = [
        subprocess.Popen(
            [sys.executable, str(script), str(path), side, str(rounds)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for side in ("pro", "con")
    ]
    results = [w.communicate(timeout=300) for w in writers]
    final = load_file(path)
    assert final.ok, final.diagnostics
    for side, (out, err) in zip(("pro", "con"), results, strict=True):
        assert "Traceback" not in err
        outcomes = [line.split()[1:] for line in out.splitlines() if line.startswith("RESULT")]
        assert len(outcomes) == rounds
        applied = {f"{side}-{n}" for n, code in outcomes if code == "0"}
        refused = {f"{side}-{n}" for n, code in outcomes if code != "0"}
        present = {node_id for node_id in final.graph.nodes if node_id.startswith(f"{side}-")}
        assert applied, err
        assert present == applied, (sorted(applied - present), err[-500:])
        if refused:
            assert err.count("changed on disk") + err.count("another program") == len(refused)


def test_an_edit_waits_for_the_lock_and_is_then_refused_on_the_new_version(
    tmp_path: Path,
) -> None:
    from argmap.edit import read_debate_file, save
    from argmap.edit.files import locked

    path = tmp_path / "d.yaml"
    path.write_text("title: T\nmotion: M.\npro:\n  - text: A.\ncon: []\n", encoding="utf-8")
    first = read_debate_file(path)
    second = read_debate_file(path)
    save(first, first.text.replace("A.", "A1."))
    from argmap.edit import EditRefused

    with pytest.raises(EditRefused, match="changed on disk"):
        save(second, second.text.replace("A.", "A2."))
    assert "A1." in path.read_text()
    with locked(first.path):  # the lock follows the file that is at the path now
        pass


def test_the_command_line_makes_an_edit_again_on_a_version_saved_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import argmap.edit
    from argmap.edit import add_top_level, save

    path = _debate(tmp_path)
    calls: list[int] = []

    def another_writer_first(current, text, **kwargs):  # type: ignore[no-untyped-def]
        if not calls:  # another program saves its own edit just before ours
            theirs = add_top_level(path.read_text(encoding="utf-8"), "con", "Theirs.")
            path.write_text(theirs.after, encoding="utf-8")
        calls.append(1)
        return save(current, text, **kwargs)

    monkeypatch.setattr(argmap.edit, "save", another_writer_first)
    assert main(["add", str(path), "--pro", "Ours."]) == 0, capsys.readouterr().err
    text = path.read_text(encoding="utf-8")
    assert "Theirs." in text and "Ours." in text
    assert len(calls) == 2  # refused once as stale, then made on the new version


# --- aliases ------------------------------------------------------------------------------

ALIASED = """\
title: T
motion: M.
pro:
  - &c1
    text: Shared
con:
  - *c1
  - text: Other
    rebuttals: &rs
      - text: R.
  - text: Third
    rebuttals: *rs
"""


@pytest.mark.parametrize(
    "argv",
    [
        ["set", "{f}", "con.1", "--text", "X"],
        ["set", "{f}", "pro.1", "--text", "X"],
        ["add", "{f}", "--under", "con.1", "--rebuttal", "R2"],
        ["add", "{f}", "--under", "con.2", "--rebuttal", "R2"],
        ["set", "{f}", "con.3.r1", "--text", "X"],
        ["remove", "{f}", "con.2.r1"],
    ],
)
def test_edits_through_yaml_aliases_are_refused(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "aliased.yaml"
    path.write_text(ALIASED, encoding="utf-8")
    assert main([a.format(f=path) for a in argv]) == 1
    err = capsys.readouterr().err
    assert "anchor" in err and "line " in err
    assert path.read_text(encoding="utf-8") == ALIASED


def test_an_edit_beside_an_alias_is_still_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "aliased.yaml"
    path.write_text(ALIASED, encoding="utf-8")
    assert main(["set", str(path), "con.2", "--text", "Changed"]) == 0
    text = path.read_text(encoding="utf-8")
    assert "- text: Changed\n    rebuttals: &rs" in text
    assert text.count("Shared") == 1


# --- what argmap writes over ----------------------------------------------------------------


def _debate(tmp_path: Path) -> Path:
    path = tmp_path / "d.yaml"
    path.write_text(
        "title: T\nmotion: M.\npro:\n  - text: A.\ncon:\n  - text: B.\n", encoding="utf-8"
    )
    return path


def _kialo(tmp_path: Path) -> Path:
    path = tmp_path / "k.txt"
    path.write_text("Discussion Title: K\n\n1. Thesis.\n1.1. Pro: Yes.\n1.2. Con: No.\n")
    return path


def _not_regular(tmp_path: Path) -> dict[str, Path]:
    targets = {}
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    targets["folder"] = folder
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.yaml")
        targets["pipe"] = tmp_path / "pipe.yaml"
    dangling = tmp_path / "dangling.yaml"
    dangling.symlink_to(tmp_path / "nowhere.yaml")
    targets["dangling symlink"] = dangling
    real = tmp_path / "real.yaml"
    real.write_text("keep me\n")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    targets["symlink"] = link
    if os.geteuid() == 0:  # only root may make a device node, as only root could replace one
        device = tmp_path / "null.yaml"
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        targets["device"] = device
    return targets


@pytest.mark.parametrize("force", [False, True])
def test_outputs_that_are_not_regular_files_are_refused(
    force: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    debate, kialo = _debate(tmp_path), _kialo(tmp_path)
    for kind, target in _not_regular(tmp_path).items():
        before = os.lstat(target)
        for argv in (
            ["import", "kialo", str(kialo), "-o", str(target)] + (["--force"] if force else []),
            ["export", str(debate), "--format", "json", "--out", str(target)],
            ["export", str(debate), "--format", "dot", "--out", str(target)],
        ):
            if kind == "folder" and argv[0] == "export":
                continue  # a folder given to export is where files go
            code = main(argv)
            err = capsys.readouterr().err
            assert code == 1, (kind, argv, err)
            assert "Traceback" not in err
            assert str(target) in err or target.name in err, err
            after = os.lstat(target)
            assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino), kind
    assert (tmp_path / "real.yaml").read_text() == "keep me\n"
    assert not (tmp_path / "nowhere.yaml").exists()


def test_new_refuses_a_dangling_link_where_the_file_would_go(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "arguments").mkdir()
    (tmp_path / "arguments" / "x.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    assert main(["new", "x"]) == 1
    assert not (tmp_path / "elsewhere.yaml").exists()
    assert "Traceback" not in capsys.readouterr().err


# --- messages instead of tracebacks ---------------------------------------------------------


def test_bad_output_places_get_one_line_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    debate, kialo = _debate(tmp_path), _kialo(tmp_path)
    a_file = tmp_path / "plain.txt"
    a_file.write_text("x")
    (tmp_path / "outdir").mkdir()
    for argv, words in (
        (["new", "x", "--dir", str(a_file)], "not a folder"),
        (["new", "x", "--dir", str(a_file / "sub")], "not a folder"),
        (["import", "kialo", str(kialo), "-o", str(tmp_path / "outdir"), "--force"], "folder"),
        (["import", "kialo", str(kialo), "-o", str(a_file / "x.yaml")], "not a folder"),
        (["export", str(debate), "-f", "json", "-o", str(a_file / "x.json")], "not a folder"),
        (["export", str(debate), "-f", "dot", "-o", str(a_file / "x.dot")], "not a folder"),
    ):
        code = main(argv)
        err = capsys.readouterr().err
        assert code == 1, (argv, err)
        assert "Traceback" not in err
        assert words in err, (argv, err)
        assert len(err.strip().splitlines()) <= 3, err


def test_an_unwritable_folder_refuses_the_edit_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    debate = _debate(tmp_path)
    before = debate.read_bytes()

    def no_space(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    # Root may write anywhere, so the refusal is simulated where the temporary file is made.
    monkeypatch.setattr(tempfile, "mkstemp", no_space)
    assert main(["set", str(debate), "pro.1", "--text", "New."]) == 1
    err = capsys.readouterr().err
    assert "Permission denied" in err and "Traceback" not in err
    assert debate.read_bytes() == before
    assert main(["new", "x", "--dir", str(tmp_path / "n")]) == 1
    assert "Permission denied" in capsys.readouterr().err


# --- pipes, broken links and loops ----------------------------------------------------------

pipes = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")


@pipes
@pytest.mark.parametrize(
    "argv",
    [
        ["set", "{p}", "pro.1", "--text", "X"],
        ["add", "{p}", "--pro", "X"],
        ["import", "kialo", "{p}", "-o", "-"],
        ["import", "aif", "{p}", "-o", "-"],
        ["check", "{d}", "--rules", "{p}"],
    ],
)
def test_a_named_pipe_never_hangs_a_command(argv: list[str], tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    debate = _debate(tmp_path)
    done = _argmap(*[a.format(p=pipe, d=debate) for a in argv], cwd=tmp_path, timeout=30)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "regular file" in done.stderr


@pytest.mark.parametrize("kind", ["pipe", "dangling", "loop"])
def test_a_folder_reports_what_is_not_a_debate_file(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "debates"
    folder.mkdir()
    _debate(folder)
    odd = folder / f"{kind}.yaml"
    if kind == "pipe":
        if not hasattr(os, "mkfifo"):
            pytest.skip("needs named pipes")
        os.mkfifo(odd)
    elif kind == "dangling":
        odd.symlink_to(folder / "gone.yaml")
    else:
        odd.symlink_to(odd)
    assert main(["validate", str(folder)]) == 1
    err = capsys.readouterr().err
    assert f"{odd}:1:1: error:" in err
    assert {"pipe": "regular file", "dangling": "link", "loop": "loop"}[kind] in err


# --- resource bounds ------------------------------------------------------------------------


def test_claims_per_debate_are_capped_before_models_are_built(tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    path.write_text(
        "title: T\nmotion: M.\npro:\n" + "- text: a\n" * 60 + "con: []\n", encoding="utf-8"
    )
    done = _argmap("validate", str(path), cwd=tmp_path, env={"ARGMAP_MAX_CLAIMS": "50"})
    assert done.returncode == 1
    # Line 54 holds the 51st claim; the message names the setting that raises the cap.
    assert f"{path}:54:3: error: the debate holds more than 50 claims" in done.stderr
    assert "ARGMAP_MAX_CLAIMS" in done.stderr
    done = _argmap("validate", str(path), cwd=tmp_path, env={"ARGMAP_MAX_CLAIMS": "60"})
    assert done.returncode == 0, done.stderr


def test_the_claim_cap_counts_claims_not_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Keys written with escapes pass the quick count of `text`; the walk still counts them.
    path = tmp_path / "escaped.yaml"
    path.write_text(
        'title: T\nmotion: M.\npro:\n  - "\\x74ext": a\n  - "\\x74ext": b\n  - "\\x74ext": c\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("ARGMAP_MAX_CLAIMS", "2")
    loaded = load_file(path)
    assert [d.code for d in loaded.diagnostics] == ["too-many-claims"]
    assert loaded.debate is None
    monkeypatch.setenv("ARGMAP_MAX_CLAIMS", "3")
    assert load_file(path).ok


@pytest.mark.parametrize(
    ("body", "pos"),
    [
        ("pro: [{}, {}, {}]\n", (3, 15)),  # no `text` at all: each would be an error
        ("pro:\n  - text: a\n    rebuttals: [{text: b}, {text: c}]\n", (5, 28)),
        ("con:\n  - text: a\n    support:\n      - text: b\n      - text: c\n", (7, 9)),
    ],
)
def test_the_claim_cap_counts_every_kind_of_claim_list(
    body: str, pos: tuple[int, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "d.yaml"
    path.write_text("title: T\nmotion: M.\n" + body, encoding="utf-8")
    monkeypatch.setenv("ARGMAP_MAX_CLAIMS", "2")
    loaded = load_file(path)
    assert [(d.code, d.line, d.col) for d in loaded.diagnostics] == [("too-many-claims", *pos)]


def test_lists_that_are_not_claims_do_not_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(
        "title: T\nmotion: M.\ntags: [a, b, c, d]\npro:\n  - text: A.\n    tags: [e, f, g]\n"
        "con: []\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("ARGMAP_MAX_CLAIMS", "1")
    assert load_file(path).ok


# --- loose values ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("  weight: true", "weight must be a whole number from 1 to 5, not true/false"),
        ("  weight: 2.0", "weight must be a whole number from 1 to 5, not 2.0"),
        ("  weight: '3'", "weight must be a whole number from 1 to 5, not '3'"),
        ("  undercut: 1", "'undercut' must be true or false, not 1"),
        ("  undercut: 'yes'", "'undercut' must be true or false, not 'yes'"),
        ("  undercut: 'true'", "'undercut' must be true or false, not 'true'"),
    ],
)
def test_booleans_are_not_weights_and_numbers_are_not_booleans(
    line: str, message: str, tmp_path: Path
) -> None:
    path = tmp_path / "loose.yaml"
    path.write_text(f"title: T\nmotion: M.\npro:\n- text: A.\n{line}\ncon: []\n")
    loaded = load_file(path)
    assert not loaded.ok
    assert [d.message for d in loaded.errors] == [message]
    assert (loaded.errors[0].line, loaded.errors[0].col) == (5, line.index(":") + 3)


def test_version_true_is_not_version_1(tmp_path: Path) -> None:
    path = tmp_path / "v.yaml"
    path.write_text("version: true\ntitle: T\nmotion: M.\n")
    assert "unsupported format version" in load_file(path).errors[0].message


# --- file modes -----------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_new_files_take_the_umask_and_replaced_files_keep_their_mode(
    umask: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    debate, kialo = _debate(tmp_path), _kialo(tmp_path)
    old = os.umask(umask)
    try:
        written = {
            tmp_path / "out" / "d.json": ["export", str(debate), "-f", "json", "-o", "out/"],
            tmp_path / "out" / "d.dot": ["export", str(debate), "-f", "dot", "-o", "out/"],
            tmp_path / "k.yaml": ["import", "kialo", str(kialo), "-o", "k.yaml"],
            tmp_path / "arguments" / "fresh.yaml": ["new", "fresh"],
        }
        for path, argv in written.items():
            assert main(argv) == 0, capsys.readouterr().err
            assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask, path
            path.chmod(0o640 if umask == 0o022 else 0o604)
        for path, argv in written.items():
            if argv[0] == "new":
                continue
            argv = [*argv, "--force"] if argv[0] == "import" else argv
            assert main(argv) == 0, capsys.readouterr().err
            assert stat.S_IMODE(path.stat().st_mode) == (0o640 if umask == 0o022 else 0o604)
        debate.chmod(0o600)
        assert main(["set", str(debate), "pro.1", "--text", "New."]) == 0
        assert stat.S_IMODE(debate.stat().st_mode) == 0o600
    finally:
        os.umask(old)
