"""Editing in the terminal app: forms, undo, the reader's editor and live reload."""

from __future__ import annotations

import contextlib
import difflib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static, TextArea
from tui_helpers import DATA, SIZE, DiskLooks, open_energy, settled, until

from argmap.load import load_file
from argmap.tui import ArgmapApp, make_app
from argmap.tui.editing import ClaimFields, editor_command, linkers_into, parse_weight
from argmap.tui.screens.add_claim import AddClaimScreen
from argmap.tui.screens.change_claim import ChangeClaimScreen
from argmap.tui.screens.delete_claim import DeleteClaimScreen
from argmap.tui.screens.diagnostics import DiagnosticsScreen
from argmap.tui.screens.map import MapScreen
from argmap.tui.watch import FolderWatch
from argmap.tui.widgets.claim_tree import ClaimTree


@pytest.fixture
def energy(debates: Path) -> Path:
    return debates / "energy.yaml"


def cursor(app: ArgmapApp) -> str | None:
    assert isinstance(app.screen, MapScreen), app.screen
    return app.screen.cursor_claim


def messages(app: ArgmapApp) -> list[str]:
    return app.notice_log


def diff(before: str, after: str) -> tuple[list[str], list[str]]:
    """Lines removed and lines added."""
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


async def goto(pilot: Pilot[int], claim: str) -> None:
    await pilot.press("g")
    await pilot.pause()
    pilot.app.screen.query_one(Input).value = claim
    await pilot.press("enter")
    await pilot.pause()
    await pilot.pause()


async def fill(pilot: Pilot[int], **values: str) -> None:
    """Type into the open form's fields (by id, `new_id` for `new-id`), then press Enter."""
    screen = pilot.app.screen
    for name, value in values.items():
        widget = screen.query_one(f"#{name.replace('_', '-')}")
        if isinstance(widget, Select):
            widget.value = value
        elif isinstance(widget, TextArea):
            widget.text = value
        else:
            assert isinstance(widget, Input)
            widget.value = value
    screen.query_one("#text", Input).focus()
    await pilot.press("enter")
    await settled(pilot)  # the edit is written and reloaded on a worker


def label_of(app: ArgmapApp, claim_id: str) -> str:
    tree = app.screen.query_one(ClaimTree)
    node = tree._by_claim[claim_id]
    return str(node.label)


# --- adding ----------------------------------------------------------------------------------


async def test_add_a_rebuttal_touches_only_its_lines(app: ArgmapApp, energy: Path) -> None:
    before = energy.read_text(encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await goto(pilot, "overruns")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AddClaimScreen)
        await fill(pilot, text="Audits are rare [citation needed].")
        assert isinstance(app.screen, MapScreen)
        assert cursor(app) == "overruns.r2"
        assert "Audits are rare [citation needed]." in label_of(app, "overruns.r2")
        assert any(
            "Added rebuttal 'overruns.r2' under 'overruns' (energy.yaml, line 27)" in m
            for m in messages(app)
        )
    removed, added = diff(before, energy.read_text(encoding="utf-8"))
    assert removed == []
    assert [line.strip() for line in added] == ["- text: Audits are rare [citation needed]."]


async def test_add_support_with_an_id_and_a_kind(app: ArgmapApp, energy: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await goto(pilot, "control")
        await pilot.press("s")
        await pilot.pause()
        await fill(pilot, text="Boards already vote slowly.", new_id="slow-boards", kind="evidence")
        assert cursor(app) == "slow-boards"
    text = energy.read_text(encoding="utf-8")
    assert (
        "    support:\n"
        "      - id: slow-boards\n"
        "        text: Boards already vote slowly.\n"
        "        kind: evidence\n"
    ) in text


async def test_on_the_motion_a_adds_a_con_claim_and_plus_a_pro_claim(
    app: ArgmapApp, energy: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        assert cursor(app) == "motion"
        await pilot.press("a")
        await pilot.pause()
        assert app.screen.query_one(".claim-form").border_title == "Add a con claim"
        await fill(pilot, text="Reactors take decades.")
        assert cursor(app) == "con.3"
        await goto(pilot, "audits")
        await pilot.press("plus")
        await pilot.pause()
        await fill(pilot, text="Shared reactors share risk.")
        assert cursor(app) == "pro.3"
    loaded = energy.read_text(encoding="utf-8")
    assert "  - text: Reactors take decades.\n" in loaded
    assert "  - text: Shared reactors share risk.\n" in loaded


async def test_a_refused_addition_keeps_the_form_and_the_file(app: ArgmapApp, energy: Path) -> None:
    before = energy.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await goto(pilot, "cost")
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, text="A second claim called cost.", new_id="delay")
        # The form stays open with the reason, and the reason is a notification too.
        assert isinstance(app.screen, AddClaimScreen)
        error = str(app.screen.query_one("#form-error", Static).render())
        assert "delay" in error
        assert any("delay" in m for m in messages(app))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MapScreen)
    assert energy.read_bytes() == before


