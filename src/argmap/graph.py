"""ArgumentGraph: the motion, every claim by id, typed edges, and queries over them."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.collector import collector_paused
from argmap.ids import KeyPath, Positions, child_id, top_level_id
from argmap.model import MOTION_ID, Claim, Debate, Kind, Side

if TYPE_CHECKING:
    from argmap.semantics import AttackFramework


class Relation(StrEnum):
    """How a claim relates to the one it points at."""

    REBUTS = "rebuts"
    SUPPORTS = "supports"
    UNDERCUTS = "undercuts"

    @property
    def is_attack(self) -> bool:
        return self is not Relation.SUPPORTS


@dataclass(frozen=True, slots=True)
class Edge:
    """`source` rebuts, supports or undercuts `target`; `cross` marks an `also_*` link."""

    source: str
    target: str
    relation: Relation
    cross: bool = False


@dataclass(slots=True)
class ClaimNode:
    """A claim (or the motion) placed in the debate: side, parent, depth and position."""

    id: str
    text: str
    kind: Kind
    side: Side | None  # None for the motion
    claim: Claim | None  # None for the motion
    parent: str | None
    relation: Relation | None  # how this claim relates to its parent
    depth: int  # the motion is 0, top-level claims 1
    key_path: KeyPath
    line: int
    col: int
    children: list[str] = field(default_factory=list)

    @property
    def is_motion(self) -> bool:
        return self.claim is None


@dataclass(slots=True)
class ArgumentGraph:
    """A validated debate as a graph. The motion is the root, with id `motion`."""

    debate: Debate
    path: Path
    nodes: dict[str, ClaimNode]
    edges: list[Edge]
    incoming: dict[str, list[Edge]]
    outgoing: dict[str, list[Edge]]
    #: The attack relation over integer indices (`argmap.semantics.attack_framework`),
    #: built on first use: a graph does not change once built, so every labelling of it
    #: shares one.
    attack_framework: AttackFramework | None = field(default=None, repr=False, compare=False)

    @classmethod
    def build(cls, debate: Debate, positions: Positions, path: Path | str) -> ArgumentGraph:
        """Index a debate. Ids must already be unique and links resolved (the loader checks)."""
        # Nodes, edges and index lists for every claim, and no reference cycles: with the
        # collector running, its passes would rescan the whole loaded debate again and again.
        with collector_paused(settle=True):
            return cls._build(debate, positions, path)

    @classmethod
    def _build(cls, debate: Debate, positions: Positions, path: Path | str) -> ArgumentGraph:
        motion_pos = positions.at(("motion",))
        motion = ClaimNode(
            MOTION_ID,
            debate.motion,
            Kind.CLAIM,
            None,
            None,
            None,
            None,
            0,
            ("motion",),
            *motion_pos,
        )
        nodes: dict[str, ClaimNode] = {MOTION_ID: motion}
        edges: list[Edge] = []
        # (claim, id, side, parent id, relation to parent, depth, key path)
        stack: list[tuple[Claim, str, Side, str, Relation, int, KeyPath]] = []
        for side, claims in ((Side.CON, debate.con), (Side.PRO, debate.pro)):
            relation = Relation.SUPPORTS if side is Side.PRO else Relation.REBUTS
            for index in range(len(claims) - 1, -1, -1):
                claim = claims[index]
                claim_id = claim.id or top_level_id(side.value, index)
                stack.append((claim, claim_id, side, MOTION_ID, relation, 1, (side.value, index)))
        top_level: list[str] = []
        while stack:
            claim, claim_id, side, parent, relation, depth, key_path = stack.pop()
            line, col = positions.at(key_path)
            node = ClaimNode(
                claim_id,
                claim.text,
                claim.kind,
                side,
                claim,
                parent,
                relation,
                depth,
                key_path,
                line,
                col,
            )
            nodes[claim_id] = node
            if parent == MOTION_ID:
                top_level.append(claim_id)
            else:
                nodes[parent].children.append(claim_id)
            edges.append(Edge(claim_id, parent, relation))
            pending: list[tuple[Claim, str, Side, str, Relation, int, KeyPath]] = []
            for index, rebuttal in enumerate(claim.rebuttals):
                pending.append(
                    (
                        rebuttal,
                        rebuttal.id or child_id(claim_id, "r", index),
                        side.opposite,
                        claim_id,
                        Relation.UNDERCUTS if rebuttal.undercut else Relation.REBUTS,
                        depth + 1,
                        (*key_path, "rebuttals", index),
                    )
                )
            for index, support in enumerate(claim.support):
                pending.append(
                    (
                        support,
                        support.id or child_id(claim_id, "s", index),
                        side,
                        claim_id,
                        Relation.SUPPORTS,
                        depth + 1,
                        (*key_path, "support", index),
                    )
                )
            stack.extend(reversed(pending))
        # Top-level claims in file order: pro first, then con (the stack popped con last).
        motion.children = [c for c in top_level if nodes[c].side is Side.PRO] + [
            c for c in top_level if nodes[c].side is Side.CON
        ]
        for node in list(nodes.values()):
            if node.claim is None:
                continue
            for target in node.claim.also_rebuts:
                edges.append(Edge(node.id, target, Relation.REBUTS, cross=True))
            for target in node.claim.also_supports:
                edges.append(Edge(node.id, target, Relation.SUPPORTS, cross=True))
        incoming: dict[str, list[Edge]] = {node_id: [] for node_id in nodes}
        outgoing: dict[str, list[Edge]] = {node_id: [] for node_id in nodes}
        for edge in edges:
            incoming[edge.target].append(edge)
            outgoing[edge.source].append(edge)
        return cls(debate, Path(path), nodes, edges, incoming, outgoing)

    # --- queries ---------------------------------------------------------------------------

    @property
    def motion(self) -> ClaimNode:
        return self.nodes[MOTION_ID]

    def __contains__(self, claim_id: object) -> bool:
        return claim_id in self.nodes

    def __len__(self) -> int:
        """Number of claims, the motion excluded."""
        return len(self.nodes) - 1

    def node(self, claim_id: str) -> ClaimNode:
        """The claim with this id; KeyError when there is none."""
        return self.nodes[claim_id]

    def claims(self) -> Iterator[ClaimNode]:
        """Every claim in document order (pro, then con; depth first), the motion excluded."""
        stack = list(reversed(self.motion.children))
        while stack:
            node = self.nodes[stack.pop()]
            yield node
            stack.extend(reversed(node.children))

    def children(self, claim_id: str) -> list[ClaimNode]:
        """The claims nested directly under this one: its rebuttals, then its support."""
        return [self.nodes[c] for c in self.nodes[claim_id].children]

    def attackers(self, claim_id: str) -> list[Edge]:
        """Edges of claims that rebut or undercut this one, cross-links included."""
        return [e for e in self.incoming[claim_id] if e.relation.is_attack]

    def supporters(self, claim_id: str) -> list[Edge]:
        """Edges of claims that support this one, cross-links included."""
        return [e for e in self.incoming[claim_id] if e.relation is Relation.SUPPORTS]

    def targets(self, claim_id: str) -> list[Edge]:
        """Edges from this claim to what it rebuts, undercuts or supports."""
        return self.outgoing[claim_id]

    def path_from_motion(self, claim_id: str) -> list[ClaimNode]:
        """The motion, then each ancestor, then the claim itself."""
        path: list[ClaimNode] = []
        current: str | None = claim_id
        while current is not None:
            node = self.nodes[current]
            path.append(node)
            current = node.parent
        path.reverse()
        return path

    def subtree(self, claim_id: str, depth: int | None = None) -> list[ClaimNode]:
        """The claim and what nests under it, breadth first, `depth` levels down at most."""
        root = self.nodes[claim_id]
        result: list[ClaimNode] = []
        queue: deque[tuple[ClaimNode, int]] = deque([(root, 0)])
        while queue:
            node, level = queue.popleft()
            result.append(node)
            if depth is not None and level >= depth:
                continue
            queue.extend((self.nodes[c], level + 1) for c in node.children)
        return result

    def depth(self, claim_id: str) -> int:
        """How far below the motion a claim sits (top-level claims are 1)."""
        return self.nodes[claim_id].depth

    @property
    def max_depth(self) -> int:
        """The deepest claim's depth; 0 for a debate with no claims."""
        return max((n.depth for n in self.nodes.values()), default=0)

    def count_below(self, claim_id: str) -> int:
        """How many claims nest under this one (not counting itself)."""
        return len(self.subtree(claim_id)) - 1
