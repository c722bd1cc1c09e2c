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

# Characters a YAML reader refuses or folds even inside quotes (controls, NEL, the line and
# paragraph separators, surrogates, U+FFFE and U+FFFF); JSON may escape any character, so
# escaping these keeps the output loadable by the YAML loader too. Listed as they are: the
# complement, a class reaching U+10FFFF, takes milliseconds to compile.
_YAML_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]"
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
