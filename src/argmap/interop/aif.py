"""AIF JSON (the AIFdb layout): write a debate as an argument graph and read one back.

Every claim and the motion is an I-node. Each relation is an S-node between two I-nodes:
an RA node (inference) for support, a CA node (conflict) for a rebuttal. An undercut is a
CA node pointing at the S-node that links the undercut claim's parent to what the parent
answers, so it attacks the inference rather than the claim. `locutions` is always present
(argmap records no dialogue, so it is empty).

What AIF has no place for (ids, kinds, sources, tags, notes, weights, `see` links, which
relation is a cross-link, the debate's title and sources) goes into an `argmap` field on
the nodes and the document; other AIF tools ignore it, and the export says so. With that
field an export reads back to the same debate. Files from other tools are read by
structure: the motion is the I-node that is concluded but never used as a premise.
"""

from __future__ import annotations

import html
import json
import re
from collections import deque
from dataclasses import dataclass
from typing import Any

from argmap.graph import ArgumentGraph, ClaimNode, Relation
from argmap.interop import Imported, InteropError, Loss, LostItem, shorten_title
from argmap.interop.aif_roots import largest_root
from argmap.interop.limits import bounded_slug
from argmap.model import MOTION_ID, SLUG_RE, to_data

_INFERENCE = {"text": "Default Inference", "type": "RA", "scheme": "Default Inference"}
_CONFLICT = {"text": "Default Conflict", "type": "CA", "scheme": "Default Conflict"}
#: Claim fields kept only in argmap metadata, with how the loss report names them.
_METADATA_FIELDS = {
    "kind": "claim kinds (evidence, proposal)",
    "weight": "weights",
    "sources": "sources",
    "tags": "tags",
    "note": "notes",
    "see": "`see` links into other debates",
}


def id_list(ids: list[str]) -> str:
    """Claim ids for a loss message: every one of them, as imports name every item."""
    return ", ".join(ids)


def scheme_name(snode: dict[str, Any]) -> str | None:
    """The argumentation scheme an RA or CA node names (its `scheme`, else its text, as
    AIFdb writes it), or None for the default inference and conflict, which say nothing."""
    for value in (snode.get("scheme"), snode.get("text")):
        if isinstance(value, str) and value.strip():
            name = " ".join(value.split())
            return None if name.startswith("Default ") else name
    return None


def _claim_metadata(node: ClaimNode) -> dict[str, Any]:
    meta: dict[str, Any] = {"id": node.id}
    if node.claim is not None:
        fields = to_data(
            node.claim,
            exclude={
                "text",
                "id",
                "rebuttals",
                "support",
                "also_rebuts",
                "also_supports",
                "scheme",  # written on the claim's S-node
            },
        )
        fields.pop("undercut", None)  # carried by the graph itself
        meta.update(fields)
        meta["explicit_id"] = node.claim.id is not None
    return meta


