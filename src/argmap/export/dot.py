"""An argument graph as a Graphviz diagram: scope, themes, escaped labels, legend and stubs.

Node names are synthetic (`n0000` for the motion, then `n0001`... in document order), so a
claim id never reaches DOT syntax as a name; the id and text live in HTML-like labels built
with full escaping. Everything is emitted in document order, so the same debate always
gives byte-identical DOT.
"""

from __future__ import annotations

import difflib
import functools
import re
import textwrap
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from argmap.bars import square_bar
from argmap.collector import collector_paused
from argmap.export.tidy import Pins
from argmap.graph import ArgumentGraph, ClaimNode, Edge, Relation
from argmap.model import MOTION_ID, Kind, Side
from argmap.reading import short_text
from argmap.semantics import Label, Labelling, grounded
from argmap.strength import weigh
from argmap.verdict import debate_verdict

if TYPE_CHECKING:
    import graphviz

    from argmap.export import ExportOptions

#: Families that cover Latin, Greek, Cyrillic, Arabic and (where installed) CJK text.
FONTNAME = "Noto Sans,Noto Sans CJK SC,DejaVu Sans,sans-serif"
RANKDIRS = ("TB", "LR", "auto")
#: With rankdir "auto", a diagram wider than this many claims on one level is drawn LR.
AUTO_LR_WIDTH = 7
SIDES = ("pro", "con")
#: "auto" lays a diagram out with the detailed settings up to `LARGE_DIAGRAM` boxes, with
#: `fast_layout` above, and as a tidy tree (`argmap.export.tidy`) above `TREE_DIAGRAM`;
#: "full", "fast" and "tree" choose one for any size.
LAYOUTS = ("auto", "full", "fast", "tree")
#: Above this many boxes the detailed layout takes tens of seconds: `dot` spends almost
#: all of it placing boxes sideways (network simplex), whose passes grow with the boxes.
LARGE_DIAGRAM = 2000
#: The sideways placement's pass budget in the quicker layout. Measured on a generated
#: 10,000-claim debate: 400 passes lay it out in about a quarter of the detailed time;
#: branches drift further from their parents, ranks and edges stay as they were.
FAST_LAYOUT_PASSES = 400
#: Above this many boxes even the quicker `dot` layout grows faster than the diagram (a
#: 50,000-claim debate: over a minute and a gigabyte); the tidy tree is linear.
TREE_DIAGRAM = 5000


def fast_layout(boxes: int) -> dict[str, str]:
    """Graphviz settings that bound the sideways placement of `boxes` boxes.

    `nslimit` bounds network simplex to nslimit × (its node count) passes; that count is
    about 2.3 × the boxes once `dot` adds its virtual nodes for long edges.
    """
    return {"nslimit": f"{FAST_LAYOUT_PASSES / (2.3 * max(boxes, 1)):.4g}"}


def uses_fast_layout(claims: int, layout: str) -> bool:
    """Whether a diagram of `claims` claims is laid out with `FAST_LAYOUT`."""
    return layout == "fast" or (layout == "auto" and LARGE_DIAGRAM < claims <= TREE_DIAGRAM)


def uses_tree_layout(claims: int, layout: str) -> bool:
    """Whether a diagram of `claims` claims is laid out as a tidy tree, `dot` only drawing."""
    return layout == "tree" or (layout == "auto" and claims > TREE_DIAGRAM)


class ScopeError(Exception):
    """The requested part of the debate does not exist (unknown root, wrong side)."""