# --- changing --------------------------------------------------------------------------------


async def test_change_a_claim_rewrites_only_the_changed_values(
    app: ArgmapApp, energy: Path
) -> None:
    before = energy.read_text(encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await goto(pilot, "cost")
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChangeClaimScreen)
        # Prefilled with the claim as it is.
        assert screen.query_one("#tags", Input).value == "money"
        assert screen.query_one("#sources", Input).value == "report"
        assert screen.query_one("#note", TextArea).text.startswith("Several countries")
        await fill(pilot, tags="money, risk", weight="4")
        assert isinstance(app.screen, MapScreen)
        assert cursor(app) == "cost"
        assert "Tags: money, risk" in str(app.screen.query_one("#claim-text", Static).render())
    removed, added = diff(before, energy.read_text(encoding="utf-8"))
    assert removed == ["    tags: [money]"]
    assert added == ["    tags: [money, risk]", "    weight: 4"]


async def test_a_bad_weight_or_unknown_source_is_refused(app: ArgmapApp, energy: Path) -> None:
    before = energy.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await goto(pilot, "cost")
        await pilot.press("c")
        await pilot.pause()
        await fill(pilot, weight="9")
        assert isinstance(app.screen, ChangeClaimScreen)
        assert "1 to 5" in str(app.screen.query_one("#form-error", Static).render())
        await fill(pilot, weight="", sources="report, nowhere")
        assert isinstance(app.screen, ChangeClaimScreen)
        assert any("nowhere" in m for m in messages(app))
    assert energy.read_bytes() == before


# --- deleting --------------------------------------------------------------------------------


async def test_delete_names_the_links_then_removes_them_and_undo_restores(
    app: ArgmapApp, energy: Path
) -> None:
    before = energy.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await goto(pilot, "delay")
        await pilot.press("D")
        await pilot.pause()
        await pilot.press("n")  # keep it: nothing is written
        await pilot.pause()
        assert isinstance(app.screen, MapScreen) and cursor(app) == "delay"
        assert energy.read_bytes() == before
        await pilot.press("D")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DeleteClaimScreen)
        listing = str(screen.query_one("#delete-links", Static).render())
        assert "'charter' (line 41) also rebuts 'delay'" in listing
        # The text agrees with the button ("Delete with the links"): no "will not delete".
        assert "Deleting it removes those links too" in listing
        assert "will not" not in listing
        await pilot.press("y")
        await settled(pilot)  # written and reloaded on a worker
        assert cursor(app) == "motion"
        text = energy.read_text(encoding="utf-8")
        assert "id: delay" not in text and "fast-track" not in text
        assert "also_rebuts" not in text.split("id: charter")[1].split("- id:")[0]
        await pilot.press("u")
        await settled(pilot)
        await pilot.pause()
        assert energy.read_bytes() == before
        assert cursor(app) == "delay"


def test_linkers_into_a_branch_come_from_outside_it() -> None:
    graph = load_file(DATA / "energy.yaml").graph
    below, linkers = linkers_into(graph, "delay")
    assert below == 3
    assert [(ln.claim_id, ln.target) for ln in linkers] == [("charter", "delay")]
    # The link from template-unused to fast-track-again stays inside the branch.
    assert linkers_into(graph, "fast-track")[1] == []


# --- where the edit keys apply ---------------------------------------------------------------


