"""The class's tally of each debate, kept until the debate or its ballot folder changes.

The debates list and the detail panel show the class's split and histograms; a tally of
30 ballots takes a noticeable fraction of a second, so it is computed once per state of
the debate and of its ballot folder (`folder/<debate-id>/`: every file's name, size and
modification time), on a worker, and read from here while it is fresh.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from argmap.ballots.folder import load_ballots
from argmap.ballots.tally import Tally, tally
from argmap.graph import ArgumentGraph

#: The ballot folder as last seen: (name, size, modification time) of each file.
FolderState = tuple[tuple[str, int, int], ...]


def folder_state(folder: Path) -> FolderState:
    """What changes when a ballot in `folder` is added, removed or written."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return ()
    state: list[tuple[str, int, int]] = []
    for entry in entries:
        try:
            stat = entry.stat()
        except OSError:
            continue
        state.append((entry.name, stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(state))


def debate_ballots(folder: Path, graph: ArgumentGraph) -> Path:
    """Where a debate's ballots are: `folder/<debate-id>/`."""
    return folder / (graph.debate.id or "")


@dataclass(slots=True)
class TallyCache:
    """Tallies by debate id, each with the graph and folder state it was made from."""

    _tallies: dict[str, tuple[ArgumentGraph, FolderState, Tally | None]] = field(
        default_factory=dict
    )
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def known(self, graph: ArgumentGraph) -> Tally | None:
        """The last tally made for this very graph (None: none yet, or no ballots)."""
        with self._lock:
            kept = self._tallies.get(graph.debate.id or "")
        return kept[2] if kept is not None and kept[0] is graph else None

    def refresh(self, graph: ArgumentGraph, folder: Path) -> bool:
        """Tally the debate again if it or its ballots changed; True when it did.

        Slow (it reads and weighs every ballot): call it from a worker.
        """
        key = graph.debate.id or ""
        path = debate_ballots(folder, graph)
        state = folder_state(path)
        with self._lock:
            kept = self._tallies.get(key)
        if kept is not None and kept[0] is graph and kept[1] == state:
            return False
        ballots = [b for b in load_ballots([path], graph) if b.ok] if state else []
        result = tally(graph, ballots) if ballots else None
        with self._lock:
            self._tallies[key] = (graph, state, result)
        return result is not None or (kept is not None and kept[2] is not None)


#: The app's one cache (the list and the map share it).
TALLIES = TallyCache()