@dataclass(frozen=True, slots=True)
class Drawing:
    """How a diagram is drawn beyond `ExportOptions`: what slide decks and reveal steps need.

    The defaults draw exactly what `argmap export` always drew.
    """

    #: Draw the debate's title above the diagram (a slide has its own title instead).
    titled: bool = True
    #: Claims laid out but drawn invisible, with everything attached to them: a reveal step
    #: keeps every box where the full diagram puts it.
    hidden: frozenset[str] = frozenset()
    #: Text of the "+N more" stub under a claim, replacing the count alone.
    more_text: Mapping[str, str] = field(default_factory=dict)
    #: A last line in a claim's box replacing its state mark (e.g. "✓ standing").
    marks: Mapping[str, str] = field(default_factory=dict)
    #: Claims wrapped at `wide_wrap` characters instead of the options' wrap (a slide's
    #: root sits alone on its level and has the whole width).
    wide: frozenset[str] = frozenset()
    wide_wrap: int = 44
    wide_max_chars: int = 240
    #: Lay the root's children out in rows of at most this many (an overview grid).
    columns: int | None = None
    #: Longest claim text drawn; longer text ends in "…" (the full text is elsewhere).
    max_chars: int | None = None
    #: Draw `see` and cross-link stubs (an overview leaves them to the branch slides).
    stubs: bool = True
    #: Put `see` and cross-link stubs beside their claim instead of a level below it.
    stubs_beside: bool = False
    #: Put a claim's state mark in its header line ("CON · ✗ defeated"): one line less.
    mark_in_header: bool = False
    #: Padding around the drawing, inches.
    pad: float = 0.3
    #: The page margin `dot` adds round PDF output, inches (None: Graphviz's default).
    page_margin: float | None = None


@dataclass(frozen=True, slots=True)
class Theme:
    """Colours and sizes of one look. Pro/con colours are from the Okabe-Ito palette."""

    name: str
    background: str
    text: str
    muted: str
    edge: str
    motion_border: str
    motion_fill: str
    pro_border: str
    pro_fill: str
    con_border: str
    con_fill: str
    fontsize: float = 14.0
    nodesep: float = 0.3
    ranksep: float = 0.55
    size: str | None = None  # Graphviz `size`, inches
    ratio: str | None = None
    dpi: int | None = None
    penwidth: float = 1.6
    #: Headers, marks, stubs and the legend, relative to `fontsize`.
    small_ratio: float = 0.75

    @property
    def small(self) -> float:
        """The size of the small text, points."""
        return round(self.fontsize * self.small_ratio, 1)


_LIGHT = Theme(
    name="light",
    background="#FFFFFF",
    text="#1A1A1A",
    muted="#8A8A8A",
    edge="#404040",
    motion_border="#1A1A1A",
    motion_fill="#F0F0F0",
    pro_border="#0072B2",
    pro_fill="#DCEBF7",
    con_border="#D55E00",
    con_fill="#FBE4D5",
)

THEMES: dict[str, Theme] = {
    "light": _LIGHT,
    "dark": Theme(
        name="dark",
        background="#1E1E1E",
        text="#F2F2F2",
        muted="#8C8C8C",
        edge="#C8C8C8",
        motion_border="#F2F2F2",
        motion_fill="#333333",
        pro_border="#56B4E9",
        pro_fill="#12364D",
        con_border="#E69F00",
        con_fill="#4A2A0A",
    ),
    "print": Theme(
        name="print",
        background="#FFFFFF",
        text="#000000",
        muted="#7A7A7A",
        edge="#000000",
        motion_border="#000000",
        motion_fill="#FFFFFF",
        pro_border="#000000",
        pro_fill="#FFFFFF",
        con_border="#000000",
        con_fill="#E6E6E6",
    ),
    # The light colours, large, on a 16:9 page (13.333 x 7.5 in, a widescreen slide).
    "slides": replace(
        _LIGHT,
        name="slides",
        fontsize=22.0,
        nodesep=0.4,
        ranksep=0.7,
        size="13.333,7.5!",
        ratio="fill",
        dpi=144,
        penwidth=2.4,
    ),
}