async def test_edit_keys_apply_only_where_they_make_sense(app: ArgmapApp, energy: Path) -> None:
    before = energy.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        screen = app.screen
        assert isinstance(screen, MapScreen)
        # The motion cannot be changed or deleted; the list has no claim to edit.
        assert screen.check_action("change_claim", ()) is False
        assert screen.check_action("delete_claim", ()) is False
        assert screen.check_action("add_rebuttal", ()) is True
        await pilot.press("c", "D")
        await pilot.pause()
        assert app.screen is screen
        # On a cross-link leaf, the keys would act on a claim shown elsewhere: hidden.
        await goto(pilot, "charter")
        await pilot.press("l", "l")
        await pilot.pause()
        assert screen.claim_tree.cursor_is_link
        assert screen.check_action("delete_claim", ()) is False
        assert screen.check_action("add_support", ()) is False
        # Nothing to undo yet.
        assert not app.undo_steps.get(app.current_file)
    assert energy.read_bytes() == before


# --- undo ------------------------------------------------------------------------------------


async def test_undo_steps_back_through_several_edits(app: ArgmapApp, energy: Path) -> None:
    before = energy.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await goto(pilot, "skills")
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, text="Mixed teams [sometimes] clash.")
        middle = energy.read_bytes()
        await pilot.press("c")
        await pilot.pause()
        await fill(pilot, text="Mixed teams often clash.")
        await pilot.press("u")
        await settled(pilot)
        await pilot.pause()
        assert energy.read_bytes() == middle
        await pilot.press("u")
        await settled(pilot)
        await pilot.pause()
        assert energy.read_bytes() == before
        assert any(m.startswith("Undone: added rebuttal 'skills.r1'") for m in messages(app))
        assert not app.undo_steps.get(app.current_file)


