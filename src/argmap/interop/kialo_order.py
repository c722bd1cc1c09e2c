"""Where each claim goes in a Kialo export: its number, and the order siblings are written in.

Two aims. Claims that came from Kialo keep their numbers: a claim whose id is `k-1-2-3`
under a parent numbered `1.2` is written as `1.2.3.` again, so an export of an imported
discussion numbers every claim as the original did and importing it once more gives the
same ids. And every link entry (`-> See 1.4.2.`) comes after the claim it names: readers
that build the graph line by line (arguebuf's, for one) look the claim up when they reach
the link. A link entry is written after the subtree of the claim it answers, so its claim
must come before that subtree ends; where it would not, siblings whose numbers are not
kept are reordered so it does. A link no order can serve (two links asking for opposite
orders, or kept numbers in the way) is left out and reported.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from argmap.model import MOTION_ID

if TYPE_CHECKING:
    from argmap.graph import ArgumentGraph

_KIALO_ID = re.compile(r"k-1(?:-[1-9][0-9]*)+")


@dataclass(frozen=True, slots=True)
class Link:
    """Claim `source` also answers `target`: a link entry under `target` naming `source`."""

    source: str
    target: str
    stance: str  # "Pro" or "Con"


@dataclass(slots=True)
class Layout:
    """Numbers, the order of each claim's children, and the link entries under each claim."""

    number: dict[str, str] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=dict)
    #: Link entries under each claim, in order, each with its own number.
    links: dict[str, list[tuple[str, Link]]] = field(default_factory=dict)
    #: Links that would name a claim written after them; left out of the file.
    forward: list[Link] = field(default_factory=list)


def kept_number(claim_id: str, parent_number: str) -> int | None:
    """The last part of a Kialo id that fits under `parent_number`, e.g. 3 for `k-1-2-3`
    under `1.2`; None for any other id."""
    if not claim_id.startswith("k-1-") or not _KIALO_ID.fullmatch(claim_id):
        return None
    parent, _, last = claim_id[2:].replace("-", ".").rpartition(".")
    return int(last) if parent == parent_number else None


def plan(graph: ArgumentGraph, links: list[Link]) -> Layout:
    """Number every claim and order siblings so that link entries follow their claims."""
    layout = Layout({MOTION_ID: "1"})
    before = _sibling_constraints(graph, links)
    stack = [MOTION_ID]
    while stack:
        current = stack.pop()
        order = _number_children(graph, layout, current, before.get(current, {}))
        layout.children[current] = order
        stack.extend(reversed(order))
    last = _subtree_ends(layout)
    position = {claim_id: index for index, claim_id in enumerate(last)}
    used: dict[str, int] = {}
    for link in links:
        if position[link.source] > last[link.target]:
            layout.forward.append(link)
            continue
        children = layout.children[link.target]
        if link.target not in used:
            parent = layout.number[link.target]
            used[link.target] = max(
                (int(layout.number[c].removeprefix(parent + ".")) for c in children), default=0
            )
        used[link.target] += 1
        entry = f"{layout.number[link.target]}.{used[link.target]}"
        layout.links.setdefault(link.target, []).append((entry, link))
    return layout


def _sibling_constraints(graph: ArgumentGraph, links: list[Link]) -> dict[str, dict[str, set[str]]]:
    """For each claim, which of its children must come before which others.

    A link's claim must be written before the subtree of the claim it answers ends. That
    holds by itself when one is inside the other's subtree or is its ancestor; otherwise
    the branch holding the source must come before the branch holding the target, where
    the two branches meet.
    """
    nodes = graph.nodes
    before: dict[str, dict[str, set[str]]] = {}
    for link in links:
        source, target = link.source, link.target
        while nodes[source].depth > nodes[target].depth:
            source = nodes[source].parent or MOTION_ID
        while nodes[target].depth > nodes[source].depth:
            target = nodes[target].parent or MOTION_ID
        if source == target:
            continue  # one is the other's ancestor
        while nodes[source].parent != nodes[target].parent:
            source = nodes[source].parent or MOTION_ID
            target = nodes[target].parent or MOTION_ID
        meet = nodes[source].parent or MOTION_ID
        before.setdefault(meet, {}).setdefault(target, set()).add(source)
    return before


def _number_children(
    graph: ArgumentGraph, layout: Layout, parent: str, before: dict[str, set[str]]
) -> list[str]:
    """Number `parent`'s children and return them in the order they are written."""
    children = graph.nodes[parent].children
    if not children:
        return []
    prefix = layout.number[parent]
    kept: dict[str, int] = {}
    taken: set[int] = set()
    for child in children:
        number = kept_number(child, prefix)
        if number is not None and number not in taken:
            kept[child] = number
            taken.add(number)
    if kept:
        order = sorted(kept, key=kept.__getitem__)
        order.extend(c for c in children if c not in kept)
    else:
        order = _ordered(children, before)
    following = max(taken, default=0)
    for child in order:
        number = kept.get(child)
        if number is None:
            following += 1
            number = following
        layout.number[child] = f"{prefix}.{number}"
    return order


def _ordered(children: list[str], before: dict[str, set[str]]) -> list[str]:
    """`children` in their own order, except that each comes after those it must follow.

    Kahn's algorithm, always taking the earliest child that is free; when the constraints
    form a cycle, the earliest child left is taken regardless.
    """
    if not before:
        return list(children)
    index = {child: i for i, child in enumerate(children)}
    waiting = {child: len(before.get(child, ())) for child in children}
    after: dict[str, list[str]] = {}
    for child, sources in before.items():
        for source in sources:
            after.setdefault(source, []).append(child)
    ready = [index[c] for c in children if waiting[c] == 0]
    heapq.heapify(ready)
    placed: set[str] = set()
    order: list[str] = []
    scan = 0
    while len(order) < len(children):
        if not ready:
            while children[scan] in placed:
                scan += 1
            heapq.heappush(ready, scan)
        child = children[heapq.heappop(ready)]
        if child in placed:
            continue
        placed.add(child)
        order.append(child)
        for later in after.get(child, ()):
            waiting[later] -= 1
            if waiting[later] == 0 and later not in placed:
                heapq.heappush(ready, index[later])
    return order


def _subtree_ends(layout: Layout) -> dict[str, int]:
    """For each claim in writing order (dict order), the position of the last claim of its
    subtree; the motion is position 0."""
    order: list[str] = []
    stack = [MOTION_ID]
    while stack:
        current = stack.pop()
        order.append(current)
        stack.extend(reversed(layout.children[current]))
    last = {claim_id: index for index, claim_id in enumerate(order)}
    for claim_id in reversed(order):
        for child in layout.children[claim_id]:
            last[claim_id] = max(last[claim_id], last[child])
    return last
