"""A debate as one self-contained web page: the diagram beside a collapsible outline.

The page needs nothing from the network: its style, script and diagram (the Graphviz SVG
in the theme's colours) are inline, and a Content-Security-Policy forbids every fetch and
every script but its own. Without JavaScript it is a plain page: the outline is made of
`<details>` elements and the diagram scrolls. With JavaScript the diagram zooms and pans,
a claim clicked in the outline is highlighted in the diagram and the other way round, and
a search box finds claims.

Every text from the file (title, motion, claim text, ids, reasons) is made printable and
HTML-escaped here; the SVG is parsed and written again keeping only the elements and
attributes Graphviz draws with, so nothing in it can run.
"""

from __future__ import annotations

import base64
import hashlib
import html
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.resources import files
from pathlib import Path

from argmap.export import ExportError, ExportOptions, output_name, to_dot
from argmap.export.dot import THEMES, Theme, subtree_sizes
from argmap.export.html_colours import blend, readable
from argmap.export.html_movers import Balance, balance_bar, balance_of, movers_chart
from argmap.export.render import RenderError, render, write_atomic
from argmap.export.slide_images import natural_size
from argmap.gradual import SEMANTICS
from argmap.graph import ArgumentGraph, ClaimNode, Edge, Relation
from argmap.model import MOTION_ID, Kind, Side
from argmap.output import write_failure
from argmap.reading import label_and_strength
from argmap.safetext import printable
from argmap.semantics import Label, Labelling, explain, grounded
from argmap.strength import weigh
from argmap.verdict import debate_verdict, strict_reading

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

#: The elements and attributes Graphviz draws with; everything else is dropped from the SVG.
SVG_ELEMENTS = frozenset(
    {"svg", "g", "title", "path", "polygon", "polyline", "ellipse", "text", "a", "desc"}
)
SVG_ATTRIBUTES = frozenset(
    {
        "width",
        "height",
        "viewBox",
        "transform",
        "id",
        "class",
        "fill",
        "stroke",
        "stroke-width",
        "stroke-dasharray",
        "stroke-opacity",
        "fill-opacity",
        "points",
        "d",
        "cx",
        "cy",
        "rx",
        "ry",
        "x",
        "y",
        "text-anchor",
        "font-family",
        "font-size",
        "font-weight",
        "font-style",
        "text-decoration",
        "baseline-shift",
        f"{{{XLINK_NS}}}title",
    }
)

LABEL_MARKS = {
    Label.STANDING: "✓ standing",
    Label.DEFEATED: "✗ defeated",
    Label.UNDECIDED: "? undecided",
}
RELATION_NOUNS = {
    Relation.REBUTS: "rebuttal",
    Relation.UNDERCUTS: "undercut",
    Relation.SUPPORTS: "support",
}
RELATION_WORDS = {
    Relation.REBUTS: "rebuts",
    Relation.SUPPORTS: "supports",
    Relation.UNDERCUTS: "undercuts",
}


def text(value: str) -> str:
    """Text from a file, safe in HTML: control characters shown as escapes, markup literal."""
    return html.escape(printable(value), quote=True)


def one_line(value: str) -> str:
    """An id, path or other one-line value from a file, safe in HTML."""
    return html.escape(printable(value, one_line=True), quote=True)


@dataclass(frozen=True, slots=True)
class ClaimFacts:
    """What the outline says about one claim besides its text."""

    label: Label
    reason: str
    #: Gradual strength in [0, 1], when the debate was weighed.
    strength: float | None = None
    #: More lines under the reason (how the strength came about, for example), plain text.
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DebateFacts:
    """The verdict and the facts per claim that a page and the index show."""

    labelling: Labelling
    claims: dict[str, ClaimFacts]
    #: The verdict line (`argmap.verdict`): verdict, strength, robustness, other semantics.
    verdict: str
    #: Lines under the verdict: the movers, the range, the strict reading.
    headline: tuple[str, ...] = ()
    #: `leans-pro`, `balanced` or `leans-con`, and robust or fragile (for the page's style).
    leaning: str = "balanced"
    robust: bool = False
    #: 'Leans pro (0.60) · fragile', for the motion's box.
    title: str = ""
    #: The semantics the strengths come from (`argmap.gradual.SEMANTICS`).
    semantics: str = ""
    #: The balance bar and the movers chart (`argmap.export.html_movers`).
    balance: Balance | None = None


