"""Which element of an Argdown document becomes the motion.

`--motion TITLE` when given, else the statement titled `motion` (what argmap's export
writes), else the element that keeps most of the document: argmap holds the elements that
reach the motion along incoming relations, so among the elements that support and attack
nothing (argmap keeps no relation from the motion), the few with most incoming relations
are tried and the one that reaches most elements wins. A structure's premises say what
its conclusion rests on, not what the debate is about, so they count as incoming relations
only when nothing else does (they still count for what an element reaches).
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from argmap.interop import InteropError, Loss
from argmap.model import MOTION_ID

if TYPE_CHECKING:
    from argmap.interop.argdown_in import _Reader

#: How many candidates (those with most incoming relations) are weighed by what they reach:
#: each costs one pass over the relations.
CANDIDATES = 8


def choose_motion(reader: _Reader, title: str | None) -> str:
    """The key of the motion's element; InteropError when there is none to choose."""
    if title is not None:
        for key in (f"[{title}]", f"<{title}>"):
            key = reader.reconstructed.get(key, (key, key))[0]
            if key in reader.elements:
                return key
        raise InteropError(f"--motion {title}: no statement or argument has that title")
    if f"[{MOTION_ID}]" in reader.elements:
        return f"[{MOTION_ID}]"
    incoming: dict[str, int] = {}  # relations written as such
    inferred: dict[str, int] = {}  # premises of a structure
    for relation in reader.relations:
        counts = inferred if relation.inferred else incoming
        counts[relation.target] = counts.get(relation.target, 0) + 1
    if not incoming and not inferred:
        raise InteropError(
            "this Argdown document has no relations (`+`, `-`, `_`, `->` ...) between its "
            "statements; argmap needs an argument structure to import"
        )
    premises = {r.premise for r in reader.relations}
    targets = [k for k in reader.elements if k in incoming or k in inferred]
    pool = [k for k in targets if k not in premises] or targets
    # Most incoming relations first, the first of equals first (a stable sort).
    shortlist = sorted(pool, key=lambda k: (-incoming.get(k, 0), -inferred.get(k, 0)))
    shortlist = shortlist[:CANDIDATES]
    below: dict[str, list[str]] = {}
    for relation in reader.relations:
        below.setdefault(relation.target, []).append(relation.premise)
    reach = {key: _reach(key, below) for key in shortlist}
    best = max(shortlist, key=lambda k: reach[k])  # the first of equals
    tied = [k for k in shortlist if reach[k] == reach[best] and k != best]
    if tied:
        reader.losses.append(
            Loss(
                f"{best} became the motion (of {len(tied) + 1} candidates that reach "
                f"{reach[best]} elements each, the one with most incoming relations); "
                "choose another with --motion TITLE",
                reader.elements[best].line,
            )
        )
    return best


def _reach(motion: str, below: dict[str, list[str]]) -> int:
    """How many elements reach `motion` along incoming relations (itself included)."""
    seen = {motion}
    queue = deque([motion])
    while queue:
        for premise in below.get(queue.popleft(), []):
            if premise not in seen:
                seen.add(premise)
                queue.append(premise)
    return len(seen)