def export_aif(graph: ArgumentGraph) -> tuple[str, list[str]]:
    """The debate as AIF JSON, and what AIF itself cannot carry."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    node_of: dict[str, str] = {}  # claim id -> I-node id
    link_of: dict[str, str] = {}  # claim id -> S-node linking it to its parent

    def add_node(body: dict[str, Any]) -> str:
        node_id = str(len(nodes) + 1)
        nodes.append({"nodeID": node_id, **body})
        return node_id

    def add_edge(source: str, target: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": source, "toID": target})

    node_of[MOTION_ID] = add_node(
        {"text": graph.motion.text, "type": "I", "argmap": {"id": MOTION_ID}}
    )
    claims = list(graph.claims())
    for node in claims:
        node_of[node.id] = add_node(
            {"text": node.text, "type": "I", "argmap": _claim_metadata(node)}
        )
    for node in claims:
        assert node.parent is not None and node.relation is not None
        shape = _INFERENCE if node.relation is Relation.SUPPORTS else _CONFLICT
        if node.claim is not None and node.claim.scheme is not None:
            shape = {**shape, "text": node.claim.scheme, "scheme": node.claim.scheme}
        link = add_node({**shape, "argmap": {"relation": node.relation.value}})
        link_of[node.id] = link
        add_edge(node_of[node.id], link)
        if node.relation is Relation.UNDERCUTS:
            # The undercut attacks the parent's own link to what the parent answers.
            add_edge(link, link_of[node.parent])
        else:
            add_edge(link, node_of[node.parent])
    for node in claims:
        assert node.claim is not None
        for targets, shape, relation in (
            (node.claim.also_rebuts, _CONFLICT, Relation.REBUTS),
            (node.claim.also_supports, _INFERENCE, Relation.SUPPORTS),
        ):
            for target in targets:
                link = add_node({**shape, "argmap": {"relation": relation.value, "cross": True}})
                add_edge(node_of[node.id], link)
                add_edge(link, node_of[target])
    debate = graph.debate
    document_meta: dict[str, Any] = {"version": debate.version, "title": debate.title}
    document_meta.update(to_data(debate, include={"id", "summary", "tags", "sources", "expect"}))
    document = {"nodes": nodes, "edges": edges, "locutions": [], "argmap": document_meta}
    losses: list[str] = []
    for key, what in _METADATA_FIELDS.items():
        ids = [n.id for n in claims if n.claim is not None and key in _claim_metadata(n)]
        if ids:
            losses.append(
                f"AIF has no place for {what}; kept in the `argmap` field of the I-nodes, "
                f"which other AIF tools ignore: {id_list(ids)}"
            )
    cross = [n.id for n in claims if n.claim and (n.claim.also_rebuts or n.claim.also_supports)]
    if cross:
        losses.append(
            "AIF does not tell a cross-link from a nested relation; marked in the `argmap` "
            f"field of their S-nodes: {id_list(cross)}"
        )
    debate_fields = [k for k in ("summary", "tags", "sources", "expect") if k in document_meta]
    if debate_fields:
        losses.append(
            "AIF has no place for the debate's title, "
            + ", ".join(debate_fields)
            + "; kept in the document's `argmap` field"
        )
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n", losses


# --- import ----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Relation:
    premise: str  # I-node id
    target: str  # I-node id, or S-node id for an undercut
    kind: str  # "supports", "rebuts", "undercuts"
    snode: str
    cross: bool
    order: int  # the S-node's place in the file
    seq: int  # the relation's own place, which breaks ties between one S-node's relations


@dataclass(slots=True)
class _Index:
    """Relations by the node they touch, each list in the order the nesting takes them."""

    incoming: dict[str, list[_Relation]]  # I-node -> supports and rebuttals aimed at it
    undercutting: dict[str, list[_Relation]]  # S-node -> undercuts aimed at it
    by_premise: dict[str, list[_Relation]]  # I-node -> relations it is the premise of


@dataclass(slots=True)
class Nodeset:
    """An AIF file read into claims and relations, before a motion is chosen."""

    document: dict[str, Any]  # the AIF object itself, inside OVA's wrapper when there is one
    nodes: dict[str, dict[str, Any]]  # I, RA and CA nodes by nodeID
    order: dict[str, int]
    i_nodes: list[str]
    relations: list[_Relation]
    losses: list[Loss]  # what the file holds that no debate made from it can carry
    summary: str | None  # the analysed text of an OVA or xAIF file
    _index: _Index | None = None

    def index(self) -> _Index:
        """Relations by node, built once: every debate made from the file shares it."""
        if self._index is None:
            order = self.order
            index = _Index({}, {}, {})
            for relation in sorted(self.relations, key=lambda r: (order[r.premise], r.order)):
                into = index.undercutting if relation.kind == "undercuts" else index.incoming
                into.setdefault(relation.target, []).append(relation)
                index.by_premise.setdefault(relation.premise, []).append(relation)
            self._index = index
        return self._index

    def text(self, node_id: str) -> str:
        """The text of a node, as the loss report names it."""
        return str(self.nodes[node_id].get("text") or "")

    def roots(self) -> list[str]:
        """The top-level conclusions: I-nodes concluded but never a premise, in file order."""
        premises = {r.premise for r in self.relations}
        concluded = {r.target for r in self.relations}
        return [n for n in self.i_nodes if n in concluded and n not in premises]

    def components(self) -> dict[str, str]:
        """Each I-node's weakly connected component, named by one of its nodes."""
        parent: dict[str, str] = {}

        def find(node: str) -> str:
            root = node
            while parent.get(root, root) != root:
                root = parent[root]
            while node != root:  # path compression keeps this linear in practice
                parent[node], node = root, parent.get(node, node)
            return root

        def union(a: str, b: str) -> None:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[ra] = rb

        for relation in self.relations:
            union(relation.premise, relation.snode)
            union(relation.snode, relation.target)
        return {n: find(n) for n in self.i_nodes}

    def items(self, node_ids: list[str]) -> tuple[LostItem, ...]:
        """Nodes as loss-report items: AIF nodeID and text."""
        return tuple(LostItem(n, self.text(n)) for n in node_ids)