#: Adds lines to the facts of a debate (a strength per claim, a headline); None adds none.
Annotate = Callable[[ArgumentGraph, DebateFacts], DebateFacts]


def debate_facts(
    graph: ArgumentGraph, annotate: Annotate | None = None, semantics: str | None = None
) -> DebateFacts:
    """Labels, plain-language reasons and the verdict of a debate.

    The verdict is the debate's verdict line (`argmap.verdict`), never the motion's
    grounded label; the strict reading of the labels comes last under it.
    """
    labelling = grounded(graph)
    claims = {
        claim_id: ClaimFacts(labelling[claim_id], explain(graph, labelling, claim_id))
        for claim_id in graph.nodes
    }
    reading = debate_verdict(graph, labelling, semantics=semantics)
    facts = DebateFacts(
        labelling,
        claims,
        reading.line(graph),
        (*reading.lines(graph)[1:], strict_reading(graph, labelling)),
        reading.verdict.value,
        reading.robust,
        f"{reading.title()} · {reading.word}",
        reading.weighing.semantics,
        balance_of(graph, reading),
    )
    return annotate(graph, facts) if annotate is not None else facts


def with_strengths(graph: ArgumentGraph, facts: DebateFacts) -> DebateFacts:
    """The facts with every claim's gradual strength, and a sentence where a claim's
    label and strength seem to disagree (`argmap.reading.label_and_strength`)."""
    weighing = weigh(graph, facts.labelling, facts.semantics or None)
    claims = {}
    for claim_id, claim in facts.claims.items():
        note = label_and_strength(graph, facts.labelling, weighing, claim_id)
        notes = (note, *claim.notes) if note else claim.notes
        claims[claim_id] = replace(claim, strength=weighing.strength(claim_id), notes=notes)
    return replace(facts, claims=claims)


# --- the diagram -----------------------------------------------------------------------------


def diagram_svg(graph: ArgumentGraph, options: ExportOptions) -> str:
    """The Graphviz SVG of the debate, cleaned for inline use (see `clean_svg`), at its
    natural size in every theme: the page zooms and pans it, so the `slides` theme's
    16:9 frame would only stretch it (the motion alone in view at first). Drawn at 72 dpi,
    SVG's own unit: at another, Graphviz scales the drawing but not its viewBox."""
    source = natural_size(to_dot(graph, replace(options, format="svg", dpi=72)))
    try:
        data = render(source, "svg")
    except RenderError as exc:
        raise ExportError(str(exc)) from exc
    return clean_svg(data)


def clean_svg(data: bytes) -> str:
    """The SVG written again with only Graphviz's drawing elements and attributes.

    No prolog, doctype, comment, script, event handler, link target or style survives, so
    an SVG put inline in a page can only draw. Text is escaped by the serializer.
    """
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ExportError(f"Graphviz wrote an SVG that cannot be read: {exc}") from exc
    _prune(root)
    # Drop namespace prefixes: an inline SVG in HTML is in the SVG namespace by its tag.
    for element in root.iter():
        element.tag = element.tag.removeprefix(f"{{{SVG_NS}}}")
    root.set("xmlns", SVG_NS)
    root.set("role", "img")
    root.set("aria-label", "Diagram of the debate")
    # The outline beside it says everything the diagram draws, as text.
    root.set("aria-describedby", "diagram-note")
    ET.register_namespace("xlink", XLINK_NS)
    return ET.tostring(root, encoding="unicode")


def _prune(element: ET.Element) -> None:
    for name in list(element.attrib):
        if name not in SVG_ATTRIBUTES:
            del element.attrib[name]
    for child in list(element):
        if not isinstance(child.tag, str) or child.tag.removeprefix(f"{{{SVG_NS}}}") not in (
            SVG_ELEMENTS
        ):
            element.remove(child)
        else:
            _prune(child)


# --- the outline -----------------------------------------------------------------------------


