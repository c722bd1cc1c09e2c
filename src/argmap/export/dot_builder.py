"""The builder that writes a debate's claims, links, stubs and legend as DOT, in document
order."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from argmap.bars import square_bar
from argmap.export.dot_layout import (
    Drawing,
    choose_rankdir,
    fast_layout,
    uses_fast_layout,
    uses_tree_layout,
)
from argmap.export.dot_legend import (
    CUT_MARK,
    EDGE_STYLES,
    KIND_SHAPES,
    STATE_MARKS,
    _Used,
    edge_kind,
    legend_table,
)
from argmap.export.dot_scope import (
    Scope,
    debate_id,
    without_ancestors,
)
from argmap.export.dot_text import (
    _font,
    _quote_label,
    escape_html,
    html_lines,
    quick_quote,
    shorten,
)
from argmap.export.dot_theme import FONTNAME, Theme, mix
from argmap.export.reveal_layout import LEGEND, Layered
from argmap.export.tidy import Pins
from argmap.graph import ArgumentGraph, ClaimNode, Edge
from argmap.model import MOTION_ID, Kind, Side
from argmap.semantics import Label, grounded
from argmap.strength import Weighing, weigh
from argmap.verdict import debate_verdict

if TYPE_CHECKING:
    import graphviz

    from argmap.export import ExportOptions


class _Builder:
    def __init__(
        self,
        graph: ArgumentGraph,
        options: ExportOptions,
        theme: Theme,
        drawing: Drawing | None = None,
    ) -> None:
        import graphviz

        self.graph = graph
        self.options = options
        self.theme = theme
        self.drawing = drawing or Drawing()
        self.used = _Used()
        given = self.drawing
        self.labels = given.labels if given.labels is not None else grounded(graph)
        weighing = given.weighing
        if weighing is None:
            weighing = weigh(graph, self.labels, self.options.semantics)
        self.strengths = weighing.strengths
        # The weighing is kept only until the motion's box asks for the verdict (see
        # `motion_verdict`): a branch diagram, as slide decks draw by the hundred, never
        # draws the motion and never pays for the verdict's robustness.
        self._weighing: Weighing | None = weighing
        self._verdict: tuple[str, str] | None = None
        self.names: dict[str, str] = {}
        self.stub_count = 0
        self.dot = graphviz.Digraph(name="argmap", strict=False)
        # graphviz's `quote` without its wrapper that checks for positional arguments.
        quote = graphviz.quoting.quote
        self._quote = quick_quote(getattr(quote, "__wrapped__", quote))
        self._quoted: dict[str, str] = {}
        self._rendered: dict[tuple[tuple[str, str], ...], list[tuple[str, str]]] = {}
        #: A claim's links outside the view in one box of lines, by claim (a projected
        #: branch, see `build`); None: a box for each link.
        self.outside: dict[str, list[str]] | None = None
        #: The boxes to pin, when the diagram is laid out as a tidy tree.
        self.pins: Pins | None = None
        #: The boxes, links and reveal steps of a reveal step laid out level by level.
        self.layered: Layered | None = None
        self.steps: dict[str, int] = {}

    def motion_verdict(self) -> tuple[str, str]:
        """The verdict and how robust it is, and what flips it (for the motion's box)."""
        if self._verdict is None:
            assert self._weighing is not None
            reading = debate_verdict(self.graph, self.labels, self._weighing)
            flips = reading.why_fragile(self.graph)
            self._verdict = (
                f"{reading.title()} · {reading.word}",
                flips or "no single removal or weight step changes it",
            )
            # Free the framework behind the strengths before the DOT text grows.
            self._weighing = None
        return self._verdict

    # DOT lines ------------------------------------------------------------------------------
    # Node and edge statements are written straight into the Digraph's body, exactly as its
    # `node()` and `edge()` would write them (keys sorted, values quoted by graphviz's own
    # `quote`), but quoting each distinct name and value once: with thousands of claims the
    # same colours and styles recur on every line.

    def _quoted_value(self, value: str) -> str:
        quoted = self._quoted.get(value)
        if quoted is None:
            quoted = self._quoted[value] = self._quote(value)
        return quoted

    def _attr_list(
        self, label: str | None, attrs: dict[str, str], per_claim: dict[str, str] | None = None
    ) -> str:
        # `attrs` recur from line to line and are rendered once per distinct set of values;
        # `per_claim` values (a claim's id and tooltip) differ on every line.
        shared = tuple(attrs.items())
        pairs = self._rendered.get(shared)
        if pairs is None:
            quoted = self._quoted_value
            pairs = [(k, f"{quoted(k)}={quoted(v)}") for k, v in shared]
            self._rendered[shared] = pairs = sorted(pairs)
        if per_claim:
            quote = self._quote
            pairs = sorted(pairs + [(k, f"{k}={quote(v)}") for k, v in per_claim.items()])
        parts = [] if label is None else [f"label={_quote_label(label, self._quote)}"]
        parts += [part for _, part in pairs]
        return f" [{' '.join(parts)}]" if parts else ""

    def node(
        self, name: str, label: str, per_claim: dict[str, str] | None = None, **attrs: str
    ) -> None:
        """Add a node statement, as `graphviz.Digraph.node` would."""
        line = self._attr_list(label, attrs, per_claim)
        if self.pins is not None:
            self.pins.box(len(self.dot.body), name, label, attrs.get("margin", "0.15,0.08"))
        if self.layered is not None:
            role = "claim" if name in self.steps else LEGEND if name == LEGEND else "stub"
            self.layered.box(
                len(self.dot.body),
                name,
                label,
                attrs.get("margin", "0.15,0.08"),
                visible=attrs.get("style") != "invis",
                role=role,
                step=self.steps.get(name, 0),
            )
        self.dot.body.append(f"\t{self._quoted_value(name)}{line}\n")

    def edge(self, tail: str, head: str, **attrs: str) -> None:
        """Add an edge statement, as `graphviz.Digraph.edge` would (names have no ports)."""
        if self.layered is not None:
            self.layered.link(
                len(self.dot.body),
                tail,
                head,
                visible=attrs.get("style") != "invis",
                tree=attrs.get("constraint") != "false",
            )
        tail, head = self._quoted_value(tail), self._quoted_value(head)
        self.dot.body.append(f"\t{tail} -> {head}{self._attr_list(None, attrs)}\n")

    # Node attributes ------------------------------------------------------------------------

    def small(self) -> float:
        return self.theme.small

    def invisible(self, *claim_ids: str | None) -> bool:
        """Whether something attached to these claims is hidden (a later reveal step)."""
        hidden = self.drawing.hidden
        return bool(hidden) and any(c in hidden for c in claim_ids)

    def body_text(self, node: ClaimNode) -> str:
        """The claim's text wrapped (and shortened, when the drawing limits it), escaped."""
        drawing = self.drawing
        text = node.text
        limit = drawing.max_chars
        if limit is not None and node.id in drawing.wide:
            limit = max(limit, drawing.wide_max_chars)
        if limit is not None and len(text) > limit:
            text = shorten(text, limit)
        width = drawing.wide_wrap if node.id in drawing.wide else self.options.wrap
        return html_lines(text, width)

    def claim_label(self, node: ClaimNode, state: Label) -> str:
        theme, opts = self.theme, self.options
        unsettled = node.id in self.drawing.unsettled
        faded = state is Label.DEFEATED and not node.is_motion and not unsettled
        text_colour = theme.muted if faded else theme.text
        # An unsettled label is laid out but written in the colour of its box.
        if node.is_motion:
            box = theme.motion_fill
        else:
            box = theme.pro_fill if node.side is Side.PRO else theme.con_fill
        said = box if unsettled else text_colour
        if node.is_motion:
            head = _font("MOTION", self.small(), text_colour, bold=True)
            body = _font(self.body_text(node), theme.fontsize * 1.15, text_colour)
            # The verdict with its robustness; what flips it in a quieter line.
            balance, flips = self.motion_verdict()
            verdict = _font(escape_html(balance), theme.fontsize, said, bold=True)
            quiet = box if unsettled else theme.muted
            tail = _font(html_lines(flips, max(self.options.wrap, 40)), self.small(), quiet)
            return f"<{head}<BR/>{body}<BR/>{verdict}<BR/>{tail}>"
        assert node.side is not None
        parts = [node.side.value.upper()]
        if node.kind is not Kind.CLAIM:
            parts.append(node.kind.value)
        if opts.show_ids:
            parts.append(node.id)
        side_colour = theme.pro_border if node.side is Side.PRO else theme.con_border
        head_colour = mix(side_colour, theme.background, 0.45) if faded else side_colour
        mark = self.drawing.marks.get(node.id) or STATE_MARKS.get(state)
        hidden_mark = ""
        if mark and self.drawing.mark_in_header:
            if unsettled:
                hidden_mark = _font(escape_html(f" · {mark}"), self.small(), said, bold=True)
            else:
                parts.append(mark)
            mark = None
        head = _font(escape_html(" · ".join(parts)), self.small(), head_colour, bold=True)
        head += hidden_mark
        body = _font(self.body_text(node), theme.fontsize, text_colour)
        label = f"{head}<BR/>{body}"
        if mark:
            label += "<BR/>" + _font(escape_html(mark), self.small(), said, bold=True)
        if opts.strength:
            value = self.strengths[node.id]
            figure = f"{square_bar(value)} {value:.2f}"
            label += "<BR/>" + _font(escape_html(figure), self.small(), text_colour)
        return f"<{label}>"

    def add_claim(self, node: ClaimNode, name: str) -> None:
        theme = self.theme
        state = self.labels[node.id]
        label = self.claim_label(node, state)
        strength = self.strengths[node.id]
        # The strength joins the tooltip only when it is drawn: on a big debate the extra
        # words on every line would cost megabytes the memory target has no room for.
        tip = f"{state}, strength {strength:.2f}" if self.options.strength else f"{state}"
        per_claim = {"id": f"claim-{node.id}", "tooltip": f"{node.id} ({tip})"}
        attrs: dict[str, str] = {}
        if node.is_motion:
            attrs.update(
                shape="box",
                style="filled,bold",
                penwidth=f"{theme.penwidth * 1.8:g}",
                color=theme.motion_border,
                fillcolor=theme.motion_fill,
                margin="0.25,0.12",
            )
            self.node(name, label, per_claim, **attrs)
            return
        assert node.side is not None
        # Hidden claims count too: the legend of every reveal step is the same table, so
        # it keeps its size and nothing moves.
        self.used.sides.add(node.side)
        self.used.kinds.add(node.kind)
        self.used.states.add(state)
        if self.invisible(node.id):
            # Laid out like the others (same label, shape and borders), drawn as nothing.
            attrs.update(
                shape=KIND_SHAPES[node.kind],
                style="invis",
                peripheries="1" if node.side is Side.PRO else "2",
            )
            self.node(name, label, per_claim, **attrs)
            return
        pro = node.side is Side.PRO
        border = theme.pro_border if pro else theme.con_border
        fill = theme.pro_fill if pro else theme.con_fill
        if state is Label.DEFEATED and node.id not in self.drawing.unsettled:
            # Faded: fill and border move most of the way to the background.
            border = mix(border, theme.background, 0.55)
            fill = mix(fill, theme.background, 0.6)
        # Pro: rounded single border; con: square double border. Survives greyscale.
        style = "rounded,filled" if pro and node.kind is Kind.CLAIM else "filled"
        if state is Label.UNDECIDED and node.id not in self.drawing.unsettled:
            style += ",dashed"
        # With --strength the border grows from a hairline (0) to three times the usual
        # width (1); otherwise every claim has the same border.
        width = theme.penwidth * (0.3 + 2.7 * strength) if self.options.strength else theme.penwidth
        attrs.update(
            shape=KIND_SHAPES[node.kind],
            style=style,
            color=border,
            fillcolor=fill,
            penwidth=f"{width:.2g}" if self.options.strength else f"{width:g}",
            peripheries="1" if pro else "2",
        )
        self.node(name, label, per_claim, **attrs)

    def stub(
        self,
        text: str | list[str],
        anchor: str,
        kind: str,
        *,
        outward: bool = True,
        hidden: bool = False,
    ) -> None:
        """A small dashed box attached to `anchor`: hidden claims, `see` links, outside
        claims (`text` a list: one line each, left-aligned)."""
        self.stub_count += 1
        name = f"s{self.stub_count:04d}"
        theme = self.theme
        if isinstance(text, str):
            escaped = escape_html(text)
        else:
            escaped = "".join(f'{escape_html(line)}<BR ALIGN="LEFT"/>' for line in text)
        self.node(
            name,
            f"<{_font(escaped, self.small(), theme.muted)}>",
            shape="box",
            style="invis" if hidden else "rounded,dashed",
            color=theme.muted,
            fontcolor=theme.muted,
            penwidth="1",
            margin="0.08,0.03",
            height="0.2",
        )
        if self.pins is not None:
            self.pins.link(anchor, name)
        if kind != "more" and self.layered is not None:
            # A reveal step laid out level by level keeps a link's stub beside its claim,
            # so the stub shows where its claim does.
            self.layered.beside(anchor, name)
        elif kind != "more" and self.drawing.stubs_beside:
            # On the anchor's level, beside it: a slide is wider than it is tall.
            self.dot.body.append(f"\t{{rank=same; {anchor}; {name}}}\n")
        if hidden:
            self.edge(anchor, name, style="invis")
            return
        if kind == "more" or kind == "see":
            self.edge(anchor, name, style="dotted", arrowhead="none", color=theme.muted)
            return
        style, arrow, _ = EDGE_STYLES[kind]
        if outward:
            self.edge(anchor, name, style=style, arrowhead=arrow, color=theme.muted)
        else:
            self.edge(anchor, name, style=style, dir="back", arrowtail=arrow, color=theme.muted)

    # The whole diagram ----------------------------------------------------------------------

    def build(self, scope: Scope) -> graphviz.Digraph:
        theme, opts, graph = self.theme, self.options, self.graph
        title = escape_html(graph.debate.title)
        subtitle = debate_id(graph)
        if scope.root != MOTION_ID:
            subtitle += f" · from {scope.root}"
        if opts.depth is not None:
            subtitle += f" · {opts.depth} level{'s' * (opts.depth != 1)}"
        if opts.side:
            subtitle += f" · {opts.side} side"
        title_size = theme.fontsize * 1.6
        if theme.name == "slides" and scope.root != MOTION_ID and self.drawing.titled:
            # A projected branch: the way back from its root in one line, not in boxes
            # (the motion's box with its verdict would take the height of the slide).
            from argmap.export.deck_text import breadcrumb

            scope = without_ancestors(graph, scope)
            # Links to claims elsewhere beside their claim, as on a deck's slide.
            self.drawing = replace(self.drawing, stubs_beside=True)
            self.outside = {}
            title_size = theme.fontsize
            subtitle = breadcrumb(graph, scope.root, limit=72)
        graph_attrs = {
            "label": (
                f"<{_font(title, title_size, theme.text, bold=True)}<BR/>"
                f"{_font(escape_html(subtitle), self.small(), theme.muted)}>"
            ),
            "labelloc": "t",
            "labeljust": "c",
        }
        if not self.drawing.titled:
            graph_attrs = {}
        graph_attrs |= {
            "rankdir": choose_rankdir(graph, scope, opts.rankdir),
            "bgcolor": theme.background,
            "fontname": FONTNAME,
            "fontcolor": theme.text,
            "nodesep": f"{theme.nodesep:g}",
            "ranksep": f"{theme.ranksep:g}",
            "newrank": "true",
            "pad": f"{self.drawing.pad:g}",
            **(
                {"margin": f"{self.drawing.page_margin:g}"}
                if self.drawing.page_margin is not None
                else {}
            ),
            "charset": "UTF-8",
        }
        if theme.size:
            graph_attrs["size"] = theme.size
        if theme.ratio:
            graph_attrs["ratio"] = theme.ratio
        dpi = opts.dpi or theme.dpi
        if dpi:
            graph_attrs["dpi"] = str(dpi)
        if uses_fast_layout(len(scope.shown), opts.layout):
            graph_attrs.update(fast_layout(len(scope.shown)))
        if uses_tree_layout(len(scope.shown), opts.layout):
            # Boxes pinned where the tidy tree puts them; Graphviz only draws (see render).
            graph_attrs.update(layout="neato", splines="line", outputorder="edgesfirst")
            self.pins = Pins(theme.fontsize)
        elif self.drawing.reveal_sizes is not None:
            # A reveal step: its shown boxes pinned where `reveal_layout` puts them.
            graph_attrs.update(layout="nop2", outputorder="edgesfirst")
            graph_attrs.pop("ratio", None)
            self.layered = Layered(
                self.drawing.reveal_sizes, theme.fontsize, self.drawing.reveal_growth
            )
        self.dot.attr("graph", **graph_attrs)
        self.dot.attr("node", fontname=FONTNAME, fontsize=f"{theme.fontsize:g}", margin="0.15,0.08")
        self.dot.attr(
            "edge", color=theme.edge, fontname=FONTNAME, penwidth=f"{theme.penwidth * 0.8:g}"
        )
        for index, claim_id in enumerate(scope.shown):
            self.names[claim_id] = f"n{index:04d}"
        if self.layered is not None:
            base = graph.depth(scope.root)
            self.steps = {self.names[c]: max(0, graph.depth(c) - base) for c in scope.shown}
        for claim_id in scope.shown:
            self.add_claim(graph.nodes[claim_id], self.names[claim_id])
        self.add_tree_edges(scope)
        self.add_cross_links(scope)
        self.add_stubs(scope)
        if self.drawing.columns:
            self.add_grid(scope, self.drawing.columns)
        if opts.legend:
            self.add_legend(scope)
        gap, level_gap = theme.nodesep * 72, theme.ranksep * 72
        if self.pins is not None:
            self.pins.pin(self.dot.body, graph_attrs["rankdir"], gap=gap, level_gap=level_gap)
        if self.layered is not None:
            self.layered.pin(self.dot.body, graph_attrs["rankdir"], gap=gap, level_gap=level_gap)
        return self.dot

    def add_grid(self, scope: Scope, columns: int) -> None:
        """Rows of at most `columns` children under the root, each row a level lower."""
        children = [c for c in self.graph.nodes[scope.root].children if c in scope]
        # An invisible edge from each claim to the one a row below it pushes that row
        # down a level; the root's own edges stay as they are.
        for upper, lower in zip(children, children[columns:], strict=False):
            self.edge(self.names[upper], self.names[lower], style="invis")

    def add_tree_edges(self, scope: Scope) -> None:
        for claim_id in scope.shown:
            node = self.graph.nodes[claim_id]
            if node.parent is None or node.relation is None or node.parent not in scope:
                continue
            kind = node.relation.value
            self.used.edges.add(kind)
            style, arrow, _ = EDGE_STYLES[kind]
            attrs = {"style": style, "dir": "back", "arrowtail": arrow}
            if kind == "undercuts":
                attrs["penwidth"] = f"{self.theme.penwidth * 1.6:g}"
            if self.labels.is_cut(claim_id):
                # A standing undercut cuts this link: drawn faint, marked with scissors.
                # In a reveal step that does not show the undercut yet, the mark is laid
                # out (so nothing moves when it appears) but written in the background.
                self.used.cut = True
                shown = self._cutter_shown(node)
                attrs.update(
                    color=self.theme.muted if shown else self.theme.edge,
                    label=CUT_MARK,
                    fontcolor=self.theme.muted if shown else self.theme.background,
                    fontsize=f"{self.small():g}",
                )
            if self.layered is not None and "label" in attrs:
                self.layered.label(self.names[claim_id], CUT_MARK, self.small())
            if self.invisible(claim_id):
                attrs = {"style": "invis"}
            # Drawn parent -> child so rebuttals sit below what they answer; the arrow
            # (at the tail) points at the claim rebutted or supported.
            self.edge(self.names[node.parent], self.names[claim_id], **attrs)
            if self.pins is not None:
                self.pins.link(self.names[node.parent], self.names[claim_id])

    def _cutter_shown(self, node: ClaimNode) -> bool:
        """Whether an undercut of the node's link is drawn in this step (always, outside
        a reveal)."""
        hidden = self.drawing.hidden
        if not hidden:
            return True
        cutters = [
            c
            for c in node.children
            if (r := self.graph.nodes[c].relation) is not None and r.value == "undercuts"
        ]
        return not cutters or any(c not in hidden for c in cutters)

    def _decides(self, edge: Edge, scope: Scope) -> bool:
        """Whether a cross-link from outside the view is what defeats a claim drawn in it:
        a standing claim's rebuttal of a claim marked defeated. Its stub stays even where
        other link stubs are left out, so a "✗ defeated" never stands without its cause."""
        return (
            edge.target in scope
            and edge.source not in scope
            and edge.relation.value == "rebuts"
            and self.labels[edge.source] is Label.STANDING
            and self.labels[edge.target] is Label.DEFEATED
        )

    def add_cross_links(self, scope: Scope) -> None:
        for edge in self.graph.edges:
            if not edge.cross:
                continue
            if not self.drawing.stubs and not (
                (edge.source in scope and edge.target in scope) or self._decides(edge, scope)
            ):
                continue
            kind = edge_kind(edge)
            style, arrow, _ = EDGE_STYLES[kind]
            source_in, target_in = edge.source in scope, edge.target in scope
            hidden = self.invisible(edge.source, edge.target)
            if source_in and target_in:
                self.used.edges.add(kind)
                attrs = {"style": style, "arrowhead": arrow}
                self.edge(
                    self.names[edge.source],
                    self.names[edge.target],
                    **({"style": "invis"} if hidden else attrs),
                    constraint="false",
                )
            elif source_in:
                self.used.edges.add(kind)
                self.used.outside = True
                if self.outside is not None:
                    self.outside.setdefault(edge.source, []).append(f"↪ {edge.target} ({kind})")
                    continue
                self.stub(f"↪ {edge.target}", self.names[edge.source], kind, hidden=hidden)
            elif target_in:
                self.used.edges.add(kind)
                self.used.outside = True
                if self.outside is not None:
                    self.outside.setdefault(edge.target, []).append(f"↩ {edge.source} ({kind})")
                    continue
                self.stub(
                    f"↩ {edge.source}",
                    self.names[edge.target],
                    kind,
                    outward=False,
                    hidden=hidden,
                )

    def add_stubs(self, scope: Scope) -> None:
        for claim_id in scope.shown:
            name = self.names[claim_id]
            invisible = self.invisible(claim_id)
            hidden = scope.hidden_below.get(claim_id)
            if hidden:
                self.used.more = True
                text = self.drawing.more_text.get(claim_id, f"+{hidden} more")
                self.stub(text, name, "more", hidden=invisible)
            claim = self.graph.nodes[claim_id].claim
            texts = []
            for ref in claim.see if claim and self.drawing.stubs else []:
                self.used.see = True
                other, _, target = ref.partition(":")
                texts.append(f"see {other}" + (f": {target}" if target else ""))
            if self.outside is not None:
                # One box of lines beside the claim, not a row of boxes as wide as a slide.
                texts = self.outside.get(claim_id, []) + [
                    line for text in texts for line in _two_lines(text)
                ]
                if texts:
                    self.stub(texts, name, "see", hidden=invisible)
                continue
            for text in texts:
                self.stub(text, name, "see", hidden=invisible)

    def add_legend(self, scope: Scope) -> None:
        theme = self.theme
        # On a slide a one-column legend is as tall as the diagram and takes a third of
        # the width; there it becomes a compact grid under the diagram.
        compact = theme.name == "slides"
        table = legend_table(
            theme, self.used, columns=3 if compact else 1, strength=self.options.strength
        )
        self.node("legend", f"<{table}>", shape="plaintext", margin="0")
        if compact and scope.shown:
            # An invisible edge from the last claim drawn puts the legend a level below
            # the deepest claims (`rank=sink` alone leaves an unconnected node at the top).
            deepest = max(scope.shown, key=lambda c: self.graph.nodes[c].depth)
            self.edge(self.names[deepest], "legend", style="invis")


def _two_lines(see: str, width: int = 32) -> list[str]:
    """`see debate: claim` on two lines when long: a box beside a claim stays narrow."""
    head, colon, target = see.partition(": ")
    if len(see) <= width or not colon:
        return [see]
    return [f"{head}:", f"\u00a0\u00a0{target}"]
