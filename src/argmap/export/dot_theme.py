"""The looks of a diagram: themes (colours, fonts, sizes) and the colour maths of faded
claims."""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass


#: Families that cover Latin, Greek, Cyrillic, Arabic and (where installed) CJK text.
FONTNAME = "Noto Sans,Noto Sans CJK SC,DejaVu Sans,sans-serif"


@dataclass(frozen=True, slots=True)
class Theme:
    """Colours and sizes of one look. Pro/con colours are from the Okabe-Ito palette."""

    name: str
    background: str
    text: str
    muted: str
    edge: str
    motion_border: str
    motion_fill: str
    pro_border: str
    pro_fill: str
    con_border: str
    con_fill: str
    fontsize: float = 14.0
    nodesep: float = 0.3
    ranksep: float = 0.55
    size: str | None = None  # Graphviz `size`, inches
    ratio: str | None = None
    dpi: int | None = None
    penwidth: float = 1.6
    #: Headers, marks, stubs and the legend, relative to `fontsize`.
    small_ratio: float = 0.75

    @property
    def small(self) -> float:
        """The size of the small text, points."""
        return round(self.fontsize * self.small_ratio, 1)


_LIGHT = Theme(
    name="light",
    background="#FFFFFF",
    text="#1A1A1A",
    muted="#8A8A8A",
    edge="#404040",
    motion_border="#1A1A1A",
    motion_fill="#F0F0F0",
    pro_border="#0072B2",
    pro_fill="#DCEBF7",
    con_border="#D55E00",
    con_fill="#FBE4D5",
)

THEMES: dict[str, Theme] = {
    "light": _LIGHT,
    "dark": Theme(
        name="dark",
        background="#1E1E1E",
        text="#F2F2F2",
        muted="#8C8C8C",
        edge="#C8C8C8",
        motion_border="#F2F2F2",
        motion_fill="#333333",
        pro_border="#56B4E9",
        pro_fill="#12364D",
        con_border="#E69F00",
        con_fill="#4A2A0A",
    ),
    "print": Theme(
        name="print",
        background="#FFFFFF",
        text="#000000",
        muted="#7A7A7A",
        edge="#000000",
        motion_border="#000000",
        motion_fill="#FFFFFF",
        pro_border="#000000",
        pro_fill="#FFFFFF",
        con_border="#000000",
        con_fill="#E6E6E6",
    ),
    # The light colours, large, on a 16:9 page (13.333 x 7.5 in, a widescreen slide).
    "slides": replace(
        _LIGHT,
        name="slides",
        fontsize=22.0,
        nodesep=0.4,
        ranksep=0.7,
        size="13.333,7.5!",
        ratio="fill",
        dpi=144,
        penwidth=2.4,
        # Small text (sides, marks, stubs) at 18 pt: the least a projector shows readably.
        small_ratio=18.0 / 22.0,
    ),
}


@functools.lru_cache(maxsize=256)
def mix(colour: str, background: str, amount: float) -> str:
    """`colour` moved `amount` (0..1) of the way towards `background`: for faded claims."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(background[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02X}" for x, y in zip(a, b, strict=True))
