"""Ballots among the files given to `argmap validate`: told apart and checked as ballots.

A ballot read as a debate would be all errors (no `title`, no `motion`, an unknown key
`weights`). Each file that failed as a debate and reads like a ballot is checked as a
ballot instead, against its debate: one of the debates validated with it, else one of
the debates a bare command reads (`./arguments`, or the bundled ones).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.ballots.detect import is_ballot_text
from argmap.load import LoadedDebate, debate_files, load_paths, read_regular_file, size_limit

if TYPE_CHECKING:  # the ballot reader and the graphs only when there is a ballot to check
    from argmap.ballots.format import LoadedBallot
    from argmap.graph import ArgumentGraph


def _default_graphs() -> dict[str, ArgumentGraph]:
    from argmap.bundled import default_paths

    return {item.debate_id: item.graph for item in load_paths(default_paths()) if item.ok}


def _reads_as_ballot(path: Path) -> bool:
    try:
        return path.is_file() and is_ballot_text(
            read_regular_file(path, size_limit()).decode("utf-8", errors="replace")
        )
    except OSError:
        return False  # the loader reports it


def load_checked(
    paths: Sequence[Path],
    fallback: Callable[[], dict[str, ArgumentGraph]] = _default_graphs,
) -> tuple[list[LoadedDebate], list[LoadedBallot]]:
    """The debates and the ballots among `paths`, each checked as what it is.

    Ballot files, and folders holding only ballots, are set aside before the debates
    load, so a debate given with its ballots is checked as it would be alone.
    """
    ballot_paths: list[Path] = []
    debate_paths: list[Path] = []
    for path in paths:
        # A folder of ballots alone is read as ballots; a folder with debates stays a
        # folder of debates (with their links checked), its ballots told apart later.
        files = debate_files(path) if path.is_dir() else [path]
        if files and all(_reads_as_ballot(f) for f in files):
            ballot_paths += files
        else:
            debate_paths.append(path)
    loaded = load_paths(debate_paths) if debate_paths else []
    if not ballot_paths:
        return split_ballots(loaded, fallback)
    from argmap.ballots.format import load_ballot_file

    items = [(p, load_ballot_file(p).text) for p in ballot_paths]
    return split_ballots(loaded, fallback, items)


def split_ballots(
    loaded: Sequence[LoadedDebate],
    fallback: Callable[[], dict[str, ArgumentGraph]] = _default_graphs,
    more_ballots: Sequence[tuple[Path, str]] = (),
) -> tuple[list[LoadedDebate], list[LoadedBallot]]:
    """The debates, and the ballots checked as ballots, among files loaded as debates
    (and the ballot texts `more_ballots`)."""
    debates: list[LoadedDebate] = []
    candidates: list[tuple[Path, str]] = []
    for item in loaded:
        if not item.ok and item.text and is_ballot_text(item.text):
            candidates.append((item.path, item.text))
        else:
            debates.append(item)
    candidates += more_ballots
    if not candidates:
        return debates, []
    from argmap.ballots.format import check_against, load_ballot_text
    from argmap.diagnostics import warning

    graphs = {item.debate_id: item.graph for item in debates if item.ok}
    more: dict[str, ArgumentGraph] | None = None
    ballots: list[LoadedBallot] = []
    for path, text in candidates:
        ballot = load_ballot_text(text, path)
        debate_id = ballot.ballot.debate if ballot.ballot is not None else None
        if debate_id is not None:
            graph = graphs.get(debate_id)
            if graph is None:
                more = _default_graphs_once(more, fallback)
                graph = more.get(debate_id)
            if graph is None:
                ballot.diagnostics.append(
                    warning(
                        str(path),
                        ballot.positions.at(("debate",)),
                        "debate-not-found",
                        f"debate '{debate_id}' is not among the files checked, so the "
                        "ballot's claim ids are not checked; give the debate file too",
                    )
                )
            else:
                check_against(ballot, graph)
        ballots.append(ballot)
    return debates, ballots


def _default_graphs_once(
    found: dict[str, ArgumentGraph] | None, fallback: Callable[[], dict[str, ArgumentGraph]]
) -> dict[str, ArgumentGraph]:
    return fallback() if found is None else found


def describe(ballot: LoadedBallot) -> str:
    """One line saying what a ballot file is, e.g. "a ballot for debate 'x' by Ana, ..."."""
    if ballot.ballot is None:
        return f"{ballot.path}: a ballot, with errors"
    count = len(ballot.ballot.weights)
    by = f" by {ballot.ballot.by}" if ballot.ballot.by else ""
    return (
        f"{ballot.path}: a ballot for debate '{ballot.ballot.debate}'{by}, "
        f"weighing {count} claim{'s' * (count != 1)}"
    )
