"""Which claims a diagram draws: a root, a depth, a side, and what is left out under each."""

from __future__ import annotations

import difflib
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from argmap.graph import ArgumentGraph
from argmap.model import MOTION_ID, Side

if TYPE_CHECKING:
    pass


class ScopeError(Exception):
    """The requested part of the debate does not exist (unknown root, wrong side)."""


# --- scope ----------------------------------------------------------------------------------


@dataclass(slots=True)
class Scope:
    """Which claims a diagram draws, in document order, and what it leaves out under each."""

    root: str
    shown: list[str]
    hidden_below: dict[str, int] = field(default_factory=dict)
    members: set[str] = field(init=False)

    def __post_init__(self) -> None:
        self.members = set(self.shown)

    def __contains__(self, claim_id: object) -> bool:
        return claim_id in self.members


def subtree_sizes(graph: ArgumentGraph) -> dict[str, int]:
    """Each claim's size counting itself and everything nested under it (motion included)."""
    order = [MOTION_ID, *(node.id for node in graph.claims())]
    sizes: dict[str, int] = {}
    # Reverse document order visits children before their parents: no recursion needed.
    for claim_id in reversed(order):
        sizes[claim_id] = 1 + sum(sizes[c] for c in graph.nodes[claim_id].children)
    return sizes


def branch_sides(graph: ArgumentGraph) -> dict[str, Side]:
    """For each claim, the side of the top-level claim whose branch it belongs to."""
    branch: dict[str, Side] = {}
    for node in graph.claims():
        if node.parent == MOTION_ID and node.side is not None:
            branch[node.id] = node.side
        elif node.parent is not None:
            branch[node.id] = branch[node.parent]
    return branch


def unknown_root_message(graph: ArgumentGraph, root: str) -> str:
    """'No such claim' with the closest ids, for an unknown `--root`."""
    matches = difflib.get_close_matches(root, list(graph.nodes), n=5, cutoff=0.5)
    hint = f"; did you mean {', '.join(matches)}?" if matches else ""
    return f"no claim with id '{root}' in debate '{debate_id(graph)}'{hint}"


def debate_id(graph: ArgumentGraph) -> str:
    """The debate's id, or its file name as a slug."""
    from argmap.load import slug_from_path

    return graph.debate.id or slug_from_path(graph.path)


def compute_scope(
    graph: ArgumentGraph,
    root: str | None = None,
    depth: int | None = None,
    side: str | None = None,
) -> Scope:
    """The claims to draw: the root's path up from the motion, and `depth` levels below it.

    `side` keeps only the branches of top-level claims on that side (with every rebuttal
    inside them). Raises ScopeError for an unknown root or a root on the other side.
    """
    root_id = root or MOTION_ID
    if root_id not in graph.nodes:
        raise ScopeError(unknown_root_message(graph, root_id))
    branch = branch_sides(graph) if side else {}
    if side and root_id != MOTION_ID and branch[root_id].value != side:
        raise ScopeError(
            f"claim '{root_id}' is in a {branch[root_id].value} branch; "
            f"drop --side {side} or choose another root"
        )
    keep: set[str] = {node.id for node in graph.path_from_motion(root_id)}
    queue: deque[tuple[str, int]] = deque([(root_id, 0)])
    while queue:
        claim_id, level = queue.popleft()
        if depth is not None and level >= depth:
            continue
        for child in graph.nodes[claim_id].children:
            if side and branch[child].value != side:
                continue
            keep.add(child)
            queue.append((child, level + 1))
    order = [MOTION_ID, *(node.id for node in graph.claims())]
    shown = [claim_id for claim_id in order if claim_id in keep]
    sizes = subtree_sizes(graph)
    hidden: dict[str, int] = {}
    for claim_id in shown:
        count = sum(sizes[c] for c in graph.nodes[claim_id].children if c not in keep)
        if count:
            hidden[claim_id] = count
    return Scope(root_id, shown, hidden)


def without_ancestors(graph: ArgumentGraph, scope: Scope) -> Scope:
    """`scope` without the boxes of its root's path up from the motion: a slide image of a
    branch names that path in a line of its title instead, and keeps its height for the
    branch itself."""
    above = {node.id for node in graph.path_from_motion(scope.root)[:-1]}
    shown = [c for c in scope.shown if c not in above]
    hidden = {c: n for c, n in scope.hidden_below.items() if c not in above}
    return Scope(scope.root, shown, hidden)


def hidden_below_level(graph: ArgumentGraph, scope: Scope, level: int) -> list[str]:
    """The claims of `scope` more than `level` levels below its root: a reveal step hides
    them but keeps their place, so boxes never move from one step to the next."""
    limit = graph.depth(scope.root) + level
    return [c for c in scope.shown if graph.nodes[c].depth > limit]


def unsettled(graph: ArgumentGraph, shown: Iterable[str], hidden: Iterable[str]) -> set[str]:
    """The claims of `shown` whose label a reveal step cannot show yet: those with a hidden
    claim below them (what decides a grounded label is the whole branch below it). The
    motion's verdict weighs every claim, so it is unsettled while any claim is hidden."""
    shown_set, hidden_set = set(shown), set(hidden)
    found: set[str] = set()
    for claim_id in hidden_set:
        for node in reversed(graph.path_from_motion(claim_id)[:-1]):
            if node.id in found:
                break  # reached from an earlier hidden claim, with all above it
            if node.id in shown_set and node.id not in hidden_set:
                found.add(node.id)
    if hidden_set:
        found.add(graph.motion.id)
    return found