_WRAPPER_SECTIONS = {"OVA": "OVA's diagram layout", "dialog": "the dialogue flag"}


def _load_document(text: str) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The AIF object, and the OVA/xAIF wrapper around it when there is one."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InteropError(f"this is not AIF JSON: {exc.msg}", exc.lineno) from None
    except RecursionError:
        raise InteropError("this is not AIF JSON: nesting is too deep") from None
    wrapper: dict[str, Any] | None = None
    if (
        isinstance(document, dict)
        and "nodes" not in document
        and isinstance(document.get("AIF"), dict)
    ):
        # OVA and xAIF save `{"AIF": {nodes, edges, ...}, "OVA": ..., "text": ...}`.
        wrapper, document = document, document["AIF"]
    if not isinstance(document, dict) or not isinstance(document.get("nodes"), list):
        raise InteropError(
            "this is not AIF JSON: expected an object with a `nodes` list "
            '(or OVA\'s `{"AIF": {...}}` wrapper)'
        )
    if not isinstance(document.get("edges", []), list):
        raise InteropError("this is not AIF JSON: `edges` must be a list")
    return document, wrapper


_TAG = re.compile(r"<[^>]*>")


def _wrapper_text(wrapper: dict[str, Any], losses: list[Loss]) -> str | None:
    """OVA's analysed text as plain text (its markup removed); other sections reported."""
    summary: str | None = None
    value = wrapper.get("text")
    if isinstance(value, str) and value.strip():
        # OVA marks the analysed spans with HTML; the words are what a reader needs.
        marked = value.replace("<br>", "\n")
        # No tag closes after the last `>`: leaving that tail out of the search keeps a
        # text of many `<` linear (each would otherwise be read to the end).
        last = marked.rfind(">") + 1
        plain = html.unescape(_TAG.sub("", marked[:last]) + marked[last:])
        summary = "\n".join(" ".join(line.split()) for line in plain.splitlines()).strip()
        summary = re.sub(r"\n{3,}", "\n\n", summary) or None
    for key, value in wrapper.items():
        if key in {"AIF", "text"} or not value:
            continue
        what = _WRAPPER_SECTIONS.get(key, f"the wrapper's `{key}` section")
        losses.append(Loss(f"{what} has no place in argmap; left out"))
    return summary


def _node_slug(node_id: str) -> str:
    slug = re.sub(r"[^a-z0-9_-]+", "-", node_id.lower()).strip("-_")
    return f"aif-{slug or 'node'}"


#: Relations (premise times conclusion) one S-node may stand for.
_RELATIONS_PER_SNODE = 1000


