"""Text colours for the web page that every reader can read on the theme's backgrounds.

A theme's pro, con and muted colours are chosen for borders and lines in a diagram; as the
colour of small text they can fall short of the contrast WCAG 2.x asks of body text (4.5:1,
success criterion 1.4.3). The page writes text in a variant of each colour moved towards
the theme's text colour just far enough to reach that contrast on every background the text
can sit on.
"""

from __future__ import annotations

from collections.abc import Sequence

#: WCAG 2.x minimum contrast for text under 18 pt (14 pt bold).
TEXT_CONTRAST = 4.5


def _rgb(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return (int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02X}" for c in rgb)


def luminance(colour: str) -> float:
    """The relative luminance of an sRGB colour `#RRGGBB`, as WCAG 2.x defines it."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    """The WCAG contrast ratio of two colours, from 1 to 21."""
    a, b = sorted((luminance(one), luminance(other)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def blend(colour: str, towards: str, amount: float) -> str:
    """`colour` moved `amount` (0 to 1) of the way to `towards`, channel by channel."""
    a, b = _rgb(colour), _rgb(towards)
    r, g, bl = (x + (y - x) * amount for x, y in zip(a, b, strict=True))
    return _hex((r, g, bl))


def readable(
    colour: str, backgrounds: Sequence[str], towards: str, ratio: float = TEXT_CONTRAST
) -> str:
    """`colour`, or the least blend of it with `towards` that has at least `ratio` contrast
    on every one of `backgrounds` (`towards` itself when nothing less will do)."""
    for step in range(21):
        candidate = blend(colour, towards, step / 20) if step else colour.upper()
        if all(contrast(candidate, bg) >= ratio for bg in backgrounds):
            return candidate
    return towards
