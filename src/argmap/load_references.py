"""Reference checks: ids, sources, links and expectations, which the format alone cannot check."""

from __future__ import annotations

from typing import Any

from argmap.conform import RawClaim
from argmap.diagnostics import Diagnostic, error, warning
from argmap.ids import KeyPath, Positions
from argmap.link_sides import check_link_sides
from argmap.links_between import did_you_mean as _suggest
from argmap.model import MOTION_ID, Kind


def _str_list(value: Any) -> list[tuple[int, str]]:
    if not isinstance(value, list):
        return []
    return [(i, v) for i, v in enumerate(value) if isinstance(v, str)]


def check_references(
    data: dict[str, Any],
    name: str,
    positions: Positions,
    diagnostics: list[Diagnostic],
    claims: list[RawClaim],
) -> None:
    """Ids, sources, links and expectations: what the format alone cannot check.

    `claims` are every claim mapping of `data` in document order, as `conform` meets
    them on its way.
    """
    first_use: dict[str, KeyPath] = {}
    for claim in claims:
        if not claim.explicit:
            continue
        id_path = (*claim.path, "id")
        if claim.id == MOTION_ID:
            diagnostics.append(
                error(
                    name,
                    positions.at(id_path),
                    "reserved-id",
                    f"the id '{MOTION_ID}' is reserved for the debate's motion",
                )
            )
        earlier = first_use.get(claim.id)
        if earlier is not None:
            line, col = positions.at((*earlier, "id"))
            diagnostics.append(
                error(
                    name,
                    positions.at(id_path),
                    "duplicate-id",
                    f"id '{claim.id}' is already used by the claim at line {line}, "
                    f"column {col}; ids must be unique in a debate",
                )
            )
        else:
            first_use[claim.id] = claim.path
    known_ids = {c.id for c in claims}
    sources = data.get("sources")
    source_list = sources if isinstance(sources, list) else []
    source_ids = {
        s["id"] for s in source_list if isinstance(s, dict) and isinstance(s.get("id"), str)
    }
    seen_sources: dict[str, int] = {}
    for index, source in enumerate(source_list):
        if isinstance(source, dict) and isinstance(source.get("id"), str):
            sid = source["id"]
            if sid in seen_sources:
                line, col = positions.at(("sources", seen_sources[sid], "id"))
                diagnostics.append(
                    error(
                        name,
                        positions.at(("sources", index, "id")),
                        "duplicate-source",
                        f"source id '{sid}' is already used at line {line}, column {col}",
                    )
                )
            else:
                seen_sources[sid] = index
    evidence = Kind.EVIDENCE.value
    for claim in claims:
        item = claim.data
        for key, verb in (("also_rebuts", "rebut"), ("also_supports", "support")):
            links = item.get(key)
            if not links:
                continue
            for index, target in _str_list(links):
                if target in known_ids and target != claim.id and target != MOTION_ID:
                    continue  # the common case: a link to another claim
                pos = positions.at((*claim.path, key, index))
                if target == claim.id:
                    diagnostics.append(
                        error(name, pos, "self-link", f"a claim cannot {verb} itself")
                    )
                elif target == MOTION_ID:
                    diagnostics.append(
                        error(
                            name,
                            pos,
                            "motion-link",
                            f"'{key}' cannot name the motion; put the claim under "
                            "`pro` or `con` instead",
                        )
                    )
                elif target not in known_ids:
                    diagnostics.append(
                        error(
                            name,
                            pos,
                            "unknown-claim",
                            f"'{key}' refers to unknown claim '{target}'"
                            + _suggest(target, known_ids),
                        )
                    )
        cited = item.get("sources")
        if cited:
            for index, source_id in _str_list(cited):
                if source_id not in source_ids:
                    pos = positions.at((*claim.path, "sources", index))
                    hint = _suggest(source_id, source_ids)
                    if not source_ids:
                        hint = " (the debate lists no `sources`)"
                    diagnostics.append(
                        error(name, pos, "unknown-source", f"unknown source '{source_id}'{hint}")
                    )
        if item.get("undercut") is True and claim.relation != "r":
            diagnostics.append(
                error(
                    name,
                    positions.key_at((*claim.path, "undercut")),
                    "undercut-not-rebuttal",
                    "`undercut: true` applies only to a claim listed under `rebuttals`",
                )
            )
        if not cited and item.get("kind") == evidence:
            diagnostics.append(
                warning(
                    name,
                    positions.at(claim.path),
                    "evidence-without-source",
                    f"evidence '{claim.id}' cites no source",
                )
            )
    check_link_sides(name, positions, claims, diagnostics)
    expect = data.get("expect")
    if isinstance(expect, dict):
        # A warning, not an error: the debate itself is sound; `argmap check`, which reads
        # the expectations, treats an unknown id there as an error.
        for label in ("standing", "defeated", "undecided"):
            for index, target in _str_list(expect.get(label)):
                if target != MOTION_ID and target not in known_ids:
                    diagnostics.append(
                        warning(
                            name,
                            positions.at(("expect", label, index)),
                            "expect-unknown",
                            f"expect: no claim '{target}' in this debate"
                            + _suggest(target, known_ids),
                        )
                    )
    for side in ("pro", "con"):
        if not data.get(side):
            pos = positions.key_at((side,)) if side in data else positions.at(())
            diagnostics.append(
                warning(name, pos, "empty-side", f"the debate has no `{side}` claims")
            )
