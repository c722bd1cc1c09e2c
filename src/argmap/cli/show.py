"""`argmap show`: print a debate as a tree with side, kind, id, status and strength."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING, Any

from argmap.cli.common import load_valid, unknown_claim
from argmap.cli.semantics_option import add_semantics_option
from argmap.model import MOTION_ID
from argmap.safetext import printable

if TYPE_CHECKING:
    from rich.text import Text

    from argmap.graph import ArgumentGraph, ClaimNode
    from argmap.semantics import Labelling
    from argmap.strength import Weighing

# Sides take the diagrams' colour-blind-safe pair (blue / vermillion), and the + and − marks
# carry the side without colour. Status is never a side colour: a glyph and the weight of the
# text carry it (bold standing, dim struck-through defeated, italic undecided). On a dark
# terminal (the usual one, and what is assumed unless COLORFGBG says the background is
# light) pro takes the pair's sky blue: its dark blue is dim on black.
SIDE_MARK = {"pro": ("+", "#0072B2"), "con": ("−", "#D55E00")}
DARK_SIDE_MARK = {"pro": ("+", "#56B4E9"), "con": ("−", "#D55E00")}


def light_terminal() -> bool:
    """Whether the terminal says (through COLORFGBG, "fg;bg") its background is light."""
    background = os.environ.get("COLORFGBG", "").rpartition(";")[2]
    return background in {"7", "15"}


def side_marks() -> dict[str, tuple[str, str]]:
    return SIDE_MARK if light_terminal() else DARK_SIDE_MARK


STATUS_GLYPH = {"standing": "✓", "defeated": "✗", "undecided": "?"}
LABEL_STYLE = {"standing": "bold", "defeated": "dim strike", "undecided": "italic"}


def _safe(text: str) -> str:
    return printable(text)


def _one(text: str) -> str:
    return printable(text, one_line=True)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "show",
        help="print a debate as a tree",
        description=(
            "Print a debate as a tree. The motion comes with its verdict first: which way "
            "it leans, its strength, whether one claim flips it (robust or fragile) and "
            "whether other semantics agree; then the claims that move it most. Each claim "
            "shows its side (+ pro in blue, − con in vermillion), its strength (0 to 1), "
            "then its strict grounded label (✓ standing in bold, ✗ defeated dimmed and "
            "struck through, ? undecided in italics), kind and text."
        ),
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="debate files or folders")
    parser.add_argument("--root", metavar="ID", help="start at this claim")
    parser.add_argument("--depth", type=int, metavar="N", help="show N levels below the root")
    parser.add_argument(
        "--why",
        nargs="?",
        const="summary",
        choices=("summary", "all"),
        help=(
            "say why: `--why` explains the verdict and the claims that move it (a screen); "
            "`--why=all` says under every claim why it stands or not and how strong it is"
        ),
    )
    parser.add_argument(
        "--show-ids", action="store_true", help="show claim ids, and name claims by id"
    )
    add_semantics_option(parser)
    parser.set_defaults(run=run)


def _label(
    node: ClaimNode,
    labelling: Labelling,
    weighing: Weighing,
    reason: str | None = None,
    headline: list[str] | None = None,
    show_ids: bool = False,
) -> Text:
    from rich.text import Text

    text = Text()
    if node.side is None:
        text.append("MOTION ", style="bold")
        text.append(_safe(node.text), style="bold")
        # The verdict comes first; the strict reading of the labels, if shown, last.
        for index, line in enumerate(headline or []):
            text.append(f"\n{_safe(line)}", style="bold" if index == 0 else "")
        if reason:
            text.append(f"\n{_safe(reason)}", style="dim italic")
        return text
    mark, colour = side_marks()[node.side.value]
    status = labelling[node.id].value
    strength = weighing.strength(node.id)
    text.append(f"{mark} ", style=f"bold {colour}")
    # Strength first (what the verdict weighs), then the strict label's glyph.
    text.append(f"{strength:.2f} ", style="bold" if strength >= 0.5 else "")
    text.append(f"{STATUS_GLYPH[status]} ", style="bold" if status == "standing" else "dim")
    relation = node.relation.value if node.relation else ""
    if relation == "undercuts":
        text.append("undercut ", style="magenta")
    if node.kind.value != "claim":
        text.append(f"[{_one(node.kind.value)}] ", style="cyan")
    text.append(_safe(node.text), style=LABEL_STYLE[status])
    shown = f"{_one(node.id)}, " if show_ids else ""
    text.append(f"  ({shown}{status})", style="dim")
    for edge in node.claim.also_rebuts if node.claim else []:
        text.append(f"  ↪ also rebuts {_one(edge)}", style="magenta")
    for edge in node.claim.also_supports if node.claim else []:
        text.append(f"  ↪ also supports {_one(edge)}", style="magenta")
    for ref in node.claim.see if node.claim else []:
        text.append(f"  ⇢ see {_one(ref)}", style="magenta")  # blue is the pro side
    if reason:
        text.append(f"\n{_safe(reason)}", style="dim italic")
    return text


def render_tree(
    graph: ArgumentGraph,
    root: str,
    depth: int | None,
    *,
    why: bool = False,
    show_ids: bool = False,
    semantics: str | None = None,
) -> Any:
    """A rich Tree of the claim `root` and `depth` levels below it (with reasons if `why`)."""
    from rich.text import Text
    from rich.tree import Tree

    from argmap.reading import explain_strength, label_and_strength
    from argmap.semantics import explain, grounded
    from argmap.strength import weigh
    from argmap.verdict import debate_verdict, strict_reading

    labelling = grounded(graph)
    weighing = weigh(graph, labelling, semantics)

    def label(node_id: str) -> Text:
        reason = None
        if why and node_id != MOTION_ID:
            parts = [
                label_and_strength(graph, labelling, weighing, node_id, show_ids=show_ids),
                explain(graph, labelling, node_id, show_ids=show_ids),
                explain_strength(graph, weighing, node_id, show_ids=show_ids),
            ]
            reason = "\n".join(part for part in parts if part)
        headline = None
        if node_id == MOTION_ID:
            reading = debate_verdict(graph, labelling, weighing)
            headline = reading.lines(graph, show_ids=show_ids)
            if why:
                headline.append(strict_reading(graph, labelling))
        return _label(graph.nodes[node_id], labelling, weighing, reason, headline, show_ids)

    top = Tree(label(root))
    stack: list[tuple[Tree, str, int]] = [(top, root, 0)]
    while stack:
        branch, node_id, level = stack.pop()
        children = graph.nodes[node_id].children
        if depth is not None and level >= depth:
            if children:
                hidden = graph.count_below(node_id)
                branch.add(Text(f"… +{hidden} more", style="dim"))
            continue
        for child in children:
            stack.append((branch.add(label(child)), child, level + 1))
    return top


def why_summary(graph: ArgumentGraph, show_ids: bool, semantics: str | None) -> Text:
    """The verdict and why, on one screen: the headline, the claims that move it most,
    each with its strength and label (and a sentence where they disagree), the strict
    reading; `--why=all` gives every claim."""
    from rich.text import Text

    from argmap.reading import label_and_strength, name
    from argmap.semantics import grounded
    from argmap.strength import weigh
    from argmap.verdict import debate_verdict, strict_reading

    labelling = grounded(graph)
    weighing = weigh(graph, labelling, semantics)
    reading = debate_verdict(graph, labelling, weighing)
    text = Text()
    text.append("MOTION ", style="bold")
    text.append(_safe(graph.motion.text), style="bold")
    for index, line in enumerate(reading.lines(graph, show_ids=show_ids)):
        text.append(f"\n{_safe(line)}", style="bold" if index == 0 else "")
    text.append("\nWhat moves it most (amount: the motion's strength with minus without it):")
    for claim_id, amount in [*reading.raised, *reading.lowered]:
        node = graph.nodes[claim_id]
        mark, colour = SIDE_MARK[node.side.value if node.side else "pro"]
        status = labelling[claim_id].value
        text.append(f"\n  {mark} ", style=f"bold {colour}")
        text.append(f"{amount:+.2f}  {weighing.strength(claim_id):.2f} {STATUS_GLYPH[status]} ")
        text.append(_safe(name(graph, claim_id, show_ids=show_ids)))
        note = label_and_strength(graph, labelling, weighing, claim_id, show_ids=show_ids)
        if note:
            text.append(f"\n      {_safe(note)}", style="dim italic")
    text.append(f"\n{_safe(strict_reading(graph, labelling))}", style="dim")
    text.append("\nEvery claim with its reasons: argmap show --why=all", style="dim")
    return text


def run(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.text import Text

    if args.depth is not None and args.depth < 0:
        raise ValueError("--depth must be 0 or more")
    loaded = load_valid(args.paths)
    root = args.root or "motion"
    shown = [item for item in loaded if root in item.graph]
    if not shown:
        known = {node_id for item in loaded for node_id in item.graph.nodes}
        raise unknown_claim(root, known)
    console = Console(highlight=False)
    for item in shown:
        heading = Text(f"{_one(item.debate_id)} — ", style="bold")
        heading.append(_one(item.graph.debate.title))
        console.print(heading)
        if args.why == "summary" and root == MOTION_ID:
            console.print(why_summary(item.graph, args.show_ids, args.semantics))
        else:
            tree = render_tree(
                item.graph,
                root,
                args.depth,
                why=args.why is not None,
                show_ids=args.show_ids,
                semantics=args.semantics,
            )
            console.print(tree)
        console.print()
    return 0