def read_nodeset(text: str) -> Nodeset:
    """AIF JSON (bare, or in OVA's or xAIF's wrapper) as claims and relations.

    InteropError when it is not AIF JSON or holds no I-node. Linear in nodes plus edges.
    """
    document, wrapper = _load_document(text)
    losses: list[Loss] = []
    summary = _wrapper_text(wrapper, losses) if wrapper is not None else None
    nodes: dict[str, dict[str, Any]] = {}
    order: dict[str, int] = {}
    skipped_types: dict[str, int] = {}
    first_seen: dict[str, dict[str, Any]] = {}
    for raw in document["nodes"]:
        if not isinstance(raw, dict) or "nodeID" not in raw or "type" not in raw:
            raise InteropError("this is not AIF JSON: every node needs `nodeID` and `type`")
        node_id = str(raw["nodeID"])
        node_type = str(raw["type"])
        earlier = first_seen.get(node_id)
        if earlier is not None:
            # Edges name nodes by id, so only one node can own it: the first, as in the file.
            same = str(earlier["type"]) == node_type and earlier.get("text") == raw.get("text")
            losses.append(
                Loss(
                    f"nodeID {node_id} is used twice; "
                    + (
                        "both nodes are the same, read once"
                        if same
                        else f"kept the first ({earlier['type']} node), left out the second "
                        f"({node_type} node)"
                    ),
                    items=() if same else (LostItem(node_id, str(raw.get("text") or "")),),
                )
            )
            continue
        first_seen[node_id] = raw
        if node_type not in {"I", "RA", "CA"}:
            skipped_types[node_type] = skipped_types.get(node_type, 0) + 1
            continue
        nodes[node_id] = raw
        order[node_id] = len(order)
    if skipped_types:
        counts = ", ".join(f"{n} {t}" for t, n in sorted(skipped_types.items()))
        losses.append(
            Loss(f"nodes argmap has no use for (dialogue, rephrase, preference) left out: {counts}")
        )
    locutions = document.get("locutions", [])
    if isinstance(locutions, list) and locutions:
        losses.append(Loss(f"{len(locutions)} locutions (who said what) left out"))
    for key, value in document.items():
        if key not in {"nodes", "edges", "locutions", "argmap"} and value:
            losses.append(Loss(f"the `{key}` section has no place in argmap; left out"))
    into: dict[str, list[str]] = {n: [] for n in nodes}
    out_of: dict[str, list[str]] = {n: [] for n in nodes}
    dangling = 0
    for edge in document.get("edges", []):
        if not isinstance(edge, dict):
            raise InteropError("this is not AIF JSON: every edge must be an object")
        source, target = str(edge.get("fromID")), str(edge.get("toID"))
        if source not in nodes or target not in nodes:
            dangling += 1
            continue
        out_of[source].append(target)
        into[target].append(source)
    if dangling:
        losses.append(Loss(f"{dangling} edges touching nodes argmap left out were dropped"))

    def is_i(node_id: str) -> bool:
        return str(nodes[node_id]["type"]) == "I"

    relations: list[_Relation] = []
    for snode, raw in nodes.items():
        if is_i(snode):
            continue
        cross = bool(_meta(raw).get("cross", False))
        premises = [p for p in into[snode] if is_i(p)]
        if len(premises) > 1:
            losses.append(
                Loss(
                    f"{raw['type']} node {snode} joins {len(premises)} premises into one "
                    "argument; each became a separate relation"
                )
            )
        supports = str(raw["type"]) == "RA"
        # Every premise relates to every conclusion: an S-node with thousands of each would
        # make the square of its edges. Real files give an S-node one conclusion.
        if len(premises) * len(out_of[snode]) > _RELATIONS_PER_SNODE:
            raise InteropError(
                f"{raw['type']} node {snode} joins {len(premises)} premises to "
                f"{len(out_of[snode])} conclusions; argmap reads at most "
                f"{_RELATIONS_PER_SNODE:,} relations from one S-node"
            )
        for premise in premises:
            for conclusion in out_of[snode]:
                if supports and not is_i(conclusion):
                    continue
                kind = "supports" if supports else "rebuts" if is_i(conclusion) else "undercuts"
                relations.append(
                    _Relation(premise, conclusion, kind, snode, cross, order[snode], len(relations))
                )
    i_nodes = [n for n in nodes if is_i(n)]
    if not i_nodes:
        raise InteropError("this AIF file has no I-nodes (claims)")
    return Nodeset(document, nodes, order, i_nodes, relations, losses, summary)


def parse_aif(text: str, motion: str | None = None) -> Imported:
    """AIF JSON as one debate; InteropError when it is not AIF JSON.

    `motion` is the nodeID of the I-node to make the motion; without it, the file's own
    motion (an argmap export) or the top-level conclusion with most claims below it.
    """
    nodeset = read_nodeset(text)
    losses = list(nodeset.losses)
    if motion is None:
        motion = _find_motion(nodeset, losses)
    elif motion not in nodeset.nodes or motion not in set(nodeset.i_nodes):
        raise InteropError(f"--motion {motion}: the file has no I-node with that nodeID")
    built = _build(nodeset, motion)
    losses.extend(built.losses)
    unplaced = [n for n in nodeset.i_nodes if n not in built.placed]
    if unplaced:
        component = nodeset.components()
        own = component[motion]
        linked = [n for n in unplaced if component[n] == own]
        apart = [n for n in unplaced if component[n] != own]
        if linked:
            losses.append(
                Loss(
                    f"{_count(linked, 'I-node')} reached from the motion only through shared "
                    "premises (other conclusions and what rests only on them) left out; "
                    "`--all` imports every conclusion, `--motion NODE` another one",
                    items=nodeset.items(linked),
                )
            )
        if apart:
            losses.append(
                Loss(
                    f"{_count(apart, 'I-node')} not connected to the motion left out",
                    items=nodeset.items(apart),
                )
            )
    return Imported(built.data, losses)


