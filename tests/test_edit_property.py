"""Random sequences of edits either succeed with a valid file or leave the file untouched."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
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
from argmap.edit.scalars import block_scalar, inline_scalar
from argmap.load import load_file

FIXTURE = Path(__file__).parent / "data" / "edit" / "commented.yaml"

TRICKY = [
    "yes",
    "12",
    "null",
    "- item",
    "a: b",
    "x #y",
    "[1AC] says",
    "'quoted'",
    '"both"',
    "multi\nline\n",
    "  leading",
    "trailing ",
    "tab\there",
    "emoji 😀",
    "\u2028",
    "bell\x07",
    "%percent",
    "@at",
    "`tick`",
    "...",
    "---",
    "~",
]
texts = st.one_of(
    st.sampled_from(TRICKY),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=24),
)
slugs = st.one_of(
    st.from_regex(r"[a-z0-9][a-z0-9_-]{0,6}", fullmatch=True),
    st.sampled_from(["motion", "cost", "Bad Id", "123", "yes"]),
)
field_values: dict[str, Any] = {
    "text": texts,
    "kind": st.sampled_from(["claim", "evidence", "proposal", "opinion", None]),
    "note": st.one_of(st.none(), texts),
    "weight": st.one_of(st.none(), st.integers(0, 6)),
    "tags": st.lists(slugs, max_size=3),
    "sources": st.lists(st.sampled_from(["irc", "grc", "nowhere"]), max_size=2),
}


def claim_ids(path: Path) -> list[str]:
    loaded = load_file(path)
    assert loaded.ok, [d.format() for d in loaded.diagnostics]
    return [n for n in loaded.graph.nodes if n != "motion"]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.data())
def test_random_edits_keep_the_file_valid_or_untouched(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "debate.yaml"
        path.write_bytes(FIXTURE.read_bytes())
        for _ in range(data.draw(st.integers(1, 6), label="steps")):
            ids = claim_ids(path)
            known = st.sampled_from(ids) if ids else slugs  # every claim may be gone
            target = data.draw(st.one_of(known, slugs), label="target")
            operation = data.draw(st.sampled_from(["child", "top", "set", "remove"]))
            new_id = data.draw(st.one_of(st.none(), slugs), label="new_id")
            claim_text = data.draw(texts, label="text")
            change: Callable[[str], Edit]
            if operation == "child":
                relation = data.draw(st.sampled_from(["rebuttal", "support"]))
                change = partial(
                    add_child,
                    under=target,
                    relation=relation,
                    claim_text=claim_text,
                    new_id=new_id,
                )
            elif operation == "top":
                side = data.draw(st.sampled_from(["pro", "con"]))
                change = partial(add_top_level, side=side, claim_text=claim_text, new_id=new_id)
            elif operation == "set":
                names = data.draw(st.sets(st.sampled_from(sorted(field_values)), min_size=1))
                changes = {n: data.draw(field_values[n], label=n) for n in sorted(names)}
                change = partial(set_fields, claim_id=target, changes=changes)
            else:
                force = data.draw(st.booleans(), label="force")
                change = partial(remove_claim, claim_id=target, force=force)
            before = path.read_bytes()
            try:
                edit_file(path, change)
            except EditRefused as refused:
                assert refused.message
                assert path.read_bytes() == before
            else:
                loaded = load_file(path)
                assert loaded.ok, [d.format() for d in loaded.diagnostics]
        assert not list(Path(folder).glob("*.tmp"))


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",))), st.booleans())
def test_written_scalars_read_back_exactly(value: str, flow: bool) -> None:
    fragment = inline_scalar(value, flow=flow)
    if flow:
        document = f"outer:\n  inner: [{fragment}, x]\n"
        assert yaml.safe_load(document) == {"outer": {"inner": [value, "x"]}}
    else:
        document = f"outer:\n  - inner: {fragment}\n"
        assert yaml.safe_load(document) == {"outer": [{"inner": value}]}
    block = block_scalar(value, "|", 6)
    if block is not None:
        assert yaml.safe_load(f"outer:\n  - inner: {block}\n") == {"outer": [{"inner": value}]}
