"""Per-debate statistics: size, shape and which claims stand, for students and instructors.

Everything is computed in one pass over the graph plus the grounded labelling and the
gradual strengths, so a folder of large debates is summarised quickly.
`DebateStats.to_json()` is what `argmap stats --json` prints; `DebateStats.to_row()` is one
flat CSV row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.contributions import contributions
from argmap.graph import ArgumentGraph, ClaimNode, Relation
from argmap.load import slug_from_path
from argmap.model import MOTION_ID, SIDES, Kind, Side
from argmap.robustness import Robustness
from argmap.semantics import (
    Label,
    Labelling,
    UndecidedPartTooLarge,
    could_stand,
    grounded,
)
from argmap.strength import weigh
from argmap.verdict import debate_verdict

KINDS = tuple(k.value for k in Kind)
LABELS = tuple(label.value for label in Label)

#: The columns of `argmap stats --csv`, in order. Lists of ids are joined with spaces.
CSV_COLUMNS = (
    "id",
    "title",
    "path",
    "verdict",
    "motion_strength",
    "robust",
    "range_low",
    "range_high",
    "flip_by_removal",
    "flip_by_removal_ids",
    "flip_by_weight",
    "flip_by_weight_ids",
    "headline",
    "claims",
    "pro",
    "con",
    *(f"kind_{k}" for k in KINDS),
    *(f"{s}_{k}" for s in SIDES for k in KINDS),
    "top_level_pro",
    "top_level_con",
    "max_depth",
    "max_depth_pro",
    "max_depth_con",
    "branching_mean",
    "branching_max",
    *LABELS,
    *(f"{s}_{label}" for s in SIDES for label in LABELS),
    "unanswered",
    "unanswered_ids",
    "evidence_without_source",
    "evidence_without_source_ids",
    "longest_rebuttal_chain",
    "longest_rebuttal_chain_ids",
    "could_stand",
    "could_stand_ids",
    "cut",
    "cut_ids",
)


def _zeros(keys: tuple[str, ...]) -> dict[str, int]:
    return dict.fromkeys(keys, 0)


@dataclass(slots=True)
class DebateStats:
    """The numbers `argmap stats` reports for one debate (the motion is never counted)."""

    id: str
    title: str
    path: str
    claims: int = 0
    by_side: dict[str, int] = field(default_factory=lambda: _zeros(SIDES))
    by_kind: dict[str, int] = field(default_factory=lambda: _zeros(KINDS))
    by_side_kind: dict[str, dict[str, int]] = field(
        default_factory=lambda: {s: _zeros(KINDS) for s in SIDES}
    )
    top_level: dict[str, int] = field(default_factory=lambda: _zeros(SIDES))
    max_depth: int = 0
    #: Deepest claim in the branches under each side's top-level claims (top level is 1).
    depth_by_side: dict[str, int] = field(default_factory=lambda: _zeros(SIDES))
    #: Mean and largest number of claims nested directly under a claim that has any.
    branching_mean: float = 0.0
    branching_max: int = 0
    #: The motion's grounded label: the strict reading, never the headline.
    strict_motion_label: str = Label.STANDING.value
    by_label: dict[str, int] = field(default_factory=lambda: _zeros(LABELS))
    by_side_label: dict[str, dict[str, int]] = field(
        default_factory=lambda: {s: _zeros(LABELS) for s in SIDES}
    )
    labels: dict[str, str] = field(default_factory=dict)
    #: Claims that nothing rebuts or undercuts, in document order.
    unanswered: list[str] = field(default_factory=list)
    evidence_without_source: list[str] = field(default_factory=list)
    #: The longest chain of nested rebuttals, each claim rebutting the one before.
    longest_rebuttal_chain: list[str] = field(default_factory=list)
    #: Undecided claims that stand in some preferred extension; None when the undecided
    #: part of the debate is too large to work out.
    could_stand: list[str] | None = field(default_factory=list)
    #: Claims whose link to their parent a standing undercut cuts, in document order.
    cut: list[str] = field(default_factory=list)
    #: Gradual strength of every claim and of the motion (`argmap.strength`).
    strengths: dict[str, float] = field(default_factory=dict)
    verdict: str = "balanced"
    motion_strength: float = 0.5
    #: Removal contributions to the motion's strength, largest first.
    contributions: list[tuple[str, float]] = field(default_factory=list)
    #: How robust the verdict is, and the verdict line every surface shows.
    robustness: Robustness | None = None
    headline: str = ""

    @property
    def robust(self) -> bool:
        return self.robustness is not None and self.robustness.robust

    def to_json(self) -> dict[str, object]:
        """The entry of this debate in `argmap stats --json`."""
        return {
            "id": self.id,
            "title": self.title,
            "path": self.path,
            "verdict": self.verdict,
            "motion_strength": round(self.motion_strength, 4),
            "robust": self.robust,
            "headline": self.headline,
            "robustness": self.robustness.to_json() if self.robustness else None,
            "claims": self.claims,
            **self.by_side,
            "kinds": self.by_kind,
            "sides": self.by_side_kind,
            "top_level": self.top_level,
            "max_depth": self.max_depth,
            "max_depth_by_side": self.depth_by_side,
            "branching": {"mean": self.branching_mean, "max": self.branching_max},
            **self.by_label,
            "labels_by_side": self.by_side_label,
            "labels": self.labels,
            "unanswered": self.unanswered,
            "evidence_without_source": self.evidence_without_source,
            "longest_rebuttal_chain": self.longest_rebuttal_chain,
            "could_stand": self.could_stand,
            "cut": self.cut,
            "strict_motion_label": self.strict_motion_label,
            "strengths": {k: round(v, 4) for k, v in self.strengths.items()},
            "contributions": {k: round(v, 4) for k, v in self.contributions},
        }

    def to_row(self) -> dict[str, str | int | float]:
        """One flat row for `argmap stats --csv`, keyed by `CSV_COLUMNS`."""
        row: dict[str, str | int | float] = {
            "id": self.id,
            "title": self.title,
            "path": self.path,
            "verdict": self.verdict,
            "motion_strength": round(self.motion_strength, 4),
            "robust": "yes" if self.robust else "no",
            "headline": self.headline,
            "claims": self.claims,
            **self.by_side,
            "top_level_pro": self.top_level["pro"],
            "top_level_con": self.top_level["con"],
            "max_depth": self.max_depth,
            "max_depth_pro": self.depth_by_side["pro"],
            "max_depth_con": self.depth_by_side["con"],
            "branching_mean": self.branching_mean,
            "branching_max": self.branching_max,
            **self.by_label,
        }
        r = self.robustness
        row["range_low"] = round(r.low, 4) if r else ""
        row["range_high"] = round(r.high, 4) if r else ""
        flips = {
            "flip_by_removal": [c for c, _ in r.flip_by_removal] if r else [],
            "flip_by_weight": sorted({c for c, _, _ in r.flip_by_weight}) if r else [],
        }
        for kind in KINDS:
            row[f"kind_{kind}"] = self.by_kind[kind]
        for side in SIDES:
            for kind in KINDS:
                row[f"{side}_{kind}"] = self.by_side_kind[side][kind]
            for label in LABELS:
                row[f"{side}_{label}"] = self.by_side_label[side][label]
        lists = {
            "unanswered": self.unanswered,
            "evidence_without_source": self.evidence_without_source,
            "longest_rebuttal_chain": self.longest_rebuttal_chain,
            "cut": self.cut,
            **flips,
        }
        for name, ids in lists.items():
            row[name] = len(ids)
            row[f"{name}_ids"] = " ".join(ids)
        row["could_stand"] = "" if self.could_stand is None else len(self.could_stand)
        row["could_stand_ids"] = " ".join(self.could_stand or [])
        return {column: row[column] for column in CSV_COLUMNS}


def debate_id(graph: ArgumentGraph) -> str:
    """The debate's id, or the slug of its file name."""
    return graph.debate.id or slug_from_path(graph.path)