def _header(node: ClaimNode, facts: ClaimFacts) -> str:
    parts = []
    if node.side is not None:
        parts.append(f'<span class="side">{node.side.value.upper()}</span>')
    if node.kind is not Kind.CLAIM:
        parts.append(f'<span class="kind">{one_line(node.kind.value)}</span>')
    if node.relation is not None and node.parent not in (None, MOTION_ID):
        verb = RELATION_WORDS[node.relation]
        parts.append(f'<span class="relation">{verb} {one_line(str(node.parent))}</span>')
    parts.append(f'<span class="id">{one_line(node.id)}</span>')
    parts.append(f'<span class="label">{LABEL_MARKS[facts.label]}</span>')
    if facts.strength is not None:
        parts.append(f'<span class="strength">strength {facts.strength:.2f}</span>')
    return " ".join(parts)


def _replies(graph: ArgumentGraph, node: ClaimNode, below: int) -> str:
    """What a claim's folded branch holds: '2 rebuttals, 1 support (5 claims below)'."""
    counts = {relation: 0 for relation in RELATION_NOUNS}
    for child in node.children:
        relation = graph.nodes[child].relation
        if relation is not None:
            counts[relation] += 1
    parts = [
        f"{n} {RELATION_NOUNS[relation]}{'s' * (n != 1)}" for relation, n in counts.items() if n
    ]
    deeper = f" ({below} claims below)" if below > len(node.children) else ""
    return ", ".join(parts) + deeper


def _cross_links(edges: Sequence[Edge]) -> str:
    links = [
        f"<li>↪ also {RELATION_WORDS[edge.relation]} "
        f'<a class="jump" href="#o-{one_line(edge.target)}">{one_line(edge.target)}</a></li>'
        for edge in edges
        if edge.cross
    ]
    return f'<ul class="links">{"".join(links)}</ul>' if links else ""


def _claim_item(
    graph: ArgumentGraph,
    facts: DebateFacts,
    sizes: Mapping[str, int],
    claim_id: str,
    out: list[str],
) -> None:
    """The outline entry of a claim and, nested in it, its rebuttals and support.

    The claim's text is a link that selects it (a keyboard reaches it with Tab); its
    replies fold under a `<summary>` of their own, so no control sits inside another.
    """
    # An explicit stack instead of recursion: debates can nest deeper than Python recurses.
    stack: list[tuple[str, bool]] = [(claim_id, False)]
    while stack:
        current, closing = stack.pop()
        node = graph.nodes[current]
        if closing:
            out.append("</ul></details></li>" if node.children else "</li>")
            continue
        claim = facts.claims[current]
        side = node.side.value if node.side is not None else "motion"
        out.append(
            f'<li class="claim {side} {claim.label.value}" id="o-{one_line(current)}" '
            f'data-claim="{one_line(current)}">'
            f'<div class="head">{_header(node, claim)}</div>'
            f'<a class="text" href="#claim-{one_line(current)}">{text(node.text)}</a>'
            f'<p class="why">{text(claim.reason)}</p>'
            + "".join(f'<p class="note">{text(note)}</p>' for note in claim.notes)
            + _cross_links(graph.outgoing.get(current, []))
        )
        stack.append((current, True))
        if node.children:
            replies = _replies(graph, node, sizes[current] - 1)
            out.append(f"<details open><summary>{replies}</summary><ul>")
            stack.extend((child, False) for child in reversed(node.children))


def outline_html(graph: ArgumentGraph, facts: DebateFacts) -> str:
    """The debate as nested lists: the motion, then the claims for and against it."""
    out: list[str] = []
    sizes = subtree_sizes(graph)
    motion = graph.motion
    balance = facts.balance
    # The pictures stand for the movers and range lines, which they hold as text.
    headline = [line for line in facts.headline if not balance or line not in balance.replaces]
    out.append(
        f'<div class="motion-box" id="o-{MOTION_ID}" data-claim="{MOTION_ID}">'
        f'<div class="head"><span class="side">MOTION</span> '
        f'<span class="label">{text(facts.title)}</span></div>'
        f'<a class="text" href="#claim-{MOTION_ID}">{text(motion.text)}</a>'
        f'<p class="why"><strong>{text(facts.verdict)}</strong></p>'
        + (balance_bar(balance) + movers_chart(balance.movers) if balance else "")
        + "".join(f'<p class="note">{text(line)}</p>' for line in headline)
        + "</div>"
    )
    for side, heading in ((Side.PRO, "For the motion"), (Side.CON, "Against the motion")):
        top = [c for c in motion.children if graph.nodes[c].side is side]
        out.append(f'<h2 class="{side.value}">{heading} <span class="count">{len(top)}</span></h2>')
        if not top:
            out.append('<p class="empty">No claims.</p>')
            continue
        out.append(f'<ul class="tree {side.value}">')
        for claim_id in top:
            _claim_item(graph, facts, sizes, claim_id, out)
        out.append("</ul>")
    return "".join(out)


