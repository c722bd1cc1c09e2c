"""The class's vote in the app's lists and panels: a short split and a histogram.

The texts come from `argmap.ballots.summary` and `argmap.ballots.classview`; here they
are styled for the terminal. A debate without ballots (or not tallied yet) shows nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from rich.text import Text

from argmap.ballots.classview import histogram_lines
from argmap.ballots.summary import class_lines
from argmap.ballots.tally import Tally
from argmap.graph import ArgumentGraph
from argmap.strength import Verdict
from argmap.tui.widgets.labels import safe_block


def class_cell(result: Tally | None) -> Text:
    """The split in a list's cell: `3·0·2` ballots leaning pro · balanced · con."""
    if result is None:
        return Text("")
    split = result.split
    cell = Text(str(split[Verdict.LEANS_PRO]), style="bold #0072B2")
    cell.append(f"·{split[Verdict.BALANCED]}·", style="dim")
    cell.append(str(split[Verdict.LEANS_CON]), style="bold #D55E00")
    return cell


def class_info(graph: ArgumentGraph, result: Tally | None) -> Text:
    """The class's split and median verdict, a line under a debate's verdict."""
    if result is None:
        return Text("")
    return Text(safe_block(class_lines(graph, result, top=0)[0]) + "\n")


def class_histogram(result: Tally | None, claim_id: str) -> Text:
    """The spread of the class's weights on a claim, for the detail panel."""
    if result is None or claim_id not in result.graph.nodes:
        return Text("")
    count = len(result.results)
    text = Text(f"Class weights ({count} ballot{'s' * (count != 1)})\n", style="bold")
    text.append("\n".join(histogram_lines(result.histogram(claim_id), width=12)))
    return text


class Latest:
    """The latest of a stream of jobs, run one at a time on a single worker.

    Cancelling a thread worker does not stop it, and a cancelled worker fails whoever
    waits for the app's workers; so a new request replaces the one still waiting instead,
    and `want` says whether a worker must be started to run it.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._wanted: Callable[[], None] | None = None
        self._running = False

    def want(self, job: Callable[[], None]) -> bool:
        """Queue `job` in place of any still waiting; True: start a worker to `run`."""
        with self._lock:
            self._wanted = job
            if self._running:
                return False
            self._running = True
            return True

    def run(self) -> None:
        """Run the waiting jobs until none is left (on the worker)."""
        while True:
            with self._lock:
                job, self._wanted = self._wanted, None
                if job is None:
                    self._running = False
                    return
            try:
                job()
            except BaseException:
                with self._lock:
                    self._running = False
                raise
