"""Random debates with random mistakes: only diagnostics or clean refusals, never a crash.

The strategy builds structurally valid debates (random trees of pro and con claims with
random ids, kinds, cross-links, undercuts, sources, `see` links, weights and hostile raw
text), then injects known mistakes. Each mistake must show up as its diagnostic; a debate
without mistakes must load. Valid debates go on through the labelling, the explanations,
the DOT export (a few through `dot` itself) and random edits, which either write a file
that still loads or are refused and leave the file untouched.
"""

from __future__ import annotations

import operator
import re
import shutil
import subprocess
import tempfile
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from argmap.edit import (
    Edit,
    EditRefused,
    add_child,
    add_top_level,
    edit_file,
    remove_claim,
    set_fields,
)
from argmap.export import ExportOptions, to_dot
from argmap.export.dot import escape_html, html_lines, wrap_lines
from argmap.load import (
    MAX_YAML_NESTING,
    LoadedDebate,
    load_file,
    load_text,
    yaml_nesting_beyond_limit,
)
from argmap.semantics import Label, UndecidedPartTooLarge, could_stand, explain, grounded

#: Text that has broken tools before: markup, escapes, YAML indicators, control characters,
#: emoji, right-to-left marks and Unicode line separators.
TRICKY_TEXT = [
    "[1AC] says so [citation needed]",
    "[bold]not markup[/bold] {x} <b>&amp;</b>",
    "She said \"no\" and 'yes'",
    "back\\slash \\N \\G \\L \\\\",
    "bell\x07 escape\x1b[31m red",
    "emoji 😀 👩‍🔬 🇪🇺",
    "RTL \u202eabc\u202c عربى עברית",
    "line one\nline two\r\nline three",
    "tab\there",
    "sep\u2028arator\u2029",
    "yes",
    "null",
    "- item",
    "a: b",
    "#not a comment",
    "%TAG",
    "*alias &anchor !tag",
    "|",
    "\ufeffbom inside",
    "next\x85line",
    "\uffff\U0010ffff",
    "x" * 300,
]
raw_text = st.one_of(
    st.sampled_from(TRICKY_TEXT),
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40),
).filter(lambda text: bool(text.strip()))
#: Words matching `[a-z0-9][a-z0-9_-]{0,9}`, drawn as two pieces: `st.from_regex` draws
#: the same words about three times slower, and a debate draws twenty of them.
_SLUG_START = "abcdefghijklmnopqrstuvwxyz0123456789"
slug_words = st.builds(
    operator.add, st.sampled_from(_SLUG_START), st.text(_SLUG_START + "_-", max_size=9)
)

#: The files are written by PyYAML's own emitter (which breaks long double-quoted text
#: with escaped line continuations) or by libyaml's where PyYAML has it (which does not,
#: and writes about four times faster: the pure-Python emitter took nearly half the time
#: of generating a debate).
_DUMPERS = (yaml.SafeDumper, getattr(yaml, "CSafeDumper", yaml.SafeDumper))

#: Mistake name -> the diagnostic code it must produce (None: some error, code not fixed).
MISTAKES: dict[str, str | None] = {
    "unknown-key": "unknown-key",
    "duplicate-id": "duplicate-id",
    "dangling-link": "unknown-claim",
    "self-link": "self-link",
    "motion-link": "motion-link",
    "weight": "weight",
    "undercut-on-non-rebuttal": "undercut-not-rebuttal",
    "unknown-source": "unknown-source",
    "reserved-id": "reserved-id",
    "bad-id": "bad-id",
    "unknown-kind": "unknown-kind",
    "text-wrong-type": None,
    "blank-text": "value",
    "list-wrong-type": "type",
    "claim-not-mapping": "bad-claim",
    "duplicate-key": "duplicate-key",
}


@dataclass
class Generated:
    """A generated debate file and what loading it must report."""

    text: str
    claims: int
    expected: set[str] = field(default_factory=set)
    mistakes: list[str] = field(default_factory=list)


@dataclass
class _Claim:
    data: dict[str, Any]
    relation: str  # "top", "rebuttal" or "support"
    children: dict[str, list[dict[str, Any]]]


