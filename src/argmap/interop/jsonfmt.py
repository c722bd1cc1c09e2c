"""The debate as JSON that follows argmap's JSON Schema.

The JSON is the debate file's own data (values left at their defaults omitted, `version`
first), so it validates against `argmap schema` and, JSON being YAML, loads back through
the same loader to an equal debate. Generated ids (`pro.1`, `pro.1.r2`) are not written:
they contain a dot, which the schema's id pattern forbids, and they come back by
themselves because the nesting is kept.
"""

from __future__ import annotations

import json
import re

from argmap.graph import ArgumentGraph
from argmap.interop.yaml_out import debate_data

# Characters a YAML reader refuses or folds even inside quotes; JSON may escape any
# character, so escaping these keeps the output loadable by the YAML loader too.
_YAML_UNSAFE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group(0)):04x}"


def yaml_safe_json(value: object) -> str:
    """`value` as one line of JSON that a YAML reader also reads back as the same value."""
    return _YAML_UNSAFE.sub(_escape, json.dumps(value, ensure_ascii=False))


def export_json(graph: ArgumentGraph) -> tuple[str, list[str]]:
    """The debate as schema-valid JSON; JSON carries everything, so no losses."""
    text = json.dumps(debate_data(graph.debate), indent=2, ensure_ascii=False)
    return _YAML_UNSAFE.sub(_escape, text) + "\n", []
