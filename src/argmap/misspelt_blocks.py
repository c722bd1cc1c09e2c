"""Unknown keys inside a block whose own key is misspelt.

The format checker (`argmap.conform`, held to the pydantic models) reports an unknown key
and does not look inside its value: that value is not part of the debate. When the key is
a misspelling of a list of claims (`rebutals:` for `rebuttals:`, `cons:` for `con:`), the
author meant those claims, and a misspelt key among them (`wieght:`) would surface only
once the outer one is fixed. `unknown_keys_inside` walks such blocks and reports their
unknown keys too, so every misspelling of a file is reported at once.
"""

from __future__ import annotations

from typing import Any

from argmap.model import FIELDS

__all__ = ["unknown_keys_inside"]

_CLAIM_KEYS = frozenset(FIELDS["claim"])
#: The keys that hold a list of claims, in a debate and in a claim.
_CLAIM_LISTS = {"debate": ("pro", "con"), "claim": ("rebuttals", "support")}
_MESSAGE = "Extra inputs are not permitted"


def _meant_list(key: Any, model: str) -> bool:
    """Whether an unknown key looks like a misspelling of a list of claims."""
    import difflib  # only when there is a mistake to suggest a fix for

    options = _CLAIM_LISTS[model]
    return isinstance(key, str) and bool(difflib.get_close_matches(key, options, 1, 0.6))


def unknown_keys_inside(problems: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The unknown keys of the claims under every unknown key that misspells a list of
    claims, as `extra_forbidden` problems with their key paths (in document order)."""
    found: list[dict[str, Any]] = []
    for problem in problems:
        loc = tuple(problem["loc"])
        if problem["type"] != "extra_forbidden" or not loc:
            continue
        if len(loc) == 1:
            model = "debate"
        elif loc[0] in _CLAIM_LISTS["debate"]:
            model = "claim"
        else:
            continue  # a source's or an expectation's key
        if _meant_list(loc[-1], model):
            _walk(problem["input"], loc, found)
    return found


def _walk(claims: Any, loc: tuple[Any, ...], found: list[dict[str, Any]]) -> None:
    """Report the unknown keys of a list of claims and of every list under them; a stack,
    not recursion, so a deep file costs no Python frames."""
    stack: list[tuple[Any, tuple[Any, ...]]] = [(claims, loc)]
    while stack:
        items, where = stack.pop()
        if not isinstance(items, list):
            continue
        below: list[tuple[Any, tuple[Any, ...]]] = []
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            for key, value in item.items():
                path = (*where, index, key)
                known = key in _CLAIM_KEYS
                if not known:
                    found.append(
                        {"type": "extra_forbidden", "loc": path, "msg": _MESSAGE, "input": value}
                    )
                if (known and key in _CLAIM_LISTS["claim"]) or (
                    not known and _meant_list(key, "claim")
                ):
                    below.append((value, path))
        # Reversed onto the stack, so lists are walked in the order they were written.
        stack.extend(reversed(below))
