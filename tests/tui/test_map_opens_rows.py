"""Opening a row in a map already taller than its pane: the rows it shows can be reached
and are drawn in view (the tree's scrollable height follows its rows)."""

from __future__ import annotations

from pathlib import Path

from tui_helpers import SIZE, detail_follows, ready, until

from argmap.tui import make_app
from argmap.tui.widgets.claim_tree import ClaimTree

TOP = 12
ANSWERS = 6


def tall_debate() -> str:
    lines = ["version: 1", "title: Tall", "motion: Cities should plant more trees.", "pro:"]
    for top in range(TOP):
        lines.append(f"  - id: t{top}")
        lines.append(f"    text: Street trees cool the pavement in summer, point {top}.")
        lines.append("    rebuttals:")
        for answer in range(ANSWERS):
            lines.append(f"      - id: t{top}a{answer}")
            lines.append(
                f"        text: Roots lift paving stones and the repairs cost money, {answer}."
            )
    return "\n".join(lines) + "\n"


def cursor_in_view(tree: ClaimTree) -> bool:
    top = round(tree.scroll_offset.y)
    return top <= tree.cursor_line < top + tree.scrollable_content_region.height


async def test_the_answers_of_the_last_claim_open_and_scroll_into_view(tmp_path: Path) -> None:
    path = tmp_path / "tall.yaml"
    path.write_text(tall_debate(), encoding="utf-8")
    app = make_app([path])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        tree = app.screen.query_one(ClaimTree)
        await until(pilot, lambda: tree.cursor_claim == "motion", "the map")
        await pilot.press(*["down"] * TOP)
        await until(pilot, lambda: tree.cursor_claim == f"t{TOP - 1}", "the last claim")
        assert tree.virtual_size.height > tree.scrollable_content_region.height
        before = tree.virtual_size.height
        await pilot.press("right", "right")
        await until(pilot, lambda: tree.cursor_claim == f"t{TOP - 1}a0", "its first answer")
        assert tree.virtual_size.height == len(tree._tree_lines) > before
        await pilot.press(*["down"] * (ANSWERS - 1))
        await until(pilot, lambda: tree.cursor_claim == f"t{TOP - 1}a{ANSWERS - 1}", "the end")
        await until(pilot, lambda: cursor_in_view(tree), "the last answer in view")
        await detail_follows(pilot)
        # Closing the claim again takes its rows away from the scrollable height.
        await pilot.press("left", "left")
        await until(pilot, lambda: tree.virtual_size.height == before, "the rows to go")
