"""The terminal app: explore debates with the keyboard. Build it with `make_app(paths)`."""

from __future__ import annotations

from argmap.tui.app import ArgmapApp, make_app

__all__ = ["ArgmapApp", "make_app"]