@functools.lru_cache(maxsize=256)
def mix(colour: str, background: str, amount: float) -> str:
    """`colour` moved `amount` (0..1) of the way towards `background`: for faded claims."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(background[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02X}" for x, y in zip(a, b, strict=True))


# --- escaping -------------------------------------------------------------------------------

_HTML_ESCAPES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
    # Graphviz expands \N, \G, \L ... even inside HTML-like labels (after entity decoding),
    # and reads `\\` as one backslash: doubling keeps every backslash literal.
    "\\": "\\\\",
    # A label whose text is a lone `]` is a syntax error to Graphviz 2.43's DOT reader.
    "]": "&#93;",
    "\n": " ",
    "\t": " ",
    "\r": " ",
}


_ESCAPE_TABLE = str.maketrans(_HTML_ESCAPES | {"\u2028": " ", "\u2029": " "})
# Control characters, lone surrogates and non-characters: no XML parser accepts them.
_UNUSABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(
        f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
    )
    + "]"
)

#: Text with no character that `escape_html` changes.
_PLAIN = re.compile(
    _UNUSABLE.pattern.replace("[", "[^", 1)[:-1]
    + re.escape("".join(_HTML_ESCAPES) + "\u2028\u2029")
    + "]*"
)


def escape_html(text: str) -> str:
    """Text safe inside a Graphviz HTML-like label: markup, entities, escapes all literal.

    Control characters, lone surrogates and non-characters become U+FFFD; everything
    else, any script or emoji included, is kept as it is.
    """
    if _PLAIN.fullmatch(text):
        return text  # most lines of most claims: nothing to escape or replace
    return _UNUSABLE.sub("\ufffd", text.translate(_ESCAPE_TABLE))


def wrap_lines(text: str, width: int) -> list[str]:
    """Lines of at most `width` characters; long words are split, never cut off."""
    lines: list[str] = []
    for paragraph in text.replace("\t", " ").splitlines() or [""]:
        words = paragraph.split(" ")
        if "" not in words and max(map(len, words)) <= width and not any(map(str.isspace, words)):
            # Words apart by single spaces, none too long and none of other blanks alone
            # (textwrap drops those at line ends; nearly every claim qualifies): greedy
            # filling gives what textwrap gives, at a fraction of the cost.
            wrapped = _fill(words, width)
        else:
            wrapped = textwrap.wrap(
                paragraph, width=width, break_long_words=True, break_on_hyphens=False
            )
        lines.extend(wrapped or ([""] if not lines else []))
    return lines or [""]


def shorten(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters at a word boundary, ending in "…"."""
    return short_text(text, limit)


def _fill(words: list[str], width: int) -> list[str]:
    lines: list[str] = []
    line = words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines


def html_lines(text: str, width: int) -> str:
    """Wrapped, escaped text joined with `<BR/>`."""
    lines = wrap_lines(text, width)
    if _PLAIN.fullmatch(text):
        return "<BR/>".join(lines)  # one check for the whole text instead of one a line
    return "<BR/>".join(escape_html(line) for line in lines)


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


def _quote_label(label: str, quote: Callable[[str], str]) -> str:
    # An HTML-like label (`<...>`, which is every label argmap writes) is left as it is by
    # graphviz's `quote`; skip its regex over a long label.
    return label if label.startswith("<") and label.endswith(">") else quote(label)


def quick_quote(fallback: Callable[[str], str]) -> Callable[[str], str]:
    """graphviz's `quote`, with a shortcut for values that plainly need double quotes.

    A value that starts with a letter or `_` and holds a space, `-` or `.` is neither a DOT
    ID nor a number nor an HTML string, so `quote` wraps it in double quotes; without a
    quote or a backslash in it, nothing inside changes. Every claim's id and tooltip is such
    a value, and the shortcut skips `quote`'s four regular expressions. Anything else goes
    to `fallback` (graphviz's `quote`), so the DOT stays byte for byte the same.
    """

    def quote(value: str) -> str:
        first = value[:1]
        if (
            (first.isalpha() or first == "_")
            and ("-" in value or "." in value or " " in value)
            and '"' not in value
            and "\\" not in value
        ):
            return f'"{value}"'
        return fallback(value)

    return quote


