"""Limits an import checks in its own data, before any YAML is written.

A file in another format can describe a tree far deeper than argmap reads (an AIF chain
of claims each attacking the one before, an Argdown relation tree indented a little more
on every line). Written as YAML, such a tree costs time and memory with the square of its
depth (every line is indented by its depth), only for the loader to refuse it. The check
here walks the importer's own tree with an explicit stack, in memory linear in the
claims, and refuses it with the loader's own limit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml

from argmap.interop import InteropError
from argmap.load import MAX_DEPTH

_CHILD_LISTS = ("rebuttals", "support")
_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def check_depth(data: Mapping[str, Any]) -> None:
    """Refuse debate data whose claims nest deeper than the loader's `MAX_DEPTH`.

    Top-level claims (`pro`, `con`) are at depth 1. Raises InteropError naming the limit.
    """
    stack: list[tuple[Any, int]] = [
        (claim, 1) for side in ("pro", "con") for claim in data.get(side) or ()
    ]
    while stack:
        claim, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise InteropError(
                f"claims nest deeper than {MAX_DEPTH} levels; argmap reads debates up to "
                f"{MAX_DEPTH} levels deep (import a part of the file, e.g. with --motion)"
            )
        if isinstance(claim, Mapping):
            for key in _CHILD_LISTS:
                children = claim.get(key)
                if isinstance(children, list):
                    stack.extend((child, depth + 1) for child in children)


#: Debate ids (and so file names) made from nodeIDs are cut to this length: a file name
#: longer than the file system allows would stop the import halfway.
MAX_DEBATE_ID = 80


def bounded_slug(slug: str, limit: int = MAX_DEBATE_ID) -> str:
    """`slug` when short enough, else its start and a short digest of the whole, so two
    long ids that differ only at the end stay distinct (and the same on every run)."""
    if len(slug) <= limit:
        return slug
    import hashlib

    digest = hashlib.sha256(slug.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{slug[: limit - 11].rstrip('-_')}-{digest}"


#: How deep YAML inside another format (Argdown's front matter and `{...}` data) may
#: nest: far more than any setting needs, and within what the YAML reader can build.
MAX_EMBEDDED_NESTING = 50


class EmbeddedYamlRefused(yaml.YAMLError):
    """YAML inside an imported file that argmap will not build: aliases, or nesting past
    `MAX_EMBEDDED_NESTING`."""


def load_embedded_yaml(text: str) -> Any:
    """YAML found inside an imported file, read with nothing it could be made to cost.

    A few lines of anchors and aliases describe a structure that doubles with each line
    (written out as YAML, or as text, it never ends), and deep nesting exhausts the
    reader's recursion. The events are read first, in one pass: an alias or nesting past
    `MAX_EMBEDDED_NESTING` is refused with `EmbeddedYamlRefused` (a `yaml.YAMLError`,
    like a syntax error) before anything is built.
    """
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            raise EmbeddedYamlRefused("aliases (`*name`) are not read in imported files")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_EMBEDDED_NESTING:
                raise EmbeddedYamlRefused(
                    f"YAML nests more than {MAX_EMBEDDED_NESTING} levels deep; not read"
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return yaml.load(text, Loader=_Loader)  # a safe loader (C when built), checked above
