"""Support across sides: what `also_supports` may name.

A claim's side follows from where it sits: a top-level claim under `pro` or `con` argues
that side, a rebuttal argues the side opposite its parent and a support its parent's side.
A claim that `also_supports` another must argue the same side as it: a con claim backing a
pro claim would count one reason for both sides. The loader reports such a link at the
link itself. (`also_rebuts` within a side is left alone: cycles of rebuttal among claims
of one side are a legitimate way to build an undecided dispute.)
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.conform import RawClaim
from argmap.diagnostics import Diagnostic, error
from argmap.ids import Positions
from argmap.model import SIDES

__all__ = ["check_link_sides", "side_of_path"]


def side_of_path(path: tuple[object, ...]) -> str | None:
    """The side a claim at `path` argues (`pro` or `con`), or None outside the two sides."""
    if not path or path[0] not in SIDES:
        return None
    flips = sum(1 for key in path[1:] if key == "rebuttals")
    side = str(path[0])
    return side if flips % 2 == 0 else SIDES[1 - SIDES.index(side)]


def check_link_sides(
    name: str,
    positions: Positions,
    claims: Iterable[RawClaim],
    diagnostics: list[Diagnostic],
) -> None:
    """Report each `also_supports` that names a claim of the other side."""
    claims = list(claims)
    sides: dict[str, str | None] = {}
    for claim in claims:
        sides.setdefault(claim.id, side_of_path(claim.path))
    for claim in claims:
        own = side_of_path(claim.path)
        links = claim.data.get("also_supports")
        if own is None or not isinstance(links, list):
            continue
        for index, target in enumerate(links):
            if not isinstance(target, str) or target == claim.id:
                continue
            other = sides.get(target)
            if other is None or other == own:
                continue
            diagnostics.append(
                error(
                    name,
                    positions.at((*claim.path, "also_supports", index)),
                    "cross-side-support",
                    f"'{claim.id}' argues {own} but also supports '{target}', which argues "
                    f"{other}; a claim supports only claims of its own side (rebut it, or "
                    "move the point to the side it helps)",
                )
            )
