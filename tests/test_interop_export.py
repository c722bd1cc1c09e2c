"""JSON and Argdown export, the `export_text` contract, and import hygiene."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from argmap.interop import TEXT_FORMATS, export_text
from argmap.interop.argdown import escape_text
from argmap.load import LoadedDebate, load_text
from argmap.model import json_schema

DEBATE = """\
title: Car-free centres
motion: Cities should ban cars from their centres.
summary: A debate about [urban] traffic.
tags: [transport]
sources:
  - id: survey
    title: City survey 2023
    url: https://example.org/survey
pro:
  - id: air
    text: Cars pollute the air children breathe.
    tags: [health, kids]
    weight: 4
    rebuttals:
      - id: electric
        text: "Electric cars don't pollute the street [citation needed] #1."
        kind: evidence
        sources: [survey]
      - text: Clean air alone does not justify a ban.
        undercut: true
    support:
      - text: |
          Asthma rates fall
          where traffic is calmed.
con:
  - id: shops
    text: Shops in the centre lose customers.
    also_rebuts: [air]
    also_supports: [electric]
    see: [other-debate]
"""


def test_formats_and_extensions_are_the_agreed_ones() -> None:
    assert TEXT_FORMATS == {
        "json": ".json",
        "argdown": ".argdown",
        "aif": ".aif.json",
        "kialo": ".kialo.txt",
        "graphml": ".graphml",
    }


def test_unknown_format_is_a_value_error(load_debate: Callable[..., LoadedDebate]) -> None:
    with pytest.raises(ValueError, match="unknown export format 'xml'"):
        export_text("xml", load_debate(DEBATE).graph)


def test_json_follows_the_schema_and_loads_back_equal(
    load_debate: Callable[..., LoadedDebate],
) -> None:
    loaded = load_debate(DEBATE)
    text, losses = export_text("json", loaded.graph)
    assert losses == []
    data = json.loads(text)
    assert list(data)[:4] == ["version", "id", "title", "motion"]
    assert set(data) <= set(json_schema()["properties"])  # type: ignore[arg-type]
    assert "weight" not in data["con"][0]  # defaults are left out
    again = load_text(text, "elsewhere.json")
    assert again.ok and again.debate == loaded.debate


def test_argdown_document_structure(load_debate: Callable[..., LoadedDebate]) -> None:
    text, _ = export_text("argdown", load_debate(DEBATE).graph)
    lines = text.splitlines()
    assert lines[0] == "==="
    assert 'title: "Car-free centres"' in lines
    assert "[motion]: Cities should ban cars from their centres." in lines
    # 'air' is undercut, so it is an argument; its children are indented one more step.
    assert '  + <air>: Cars pollute the air children breathe. #health #kids {"weight": 4}' in lines
    assert (
        "    - [electric]: Electric cars don't pollute the street \\[citation needed\\] \\#1. "
        '{"kind": "evidence", "sources": ["survey"]}'
    ) in lines
    assert "    _ <air.r2>: Clean air alone does not justify a ban." in lines
    assert "    + [air.s1]: Asthma rates fall where traffic is calmed." in lines
    shops = lines.index(
        '  - [shops]: Shops in the centre lose customers. {"see": ["other-debate"]}'
    )
    assert lines[shops + 1 : shops + 3] == ["    -> <air>", "    +> [electric]"]


def test_argdown_reports_what_it_cannot_carry(load_debate: Callable[..., LoadedDebate]) -> None:
    _, losses = export_text("argdown", load_debate(DEBATE).graph)
    assert losses == [
        "Argdown ends a statement at an empty line; line breaks in the text of these claims "
        "became spaces: air.s1",
        "Argdown has no links into other documents; `see` links kept only as data on: shops",
    ]


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("[1AC] says <x>", "\\[1AC\\] says \\<x\\>"),
        ("#tag and @mention {data}", "\\#tag and \\@mention \\{data\\}"),
        ("a // not a comment /* nor this", "a \\// not a comment /\\* nor this"),
        ("*bold* _it_ back\\slash", "\\*bold\\* \\_it\\_ back\\\\slash"),
        ("two\n\nparagraphs", "two paragraphs"),
        ("time-limited, 50% + more", "time-limited, 50% + more"),
    ],
)
def test_argdown_escapes_special_characters(text: str, escaped: str) -> None:
    assert escape_text(text) == escaped


EXPORT_EVERY_FORMAT = """\
import json, sys
from argmap.interop import TEXT_FORMATS, export_text
from argmap.load import load_file
graph = load_file(sys.argv[1]).graph
print(json.dumps({fmt: export_text(fmt, graph) for fmt in TEXT_FORMATS}))
"""


def test_exports_are_the_same_in_processes_with_different_hash_seeds(
    write_debate: Callable[..., Path],
) -> None:
    # Set and dict order of strings changes with the hash seed from one process to the next:
    # an export that leaned on it would differ between two runs.
    path = write_debate(DEBATE)
    outputs = []
    for seed in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-c", EXPORT_EVERY_FORMAT, str(path)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        outputs.append(json.loads(done.stdout))
    assert sorted(outputs[0]) == sorted(TEXT_FORMATS)
    assert all(outputs[0].values())
    assert outputs[0] == outputs[1]


def test_interop_modules_do_not_import_textual_or_rich() -> None:
    code = (
        "import sys, argmap.interop, argmap.interop.kialo, argmap.interop.aif, "
        "argmap.interop.argdown, argmap.interop.jsonfmt, argmap.cli.interop; "
        "print(sorted(m for m in ('textual', 'rich', 'graphviz') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("fmt", ["kialo", "argdown", "aif"])
def test_export_notes_name_every_claim_however_many(
    fmt: str, load_debate: Callable[..., LoadedDebate]
) -> None:
    claims = "".join(
        f"  - id: c{n:02d}\n    text: Reason {n}.\n    note: A note.\n    see: [other]\n"
        for n in range(1, 31)
    )
    graph = load_debate(f"version: 1\ntitle: Many\nmotion: M.\npro:\n{claims}").graph
    _, losses = export_text(fmt, graph)
    noted = [loss for loss in losses if "c01" in loss]
    assert noted, losses
    for loss in noted:
        assert "more" not in loss
        assert all(f"c{n:02d}" in loss for n in range(1, 31)), loss