def _count(things: list[str], noun: str) -> str:
    return f"{len(things)} {noun}{'s' * (len(things) != 1)}"


@dataclass(slots=True)
class AifSplit:
    """An AIF file as one debate per top-level conclusion (`argmap import aif --all`)."""

    debates: list[tuple[str, Imported]]  # (debate id, data and that debate's own losses)
    losses: list[Loss]  # what the file holds that no debate carries


#: `see` links a premise shared by several conclusions gets, at most, to its other places.
_SEE_LIMIT = 10


def split_aif(text: str, base_id: str) -> AifSplit:
    """One debate per top-level conclusion of an AIF file, each with its whole subtree.

    Debate ids are `<base_id>-<nodeID>`. A premise that several conclusions rest on is in
    each of their debates, with a `see` link to its other places. I-nodes in no debate
    (isolated, or in a cycle without a top-level conclusion) are named in the losses.
    """
    nodeset = read_nodeset(text)
    losses = list(nodeset.losses)
    roots = nodeset.roots()
    if not roots:
        raise InteropError(
            "no I-node is concluded without also being a premise, so the file has no "
            "top-level conclusion to make a debate of; pick one with --motion NODE"
        )
    from argmap.load import max_claims

    builds: list[tuple[str, _Built]] = []
    taken: set[str] = set()
    # Premises shared by several conclusions are copied into each debate: thousands of
    # conclusions over one large argument would make the square of the file.
    limit, total = max_claims(), 0
    for root in roots:
        debate_id = bounded_slug(f"{base_id}-{_node_slug(root).removeprefix('aif-')}")
        while debate_id in taken:  # two nodeIDs that slug alike
            debate_id += "-x"
        taken.add(debate_id)
        built = _build(nodeset, root)
        total += len(built.placed) - 1
        if total > limit:
            raise InteropError(
                f"the {len(roots)} debates of this file would hold more than {limit:,} claims "
                "in all (premises shared by several conclusions are copied into each); import "
                "one conclusion with --motion NODE (or set ARGMAP_MAX_CLAIMS to raise the limit)"
            )
        builds.append((debate_id, built))
    where: dict[str, list[int]] = {}
    for index, (_, built) in enumerate(builds):
        for node in built.placed:
            where.setdefault(node, []).append(index)
    shared = [n for n in nodeset.i_nodes if len(where.get(n, ())) > 1]
    capped = 0
    for node in shared:
        places = where[node]
        capped += len(places) > _SEE_LIMIT + 1
        for index in places:
            claim = builds[index][1].claims[node]
            links = claim.setdefault("see", [])
            # The first places only: a premise in thousands of debates would otherwise
            # carry thousands of links in each (the square of the places).
            for other in [p for p in places[: _SEE_LIMIT + 1] if p != index][:_SEE_LIMIT]:
                other_id, other_built = builds[other]
                target_claim = other_built.claims[node].get("id")
                links.append(f"{other_id}:{target_claim}" if target_claim else other_id)
    if shared:
        most = f" (the first {_SEE_LIMIT} of them for {capped})" if capped else ""
        losses.append(
            Loss(
                f"{_count(shared, 'premise')} shared by several conclusions: each is in every "
                f"debate that rests on it, with a `see` link to its other places{most}",
                items=nodeset.items(shared),
            )
        )
    unplaced = [n for n in nodeset.i_nodes if n not in where]
    if unplaced:
        related = {r.premise for r in nodeset.relations} | {r.target for r in nodeset.relations}
        alone = [n for n in unplaced if n not in related]
        cyclic = [n for n in unplaced if n in related]
        if alone:
            losses.append(
                Loss(
                    f"{_count(alone, 'I-node')} in no argument (no RA or CA relation) left out",
                    items=nodeset.items(alone),
                )
            )
        if cyclic:
            losses.append(
                Loss(
                    f"{_count(cyclic, 'I-node')} in arguments without a top-level conclusion "
                    "(every claim there is also a premise) left out; import one with "
                    "--motion NODE",
                    items=nodeset.items(cyclic),
                )
            )
    debates = [
        (debate_id, Imported(built.data, [_prefixed(debate_id, loss) for loss in built.losses]))
        for debate_id, built in builds
    ]
    return AifSplit(debates, losses)