def _font(text: str, size: float, colour: str, bold: bool = False) -> str:
    body = f"<B>{text}</B>" if bold else text
    return f'<FONT POINT-SIZE="{size:g}" COLOR="{colour}">{body}</FONT>'


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
        self.labels = grounded(graph)
        # Keep only what the drawing needs (every strength and the motion's balance), so
        # the framework behind them is freed before the DOT text is built.
        weighing = weigh(graph, self.labels, self.options.semantics)
        self.strengths = weighing.strengths
        reading = debate_verdict(graph, self.labels, weighing)
        # The verdict and how robust it is; what flips it, in a quieter line.
        self.balance = f"{reading.title()} · {reading.word}"
        self.flips = reading.why_fragile(graph) or "no single removal or weight step changes it"
        del weighing, reading
        self.names: dict[str, str] = {}
        self.stub_count = 0
        self.dot = graphviz.Digraph(name="argmap", strict=False)
        # graphviz's `quote` without its wrapper that checks for positional arguments.
        quote = graphviz.quoting.quote
        self._quote = quick_quote(getattr(quote, "__wrapped__", quote))
        self._quoted: dict[str, str] = {}
        self._rendered: dict[tuple[tuple[str, str], ...], list[tuple[str, str]]] = {}
        #: The boxes to pin, when the diagram is laid out as a tidy tree.
        self.pins: Pins | None = None

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
        self.dot.body.append(f"\t{self._quoted_value(name)}{line}\n")

    def edge(self, tail: str, head: str, **attrs: str) -> None:
        """Add an edge statement, as `graphviz.Digraph.edge` would (names have no ports)."""
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
        faded = state is Label.DEFEATED and not node.is_motion
        text_colour = theme.muted if faded else theme.text
        if node.is_motion:
            head = _font("MOTION", self.small(), text_colour, bold=True)
            body = _font(self.body_text(node), theme.fontsize * 1.15, text_colour)
            # The verdict with its robustness; what flips it in a quieter line.
            verdict = _font(escape_html(self.balance), theme.fontsize, text_colour, bold=True)
            tail = _font(
                html_lines(self.flips, max(self.options.wrap, 40)), self.small(), theme.muted
            )
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
        if mark and self.drawing.mark_in_header:
            parts.append(mark)
            mark = None
        head = _font(escape_html(" · ".join(parts)), self.small(), head_colour, bold=True)
        body = _font(self.body_text(node), theme.fontsize, text_colour)
        label = f"{head}<BR/>{body}"
        if mark:
            label += "<BR/>" + _font(escape_html(mark), self.small(), text_colour, bold=True)
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
        if state is Label.DEFEATED:
            # Faded: fill and border move most of the way to the background.
            border = mix(border, theme.background, 0.55)
            fill = mix(fill, theme.background, 0.6)
        # Pro: rounded single border; con: square double border. Survives greyscale.
        style = "rounded,filled" if pro and node.kind is Kind.CLAIM else "filled"
        if state is Label.UNDECIDED:
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
        self, text: str, anchor: str, kind: str, *, outward: bool = True, hidden: bool = False
    ) -> None:
        """A small dashed box attached to `anchor`: hidden claims, `see` links, outside claims."""
        self.stub_count += 1
        name = f"s{self.stub_count:04d}"
        theme = self.theme
        self.node(
            name,
            f"<{_font(escape_html(text), self.small(), theme.muted)}>",
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
        if kind != "more" and self.drawing.stubs_beside:
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
        graph_attrs = {
            "label": (
                f"<{_font(title, theme.fontsize * 1.6, theme.text, bold=True)}<BR/>"
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
        self.dot.attr("graph", **graph_attrs)
        self.dot.attr("node", fontname=FONTNAME, fontsize=f"{theme.fontsize:g}", margin="0.15,0.08")
        self.dot.attr(
            "edge", color=theme.edge, fontname=FONTNAME, penwidth=f"{theme.penwidth * 0.8:g}"
        )
        for index, claim_id in enumerate(scope.shown):
            self.names[claim_id] = f"n{index:04d}"
        for claim_id in scope.shown:
            self.add_claim(graph.nodes[claim_id], self.names[claim_id])
        self.add_tree_edges(scope)
        self.add_cross_links(scope)
        self.add_stubs(scope)
        if self.drawing.columns:
            self.add_grid(scope, self.drawing.columns)
        if opts.legend:
            self.add_legend(scope)
        if self.pins is not None:
            gap, level_gap = theme.nodesep * 72, theme.ranksep * 72
            rankdir = graph_attrs["rankdir"]
            self.pins.pin(self.dot.body, rankdir, gap=gap, level_gap=level_gap)
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
                self.used.cut = True
                attrs.update(
                    color=self.theme.muted,
                    label=CUT_MARK,
                    fontcolor=self.theme.muted,
                    fontsize=f"{self.small():g}",
                )
            if self.invisible(claim_id):
                attrs = {"style": "invis"}
            # Drawn parent -> child so rebuttals sit below what they answer; the arrow
            # (at the tail) points at the claim rebutted or supported.
            self.edge(self.names[node.parent], self.names[claim_id], **attrs)
            if self.pins is not None:
                self.pins.link(self.names[node.parent], self.names[claim_id])

    def add_cross_links(self, scope: Scope) -> None:
        for edge in self.graph.edges:
            if not self.drawing.stubs and not (edge.source in scope and edge.target in scope):
                continue
            if not edge.cross:
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
                self.stub(f"↪ {edge.target}", self.names[edge.source], kind, hidden=hidden)
            elif target_in:
                self.used.edges.add(kind)
                self.used.outside = True
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
            for ref in claim.see if claim and self.drawing.stubs else []:
                self.used.see = True
                other, _, target = ref.partition(":")
                text = f"see {other}" + (f": {target}" if target else "")
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


def legend_table(
    theme: Theme, used: _Used, columns: int = 1, motion: bool = True, strength: bool = False
) -> str:
    """The legend as an HTML-like table: one entry a row, or `columns` entries a row."""
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
        words_cell = _font(escape_html(words), small, theme.text)
        entries.append(f'{cell}<TD ALIGN="LEFT">{words_cell}</TD>')

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
    rows = [
        "<TR>" + "".join(entries[start : start + columns]) + "</TR>"
        for start in range(0, len(entries), columns)
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
    return legend_table(theme, boxes), legend_table(theme, links, motion=False)


def choose_rankdir(graph: ArgumentGraph, scope: Scope, rankdir: str) -> str:
    """`rankdir`, with "auto" resolved: top-down unless one level is too wide for a page."""
    if rankdir != "auto":
        return rankdir
    per_level: dict[int, int] = {}
    for claim_id in scope.shown:
        level = graph.nodes[claim_id].depth
        per_level[level] = per_level.get(level, 0) + 1
    widest = max(per_level.values(), default=1)
    return "LR" if widest > AUTO_LR_WIDTH else "TB"


def build_digraph(
    graph: ArgumentGraph,
    options: ExportOptions,
    *,
    scope: Scope | None = None,
    theme: Theme | None = None,
    drawing: Drawing | None = None,
) -> graphviz.Digraph:
    """The `graphviz.Digraph` of a debate (or the part `options` scopes), fully styled.

    `scope`, `theme` and `drawing` let a slide deck choose the claims, the sizes and the
    details itself. Raises ScopeError for an unknown root or a root outside the chosen side.
    """
    if scope is None:
        scope = compute_scope(graph, options.root, options.depth, options.side)
    if drawing is None and options.reveal is not None:
        drawing = Drawing(hidden=frozenset(hidden_below_level(graph, scope, options.reveal)))
    # Emission makes many short-lived strings and lists and no reference cycles; with the
    # cyclic collector running, each of its passes would rescan the whole loaded debate.
    with collector_paused():
        return _Builder(graph, options, theme or THEMES[options.theme], drawing).build(scope)


def hidden_below_level(graph: ArgumentGraph, scope: Scope, level: int) -> list[str]:
    """The claims of `scope` more than `level` levels below its root: a reveal step hides
    them but keeps their place, so boxes never move from one step to the next."""
    limit = graph.depth(scope.root) + level
    return [c for c in scope.shown if graph.nodes[c].depth > limit]