# --- the page --------------------------------------------------------------------------------


@cache
def _asset(name: str) -> str:
    return files("argmap.export").joinpath("assets", name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _theme_css(theme: Theme) -> str:
    dark = theme.name == "dark"
    panel, hit = ("#262626", "#F0E442") if dark else ("#F7F7F7", "#CC79A7")
    # Text sits on the page, the panels, the motion's box and a search match's tint.
    grounds = (theme.background, panel, theme.motion_fill, blend(hit, theme.background, 0.82))
    pro, con, muted = (
        readable(c, grounds, theme.text) for c in (theme.pro_border, theme.con_border, theme.muted)
    )
    return (
        ":root{"
        f"--bg:{theme.background};--fg:{theme.text};--muted:{theme.muted};"
        f"--pro:{theme.pro_border};--pro-fill:{theme.pro_fill};"
        f"--con:{theme.con_border};--con-fill:{theme.con_fill};"
        f"--motion:{theme.motion_border};--motion-fill:{theme.motion_fill};"
        f"--pro-text:{pro};--con-text:{con};--muted-text:{muted};"
        f"--panel:{panel};--line:{'#444' if dark else '#DDD'};--hit:{hit};"
        f"color-scheme:{'dark' if dark else 'light'}"
        "}"
    )


def _page(title: str, body: str, theme: Theme, script: str | None) -> str:
    style = _theme_css(theme) + _asset("page.css")
    script_src = _csp_hash(script) if script is not None else "'none'"
    # Nothing may be fetched, and no script runs but the page's own (named by its hash).
    csp = (
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
        f"script-src {script_src}; base-uri 'none'; form-action 'none'"
    )
    tail = f"<script>{script}</script>" if script is not None else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="argmap">'
        '<link rel="icon" href="data:,">'
        f"<title>{title}</title><style>{style}</style></head>"
        f"<body>{body}{tail}</body></html>\n"
    )


def debate_page(
    graph: ArgumentGraph, options: ExportOptions, facts: DebateFacts, svg: str, *, index: str = ""
) -> str:
    """The whole page of one debate. `index` links back to a list of debates when given."""
    theme = THEMES[options.theme]
    debate = graph.debate
    back = (
        f'<a class="back" href="{html.escape(index, quote=True)}">All debates</a>' if index else ""
    )
    summary = f'<p class="summary">{text(debate.summary)}</p>' if debate.summary else ""
    counts = {label: 0 for label in Label}
    for claim_id, claim in facts.claims.items():
        if claim_id != MOTION_ID:
            counts[claim.label] += 1
    tally = ", ".join(f"{n} {label.value}" for label, n in counts.items())
    body = (
        f"<header>{back}<h1>{text(debate.title)}</h1>"
        f'<p class="verdict {facts.leaning}">'
        f"<strong>{text(facts.verdict)}</strong> "
        f'<span class="tally">({len(graph)} claims: {tally})</span></p>'
        '<div class="tools js-only">'
        '<input type="search" id="search" placeholder="Search claims" '
        'aria-label="Search claims" autocomplete="off">'
        '<span id="search-count" aria-live="polite"></span>'
        '<button type="button" id="expand-all">Expand all</button>'
        '<button type="button" id="collapse-all">Collapse all</button>'
        "</div></header>"
        '<main><section id="diagram" aria-label="Diagram">'
        '<div class="zoom js-only">'
        '<button type="button" id="zoom-in" title="Zoom in">+</button>'
        '<button type="button" id="zoom-out" title="Zoom out">−</button>'
        '<button type="button" id="zoom-start" title="The motion and the claims on it">'
        "Top level</button>"
        '<button type="button" id="zoom-fit" title="Show the whole diagram">Whole map</button>'
        '<span class="hint">drag to pan · wheel to zoom</span>'
        "</div>"
        f'<div id="viewport">{svg}</div>'
        '<p id="diagram-note" class="visually-hidden">The outline lists every claim of the '
        "diagram as text, with its label and strength.</p></section>"
        f'<section id="outline" aria-label="Outline">{summary}{outline_html(graph, facts)}'
        "</section></main>"
        "<footer>Made with argmap. Labels: grounded semantics (Dung, 1995); "
        "a claim stands when every rebuttal of it is defeated."
        + (
            f" Strength: {SEMANTICS[facts.semantics].title} semantics "
            f"({SEMANTICS[facts.semantics].paper}), from 0 to 1; the verdict is the motion's "
            "strength (leans pro above 0.55, leans con below 0.45)."
            if facts.semantics
            else ""
        )
        + "</footer>"
    )
    return _page(f"{text(debate.title)} · argmap", body, theme, _asset("page.js"))


