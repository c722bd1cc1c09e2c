"""Which ballot files a command reads: files, folders, and `ballots/<debate-id>/` folders."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from argmap.ballots.format import LoadedBallot, load_ballot_file
from argmap.diagnostics import error
from argmap.graph import ArgumentGraph
from argmap.ids import Positions
from argmap.load import debate_files


def ballot_files(paths: Sequence[Path | str], debate_id: str) -> list[Path]:
    """The ballot files `paths` name: a file is itself; a folder gives its `*.yaml` and
    `*.yml` files, or, when it has a sub-folder named after the debate, that folder's."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir() and (path / debate_id).is_dir():
            path = path / debate_id
        files.extend(debate_files(path) if path.is_dir() else [path])
    return files


def load_ballots(paths: Sequence[Path | str], graph: ArgumentGraph) -> list[LoadedBallot]:
    """Every ballot file `paths` name, read and checked against the debate."""
    debate_id = graph.debate.id or ""
    loaded: list[LoadedBallot] = []
    for path in ballot_files(paths, debate_id):
        if not path.exists() and not path.is_symlink():
            diagnostic = error(str(path), (0, 0), "not-found", "no such file or folder")
            loaded.append(LoadedBallot(path, None, [diagnostic], Positions()))
            continue
        loaded.append(load_ballot_file(path, graph))
    return loaded
