"""Which top-level conclusion of an AIF file becomes the motion: the one with most claims
below it, found within a bounded amount of work."""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.interop.aif import Nodeset


#: Nodes visited, in all, while comparing top-level conclusions by the claims below them.
#: Conclusions that share their premises are each walked through them again, which is
#: the square of the file when thousands share one large argument; the walk stops here.
_COMPARE_BUDGET = 2_000_000


def largest_root(nodeset: Nodeset, roots: list[str]) -> tuple[str, int]:
    """The root with most claims below it (the first of equals, in file order), and how
    many roots were compared before the budget ran out (all of them, usually).

    Roots are compared largest connected group first: a root whose group is smaller than
    the best count found cannot beat it and is not walked.
    """
    incoming: dict[str, list[str]] = {}
    for relation in nodeset.relations:
        incoming.setdefault(relation.target, []).append(relation.premise)
    component = nodeset.components()
    group_size: dict[str, int] = {}
    for node in nodeset.i_nodes:
        group_size[component[node]] = group_size.get(component[node], 0) + 1
    place = {root: index for index, root in enumerate(roots)}
    bound = {root: group_size[component[root]] for root in roots}
    budget = _COMPARE_BUDGET
    best, best_count = roots[0], -1
    compared = 0
    for root in sorted(roots, key=lambda r: (-bound[r], place[r])):
        if bound[root] < best_count or (bound[root] == best_count and place[root] > place[best]):
            compared += 1  # cannot beat the best: counted as compared
            continue
        if budget <= 0:
            break
        seen = {root}
        queue = deque([root])
        while queue:
            for premise in incoming.get(queue.popleft(), []):
                if premise not in seen:
                    seen.add(premise)
                    queue.append(premise)
        budget -= len(seen)
        compared += 1
        count = len(seen)
        if count > best_count or (count == best_count and place[root] < place[best]):
            best, best_count = root, count
    return best, compared
