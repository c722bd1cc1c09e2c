"""The debate as JSON that follows argmap's JSON Schema.

The JSON is the debate file's own data (values left at their defaults omitted, `version`
first), so it validates against `argmap schema` and, JSON being YAML, loads back through
the same loader to an equal debate. Generated ids (`pro.1`, `pro.1.r2`) are not written:
they contain a dot, which the schema's id pattern forbids, and they come back by
themselves because the nesting is kept.
"""

from __future__ import annotations

import json

from argmap.graph import ArgumentGraph
from argmap.interop.yaml_out import debate_data


def export_json(graph: ArgumentGraph) -> tuple[str, list[str]]:
    """The debate as schema-valid JSON; JSON carries everything, so no losses."""
    text = json.dumps(debate_data(graph.debate), indent=2, ensure_ascii=False)
    return text + "\n", []
