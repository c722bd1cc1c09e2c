"""Adding an optional key to the format is one edit, of its record in `argmap.model`.

The test copies the package, adds one line to the `Claim` record, and asks the copy what
a user and an editor would see: the key loads, is written back, is checked (with a
message naming it), and is in the JSON Schema and the pydantic models, which agree with
the hand checker on it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import REPO

NEW_KEY = '    mood: Annotated[str | None, Key("How the claim is put.", not_blank=True)] = None\n'
#: A slug key, added alone in a second test.
SLUG_KEY = '    audience: Annotated[str | None, Key("Who it is for.", SLUG_PATTERN)] = None\n'

PROBE = r"""
import json
from pydantic import ValidationError
from argmap.conform import conform
from argmap.load import load_text
from argmap.model import json_schema, to_data
from argmap import schema_model

HEAD = "title: T\nmotion: M\ncon:\n  - text: C\npro:\n  - text: P\n"
out = {}
good = load_text(HEAD + "    mood: wry\n")
out["loaded"] = good.debate.pro[0].mood if good.ok else None
out["written"] = to_data(good.debate.pro[0])
for name, value in [("number", "3"), ("blank", "'  '")]:
    bad = load_text(HEAD + f"    mood: {value}\n")
    out[name] = [(d.line, d.col, d.message) for d in bad.errors]
claim = json_schema()["$defs"]["Claim"]["properties"]
out["schema"] = claim.get("mood")
data = {"title": "T", "motion": "M", "pro": [{"text": "P", "mood": 3}]}
try:
    schema_model.Debate.model_validate(data)
    out["model"] = []
except ValidationError as exc:
    out["model"] = [(list(e["loc"]), e["type"]) for e in exc.errors()]
out["conform"] = [(list(p["loc"]), p["type"]) for p in conform(data)[1]]
print(json.dumps(out))
"""


SLUG_PROBE = r"""
import json
from argmap.load import load_text

HEAD = "title: T\nmotion: M\ncon:\n  - text: C\npro:\n  - text: P\n"
good = load_text(HEAD + "    audience: first-years\n")
bad = load_text(HEAD + "    audience: First Years\n")
print(json.dumps([good.debate.pro[0].audience, [d.message for d in bad.errors]]))
"""


def _run_with(tmp_path: Path, line: str, probe: str) -> str:
    """The probe's output, run on a copy of the package with `line` added to `Claim`."""
    copy = tmp_path / "argmap"
    shutil.copytree(REPO / "src" / "argmap", copy, ignore=shutil.ignore_patterns("__pycache__"))
    records = copy / "model.py"
    text = records.read_text(encoding="utf-8")
    anchor = "\n\n\nclass Expectation(NamedTuple):"
    assert text.count(anchor) == 1
    records.write_text(text.replace(anchor, "\n" + line + anchor), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    run = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=False
    )
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_one_line_in_the_record_adds_a_checked_described_key(tmp_path: Path) -> None:
    out = json.loads(_run_with(tmp_path, NEW_KEY, PROBE))
    assert out["loaded"] == "wry"
    assert out["written"] == {"text": "P", "mood": "wry"}
    assert out["number"] == [[7, 11, "'mood' must be text, not 3"]]
    assert out["blank"] == [[7, 11, "'mood' must not be empty"]]
    assert out["schema"]["description"] == "How the claim is put."
    assert out["model"] == out["conform"] == [[["pro", 0, "mood"], "string_type"]]


def test_a_slug_key_is_checked_against_its_pattern(tmp_path: Path) -> None:
    audience, errors = json.loads(_run_with(tmp_path, SLUG_KEY, SLUG_PROBE))
    assert audience == "first-years"
    assert errors == [
        "'First Years' is not a valid id in 'audience': use lowercase letters, digits, '-' "
        "and '_', starting with a letter or digit"
    ]
