"""How argmap reads a claim to a student: names by short text, strengths explained, and
one sentence where the grounded label and the strength seem to disagree.

Claims are named by a short form of their text ('Guardrails calibrated to risk…'); ids
only when asked (`show_ids`, as in the language server). The texts returned here are raw:
every surface escapes them for where it prints them.
"""

from __future__ import annotations

from collections.abc import Callable

from argmap.contributions import contributions
from argmap.graph import ArgumentGraph, Relation
from argmap.model import MOTION_ID
from argmap.naming import NUMBER_WORDS as NUMBER_WORDS
from argmap.naming import SHORT as SHORT
from argmap.naming import counted, names
from argmap.naming import name as name
from argmap.naming import short_text as short_text
from argmap.semantics import Label, Labelling, attack_holds, attackers_of
from argmap.strength import Weighing
from argmap.weakening import keep

#: A claim is strong from this strength on (the middle of the scale).
STRONG = 0.5


def amounts_text(
    graph: ArgumentGraph, items: list[tuple[str, float]], *, show_ids: bool = False
) -> str:
    """ "'a…' +0.15, 'b…' +0.09": claims and their signed contributions."""
    return ", ".join(f"{name(graph, c, show_ids=show_ids)} {a:+.2f}" for c, a in items)


def strength_reason(
    graph: ArgumentGraph, weighing: Weighing, claim_id: str, *, show_ids: bool = False
) -> str:
    """A short clause for messages: "base 0.50; lowered most by 'r…' -0.20"."""
    parts = [f"base {weighing.base(claim_id):.2f}"]
    amounts = contributions(graph, weighing, claim_id)
    parts += moved_most(amounts, lambda c, a: amounts_text(graph, [(c, a)], show_ids=show_ids))
    return "; ".join(parts)


def moved_most(amounts: list[tuple[str, float]], say: Callable[[str, float], str]) -> list[str]:
    """'lowered most by …' and 'raised most by …': the largest move each way, if any.

    `amounts` are contributions, largest first; `say` words one claim and its amount.
    """
    lowered = [(c, a) for c, a in amounts if a < 0]
    raised = [(c, a) for c, a in amounts if a > 0]
    parts = []
    if lowered:
        parts.append(f"lowered most by {say(*lowered[0])}")
    if raised:
        parts.append(f"raised most by {say(*raised[0])}")
    return parts


def explain_strength(
    graph: ArgumentGraph, weighing: Weighing, claim_id: str, *, show_ids: bool = False
) -> str:
    """One or two plain sentences: the strength, its base score, what moved it most."""

    def called(c: str) -> str:
        return name(graph, c, show_ids=show_ids)

    value = weighing.strength(claim_id)
    base = weighing.base(claim_id)
    node = graph.node(claim_id)
    if node.claim is None:
        origin = "the neutral base score"
    elif node.claim.weight is None:
        origin = "base 0.50, no weight given"
    else:
        origin = f"base {base:.2f} from weight {node.claim.weight}"
    subject = "The motion has strength" if claim_id == MOTION_ID else "Strength"
    text = f"{subject} {value:.2f} ({origin})."
    amounts = contributions(graph, weighing, claim_id)
    parts = moved_most(amounts, lambda c, a: f"{called(c)} ({a:+.2f})")
    if parts:
        sentence = "; ".join(parts)
        text += " " + sentence[0].upper() + sentence[1:] + "."
    elif not any(e.relation is not Relation.UNDERCUTS for e in graph.incoming[claim_id]):
        text += " Nothing rebuts or supports it, so it keeps its base score."
    else:
        text += " What rebuts or supports it is cut or cancels out, so it keeps its base score."
    qbaf = weighing.qbaf
    position = qbaf.index.get(claim_id) if qbaf is not None else None
    parent = node.parent or MOTION_ID
    if (
        qbaf is not None
        and position is not None
        and any(j == position for j, _ in qbaf.cuttable.get(qbaf.index[parent], ()))
    ):
        sigma = [weighing.strengths[i] for i in qbaf.ids]
        share = keep(qbaf.undercuts, position, sigma)
        cutters = [qbaf.ids[u] for u in qbaf.undercuts[position]]
        kind = "an undercut" if len(cutters) == 1 else "undercuts"
        text += (
            f" Its link to {called(parent)} is weakened by "
            f"{names(graph, cutters, show_ids=show_ids)} ({kind}), so {share:.0%} of its "
            "strength counts there."
        )
    if claim_id in weighing.unsettled:
        text += " Its cycle did not settle, so this figure is approximate."
    return text


def label_and_strength(
    graph: ArgumentGraph,
    labelling: Labelling,
    weighing: Weighing,
    claim_id: str,
    *,
    show_ids: bool = False,
) -> str | None:
    """One plain sentence where the grounded label and the strength seem to disagree
    (defeated but strong, standing but weak); None where they agree."""
    if claim_id == MOTION_ID or claim_id not in graph.nodes:
        return None
    label, value = labelling[claim_id], weighing.strength(claim_id)

    def called(c: str) -> str:
        return name(graph, c, show_ids=show_ids)

    if label is Label.DEFEATED and value >= STRONG:
        winners = [
            a
            for a in attackers_of(graph, claim_id)
            if labelling[a] is Label.STANDING
            and attack_holds(graph, labelling, a, claim_id) == "holds"
        ]
        answer = f"{called(winners[0])} answers it and stands" if winners else "it is answered"
        support = len(graph.supporters(claim_id))
        if support:
            keeps = (
                "its support still keeps it strong"
                if support == 1
                else f"its {counted(support, 'support')} still keep it strong"
            )
        elif raised := [c for c, a in contributions(graph, weighing, claim_id) if a > 0]:
            keeps = f"{called(raised[0])} still keeps it strong"
        else:
            keeps = "its weight still keeps it strong"
        return f"Strictly, {answer}; {keeps} ({value:.2f})."
    if label is Label.STANDING and value < STRONG:
        lowered = [c for c, a in contributions(graph, weighing, claim_id) if a < 0]
        if lowered:
            why = f"{called(lowered[0])} still weighs against it"
        else:
            why = "its low weight keeps it weak"
        if attackers_of(graph, claim_id):
            strictly = "every claim that answers it is answered in turn"
        else:
            strictly = "nothing answers it"
        return f"Strictly it stands, as {strictly}; but {why} ({value:.2f})."
    return None
