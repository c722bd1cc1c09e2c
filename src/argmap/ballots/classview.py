"""What a class view of a debate shows: the class's tally from a folder of ballots, and the
student's own ballot in it.

The folder holds `<debate-id>/<name>.yaml` ballots (or the ballots themselves). Where
`argmap open` looks for it: `--ballots DIR`, else a `ballots/` folder beside the debates
(next to the folder they are in, or inside it), else `./ballots`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from argmap.ballots.edit import ballot_file_name, write_weight
from argmap.ballots.folder import load_ballots
from argmap.ballots.format import LoadedBallot
from argmap.ballots.tally import Tally, tally
from argmap.ballots.weights import Weigher, author_weight
from argmap.bundled import is_bundled
from argmap.graph import ArgumentGraph
from argmap.strength import Weighing

#: Bars for a histogram of weights, lowest to highest.
_BARS = " ▁▂▃▄▅▆▇█"


def ballots_folder(paths: Sequence[Path], given: Path | None = None) -> Path:
    """The ballots folder for debates at `paths` (see the module's docstring)."""
    if given is not None:
        return given
    for path in paths:
        if is_bundled(path):
            continue
        folder = path if path.is_dir() else path.parent
        for candidate in (folder / "ballots", folder.parent / "ballots"):
            if candidate.is_dir():
                return candidate
    return Path("ballots")


@dataclass(slots=True)
class ClassView:
    """One debate seen by the class: every ballot's weights and the student's own."""

    graph: ArgumentGraph
    folder: Path
    #: The student's name, asked once; their ballot is `folder/<debate-id>/<name>.yaml`.
    name: str | None = None
    ballots: list[LoadedBallot] = field(default_factory=list)
    result: Tally | None = None
    _weigher: Weigher | None = None

    def reload(self) -> None:
        """Read the folder's ballots again and tally them."""
        debate_folder = self.folder / (self.graph.debate.id or "")
        paths = [debate_folder] if debate_folder.is_dir() else []
        self.ballots = [b for b in load_ballots(paths, self.graph) if b.ok]
        self.result = tally(self.graph, self.ballots) if self.ballots else None

    @property
    def own_path(self) -> Path | None:
        """The student's ballot file (None until their name is known)."""
        if self.name is None:
            return None
        return self.folder / (self.graph.debate.id or "") / ballot_file_name(self.name)

    @property
    def own(self) -> LoadedBallot | None:
        path = self.own_path
        return next((b for b in self.ballots if b.path == path), None)

    def own_weight(self, claim_id: str) -> int | None:
        ballot = self.own
        return ballot.ballot.weights.get(claim_id) if ballot and ballot.ballot else None

    def weighing(self, class_median: bool) -> Weighing:
        """Strengths under the class's median weights, or the author's."""
        if class_median and self.result is not None:
            return self.result.median
        if self._weigher is None:
            self._weigher = Weigher.of(self.graph)
        return self._weigher.weigh({})

    def histogram(self, claim_id: str) -> list[int]:
        """How many ballots give the claim each weight 1–5 (none without ballots)."""
        return self.result.histogram(claim_id) if self.result is not None else [0] * 5

    def median_weight(self, claim_id: str) -> float:
        if self.result is None:
            return float(author_weight(self.graph, claim_id))
        return self.result.median_weights.get(claim_id, float(author_weight(self.graph, claim_id)))

    def set_weight(self, claim_id: str, weight: int) -> None:
        """Write the student's weight to their ballot (EditRefused when it cannot be)."""
        path = self.own_path
        if path is None or self.name is None:
            raise ValueError("the student's name is not known yet")
        write_weight(path, self.graph, self.name, claim_id, weight)


def sparkline(counts: list[int]) -> str:
    """Counts as one bar each, scaled to the largest, none as a dot: `▂·█▄·`."""
    top = max(counts, default=0)
    return "".join(_BARS[max(1, round(c / top * (len(_BARS) - 1)))] if c else "·" for c in counts)


def histogram_lines(counts: list[int], width: int = 20) -> list[str]:
    """One line a weight 1–5: the weight, a bar scaled to the largest count, the count."""
    top = max(counts, default=0) or 1
    return [
        f"{weight} {'█' * round(count / top * width)} {count}"
        for weight, count in enumerate(counts, start=1)
    ]
