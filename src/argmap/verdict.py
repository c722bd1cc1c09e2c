"""The debate's verdict line: the one headline every surface asks for.

`debate_verdict(graph)` weighs the debate, works out how robust its verdict is
(`argmap.robustness`) and which claims move it most, and gives the lines every surface
shows first, in this order:

1. the verdict, its strength and its robustness in one line, e.g.
   "Leans pro (0.60) — fragile: without 'Guardrails calibrated to…' it is balanced;
   DF-QuAD agrees, max-based: balanced (0.52)";
2. the claims that raised and lowered it most, by short text;
3. the range of its strength when every weight moves one step;
4. (only where asked) the strict reading of the grounded labels, named as such.

The motion's grounded label is never the headline: with pro and con claims, one con claim
left standing defeats the motion by labels alone, so it says little about the debate.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.contributions import contributions
from argmap.gradual import SEMANTICS
from argmap.graph import ArgumentGraph
from argmap.naming import number
from argmap.reading import amounts_text, name
from argmap.robustness import LARGE_DEBATE, NEAR_MOTION, Robustness, robustness
from argmap.semantics import Label, Labelling, grounded
from argmap.strength import Verdict, Weighing, weigh

#: How a verdict reads inside a sentence ("it leans pro", "it is balanced").
_AFTER_IT = {
    Verdict.LEANS_PRO: "it leans pro",
    Verdict.BALANCED: "it is balanced",
    Verdict.LEANS_CON: "it leans con",
}


def weighed_title(weighing: Weighing) -> str:
    """The verdict of one weighing and the motion's strength: 'Leans pro (0.60)'."""
    return f"{weighing.verdict.phrase} ({weighing.motion_strength:.2f})"


def short_verdict(verdict: Verdict) -> str:
    """'leans pro', 'balanced' or 'leans con'."""
    return verdict.phrase.lower()


#: A mover whose amount rounds to 0.00 at two decimals.
VISIBLE = 0.005


