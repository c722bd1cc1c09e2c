"""Parsing debate YAML: the safe loader argmap composes with, and YAML errors as diagnostics."""

from __future__ import annotations

from typing import Any

import yaml

from argmap.diagnostics import Diagnostic, error
from argmap.ids import Positions
from argmap.yaml_hints import indentation_hint

try:  # The C composer is several times faster; fall back quietly when PyYAML lacks it.
    BaseSafeLoader: type[Any] = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    BaseSafeLoader = yaml.SafeLoader

STR_TAG = "tag:yaml.org,2002:str"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"


class FastSafeLoader(BaseSafeLoader):  # type: ignore[misc]
    """The safe loader, resolving tags with fewer calls; the tags are the same.

    The composer asks the resolver for the tag of every node: a Python call per node,
    about a tenth of composing a big debate. Path resolvers are never registered here, so
    descending and ascending are no-ops, collections get the default tags, and a plain
    scalar can only be something other than text when its first character starts one of
    the implicit resolvers' patterns (`~`, `t`, `1`, `-`, ...); claim text rarely does.
    `tests/test_load_tags.py` checks the tags against PyYAML's own resolver.
    """

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is yaml.ScalarNode:
            resolvers = self.yaml_implicit_resolvers
            if implicit[0] and (not value or value[0] in resolvers or None in resolvers):
                return BaseSafeLoader.resolve(self, kind, value, implicit)
            return STR_TAG
        return SEQ_TAG if kind is yaml.SequenceNode else MAP_TAG


SCALAR_CONSTRUCTORS = {
    tag: fn
    for tag, fn in yaml.constructor.SafeConstructor.yaml_constructors.items()
    if tag
    in {
        "tag:yaml.org,2002:null",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:timestamp",
    }
}
CONSTRUCTOR = yaml.constructor.SafeConstructor()


def yaml_error_diagnostic(name: str, exc: yaml.MarkedYAMLError, text: str) -> Diagnostic:
    problem = exc.problem or "invalid YAML"
    mark = exc.problem_mark or exc.context_mark
    context = exc.context or ""
    at_end = exc.problem_mark is None or exc.problem_mark.index >= len(text.rstrip())
    unclosed = "flow" in context or "quoted" in context
    if exc.context_mark is not None and unclosed and (at_end or "end of stream" in problem):
        # An unclosed quote or bracket is found only at the end of the file; point at
        # where it opened, which is where the author has to look.
        mark = exc.context_mark
        opened = "the quoted text"
        if "flow sequence" in context:
            opened = "the list opened with '['"
        elif "flow mapping" in context:
            opened = "the mapping opened with '{'"
        problem = f"{opened} here is never closed (the file ends first)"
    elif context:
        problem = f"{context}: {problem}"
    if "expected a single document" in context + (exc.problem or ""):
        problem = "file holds more than one YAML document; a debate file holds one"
    # Marks count characters: the offset gives the line and column as editors count them
    # (YAML also breaks lines at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR).
    pos = Positions(text=text).pos(mark.index) if mark is not None else (1, 1)
    problem += indentation_hint(problem, pos[0])
    return error(name, pos, "yaml", f"YAML syntax error: {problem}")