def _prefixed(debate_id: str, loss: Loss) -> Loss:
    return Loss(f"{debate_id}: {loss.message}", loss.line, loss.items)


def _meta(raw: dict[str, Any]) -> dict[str, Any]:
    meta = raw.get("argmap")
    return meta if isinstance(meta, dict) else {}


def _find_motion(nodeset: Nodeset, losses: list[Loss]) -> str:
    nodes, relations = nodeset.nodes, nodeset.relations
    for node_id in nodeset.i_nodes:
        if _meta(nodes[node_id]).get("id") == MOTION_ID:
            return node_id
    roots = nodeset.roots()
    if not roots:
        if not relations:
            raise InteropError(
                "this AIF file has claims but no RA or CA relations between them; "
                "argmap needs an argument structure to import"
            )
        raise InteropError(
            "no I-node is concluded without also being a premise, so argmap cannot tell "
            "which claim is the motion; pick one with --motion NODE"
        )
    if len(roots) == 1:
        return roots[0]
    best, compared = largest_root(nodeset, roots)
    how = (
        "the one with most claims below it"
        if compared == len(roots)
        else f"the one with most claims below it of the {compared} compared before the "
        "comparison grew too costly"
    )
    losses.append(
        Loss(
            f"the file has {len(roots)} top-level conclusions; I-node {best} ({how}) became "
            "the motion; the others are named below as left out (choose one with --motion NODE)"
        )
    )
    return best


@dataclass(slots=True)
class _Built:
    data: dict[str, Any]
    losses: list[Loss]
    placed: set[str]  # I-nodes in the debate, the motion included
    claims: dict[str, dict[str, Any]]  # I-node -> its claim data (placed or not)