@dataclass(frozen=True)
class DebateVerdict:
    """The motion's verdict, how robust it is, and what moves it most."""

    weighing: Weighing
    robustness: Robustness
    #: Removal contributions to the motion, largest first (raised: positive).
    raised: list[tuple[str, float]]
    lowered: list[tuple[str, float]]

    @property
    def verdict(self) -> Verdict:
        return self.weighing.verdict

    @property
    def strength(self) -> float:
        return self.weighing.motion_strength

    @property
    def robust(self) -> bool:
        return self.robustness.robust

    @property
    def word(self) -> str:
        """'robust' or 'fragile'."""
        return "robust" if self.robust else "fragile"

    def title(self) -> str:
        """'Leans pro (0.60)'."""
        return weighed_title(self.weighing)

    def why_fragile(self, graph: ArgumentGraph, *, show_ids: bool = False) -> str:
        """What flips it, in a few words; empty when robust."""
        r = self.robustness
        if r.flip_by_removal:
            claim, verdict = r.flip_by_removal[0]
            more = len(r.flip_by_removal) - 1
            text = f"without {name(graph, claim, show_ids=show_ids)} {_AFTER_IT[verdict]}"
            if more:
                claims = "claims flip" if more != 1 else "claim flips"
                text += f" ({number(more)} more {claims} it alone)"
            return text
        if r.flip_by_weight:
            claim, weight, verdict = r.flip_by_weight[0]
            more = len({c for c, _, _ in r.flip_by_weight}) - 1
            called = name(graph, claim, show_ids=show_ids)
            text = f"with {called} at weight {weight} {_AFTER_IT[verdict]}"
            if more:
                text += f" ({number(more)} more by one weight step)"
            return text
        return ""

    def agreement(self) -> str:
        """'DF-QuAD agrees, max-based: balanced (0.52)': the other semantics' verdicts."""
        r = self.robustness
        parts = []
        agree = [
            SEMANTICS[n].title
            for n, (_, v) in r.semantics.items()
            if n != r.chosen and v is self.verdict
        ]
        if agree:
            parts.append(" and ".join(agree) + (" agrees" if len(agree) == 1 else " agree"))
        for n, (value, v) in r.semantics.items():
            if n != r.chosen and v is not self.verdict:
                parts.append(f"{SEMANTICS[n].title}: {short_verdict(v)} ({value:.2f})")
        return ", ".join(parts)

    def line(self, graph: ArgumentGraph, *, show_ids: bool = False) -> str:
        """The headline: verdict, strength, robustness, the other semantics."""
        if self.robust:
            text = f"{self.title()} — robust: no single removal or weight step changes it"
        else:
            text = f"{self.title()} — fragile: {self.why_fragile(graph, show_ids=show_ids)}"
        agreement = self.agreement()
        return f"{text}; {agreement}" if agreement else text

    def visible_movers(self, limit: int | None = None) -> list[tuple[str, float]]:
        """The `limit` claims (all: None) that move the motion most either way, raised
        first; one whose amount rounds to 0.00 moves nothing a reader could see."""
        moved = [item for item in (*self.raised, *self.lowered) if abs(item[1]) >= VISIBLE]
        most = sorted(moved, key=lambda item: -abs(item[1]))[:limit]
        most.sort(key=lambda item: -item[1])
        return most

    def movers_line(self, graph: ArgumentGraph, *, show_ids: bool = False) -> str:
        """'Raised most by 'a…' +0.15, ...; lowered most by 'b…' -0.13, ...'."""
        moves = []
        if self.raised:
            moves.append(f"raised most by {amounts_text(graph, self.raised, show_ids=show_ids)}")
        if self.lowered:
            moves.append(f"lowered most by {amounts_text(graph, self.lowered, show_ids=show_ids)}")
        moved = "; ".join(moves) or "nothing moves it from its base score"
        return moved[0].upper() + moved[1:]

    def range_line(self) -> str:
        """'With all weights moved one step together: 0.52 to 0.68 (leans pro throughout).'"""
        r = self.robustness
        low, high = r.range_verdicts
        ends = (
            f"{short_verdict(low)} throughout"
            if low is high
            else f"from {short_verdict(low)} to {short_verdict(high)}"
        )
        exact = "" if r.exact_range else " at least"
        moved = "With all weights moved one step together"
        text = f"{moved}:{exact} {r.low:.2f} to {r.high:.2f} ({ends})"
        if self.weighing.unsettled:
            text += f"; {len(self.weighing.unsettled)} claims on cycles did not settle"
        return text

    def lines(self, graph: ArgumentGraph, *, show_ids: bool = False) -> list[str]:
        """The headline, the movers and the range, in that order."""
        return [
            self.line(graph, show_ids=show_ids),
            self.movers_line(graph, show_ids=show_ids),
            self.range_line(),
        ]


def debate_verdict(
    graph: ArgumentGraph,
    labelling: Labelling | None = None,
    weighing: Weighing | None = None,
    *,
    semantics: str | None = None,
    per_side: int = 3,
    amounts: list[tuple[str, float]] | None = None,
) -> DebateVerdict:
    """The debate's verdict, its robustness and its movers (see the module).

    `amounts`: the motion's removal contributions, when already at hand.
    """
    labelling = labelling if labelling is not None else grounded(graph)
    weighing = weighing if weighing is not None else weigh(graph, labelling, semantics)
    if amounts is None:
        within = NEAR_MOTION if len(graph) > LARGE_DEBATE else None
        amounts = contributions(graph, weighing, within=within)
    raised = [(c, a) for c, a in amounts if a > 0][:per_side]
    lowered = [(c, a) for c, a in amounts if a < 0][:per_side]
    return DebateVerdict(weighing, robustness(graph, weighing, amounts), raised, lowered)


def strict_reading(graph: ArgumentGraph, labelling: Labelling) -> str:
    """The grounded labels' reading of the top level, named as such and explained."""
    counts = {"pro": [0, 0], "con": [0, 0]}
    for claim_id in graph.motion.children:
        node = graph.nodes[claim_id]
        if node.side is None:
            continue
        counts[node.side.value][1] += 1
        if labelling[claim_id] is Label.STANDING:
            counts[node.side.value][0] += 1
    con, pro = counts["con"], counts["pro"]
    return (
        f"Strict reading (grounded labels): {con[0]} of {con[1]} con and {pro[0]} of "
        f"{pro[1]} pro top-level claims stand, unanswered or defended; it ignores weights "
        "and support, so one standing con claim is enough to reject the motion on it."
    )
