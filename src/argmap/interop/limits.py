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

from argmap.interop import InteropError
from argmap.load import MAX_DEPTH

_CHILD_LISTS = ("rebuttals", "support")


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
