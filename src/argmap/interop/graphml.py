"""The debate as GraphML, for graph editors and network tools (yEd, Gephi, draw.io, networkx).

One node per claim and one for the motion, one directed edge per relation, from the claim
that answers to the claim answered. Every value is a GraphML data item declared by a
`<key>` element with a name and a type, which is how yEd shows custom properties and how
Gephi fills its data table:

- nodes: `label` (the claim id, which Gephi shows on the canvas), `text`, `side` (pro or
  con; none for the motion), `kind`, `relation` (to the parent claim), `depth`, `weight`
  when the claim has one, `grounded` (standing, defeated or undecided), `strength`
  (gradual strength in [0, 1]), and `tags`, `sources` (source ids), `see`, `note` and
  `scheme` (the argumentation scheme of its link) when set (lists comma-separated);
- edges: `relation` (rebuts, undercuts or supports) and `cross` (true for a cross-link,
  an `also_rebuts`/`also_supports` entry, false for the tree's own edge);
- the graph: `title`, `verdict` and `summary`.

Node and edge ids are synthetic (`n0` is the motion, then the claims in the debate's
order) so the output is the same bytes for the same debate. XML 1.0 cannot hold control
characters, lone surrogates or U+FFFE/U+FFFF even as references: they become U+FFFD and the
export names the claims concerned. With `flavor="yed"` each node and edge also carries
yEd's own drawing (a labelled box coloured by side, a dashed line for a cross-link), which
yEd reads instead of showing bare circles.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from argmap.model import MOTION_ID

if TYPE_CHECKING:
    from argmap.graph import ArgumentGraph, ClaimNode
    from argmap.model import Claim

#: GraphML flavours: plain data keys, or plain keys plus yEd's drawing of each node.
FLAVORS = ("plain", "yed")

_NAMESPACES = (
    'xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
)
_SCHEMA = (
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"'
)
_YED_NAMESPACE = 'xmlns:y="http://www.yworks.com/xml/graphml"'

# (key id, for, name, type), in the order they are declared.
_KEYS = (
    ("g_title", "graph", "title", "string"),
    ("g_verdict", "graph", "verdict", "string"),
    ("g_summary", "graph", "summary", "string"),
    ("n_label", "node", "label", "string"),
    ("n_text", "node", "text", "string"),
    ("n_side", "node", "side", "string"),
    ("n_kind", "node", "kind", "string"),
    ("n_relation", "node", "relation", "string"),
    ("n_depth", "node", "depth", "int"),
    ("n_weight", "node", "weight", "int"),
    ("n_grounded", "node", "grounded", "string"),
    ("n_strength", "node", "strength", "double"),
    ("n_tags", "node", "tags", "string"),
    ("n_sources", "node", "sources", "string"),
    ("n_see", "node", "see", "string"),
    ("n_note", "node", "note", "string"),
    ("n_scheme", "node", "scheme", "string"),
    ("e_relation", "edge", "relation", "string"),
    ("e_cross", "edge", "cross", "boolean"),
)

# Characters XML 1.0 does not allow anywhere, not even as character references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;"}
_SPECIAL = re.compile('[&<>"\r]')

# yEd colours: the side's colour as in argmap's diagrams (light theme), grey for the motion.
_FILL = {"pro": "#D9F2D9", "con": "#F9DADA", None: "#E6E6E6"}
_COLUMN, _ROW = 260, 100
_LINE = {"supports": "#2E7D32", "rebuts": "#C62828", "undercuts": "#6A1B9A"}


def xml_text(text: str) -> str:
    """`text` escaped for XML element content or a double-quoted attribute.

    Characters XML 1.0 cannot hold become U+FFFD; a carriage return is kept as a character
    reference, which XML readers do not fold into a line feed.
    """
    if _NOT_XML.search(text):
        text = _NOT_XML.sub("\ufffd", text)
    return _SPECIAL.sub(lambda m: _ESCAPES[m.group(0)], text)


def _has_unwritable(text: str) -> bool:
    return _NOT_XML.search(text) is not None


def export_graphml(graph: ArgumentGraph, flavor: str = "plain") -> tuple[str, list[str]]:
    """The debate as GraphML text, and one message per thing GraphML could not carry."""
    from argmap.interop.aif import id_list
    from argmap.semantics import grounded
    from argmap.strength import weigh

    if flavor not in FLAVORS:
        raise ValueError(f"unknown GraphML flavor '{flavor}'; expected one of {', '.join(FLAVORS)}")
    yed = flavor == "yed"
    labelling = grounded(graph)
    weighing = weigh(graph, labelling)
    node_id: dict[str, str] = {MOTION_ID: "n0"}
    ordered: list[ClaimNode] = [graph.motion]
    for node in graph.claims():
        node_id[node.id] = f"n{len(ordered)}"
        ordered.append(node)
    replaced: list[str] = []
    out_rows: list[str] = []  # yEd: one row per claim, in the debate's order

    def text_of(node: ClaimNode) -> str:
        if _has_unwritable(node.text) or _has_unwritable(node.id):
            replaced.append(node.id)
        return xml_text(node.text)

    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    out.append(f"<graphml {_NAMESPACES} {_YED_NAMESPACE if yed else ''}".rstrip() + f" {_SCHEMA}>")
    out.extend(
        f'  <key id="{key}" for="{owner}" attr.name="{name}" attr.type="{kind}"/>'
        for key, owner, name, kind in _KEYS
    )
    if yed:
        out.append('  <key id="y_node" for="node" yfiles.type="nodegraphics"/>')
        out.append('  <key id="y_edge" for="edge" yfiles.type="edgegraphics"/>')
    out.append('  <graph id="debate" edgedefault="directed">')
    title = graph.debate.title
    if _has_unwritable(title):
        replaced.append("the title")
    out.append(f'    <data key="g_title">{xml_text(title)}</data>')
    out.append(f'    <data key="g_verdict">{weighing.verdict.value}</data>')
    summary = graph.debate.summary
    if summary:
        if _has_unwritable(summary):
            replaced.append("the summary")
        out.append(f'    <data key="g_summary">{xml_text(summary)}</data>')
    for node in ordered:
        out.append(f'    <node id="{node_id[node.id]}">')
        items = [("n_label", xml_text(node.id)), ("n_text", text_of(node))]
        if node.side is not None:
            items.append(("n_side", node.side.value))
        items.append(("n_kind", node.kind.value))
        if node.relation is not None:
            items.append(("n_relation", node.relation.value))
        items.append(("n_depth", str(node.depth)))
        if node.claim is not None and node.claim.weight is not None:
            items.append(("n_weight", str(node.claim.weight)))
        items.append(("n_grounded", labelling[node.id].value))
        items.append(("n_strength", _number(weighing.strength(node.id))))
        if node.claim is not None:
            items.extend(_optional(node.id, node.claim, replaced))
        out.extend(f'      <data key="{key}">{value}</data>' for key, value in items)
        if yed:
            out.extend(_yed_node(node, len(out_rows)))
            out_rows.append(node.id)
        out.append("    </node>")
    for index, edge in enumerate(graph.edges):
        source, target = node_id[edge.source], node_id[edge.target]
        out.append(f'    <edge id="e{index}" source="{source}" target="{target}">')
        out.append(f'      <data key="e_relation">{edge.relation.value}</data>')
        out.append(f'      <data key="e_cross">{"true" if edge.cross else "false"}</data>')
        if yed:
            out.extend(_yed_edge(edge.relation.value, edge.cross))
        out.append("    </edge>")
    out.extend(["  </graph>", "</graphml>"])
    losses = []
    if replaced:
        losses.append(
            "XML cannot hold control characters, lone surrogates or U+FFFE/U+FFFF; they "
            f"became U+FFFD in: {id_list(list(dict.fromkeys(replaced)))}"
        )
    if graph.debate.sources:
        losses.append(
            "GraphML has no list of sources; claims keep their source ids in `sources`, "
            "the titles and URLs are left out"
        )
    if graph.debate.expect is not None:
        losses.append("GraphML has no place for the debate's `expect`; left out")
    return "\n".join(out) + "\n", losses


def _optional(claim_id: str, claim: Claim, replaced: list[str]) -> list[tuple[str, str]]:
    """Data items for the claim fields that are set: tags, source ids, `see` links, note,
    scheme.

    Lists are written comma-separated (ids and tags hold no comma).
    """
    items = []
    for key, values in (("n_tags", claim.tags), ("n_sources", claim.sources), ("n_see", claim.see)):
        if values:
            items.append((key, xml_text(", ".join(values))))
    for key, value in (("n_note", claim.note), ("n_scheme", claim.scheme)):
        if value:
            if _has_unwritable(value):
                replaced.append(claim_id)
            items.append((key, xml_text(value)))
    return items


def _number(value: float) -> str:
    """A strength as a short, exact-enough decimal: the same text on every machine."""
    return f"{round(value, 6):.6g}"


def _yed_node(node: ClaimNode, row: int) -> list[str]:
    """yEd's drawing of a claim: a box coloured by side, placed as an indented outline (a
    column per level, a row per claim) so the file opens readable before any layout."""
    side = node.side.value if node.side is not None else None
    shape = "roundrectangle" if node.claim is not None else "hexagon"
    x, y = node.depth * _COLUMN, row * _ROW
    return [
        '      <data key="y_node">',
        "        <y:ShapeNode>",
        f'          <y:Geometry x="{x}.0" y="{y}.0" width="220.0" height="80.0"/>',
        f'          <y:Fill color="{_FILL[side]}" transparent="false"/>',
        '          <y:BorderStyle color="#333333" type="line" width="1.0"/>',
        f'          <y:NodeLabel autoSizePolicy="content">{xml_text(node.text)}</y:NodeLabel>',
        f'          <y:Shape type="{shape}"/>',
        "        </y:ShapeNode>",
        "      </data>",
    ]


def _yed_edge(relation: str, cross: bool) -> list[str]:
    style = "dashed" if cross else "line"
    return [
        '      <data key="y_edge">',
        "        <y:PolyLineEdge>",
        f'          <y:LineStyle color="{_LINE[relation]}" type="{style}" width="1.5"/>',
        '          <y:Arrows source="none" target="standard"/>',
        "        </y:PolyLineEdge>",
        "      </data>",
    ]