async def test_undo_never_overwrites_a_change_made_on_disk(app: ArgmapApp, energy: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await goto(pilot, "audits")
        await pilot.press("c")
        await pilot.pause()
        await fill(pilot, weight="3")
        outside = energy.read_text(encoding="utf-8").replace("Shared audits", "Outside audits")
        energy.write_text(outside, encoding="utf-8")
        await pilot.press("u")
        await settled(pilot)
        await pilot.pause()
        assert any("Not undone" in m or "changed on disk" in m for m in messages(app))
    assert energy.read_text(encoding="utf-8") == outside


# --- the reader's editor ---------------------------------------------------------------------


@contextlib.contextmanager
def no_suspend() -> Iterator[None]:
    yield


def editor_script(tmp_path: Path, body: str) -> Path:
    """An 'editor' that records its arguments and runs `body` (Python) on the file."""
    script = tmp_path / "fake-editor"
    script.write_text(
        f"#!{sys.executable}\n"
        "import sys, pathlib\n"
        f"pathlib.Path({str(tmp_path / 'args.txt')!r}).write_text(' '.join(sys.argv[1:]))\n"
        "path = pathlib.Path(sys.argv[-1])\n"
        "text = path.read_text()\n"
        f"{body}\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script


async def test_e_opens_the_editor_at_the_claim_and_reloads(
    app: ArgmapApp, energy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = editor_script(
        tmp_path, "path.write_text(text.replace('Shared audits keep', 'Audits by all keep'))"
    )
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(script))
    monkeypatch.setattr(app, "suspend", no_suspend)  # headless: nothing to hand over
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await goto(pilot, "audits")
        await pilot.press("e")
        await until(
            pilot,
            lambda: (
                "Audits by all keep" in str(app.screen.query_one("#claim-text", Static).render())
            ),
            "the edited claim",
        )
        assert (tmp_path / "args.txt").read_text() == f"+23 {energy.absolute()}"
        assert cursor(app) == "audits"
        monkeypatch.setenv("EDITOR", "/no/such/editor")
        await pilot.press("e")
        await pilot.pause()
        assert any("Could not start /no/such/editor" in m for m in messages(app))


async def test_an_editor_that_breaks_the_file_leaves_the_last_good_version(
    app: ArgmapApp, energy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = editor_script(tmp_path, "path.write_text(text + 'pro: oops\\n')")
    monkeypatch.setenv("VISUAL", f"{script} --wait")
    monkeypatch.setattr(app, "suspend", no_suspend)
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await goto(pilot, "skills")
        screen = app.screen
        assert isinstance(screen, MapScreen)
        await pilot.press("e")
        await until(
            pilot,
            lambda: "error on disk" in str(screen.query_one("#map-status", Static).render()),
            "the flag of the broken file",
        )
        assert (tmp_path / "args.txt").read_text().startswith("--wait +32 ")
        assert app.screen is screen
        assert cursor(app) == "skills"
        # Edits are held back until the file is fixed; its problems are one key away.
        assert screen.check_action("add_rebuttal", ()) is False
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DiagnosticsScreen)
        assert "energy.yaml:" in str(app.screen.query_one("#diagnostics-list", Static).render())


def test_editor_command_forms() -> None:
    path = Path("/d/energy.yaml")
    assert editor_command(path, 12, {"EDITOR": "vim"}) == ["vim", "+12", "--", "/d/energy.yaml"]
    assert editor_command(path, 12, {"VISUAL": "code --wait", "EDITOR": "vi"}) == [
        "code",
        "--wait",
        "--goto",
        "/d/energy.yaml:12",
    ]
    assert editor_command(path, 3, {"EDITOR": "subl -w"}) == ["subl", "-w", "/d/energy.yaml:3"]
    fallback = editor_command(path, 0, {})
    assert fallback is None or fallback[-3:] == ["+1", "--", "/d/energy.yaml"]


def test_form_fields_turn_into_only_the_changes_made() -> None:
    shown = ClaimFields("Text here", "evidence", "a, b", "s1", "", "")
    assert shown.changes_to(shown) == {}
    typed = ClaimFields("Text here ", "claim", "a b", "", "A note", "2")
    assert shown.changes_to(typed) == {
        "kind": None,
        "sources": None,
        "note": "A note",
        "weight": 2,
    }
    with pytest.raises(ValueError):
        parse_weight("six")


# --- live reload -----------------------------------------------------------------------------


def replace_on_disk(path: Path, text: str) -> None:
    """Save the way editors do: a temporary file renamed over the original."""
    temp = path.with_name(f".{path.name}.swp-like")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


async def test_a_change_on_disk_shows_up_by_itself(
    debates: Path, energy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ArgmapApp, "WATCH_INTERVAL", 0.05)
    looks = DiskLooks(monkeypatch)
    app = make_app([debates])
    async with app.run_test(size=SIZE) as pilot:
        await open_energy(pilot)
        await goto(pilot, "audits")
        screen = app.screen
        assert isinstance(screen, MapScreen)

        def detail() -> str:
            return str(screen.query_one("#claim-text", Static).render())

        good = energy.read_text(encoding="utf-8")
        replace_on_disk(energy, good.replace("Shared audits keep", "Outside audits keep"))
        await until(pilot, lambda: "Outside audits keep" in detail(), "the change on disk")
        assert cursor(app) == "audits"
        # A change that breaks the file: the last good version stays, flagged.
        replace_on_disk(energy, good.replace("kind: evidence", "kind: rumour", 1))
        await until(
            pilot,
            lambda: screen.entry is not None and bool(screen.entry.broken),
            "the broken flag",
        )
        await until(pilot, lambda: any("no longer loads" in m for m in messages(app)), "the notice")
        assert app.screen is screen and cursor(app) == "audits"
        assert "Outside audits keep" in detail()
        assert "1 error on disk" in str(screen.query_one("#map-status", Static).render())
        # Fixed again on disk: the flag goes.
        replace_on_disk(energy, good)
        await until(pilot, lambda: "Shared audits keep" in detail(), "the fixed file")
        assert screen.entry is not None and screen.entry.broken is None
        assert not screen.query_one("#map-status", Static).display
        # The app's own writes are shown at once, not reloaded again as news.
        reloads = sum("Changed on disk" in m for m in messages(app))
        await pilot.press("c")
        await pilot.pause()
        await fill(pilot, weight="2")
        await looks.wait(pilot)  # the watch sees the file as written, after the edit
        await settled(pilot)
        assert sum("Changed on disk" in m for m in messages(app)) == reloads


def test_folder_watch_reports_a_settled_change_once(tmp_path: Path) -> None:
    debate = tmp_path / "a.yaml"
    debate.write_text("one\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    watch = FolderWatch.over([tmp_path])
    assert watch.poll() == []
    replace_on_disk(debate, "two\n")
    (tmp_path / "notes.txt").write_text("y", encoding="utf-8")
    assert watch.poll() == []  # seen once: wait for it to hold still
    assert watch.poll() == [debate]
    assert watch.poll() == []
    # A new debate file in the folder is news too; one the app wrote itself is not.
    (tmp_path / "b.yaml").write_text("new\n", encoding="utf-8")
    watch.poll()
    assert watch.poll() == [tmp_path / "b.yaml"]
    debate.write_text("three, longer\n", encoding="utf-8")
    watch.seen(debate)
    assert watch.poll() == [] and watch.poll() == []
