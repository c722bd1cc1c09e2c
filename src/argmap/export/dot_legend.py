"""The marks a diagram draws (link styles, states, shapes) and the legend that explains
exactly those it uses."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from argmap.bars import square_bar
from argmap.export.dot_text import (
    _font,
    escape_html,
)
from argmap.export.dot_theme import Theme, mix
from argmap.graph import ArgumentGraph, Edge, Relation
from argmap.model import Kind, Side
from argmap.semantics import Label, Labelling

if TYPE_CHECKING:
    pass


# --- drawing --------------------------------------------------------------------------------

#: (line style, arrowhead, legend description) per kind of link.
EDGE_STYLES: dict[str, tuple[str, str, str]] = {
    "rebuts": ("solid", "normal", "rebuts (solid line, filled arrow)"),
    "supports": ("dashed", "onormal", "supports (dashed line, open arrow)"),
    "undercuts": (
        "bold",
        "tee",
        "undercuts: attacks the step from a claim to what it answers (bold line, bar)",
    ),
    "also-rebuts": ("dotted", "vee", "also rebuts, a cross-link (dotted line, V arrow)"),
    "also-supports": (
        "dotted",
        "odiamond",
        "also supports, a cross-link (dotted line, open diamond)",
    ),
}
EDGE_GLYPHS = {
    "rebuts": "───▶",
    "supports": "╌╌╌▷",
    "undercuts": "━━━┫",
    "also-rebuts": "┈┈┈>",
    "also-supports": "┈┈┈◇",
}
STATE_MARKS = {Label.DEFEATED: "✗ defeated", Label.UNDECIDED: "? undecided"}
#: The mark on a link that a standing undercut cuts.
CUT_MARK = "✂ cut"
KIND_SHAPES = {Kind.CLAIM: "box", Kind.EVIDENCE: "note", Kind.PROPOSAL: "component"}


def edge_kind(edge: Edge) -> str:
    """The legend key of an edge: rebuts, supports, undercuts, also-rebuts, also-supports."""
    if edge.cross:
        return "also-supports" if edge.relation is Relation.SUPPORTS else "also-rebuts"
    return edge.relation.value


@dataclass(slots=True)
class _Used:
    """What a diagram draws, so the legend explains exactly that and nothing else."""

    sides: set[Side] = field(default_factory=set)
    kinds: set[Kind] = field(default_factory=set)
    states: set[Label] = field(default_factory=set)
    edges: set[str] = field(default_factory=set)
    more: bool = False
    see: bool = False
    outside: bool = False
    cut: bool = False


def legend_table(
    theme: Theme,
    used: _Used,
    columns: int = 1,
    motion: bool = True,
    strength: bool = False,
    wrap: int | None = None,
    down: bool = False,
) -> str:
    """The legend as an HTML-like table: one entry a row, or `columns` entries a row
    (in reading order, or `down` each column in turn); each description wrapped at
    `wrap` characters (None: one line)."""
    small = theme.small
    entries: list[str] = []

    def row(
        sample: str, words: str, fill: str = "", border: str = "", dashed: bool = False
    ) -> None:
        cell = f'<TD ALIGN="CENTER" BORDER="{1 if border else 0}"'
        if fill:
            cell += f' BGCOLOR="{fill}"'
        if border:
            cell += f' COLOR="{border}"'
        if dashed:
            cell += ' STYLE="dashed"'
        content = _font(escape_html(sample), small, theme.text, bold=True) if sample else ""
        cell += f">{content}</TD>"
        lines = textwrap.wrap(words, wrap) if wrap else [words]
        words_cell = _font("<BR/>".join(escape_html(line) for line in lines), small, theme.text)
        align = ' BALIGN="LEFT"' if len(lines) > 1 else ""
        entries.append(f'{cell}<TD ALIGN="LEFT"{align}>{words_cell}</TD>')

    if motion:
        row("MOTION", "the proposition debated (bold box)", theme.motion_fill, theme.motion_border)
    if Side.PRO in used.sides:
        row(
            "PRO",
            "argues for the motion: rounded box, single border",
            theme.pro_fill,
            theme.pro_border,
        )
    if Side.CON in used.sides:
        row(
            "CON",
            "argues against the motion: square box, double border",
            theme.con_fill,
            theme.con_border,
        )
    if Kind.EVIDENCE in used.kinds:
        row("evidence", "a fact or finding: page shape with a folded corner")
    if Kind.PROPOSAL in used.kinds:
        row("proposal", "a policy answer or compromise: box with two tabs")
    if Label.DEFEATED in used.states:
        faded = mix(theme.pro_fill, theme.background, 0.6)
        row("✗", "defeated (faded): a standing claim rebuts it", faded, theme.muted)
    if Label.UNDECIDED in used.states:
        row(
            "?",
            "undecided (dashed border): rebuttals go round in a circle",
            border=theme.muted,
            dashed=True,
        )
    if used.states & {Label.DEFEATED, Label.UNDECIDED}:
        row("", "no mark: standing, every rebuttal of it is defeated")
    for kind in EDGE_STYLES:
        if kind in used.edges:
            row(EDGE_GLYPHS[kind], EDGE_STYLES[kind][2])
    if used.cut:
        row(
            CUT_MARK,
            "a link a standing undercut cuts (faint): it counts less, the stronger the undercut",
        )
    if used.edges:
        row("", "arrows point at the claim rebutted or supported")
    if strength:
        row(
            f"{square_bar(0.62)} 0.62",
            "strength, 0 to 1 (also the border's width): weight, less what attacks it, "
            "plus what supports it",
        )
    if used.more:
        row("+N more", "claims below the cut, not drawn", border=theme.muted, dashed=True)
    if used.see:
        row("see", "a related claim in another debate", border=theme.muted, dashed=True)
    if used.outside:
        row("↪ id", "a cross-link to a claim outside this view", border=theme.muted, dashed=True)
    heading = _font("Legend", small * 1.15, theme.text, bold=True)
    height = -(-len(entries) // columns)
    rows = [
        "<TR>"
        + "".join(
            entries[row * columns : (row + 1) * columns]
            if not down
            else entries[row : len(entries) : height]
        )
        + "</TR>"
        for row in range(height)
    ]
    return (
        f'<TABLE BORDER="1" COLOR="{theme.muted}" CELLBORDER="0" CELLSPACING="4" '
        f'CELLPADDING="3" BGCOLOR="{theme.background}">'
        f'<TR><TD COLSPAN="{2 * columns}" ALIGN="LEFT">{heading}</TD></TR>'
        + "".join(rows)
        + "</TABLE>"
    )


def debate_legends(graph: ArgumentGraph, labels: Labelling, theme: Theme) -> tuple[str, str]:
    """The legend of everything a debate's diagrams draw, in two HTML-like tables: the
    boxes (sides, kinds, labels), then the links and stubs. Each fits a slide at 18 pt."""
    boxes, links = _debate_used(graph, labels)
    return legend_table(theme, boxes), legend_table(theme, links, motion=False)


def debate_legend_columns(
    graph: ArgumentGraph, labels: Labelling, theme: Theme, wrap: int, columns: int = 2
) -> str:
    """The legend of everything a debate's diagrams draw as one HTML-like table of
    `columns` columns, the boxes then the links down each column in turn, descriptions
    wrapped at `wrap` characters: wide rather than tall, for a 16:9 slide."""
    boxes, links = _debate_used(graph, labels)
    used = _Used(boxes.sides, boxes.kinds, boxes.states, links.edges, links.more, links.see)
    used.outside = links.outside
    return legend_table(theme, used, columns=columns, wrap=wrap, down=True)


def _debate_used(graph: ArgumentGraph, labels: Labelling) -> tuple[_Used, _Used]:
    """What a debate's diagrams draw: the boxes, and the links and stubs."""
    boxes, links = _Used(), _Used()
    for node in graph.claims():
        assert node.side is not None
        boxes.sides.add(node.side)
        boxes.kinds.add(node.kind)
        boxes.states.add(labels[node.id])
        if node.claim is not None and node.claim.see:
            links.see = True
    links.edges = {edge_kind(edge) for edge in graph.edges}
    links.more = True
    links.outside = any(edge.cross for edge in graph.edges)
    return boxes, links
