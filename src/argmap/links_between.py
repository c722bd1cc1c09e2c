"""Checks across debates: debate ids are unique, and `see` links name a debate (and claim)
that is loaded.

A `see` link can only be checked against the debates loaded with its file. When one file
is loaded alone (`argmap validate my-debate.yaml`), its links into other debates cannot be
checked: rather than pass them in silence, or guess which other folders might hold their
targets, the file gets one warning naming them, and the way to check them (load the
folder). This is what a compiler does with one source file: what it cannot see, it says it
did not check. Links within the file's own debate are checked in every case.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from argmap.diagnostics import Diagnostic, error, sort_key, warning

if TYPE_CHECKING:
    from argmap.ids import KeyPath
    from argmap.load import LoadedDebate
    from argmap.model import Claim, Debate

__all__ = ["check_links_between", "did_you_mean"]


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest option, or nothing."""
    import difflib  # only when there is a mistake to suggest a fix for

    matches = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""


def check_links_between(loaded: list[LoadedDebate], *, alone: bool = False) -> None:
    """Check debate ids are unique and `see` links resolve among loaded debates.

    `alone`: one file was loaded by itself; a link into another debate is not an error
    then, and the file gets one warning that such links were not checked.
    """
    by_id: dict[str, LoadedDebate] = {}
    for item in loaded:
        if item.debate is None:
            continue
        other = by_id.get(item.debate_id)
        if other is not None:
            item.diagnostics.append(
                error(
                    str(item.path),
                    item.positions.at(("id",)),
                    "duplicate-debate",
                    f"debate id '{item.debate_id}' is also used by {other.path}",
                )
            )
            continue
        by_id[item.debate_id] = item
    for item in loaded:
        if item.debate is None:
            continue
        unchecked: dict[str, tuple[int, int]] = {}
        for key_path, see in _see_lists(item.debate):
            for index, ref in enumerate(see):
                target_debate, _, target_claim = ref.partition(":")
                pos = item.positions.at((*key_path, "see", index))
                target = by_id.get(target_debate)
                if target is None and alone:
                    unchecked.setdefault(target_debate, pos)
                elif target is None:
                    item.diagnostics.append(
                        error(
                            str(item.path),
                            pos,
                            "unknown-debate",
                            f"`see` names unknown debate '{target_debate}'"
                            + did_you_mean(target_debate, by_id),
                        )
                    )
                elif target_claim and target_claim not in target.graph.nodes:
                    item.diagnostics.append(
                        error(
                            str(item.path),
                            pos,
                            "unknown-claim",
                            f"`see` names unknown claim '{target_claim}' in debate "
                            f"'{target_debate}'" + did_you_mean(target_claim, target.graph.nodes),
                        )
                    )
        if unchecked:
            item.diagnostics.append(_unchecked_warning(item, unchecked))
        item.diagnostics.sort(key=sort_key)


def _see_lists(debate: Debate) -> Iterator[tuple[KeyPath, list[str]]]:
    """Each claim's key path and `see` list, where it has one, in document order (pro, then
    con; depth first): a walk over the records, so checking links builds no graph."""
    stack: list[tuple[Claim, KeyPath]] = [
        (claim, (side, index))
        for side, claims in (("pro", debate.pro), ("con", debate.con))
        for index, claim in enumerate(claims)
    ]
    stack.reverse()
    while stack:
        claim, key_path = stack.pop()
        if claim.see:
            yield key_path, claim.see
        if claim.rebuttals or claim.support:
            below = [(c, (*key_path, "rebuttals", i)) for i, c in enumerate(claim.rebuttals)]
            below += [(c, (*key_path, "support", i)) for i, c in enumerate(claim.support)]
            below.reverse()
            stack += below


def _unchecked_warning(item: LoadedDebate, unchecked: dict[str, tuple[int, int]]) -> Diagnostic:
    names = list(unchecked)
    shown = ", ".join(f"'{name}'" for name in names[:3])
    more = f" and {len(names) - 3} more" if len(names) > 3 else ""
    links = (
        "a `see` link into another debate" if len(names) == 1 else "`see` links into other debates"
    )
    were = "was" if len(names) == 1 else "were"
    return warning(
        str(item.path),
        next(iter(unchecked.values())),
        "see-unchecked",
        f"{links} ({shown}{more}) {were} not checked: only this file "
        f"was loaded; `argmap validate {item.path.parent}` checks them",
    )
