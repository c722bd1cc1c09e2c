"""Reading a debate on screen: whole claims in the map, the selected one in full, the
pane with the keyboard plain to see, links and list cells cut only at words."""

from __future__ import annotations

import statistics
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList
from tui_helpers import ready, until

from argmap.load import load_paths
from argmap.model import Claim
from argmap.tui import ArgmapApp, make_app
from argmap.tui.screens.debates import DebateTable
from argmap.tui.screens.map import MapScreen
from argmap.tui.widgets.claim_tree import ClaimTree

BUNDLED = Path(__file__).resolve().parents[2] / "arguments"
GUIDES = "│├└▼▶"


def screen_lines(app: ArgmapApp) -> list[str]:
    """What the terminal shows, line by line."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def flat(text: str) -> str:
    return " ".join(text.split())


def tree_text(app: ArgmapApp) -> str:
    """The map's rows as one line of words, the guides left out."""
    tree = app.screen.query_one(ClaimTree)
    lines = [tree.render_line(y).text for y in range(tree.scrollable_content_region.height)]
    return flat(" ".join(line.translate({ord(c): " " for c in GUIDES}) for line in lines))


def top_level(path: Path) -> list[Claim]:
    debate = load_paths([path])[0].debate
    assert debate is not None
    return [*debate.pro, *debate.con]


def median_claim_length() -> float:
    lengths: list[int] = []

    def walk(claims: list[Claim]) -> None:
        for claim in claims:
            lengths.append(len(claim.text))
            walk(claim.rebuttals)
            walk(claim.support)

    for loaded in load_paths([BUNDLED]):
        assert loaded.debate is not None
        walk([*loaded.debate.pro, *loaded.debate.con])
    return statistics.median(lengths)


async def open_first(pilot: Pilot[int]) -> MapScreen:
    await ready(pilot)
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, MapScreen))
    screen = pilot.app.screen
    assert isinstance(screen, MapScreen)
    return screen


async def test_a_typical_claim_reads_whole_in_the_map_at_100x30() -> None:
    median = median_claim_length()
    claims = [c for c in top_level(BUNDLED / "brain-drain.yaml") if len(c.text) <= median + 10]
    # Claims about as long as the median one: the old one-line rows cut them at ~30.
    assert max(len(c.text) for c in claims) >= median - 10
    app = make_app([BUNDLED / "brain-drain.yaml"])
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first(pilot)
        await until(pilot, lambda: bool(tree_text(app)))
        shown = tree_text(app)
        for claim in claims[:3]:
            assert flat(claim.text) in shown


async def test_moving_down_skips_the_rest_of_a_wrapped_row() -> None:
    first, second, *_ = top_level(BUNDLED / "brain-drain.yaml")
    app = make_app([BUNDLED / "brain-drain.yaml"])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_first(pilot)
        await pilot.press("down")
        assert screen.cursor_claim == first.id
        await pilot.press("down")
        assert screen.cursor_claim == second.id
        await pilot.press("up", "up")
        assert screen.cursor_claim == "motion"


async def test_the_selected_claim_and_its_reason_show_whole_at_80x24() -> None:
    claims = top_level(BUNDLED / "brain-drain.yaml")
    longest = max(claims, key=lambda c: len(c.text))
    app = make_app([BUNDLED / "brain-drain.yaml"])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first(pilot)
        for _ in range(claims.index(longest) + 1):
            await pilot.press("down")
        assert screen.cursor_claim == longest.id
        # The reason starts with the claim's strength and what moves it most.
        await until(
            pilot,
            lambda: any(line.strip(" │").startswith("Strength") for line in screen_lines(app)),
        )
        # Borders and the claim pane's scroll bar (it scrolls when the claim has more to say).
        lines = [line.strip(" │╭╮╰╯▁▂▃▄▅▆▇█") for line in screen_lines(app)]
        start = next(i for i, line in enumerate(lines) if f"· {longest.id}" in line)
        below = lines[start + 1 :]
        reason = next(i for i, line in enumerate(below) if line.startswith("Strength"))
        assert flat(longest.text) in flat(" ".join(below[:reason]))


async def test_the_pane_with_the_keyboard_says_so_in_its_title_bar() -> None:
    app = make_app([BUNDLED / "brain-drain.yaml"])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_first(pilot)
        tree = screen.query_one(ClaimTree)
        links = screen.query_one("#links", OptionList)
        await until(pilot, lambda: tree.has_focus)
        assert tree.styles.border_title_background != links.styles.border_title_background
        focused = tree.styles.border_title_background
        await pilot.press("tab")
        await until(pilot, lambda: links.has_focus)
        assert links.styles.border_title_background == focused
        assert tree.styles.border_title_background != focused


async def test_links_are_cut_only_at_words() -> None:
    app = make_app([BUNDLED / "brain-drain.yaml"])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_first(pilot)
        links = screen.query_one("#links", OptionList)
        await until(pilot, lambda: links.option_count > 3)
        entry = app.library.get("brain-drain") if app.library else None
        assert entry is not None
        checked = 0
        for index in range(links.option_count):
            option = links.get_option_at_index(index)
            if option.id is None:
                continue
            claim_id = option.id.split("\t")[2]
            words = {w.strip(".,;:") for w in entry.graph.nodes[claim_id].text.split()}
            shown = str(option.prompt).split(": ", 1)[1].split()
            for word in shown:
                assert word.strip(".,;:…") in words, word
            checked += 1
        assert checked >= 3


async def test_the_debates_list_cuts_long_cells_with_an_ellipsis() -> None:
    app = make_app([BUNDLED])
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        table = app.screen.query_one(DebateTable)
        motions = [str(table.get_row_at(i)[-1]) for i in range(table.row_count)]
        assert all(m.endswith("…") for m in motions)
    app = make_app([BUNDLED])
    async with app.run_test(size=(160, 50)) as pilot:
        await ready(pilot)
        table = app.screen.query_one(DebateTable)
        titles = [str(table.get_row_at(i)[2]) for i in range(table.row_count)]
        assert sum(t.endswith("…") for t in titles) <= 1  # only a title of 80 characters
        assert "Dual-use research, export controls and data sovereignty" in titles


def test_a_link_with_a_long_id_starts_its_text_on_the_next_line() -> None:
    from rich.text import Text

    from argmap.tui.widgets.labels import wrapped

    text = "International collaboration and mobility can draw talent away from home"
    prefix = Text("↪ see − international-collaboration:brain-drain: ")
    lines = [line.plain for line in wrapped(prefix, text, 40, 2)]
    assert lines[0] == prefix.plain
    words = set(text.split())
    assert all(word.rstrip("…") in words for word in lines[1].split())
