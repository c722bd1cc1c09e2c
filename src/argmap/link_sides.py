"""Cross-links that argue for the wrong side: what `also_supports` and `also_rebuts` may name.

A claim's side follows from where it sits: a top-level claim under `pro` or `con` argues
that side, a rebuttal argues the side opposite its parent and a support its parent's side.
A claim that `also_supports` another must argue the same side as it (a con claim backing a
pro claim would count one reason for both sides), and one that `also_rebuts` another must
argue the opposite side. The loader reports a link that breaks this at the link itself.
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.conform import RawClaim
from argmap.diagnostics import Diagnostic, error
from argmap.ids import Positions

__all__ = ["check_link_sides", "side_of_path"]

_SIDES = ("pro", "con")


def side_of_path(path: tuple[object, ...]) -> str | None:
    """The side a claim at `path` argues (`pro` or `con`), or None outside the two sides."""
    if not path or path[0] not in _SIDES:
        return None
    flips = sum(1 for key in path[1:] if key == "rebuttals")
    side = str(path[0])
    return side if flips % 2 == 0 else _SIDES[1 - _SIDES.index(side)]


def check_link_sides(
    name: str,
    positions: Positions,
    claims: Iterable[RawClaim],
    diagnostics: list[Diagnostic],
) -> None:
    """Report each `also_supports` across sides and each `also_rebuts` within a side."""
    claims = list(claims)
    sides: dict[str, str | None] = {}
    for claim in claims:
        sides.setdefault(claim.id, side_of_path(claim.path))
    for claim in claims:
        own = sides.get(claim.id) if claim.explicit else side_of_path(claim.path)
        if own is None:
            continue
        for key, same in (("also_supports", True), ("also_rebuts", False)):
            links = claim.data.get(key)
            if not isinstance(links, list):
                continue
            for index, target in enumerate(links):
                if not isinstance(target, str) or target == claim.id:
                    continue
                other = sides.get(target)
                if other is None or (other == own) == same:
                    continue
                pos = positions.at((*claim.path, key, index))
                if same:
                    message = (
                        f"'{claim.id}' argues {own} but also supports '{target}', which "
                        f"argues {other}; a claim supports only claims of its own side "
                        "(rebut it, or move the point to the side it helps)"
                    )
                    code = "cross-side-support"
                else:
                    message = (
                        f"'{claim.id}' argues {own} and also rebuts '{target}', which "
                        f"argues {own} too; a claim rebuts only claims of the other side"
                    )
                    code = "same-side-rebuttal"
                diagnostics.append(error(name, pos, code, message))