def export_page(
    graph: ArgumentGraph,
    options: ExportOptions,
    out: Path,
    *,
    index: str = "",
    annotate: Annotate | None = None,
    semantics: str | None = None,
) -> DebateFacts:
    """Write the debate's page to `out`; return the facts it shows (the index lists them)."""
    facts = debate_facts(graph, annotate, semantics)
    page = debate_page(graph, options, facts, diagram_svg(graph, options), index=index)
    try:
        write_atomic(out, page.encode("utf-8"))
    except OSError as exc:  # an OutputError (not a regular file there, ...) says so itself
        raise ExportError(write_failure(out, exc)) from exc
    return facts


# --- the index of a folder -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One debate in `index.html`: where its page is and what it concludes."""

    page: str  # file name beside index.html
    title: str
    motion: str
    claims: int
    facts: DebateFacts
    counts: Mapping[Label, int] = field(default_factory=dict)


def index_entry(graph: ArgumentGraph, page: str, facts: DebateFacts) -> IndexEntry:
    """The index row of a debate whose page is `page`."""
    counts = {label: facts.labelling.count(label) for label in Label}
    return IndexEntry(page, graph.debate.title, graph.motion.text, len(graph), facts, counts)


def index_page(entries: Sequence[IndexEntry], options: ExportOptions) -> str:
    """A page listing the debates with their verdicts, each linking to its page."""
    rows = []
    for entry in entries:
        counts = ", ".join(f"{n} {label.value}" for label, n in entry.counts.items())
        headline = "".join(f'<p class="note">{text(line)}</p>' for line in entry.facts.headline[:1])
        bar = balance_bar(entry.facts.balance, caption=False) if entry.facts.balance else ""
        rows.append(
            f'<li class="debate {entry.facts.leaning}">'
            f'<a href="{html.escape(entry.page, quote=True)}">{text(entry.title)}</a>'
            f'<p class="verdict"><strong>{text(entry.facts.verdict)}</strong></p>'
            f'<p class="motion">{text(entry.motion)}</p>{bar}'
            f'<p class="tally">{entry.claims} claims; strict labels: {counts}</p>{headline}</li>'
        )
    body = (
        f"<header><h1>Debates</h1><p>{len(entries)} debate{'s' * (len(entries) != 1)}</p>"
        f'</header><main class="index"><ul class="debates">{"".join(rows)}</ul></main>'
        "<footer>Made with argmap.</footer>"
    )
    return _page("Debates · argmap", body, THEMES[options.theme], None)


#: The page a debate whose id is `index` gets instead of `index.html`, which is the
#: folder's index. Debate ids are slugs, which hold no dot, so no other debate's page
#: can have this name.
INDEX_DEBATE_PAGE = "index.debate.html"


def page_name(debate_id: str) -> str:
    """`<debate-id>.html`, a safe file name that is never the folder's `index.html`."""
    name = output_name(debate_id, None, ".html")
    # Compared without case: on a case-insensitive file system INDEX.html is index.html.
    return INDEX_DEBATE_PAGE if name.lower() == "index.html" else name