def _build(nodeset: Nodeset, motion: str) -> _Built:
    """The debate with I-node `motion` as its motion and every claim below it.

    Work is proportional to the claims placed and their relations, so making one debate per
    conclusion of a large file stays linear in the file.
    """
    nodes, order = nodeset.nodes, nodeset.order
    index = nodeset.index()
    losses: list[Loss] = []
    claims: dict[str, dict[str, Any]] = {}
    ids: dict[str, str] = {}

    def make_claim(node_id: str) -> dict[str, Any]:
        raw = nodes[node_id]
        meta = _meta(raw)
        text = str(raw.get("text") or "")
        if not text.strip():
            losses.append(Loss(f"I-node {node_id} has no text; wrote a placeholder"))
            text = "(no text in the AIF file)"
        claim: dict[str, Any] = {"text": text}
        graph_id = meta.get("id")
        if isinstance(graph_id, str) and graph_id:
            ids[node_id] = graph_id
            if meta.get("explicit_id", SLUG_RE.match(graph_id) is not None):
                claim["id"] = graph_id
            for key in ("kind", "weight", "sources", "tags", "note", "see"):
                if key in meta:
                    claim[key] = meta[key]
        else:
            ids[node_id] = _node_slug(node_id)
            claim["id"] = ids[node_id]
        claims[node_id] = claim
        return claim

    # Nest claims breadth first from the motion along relations that are not cross-links.
    tree_link: dict[str, str] = {}  # I-node -> S-node linking it to its parent
    parent_of: dict[str, str] = {}
    tree_kind: dict[str, str] = {}
    used: set[int] = set()
    pro: list[dict[str, Any]] = []
    con: list[dict[str, Any]] = []
    placed = {motion}
    queue = deque([motion])

    def place(relation: _Relation, parent: str, key: str) -> None:
        premise = relation.premise
        placed.add(premise)
        parent_of[premise] = parent
        tree_kind[premise] = relation.kind
        tree_link[premise] = relation.snode
        used.add(relation.seq)
        queue.append(premise)
        claim = make_claim(premise)
        scheme = scheme_name(nodes[relation.snode])
        if scheme is not None:
            claim["scheme"] = scheme
        if parent == motion:
            (pro if key == "support" else con).append(claim)
        else:
            claims[parent].setdefault(key, []).append(claim)

    while queue:
        current = queue.popleft()
        candidates = index.undercutting.get(tree_link.get(current, ""), []) + index.incoming.get(
            current, []
        )
        candidates.sort(key=lambda r: (order[r.premise], r.order))
        for relation in candidates:
            if relation.cross or relation.premise in placed:
                continue
            if relation.kind == "undercuts":
                place(relation, current, "rebuttals")
                claims[relation.premise]["undercut"] = True
            else:
                key = "support" if relation.kind == "supports" else "rebuttals"
                place(relation, current, key)
    if motion in index.by_premise:
        ids[motion] = MOTION_ID

    # Everything else becomes a cross-link where argmap can express one.
    premise_of_link = {link: premise for premise, link in tree_link.items()}
    rest = [r for n in placed for r in index.by_premise.get(n, ()) if r.seq not in used]
    linked: set[tuple[str, str, str]] = set()  # cross-links made: (premise, key, target id)
    for relation in sorted(rest, key=lambda r: (r.order, r.seq)):
        premise = relation.premise
        target = relation.target
        kind = relation.kind
        if kind == "undercuts":
            # An undercut of a relation that is not a claim's own link: attack the premise.
            target_claim = premise_of_link.get(target)
            if target_claim is None:
                losses.append(
                    Loss(
                        f"undercut by I-node {premise} of S-node {target} could not be placed",
                        items=nodeset.items([premise]),
                    )
                )
                continue
            losses.append(
                Loss(
                    f"undercut by {ids.get(premise, premise)} of a cross-link became a plain "
                    f"rebuttal of {ids[target_claim]}"
                )
            )
            target, kind = target_claim, "rebuts"
        if target not in placed:
            continue  # a conclusion outside this debate; reported by the caller
        if premise == target:
            losses.append(Loss(f"I-node {premise} relates to itself; dropped"))
            continue
        if premise == motion or target == motion:
            other = ids[target] if premise == motion else ids[premise]
            losses.append(
                Loss(
                    f"a second {kind[:-1]} relation between the motion and {other} has no "
                    "place in argmap (cross-links cannot touch the motion); dropped"
                )
            )
            continue
        same_as_nesting = parent_of.get(premise) == target and tree_kind.get(premise) == kind
        if same_as_nesting and not relation.cross:
            continue  # another tool's file states the relation twice
        key = "also_supports" if kind == "supports" else "also_rebuts"
        targets = claims[premise].setdefault(key, [])
        if "id" not in claims[target]:
            losses.append(Loss(f"cross-link from {ids[premise]} to a claim without an id; dropped"))
            continue
        # A set beside the list: a claim with thousands of cross-links stays linear.
        if relation.cross or (premise, key, ids[target]) not in linked:
            linked.add((premise, key, ids[target]))
            targets.append(ids[target])
    document_meta = nodeset.document.get("argmap")
    meta = document_meta if isinstance(document_meta, dict) else {}
    motion_text = str(nodes[motion].get("text") or "")
    if not motion_text.strip():
        losses.append(Loss(f"the motion's I-node {motion} has no text; wrote a placeholder"))
        motion_text = "(no text in the AIF file)"
    data: dict[str, Any] = {"version": 1}
    for key in ("id", "title"):
        if key in meta:
            data[key] = meta[key]
    data.setdefault("title", shorten_title(motion_text))
    data["motion"] = motion_text
    for key in ("summary", "tags", "sources"):
        if key in meta:
            data[key] = meta[key]
    if nodeset.summary and "summary" not in data:
        data["summary"] = nodeset.summary
    data["pro"] = pro
    data["con"] = con
    if "expect" in meta:
        data["expect"] = meta["expect"]
    return _Built(data, losses, placed, claims)
