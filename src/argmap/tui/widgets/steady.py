"""Updating a text widget without laying the whole screen out again.

Textual lays out every widget of the screen when a `Static` changes (its height may have
changed). In a big debate the map, the detail panel and the footer then all render again
after each cursor move. Where the new text takes as many lines as the old one, only the
widget itself needs repainting.
"""

from __future__ import annotations

from textual.visual import VisualType
from textual.widgets import Static


def update_steady(static: Static, content: VisualType) -> None:
    """Show `content` in `static`; lay the screen out again only if its height changes."""
    region = static.content_region
    static.update(content, layout=False)
    static.clear_cached_dimensions()
    if region.width <= 0 or not static.display:
        static.refresh(layout=True)
        return
    height = static.get_content_height(region.size, region.size, region.width)
    if height != region.height:
        static.refresh(layout=True)