def debate_stats(
    graph: ArgumentGraph, labelling: Labelling | None = None, semantics: str | None = None
) -> DebateStats:
    """Count and measure one debate; `labelling` defaults to the grounded one, `semantics`
    to the debate's own or quadratic energy."""
    labelling = labelling or grounded(graph)
    stats = DebateStats(debate_id(graph), graph.debate.title, str(graph.path))
    stats.strict_motion_label = labelling.motion.value
    weighing = weigh(graph, labelling, semantics)
    # The motion first, then the claims in document order (filled in below).
    stats.strengths = {MOTION_ID: weighing.motion_strength}
    stats.verdict = weighing.verdict.value
    stats.motion_strength = weighing.motion_strength
    stats.contributions = contributions(graph, weighing)
    reading = debate_verdict(graph, labelling, weighing, amounts=stats.contributions)
    stats.robustness = reading.robustness
    stats.headline = reading.line(graph)
    branch_side: dict[str, str] = {}
    text_of = {label: label.value for label in Label}
    order: list[ClaimNode] = []
    branching_total = branching_parents = 0
    for node in graph.claims():
        order.append(node)
        side = node.side or Side.PRO  # a StrEnum: its value's hash, equal to its value
        kind = node.kind
        label = text_of[labelling[node.id]]
        stats.claims += 1
        stats.by_side[side] += 1
        stats.by_kind[kind] += 1
        stats.by_side_kind[side][kind] += 1
        stats.by_label[label] += 1
        stats.by_side_label[side][label] += 1
        stats.labels[node.id] = label
        stats.strengths[node.id] = weighing.strength(node.id)
        if labelling.is_cut(node.id):
            stats.cut.append(node.id)
        if node.parent == MOTION_ID:
            stats.top_level[side] += 1
            branch_side[node.id] = side.value
        else:
            branch_side[node.id] = branch_side[node.parent or MOTION_ID]
        branch = branch_side[node.id]
        stats.depth_by_side[branch] = max(stats.depth_by_side[branch], node.depth)
        stats.max_depth = max(stats.max_depth, node.depth)
        if node.children:
            branching_parents += 1
            branching_total += len(node.children)
            stats.branching_max = max(stats.branching_max, len(node.children))
        if not any(edge.relation.is_attack for edge in graph.incoming[node.id]):
            stats.unanswered.append(node.id)
        if node.kind is Kind.EVIDENCE and node.claim is not None and not node.claim.sources:
            stats.evidence_without_source.append(node.id)
    if branching_parents:
        stats.branching_mean = round(branching_total / branching_parents, 2)
    stats.longest_rebuttal_chain = longest_rebuttal_chain(graph, order)
    try:
        possible = could_stand(graph, labelling)
    except UndecidedPartTooLarge:
        stats.could_stand = None
    else:
        stats.could_stand = [
            n.id for n in order if n.id in possible and labelling[n.id] is Label.UNDECIDED
        ]
    return stats


def longest_rebuttal_chain(graph: ArgumentGraph, order: list[ClaimNode] | None = None) -> list[str]:
    """Ids of the longest chain of nested rebuttals (or undercuts); the first in file order."""
    order = order if order is not None else list(graph.claims())
    # Length of the longest chain starting at each claim, children before parents.
    length: dict[str, int] = {}
    best_next: dict[str, str] = {}
    for node in reversed(order):
        length[node.id] = 1
        for child in node.children:
            if graph.nodes[child].relation is Relation.SUPPORTS:
                continue
            if length[child] + 1 > length[node.id]:
                length[node.id] = length[child] + 1
                best_next[node.id] = child
    if not order:
        return []
    start = max(order, key=lambda n: length[n.id]).id  # max keeps the first of equals
    chain = [start]
    while chain[-1] in best_next:
        chain.append(best_next[chain[-1]])
    return chain