@st.composite
def debates(draw: st.DrawFn, *, mistakes: bool = True) -> Generated:
    """A debate file: a random valid tree, then up to three injected mistakes."""
    source_ids = [f"s{i}-{w}" for i, w in enumerate(draw(st.lists(slug_words, max_size=3)))]
    sources = [{"id": sid, "title": draw(raw_text)} for sid in source_ids]
    data: dict[str, Any] = {}
    if draw(st.booleans()):
        data["version"] = 1
    data.update(title=draw(raw_text), motion=draw(raw_text))
    if sources:
        data["sources"] = sources
    data["pro"], data["con"] = [], []
    claims: list[_Claim] = []
    argues_pro: list[bool] = []  # a support backs only claims of its own side
    for index in range(draw(st.integers(1, 25))):
        claim: dict[str, Any] = {}
        if draw(st.integers(0, 9)) < 6:  # most claims are named, some get generated ids
            claim["id"] = f"{draw(slug_words)}-{index}"
        claim["text"] = draw(raw_text)
        cites = draw(st.lists(st.sampled_from(source_ids), max_size=2)) if source_ids else []
        if cites:
            claim["sources"] = cites
        claim["kind"] = draw(st.sampled_from(["claim", "proposal"] + ["evidence"] * bool(cites)))
        if draw(st.booleans()):
            claim["weight"] = draw(st.integers(1, 5))
        if draw(st.integers(0, 4)) == 0:
            claim["note"] = draw(raw_text)
        if draw(st.integers(0, 4)) == 0:
            claim["tags"] = draw(st.lists(slug_words, max_size=2))
        if draw(st.integers(0, 5)) == 0:
            other = draw(slug_words)
            claim["see"] = [other, f"{other}:{draw(slug_words)}.r1"]
        parent = draw(st.integers(-2, index - 1)) if claims else -1
        if parent < 0:
            data["pro" if parent == -1 else "con"].append(claim)
            relation = "top"
            argues_pro.append(parent == -1)
        else:
            relation = draw(st.sampled_from(["rebuttal", "support"]))
            key = "rebuttals" if relation == "rebuttal" else "support"
            claims[parent].children.setdefault(key, []).append(claim)
            argues_pro.append(argues_pro[parent] != (relation == "rebuttal"))
            if relation == "rebuttal" and draw(st.integers(0, 4)) == 0:
                claim["undercut"] = True
        claims.append(_Claim(claim, relation, {}))
    for item in claims:  # children after the claim's own keys, as authors write them
        item.data.update(item.children)
    named = [c.data["id"] for c in claims if "id" in c.data]
    side = {c.data["id"]: pro for c, pro in zip(claims, argues_pro, strict=True) if "id" in c.data}
    for _ in range(draw(st.integers(0, 4)) if len(named) > 1 else 0):
        source, target = draw(st.lists(st.sampled_from(named), min_size=2, max_size=2))
        if source != target:
            key = draw(st.sampled_from(["also_rebuts", "also_supports"]))
            if key == "also_supports" and side[source] != side[target]:
                continue  # support across sides is refused by the loader
            holder = next(c.data for c in claims if c.data.get("id") == source)
            holder.setdefault(key, []).append(target)
    generated = Generated("", len(claims))
    if mistakes:
        _inject(draw, data, claims, generated)
    text = yaml.dump(
        data,
        Dumper=draw(st.sampled_from(_DUMPERS)),
        allow_unicode=draw(st.booleans()),
        sort_keys=False,
        default_flow_style=draw(st.sampled_from([False, None])),
        width=draw(st.sampled_from([30, 80, 4096])),
        indent=draw(st.sampled_from([2, 4])),
    )
    if "duplicate-key" in generated.mistakes:
        text = "title: Said twice\n" + text
    generated.text = text
    return generated


