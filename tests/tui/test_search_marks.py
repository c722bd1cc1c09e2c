"""After a search, the words found are marked in the hit's text and its row of the map."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.widgets import Static
from tui_helpers import SIZE, ready, until

from argmap.tui import ArgmapApp
from argmap.tui.screens.map import MapScreen
from argmap.tui.widgets.claim_tree import ClaimTree
from argmap.tui.widgets.search_marks import HIT_STYLE, mark_hits


def marked(text: Text | Content) -> list[str]:
    """The pieces of `text` drawn reversed and underlined (the mark), in order."""
    return [
        text.plain[span.start : span.end]
        for span in sorted(text.spans, key=lambda span: span.start)
        if not isinstance(span.style, str)
        and span.style.reverse == HIT_STYLE.reverse
        and span.style.underline == HIT_STYLE.underline
    ]


def detail_text(app: ArgmapApp) -> Content:
    shown = app.screen.query_one("#claim-text", Static).render()
    assert isinstance(shown, Content)
    return shown


async def test_a_search_marks_the_words_found_in_the_claim_and_its_row(app: ArgmapApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"duplicate track", "enter")
        await until(
            pilot,
            lambda: isinstance(app.screen, MapScreen) and bool(marked(detail_text(app))),
            "the detail panel to mark the hit",
        )
        text = detail_text(app)
        # The words of the query, to the end of the word ("track" finds "tracks").
        assert marked(text) == ["duplicate", "tracks"]
        # Nothing else is marked: not the heading, not the id, not the reason.
        assert "rail-pool" in text.plain and "Pooling rail research" in text.plain
        tree = app.screen.query_one(ClaimTree)
        node = tree.cursor_node
        assert node is not None and node.data == "rail-pool"
        row = tree.row_parts(node, tree.label_room(node, 1))  # an answer to the motion
        assert [m for line in row for m in marked(line)] == ["duplicate", "tracks"]


async def test_moving_to_another_claim_shows_it_unmarked(app: ArgmapApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"duplicate", "enter")
        await until(pilot, lambda: bool(marked(detail_text(app))), "the hit to be marked")
        await pilot.press("up")
        await until(
            pilot,
            lambda: (
                app.screen.query_one(ClaimTree).cursor_claim != "rail-pool"
                and "rail-pool" not in detail_text(app).plain.split("\n")[0]
            ),
            "the detail to follow the cursor",
        )
        assert marked(detail_text(app)) == []


def test_words_are_marked_only_where_they_start_a_word() -> None:
    text = Text("Competent patents, patently PATENT_x; (Patent)")
    assert mark_hits(text, ["patent"]) == 4
    assert marked(text) == ["patents", "patently", "PATENT", "Patent"]
    assert mark_hits(Text("anything"), []) == 0
