"""The ballot file format: reading a ballot with a position for every key, and checking it.

Parsing reuses the debate loader's YAML machinery (the same composer, the same walk that
records positions and reports a key given twice), so a ballot is held to the same limits
as a debate: size, nesting, aliases, tags. `check_against` then checks a ballot against
its debate: the debate id, and claim ids (an id the debate no longer has is a warning
naming it, with a suggestion, and its weight is left out).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from argmap.ballots.detect import is_ballot_text as is_ballot_text  # where it was
from argmap.collector import collector_paused
from argmap.diagnostics import Diagnostic, error, sort_key, warning
from argmap.ids import Positions
from argmap.links_between import did_you_mean as _suggest
from argmap.load import UnreadableFile, read_regular_file, size_limit, yaml_nesting_beyond_limit
from argmap.load_nodes import NodeBuilder
from argmap.load_yaml import FastSafeLoader, yaml_error_diagnostic
from argmap.model import MOTION_ID, SLUG_RE

if TYPE_CHECKING:
    from argmap.graph import ArgumentGraph

#: The keys of a ballot, in the order a blank ballot writes them.
BALLOT_KEYS = ("debate", "by", "weights")
#: The weights a ballot may give a claim.
MIN_WEIGHT, MAX_WEIGHT = 1, 5
#: What the author's weight is when a claim has none (its base score is the middle, 0.5).
DEFAULT_WEIGHT = 3


@dataclass(frozen=True, slots=True)
class Ballot:
    """One student's weights for the claims of one debate."""

    debate: str
    by: str | None
    #: Claim id → weight 1–5, in file order.
    weights: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class LoadedBallot:
    """A ballot file read and checked: the ballot when it has no error, and every diagnostic."""

    path: Path
    ballot: Ballot | None
    diagnostics: list[Diagnostic]
    positions: Positions
    text: str = ""
    #: Claim ids the ballot weighs that its debate does not have (see `check_against`).
    unknown: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the file has no error (warnings allowed)."""
        return self.ballot is not None and not any(d.is_error for d in self.diagnostics)

    @property
    def name(self) -> str:
        """Who voted: `by`, else the file name without extension."""
        if self.ballot is not None and self.ballot.by:
            return self.ballot.by
        return self.path.stem

    def weight_place(self, claim_id: str) -> tuple[int, int]:
        """Line and column of the claim id's key in `weights` (of the file's top else)."""
        return self.positions.key_at(("weights", claim_id))


def load_ballot_file(path: Path | str, graph: ArgumentGraph | None = None) -> LoadedBallot:
    """Read and check a ballot file (against `graph` when given). Never raises for bad input."""
    path = Path(path)
    try:
        data = read_regular_file(path, size_limit())
    except UnreadableFile as exc:
        pos = (0, 0) if exc.code == "not-found" else (1, 1)
        return _failed(path, error(str(path), pos, exc.code, exc.message))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return _failed(
            path,
            error(str(path), (line, 1), "encoding", "file is not valid UTF-8; save it as UTF-8"),
        )
    return load_ballot_text(text, path, graph)


def load_ballot_text(
    text: str, path: Path | str = "<ballot>", graph: ArgumentGraph | None = None
) -> LoadedBallot:
    """Read and check a ballot from YAML text (against `graph` when given)."""
    path = Path(path)
    name = str(path)
    if len(text) > size_limit():
        return _failed(path, error(name, (1, 1), "too-large", "the ballot is too large"))
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return _failed(path, error(name, (line, 1), "binary", "file contains NUL bytes"))
    too_deep = yaml_nesting_beyond_limit(text)
    if too_deep is not None:
        return _failed(path, error(name, too_deep, "too-deep", "YAML nests too deep"))
    positions = Positions(text=text)
    diagnostics: list[Diagnostic] = []
    with collector_paused():
        try:
            root = yaml.compose(text, Loader=FastSafeLoader)
        except yaml.MarkedYAMLError as exc:
            return _failed(path, yaml_error_diagnostic(name, exc, text), text)
        except (yaml.YAMLError, RecursionError) as exc:
            return _failed(path, error(name, (1, 1), "yaml", f"YAML error: {exc}"), text)
        builder = NodeBuilder(name, positions, diagnostics)
        data = None if root is None else builder.build(root)
    loaded = LoadedBallot(path, None, diagnostics, positions, text)
    if any(d.code in {"alias-bomb", "too-deep"} for d in diagnostics):
        return loaded
    if root is None:
        diagnostics.append(
            error(name, (1, 1), "empty", "file is empty; a ballot needs `debate` and `weights`")
        )
        return loaded
    ballot = _read(data, name, positions, diagnostics)
    loaded.ballot = ballot
    if ballot is not None and graph is not None:
        check_against(loaded, graph)
    _finish(loaded)
    return loaded


def check_against(loaded: LoadedBallot, graph: ArgumentGraph) -> None:
    """Check a read ballot against its debate: the debate id and every claim id.

    A wrong debate id is an error; a claim id the debate does not have is a warning
    naming it (the debate may have changed since the ballot was filled in), and its
    weight is left out of the ballot.
    """
    ballot = loaded.ballot
    if ballot is None:
        return
    name = str(loaded.path)
    debate_id = graph.debate.id or ""
    if ballot.debate != debate_id:
        loaded.diagnostics.append(
            error(
                name,
                loaded.positions.at(("debate",)),
                "wrong-debate",
                f"this ballot is for debate '{ballot.debate}', not '{debate_id}'",
            )
        )
    kept: dict[str, int] = {}
    for claim_id, weight in ballot.weights.items():
        if claim_id in graph.nodes and claim_id != MOTION_ID:
            kept[claim_id] = weight
            continue
        loaded.unknown.append(claim_id)
        loaded.diagnostics.append(
            warning(
                name,
                loaded.weight_place(claim_id),
                "unknown-claim",
                f"debate '{debate_id}' has no claim '{claim_id}'"
                + _suggest(claim_id, [c for c in graph.nodes if c != MOTION_ID])
                + "; this weight is left out",
            )
        )
    if len(kept) != len(ballot.weights):
        loaded.ballot = Ballot(ballot.debate, ballot.by, kept)
    _finish(loaded)


def _read(
    data: Any, name: str, positions: Positions, diagnostics: list[Diagnostic]
) -> Ballot | None:
    """The ballot in plain data (its valid weights), every problem added to `diagnostics`."""
    if not isinstance(data, dict):
        diagnostics.append(
            error(
                name,
                positions.at(()),
                "not-a-mapping",
                "a ballot must be a mapping with `debate` and `weights`",
            )
        )
        return None
    for key in data:
        if key not in BALLOT_KEYS:
            diagnostics.append(
                error(
                    name,
                    positions.key_at((key,)),
                    "unknown-key",
                    f"unknown key '{key}' in a ballot" + _suggest(str(key), BALLOT_KEYS),
                )
            )
    debate = data.get("debate")
    if "debate" not in data:
        diagnostics.append(
            error(name, positions.at(()), "missing", "a ballot needs `debate: <debate id>`")
        )
    elif not isinstance(debate, str) or not SLUG_RE.match(debate):
        diagnostics.append(
            error(
                name,
                positions.at(("debate",)),
                "bad-value",
                "`debate` must be the id of a debate (lowercase letters, digits, '-', '_')",
            )
        )
    by = data.get("by")
    if by is not None and (not isinstance(by, str) or not by.strip()):
        diagnostics.append(error(name, positions.at(("by",)), "bad-value", "`by` must be a name"))
    weights = _weights(data.get("weights"), name, positions, diagnostics)
    if not isinstance(debate, str):
        return None
    # With errors, the ballot is still checked against its debate (every problem at once);
    # `_finish` drops it afterwards.
    return Ballot(debate, by.strip() if isinstance(by, str) else None, weights)


def _weights(
    value: Any, name: str, positions: Positions, diagnostics: list[Diagnostic]
) -> dict[str, int]:
    if value is None:  # `weights:` with every line commented out: nothing weighed yet
        return {}
    if not isinstance(value, dict):
        diagnostics.append(
            error(
                name,
                positions.at(("weights",)),
                "bad-value",
                "`weights` must be a mapping of claim ids to weights 1-5",
            )
        )
        return {}
    weights: dict[str, int] = {}
    for claim_id, weight in value.items():
        path = ("weights", claim_id)
        if claim_id == MOTION_ID:
            diagnostics.append(
                error(
                    name,
                    positions.key_at(path),
                    "motion-weight",
                    "the motion has no weight; weigh the claims for and against it",
                )
            )
        elif weight is None:
            continue  # `id:` with no number: left out, as if not written
        elif type(weight) is not int:
            diagnostics.append(
                error(
                    name,
                    positions.at(path),
                    "bad-weight",
                    f"the weight of '{claim_id}' must be a whole number from "
                    f"{MIN_WEIGHT} to {MAX_WEIGHT}",
                )
            )
        elif not MIN_WEIGHT <= weight <= MAX_WEIGHT:
            diagnostics.append(
                error(
                    name,
                    positions.at(path),
                    "bad-weight",
                    f"weight {weight} of '{claim_id}' is outside {MIN_WEIGHT}-{MAX_WEIGHT}",
                )
            )
        else:
            weights[str(claim_id)] = weight
    return weights


def _finish(loaded: LoadedBallot) -> None:
    loaded.diagnostics.sort(key=sort_key)
    if any(d.is_error for d in loaded.diagnostics):
        loaded.ballot = None


def _failed(path: Path, diagnostic: Diagnostic, text: str = "") -> LoadedBallot:
    return LoadedBallot(path, None, [diagnostic], Positions(text=text), text)