def _inject(draw: st.DrawFn, data: dict[str, Any], claims: list[_Claim], out: Generated) -> None:
    """Apply up to three mistakes, each to a different claim, and record what they cause."""
    chosen = draw(st.lists(st.sampled_from(sorted(MISTAKES)), max_size=3, unique=True))
    free = list(range(len(claims)))
    for mistake in chosen:
        if not free:
            break
        item = claims[free.pop(draw(st.integers(0, len(free) - 1)))]
        claim = item.data
        if mistake == "duplicate-id":
            others = [claims[i].data for i in free if "id" in claims[i].data]
            if not others:
                continue
            claim["id"] = others[0]["id"]
            free = [i for i in free if claims[i].data is not others[0]]
        elif mistake == "unknown-key":
            claim[draw(st.sampled_from(["colour", "rebutals", "Text", "weight "]))] = "x"
        elif mistake == "dangling-link":
            claim.setdefault("also_rebuts", []).append("missing_claim")
        elif mistake == "self-link":
            claim.setdefault("id", "self_linked")
            claim.setdefault("also_supports", []).append(claim["id"])
        elif mistake == "motion-link":
            claim.setdefault("also_rebuts", []).append("motion")
        elif mistake == "weight":
            claim["weight"] = draw(st.sampled_from([0, 6, -1, 2.5, "heavy", [3]]))
        elif mistake == "undercut-on-non-rebuttal":
            if item.relation == "rebuttal":
                continue
            claim["undercut"] = True
        elif mistake == "unknown-source":
            claim.setdefault("sources", []).append("nowhere_source")
        elif mistake == "reserved-id":
            claim["id"] = "motion"
        elif mistake == "bad-id":
            claim["id"] = draw(st.sampled_from(["Bad Id", "-dash", "pro.1", "ünï", "a/b", ""]))
        elif mistake == "unknown-kind":
            claim["kind"] = draw(st.sampled_from(["opinion", "Evidence", "", 3]))
        elif mistake == "text-wrong-type":
            claim["text"] = draw(st.sampled_from([None, 42, True, ["a"], {"a": 1}]))
        elif mistake == "blank-text":
            claim["text"] = draw(st.sampled_from(["", "   ", "\t\n"]))
        elif mistake == "list-wrong-type":
            key = draw(st.sampled_from(["tags", "also_rebuts", "see", "rebuttals", "support"]))
            if key in claim:  # replacing a claim's own rebuttals would hide their mistakes
                key = "tags"
            claim[key] = draw(st.sampled_from(["just text", 7, {"a": 1}]))
        elif mistake == "claim-not-mapping":
            key = draw(st.sampled_from(["rebuttals", "support"]))
            claim.setdefault(key, []).append(draw(st.sampled_from(["a bare string", 5, None])))
        out.mistakes.append(mistake)
        code = MISTAKES[mistake]
        if code is not None:
            out.expected.add(code)
    # When no claim-level mistake applied, the file-level one still has a chance.
    if data["pro"] and not out.mistakes and draw(st.booleans()):
        out.mistakes.append("duplicate-key")
        out.expected.add("duplicate-key")


def _check_loaded(generated: Generated) -> LoadedDebate:
    loaded = load_text(generated.text, "fuzz.yaml")
    # YAML also breaks lines at NEL, U+2028 and U+2029 (editors mostly do not).
    last_line = len(re.split("\r\n|[\n\r\x85\u2028\u2029]", generated.text)) + 1
    for diagnostic in loaded.diagnostics:
        assert 1 <= diagnostic.line <= last_line and diagnostic.col >= 1, diagnostic
        assert diagnostic.message.strip()
        assert diagnostic.format().startswith(f"fuzz.yaml:{diagnostic.line}:{diagnostic.col}:")
    codes = {d.code for d in loaded.diagnostics}
    assert generated.expected <= codes, (generated.mistakes, sorted(codes))
    if generated.mistakes:
        assert not loaded.ok, generated.mistakes
    else:
        assert loaded.ok, [d.format() for d in loaded.diagnostics]
        assert len(loaded.graph.nodes) == generated.claims + 1  # and the motion
    return loaded


def _check_semantics_and_dot(loaded: LoadedDebate) -> str:
    graph = loaded.graph
    labelling = grounded(graph)
    assert set(labelling.labels) == set(graph.nodes)
    for claim_id in graph.nodes:
        assert explain(graph, labelling, claim_id).strip()
    try:
        possible = could_stand(graph, labelling)
    except UndecidedPartTooLarge:
        pass
    else:
        standing = {n for n, label in labelling.labels.items() if label is Label.STANDING}
        assert standing <= possible
        assert not possible & {n for n, v in labelling.labels.items() if v is Label.DEFEATED}
    source = to_dot(graph, ExportOptions(format="dot", show_ids=True, rankdir="auto"))
    assert source.startswith("digraph argmap {") and source.rstrip().endswith("}")
    for index, claim_id in enumerate(graph.nodes):
        assert f"\tn{index:04d} [label=<" in source, claim_id
    return source


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(debates())
def test_random_debates_give_their_diagnostics_and_never_crash(generated: Generated) -> None:
    loaded = _check_loaded(generated)
    if loaded.ok:
        _check_semantics_and_dot(loaded)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(debates(mistakes=False))
def test_valid_random_debates_label_explain_and_draw(generated: Generated) -> None:
    _check_semantics_and_dot(_check_loaded(generated))


@pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz `dot`")
@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(debates(mistakes=False))
def test_dot_accepts_the_diagrams_of_random_debates(generated: Generated) -> None:
    source = _check_semantics_and_dot(_check_loaded(generated))
    done = subprocess.run(
        ["dot", "-Tsvg"], input=source.encode("utf-8"), capture_output=True, timeout=60
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert b"syntax error" not in done.stderr and b"Error" not in done.stderr
    assert done.stdout.rstrip().endswith(b"</svg>")


@settings(max_examples=35, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(debates(mistakes=False), st.data())
def test_random_edits_of_random_debates_never_corrupt_the_file(
    generated: Generated, data: st.DataObject
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "debate.yaml"
        path.write_text(generated.text, encoding="utf-8")
        for _ in range(data.draw(st.integers(1, 4), label="edits")):
            loaded = load_file(path)
            assert loaded.ok, [d.format() for d in loaded.diagnostics]
            ids = [n for n in loaded.graph.nodes if n != "motion"]
            known = st.sampled_from(ids) if ids else slug_words  # every claim may be gone
            target = data.draw(st.one_of(known, slug_words), label="target")
            new_id = data.draw(st.one_of(st.none(), slug_words, st.just(target)), label="id")
            text = data.draw(raw_text, label="text")
            operation = data.draw(st.sampled_from(["child", "top", "set", "remove"]))
            change: Callable[[str], Edit]
            if operation == "child":
                relation = data.draw(st.sampled_from(["rebuttal", "support"]))
                change = partial(
                    add_child, under=target, relation=relation, claim_text=text, new_id=new_id
                )
            elif operation == "top":
                side = data.draw(st.sampled_from(["pro", "con", "neither"]))
                change = partial(add_top_level, side=side, claim_text=text, new_id=new_id)
            elif operation == "set":
                changes: dict[str, Any] = data.draw(
                    st.fixed_dictionaries(
                        {},
                        optional={
                            "text": raw_text,
                            "note": st.one_of(st.none(), raw_text),
                            "weight": st.one_of(st.none(), st.integers(0, 6)),
                            "kind": st.sampled_from(["claim", "evidence", "opinion"]),
                            "tags": st.lists(slug_words, max_size=2),
                        },
                    ),
                    label="changes",
                )
                change = partial(set_fields, claim_id=target, changes=changes)
            else:
                force = data.draw(st.booleans(), label="force")
                change = partial(remove_claim, claim_id=target, force=force)
            before = path.read_bytes()
            try:
                edit, _ = edit_file(path, change)
            except EditRefused as refused:
                assert refused.message.strip()
                assert path.read_bytes() == before
                event(f"{operation}: refused")
                continue
            event(f"{operation}: written")
            after = load_file(path)
            assert after.ok, (operation, [d.format() for d in after.diagnostics])
            if operation in {"child", "top"}:
                assert edit.claim_id in after.graph.nodes
        assert [p.name for p in Path(folder).iterdir()] == ["debate.yaml"]


@settings(max_examples=400, deadline=None)
@given(
    st.text(st.sampled_from("ab  -\t\n\u2028é😀\xa0"), max_size=80) | raw_text,
    st.integers(8, 40),
)
@example("0 \xa0", 8)  # a no-break space alone at a line's end: textwrap drops it
def test_diagram_text_wraps_as_textwrap_does(text: str, width: int) -> None:
    # The diagram's own line filling must match textwrap's, or DOT output would change.
    expected: list[str] = []
    for paragraph in text.replace("\t", " ").splitlines() or [""]:
        wrapped = textwrap.wrap(
            paragraph, width=width, break_long_words=True, break_on_hyphens=False
        )
        expected.extend(wrapped or ([""] if not expected else []))
    assert wrap_lines(text, width) == (expected or [""])
    assert html_lines(text, width) == "<BR/>".join(escape_html(x) for x in expected or [""])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["[", "]", "{", "}", "[x]", "{a: 1}", "'[' ", "é"]), st.integers(0, 700)
        ),
        max_size=8,
    )
)
def test_nesting_guard_refuses_exactly_the_files_nested_too_deep(
    pieces: list[tuple[str, int]],
) -> None:
    text = "pro: " + "".join(piece * count for piece, count in pieces)
    depth = deepest = 0
    for char in text:
        depth += {"[": 1, "{": 1, "]": -1, "}": -1}.get(char, 0)
        deepest = max(deepest, depth)
    refused = yaml_nesting_beyond_limit(text)
    assert (refused is not None) == (deepest > MAX_YAML_NESTING)
