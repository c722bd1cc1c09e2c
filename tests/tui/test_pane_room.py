"""At 80x24 a long claim scrolls in its pane and the map keeps room for eight rows."""

from __future__ import annotations

from pathlib import Path

from tui_helpers import detail_follows, open_energy

from argmap.tui import make_app
from argmap.tui.widgets.claim_tree import ClaimTree

LONG_NOTE = " ".join(["Several countries already split the cost of telescopes."] * 12)


async def test_a_long_claim_leaves_the_map_eight_rows(debates: Path) -> None:
    energy = debates / "energy.yaml"
    text = energy.read_text(encoding="utf-8")
    note = "    note: Several countries already split the cost of telescopes.\n"
    assert note in text
    energy.write_text(text.replace(note, f"    note: {LONG_NOTE}\n"), encoding="utf-8")
    app = make_app([debates])
    async with app.run_test(size=(80, 24)) as pilot:
        await open_energy(pilot)
        await pilot.press("j")
        await detail_follows(pilot)
        tree = app.screen.query_one(ClaimTree)
        assert tree.cursor_node is not None and tree.cursor_node.data == "cost"
        assert tree.content_region.height >= 8
        claim = app.screen.query_one("#claim-scroll")
        # The claim does not fit its pane: it scrolls there (Tab reaches it).
        assert claim.max_scroll_y > 0
