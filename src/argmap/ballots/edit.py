"""Setting one weight in a student's ballot file, changing only the line it must.

A weight already written has its number replaced. A claim not yet weighed takes the line
of its commented-out weight in a blank ballot (`  # claim-id: 3` becomes `  claim-id: 5`),
so the ballot keeps its tree order and comments; without such a line the weight is added
after the last one. A ballot that does not exist yet starts as a blank ballot with the
student's name. Writes are those of debate edits (`argmap.edit.files`): atomic, under the
file's lock, refused when the file changed since it was read; the debate is never written.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from argmap.ballots.blank import blank_ballot, yaml_key
from argmap.ballots.format import MAX_WEIGHT, MIN_WEIGHT, LoadedBallot, load_ballot_text
from argmap.edit.document import EditRefused
from argmap.edit.files import read_debate_file, save
from argmap.graph import ArgumentGraph
from argmap.output import OutputError, write_output

_SCALAR_END = re.compile(r"[^\s#,}\]]*")


def ballot_file_name(by: str) -> str:
    """A file name for a student's ballot: their name as a slug, `.yaml`."""
    plain = unicodedata.normalize("NFKD", by).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9_-]+", "-", plain.lower()).strip("-_")
    return f"{slug or 'ballot'}.yaml"


def set_weight_text(text: str, claim_id: str, weight: int) -> str:
    """The ballot text with `claim_id` weighed `weight`; EditRefused when it cannot be."""
    if not MIN_WEIGHT <= weight <= MAX_WEIGHT:
        raise EditRefused(f"a weight is from {MIN_WEIGHT} to {MAX_WEIGHT}, not {weight}")
    before = load_ballot_text(text, "ballot")
    if not before.ok or before.ballot is None:
        raise EditRefused("the ballot has errors; fix it in an editor first")
    key = yaml_key(claim_id)
    offset = before.positions.values.get(("weights", claim_id))
    if claim_id in before.ballot.weights and offset is not None:
        end = _SCALAR_END.match(text, offset)
        stop = end.end() if end is not None else offset
        after = text[:offset] + str(weight) + text[stop:]
    else:
        after = _added(text, before, key, weight)
    _check(after, before, claim_id, weight)
    return after


def _added(text: str, before: LoadedBallot, key: str, weight: int) -> str:
    commented = re.compile(rf"^([ \t]+)#[ \t]*{re.escape(key)}[ \t]*:[ \t]*\d*[ \t]*$", re.M)
    match = commented.search(text)
    if match is not None:
        return f"{text[: match.start()]}{match.group(1)}{key}: {weight}{text[match.end() :]}"
    weights = before.ballot.weights if before.ballot is not None else {}
    if weights:
        last = list(weights)[-1]
        place = before.positions.keys[("weights", last)]
        line_start = text.rfind("\n", 0, place) + 1
        line_end = text.find("\n", place)
        line_end = len(text) if line_end < 0 else line_end
        indent = text[line_start:place]
        return f"{text[:line_end]}\n{indent}{key}: {weight}{text[line_end:]}"
    weights_key = before.positions.keys.get(("weights",))
    if weights_key is None:
        ending = "" if text.endswith("\n") or not text else "\n"
        return f"{text}{ending}weights:\n  {key}: {weight}\n"
    line_end = text.find("\n", weights_key)
    if line_end < 0:
        return f"{text}\n  {key}: {weight}\n"
    return f"{text[: line_end + 1]}  {key}: {weight}\n{text[line_end + 1 :]}"


def _check(after: str, before: LoadedBallot, claim_id: str, weight: int) -> None:
    """Refuse a change that would not read back as the old ballot plus this one weight."""
    loaded = load_ballot_text(after, "ballot")
    expected = dict(before.ballot.weights) if before.ballot is not None else {}
    expected[claim_id] = weight
    if not loaded.ok or loaded.ballot is None or loaded.ballot.weights != expected:
        raise EditRefused(
            "this ballot's layout (a flow mapping `{...}`?) cannot take the weight here; "
            "set it in an editor"
        )


def write_weight(
    path: Path, graph: ArgumentGraph, by: str, claim_id: str, weight: int
) -> LoadedBallot:
    """Weigh a claim in the ballot at `path` (made, with `by`, when missing); the ballot
    as written. EditRefused, with nothing written, when it cannot be done."""
    if claim_id not in graph.nodes or graph.nodes[claim_id].is_motion:
        raise EditRefused(f"'{claim_id}' is not a claim of this debate")
    if not path.exists():
        text = set_weight_text(blank_ballot(graph, by), claim_id, weight)
        try:
            write_output(path, text.encode("utf-8"), overwrite=False)
        except OutputError as exc:
            raise EditRefused(f"{exc.message}; nothing was written") from exc
        return load_ballot_text(text, path, graph)
    current = read_debate_file(path)
    checked = load_ballot_text(current.text, path, graph)
    if not checked.ok:
        raise EditRefused(f"{path.name} has errors; fix it in an editor first")
    text = set_weight_text(current.text, claim_id, weight)
    save(current, text, validated=True)
    return load_ballot_text(text, path, graph)
