"""Many diagrams at once: one `dot` per core, the biggest first, started while loading.

`argmap export FOLDER` spends most of its time in Graphviz's `dot`, one process per
diagram, and Python waits while `dot` works. A `DiagramPool` runs a few diagrams at a
time on threads (each thread waits on its own `dot`, so every core lays one out).

A folder's debates are loaded one after another, and only once all are loaded are `see`
links across them checked, which may still reject a debate. `DiagramPool.prepare` starts
laying a diagram out as soon as its debate has loaded, before that check: the bytes are
kept, not written. `DiagramPool.export` then writes exactly the diagrams asked for, in
their order, reusing a layout already made; a prepared diagram that is not asked for
(its debate was rejected) is dropped unwritten. The files are the same bytes as when
each diagram is drawn on its own with `export_graph`.
"""

from __future__ import annotations

import heapq
import itertools
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from argmap.export import ExportError, ExportOptions, export_graph, to_dot, write_diagram
from argmap.export.render import (
    PINNED_COMMAND,
    RENDERED,
    RenderError,
    layout_command,
    render,
    render_spooled,
)

if TYPE_CHECKING:
    from argmap.graph import ArgumentGraph

__all__ = ["Diagram", "DiagramPool"]


@dataclass(frozen=True)
class Diagram:
    """One diagram to make: which debate, drawn how, written where; `source`, DOT drawn as
    it is instead of the diagram `options` ask for (a part of a slide image's level)."""

    graph: ArgumentGraph
    options: ExportOptions
    out: Path
    source: str | None = None


#: A diagram's identity for reuse: the same graph object, options and file.
_Key = tuple[int, ExportOptions, Path]


def _key(diagram: Diagram) -> _Key:
    return (id(diagram.graph), diagram.options, diagram.out)


def _render(source: str, fmt: str) -> bytes | Iterable[bytes]:
    """DOT source drawn by `dot`, with the errors `export_graph` gives: the drawing's bytes,
    or, for a big diagram drawn in pieces, its pieces spooled to a temporary file (a
    100,000-claim SVG is some 230 MB, never held in memory)."""
    try:
        if layout_command(source) is PINNED_COMMAND:
            return render_spooled(source, fmt)
        return render(source, fmt)
    except RenderError as exc:
        raise ExportError(str(exc)) from exc


class DiagramPool:
    """Diagrams made on a few threads, one `dot` each, biggest queued diagram first.

    Use it as a context manager: on the way out, diagrams prepared but never asked for
    are cancelled (one already in `dot` runs to its end and is dropped).
    """

    def __init__(self, workers: int | None = None) -> None:
        self._executor = ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1)
        self._lock = threading.Lock()
        # Jobs waiting for a thread: (-size, order, job, its future). Each submitted task
        # takes the biggest waiting job when it runs, so a big diagram that arrives late
        # still goes before smaller ones queued earlier (longest job first keeps every
        # core busy to the end).
        self._waiting: list[tuple[int, int, Callable[[], object], Future[object]]] = []
        self._order = itertools.count()
        # Prepared diagrams by key; the diagram is kept so its graph's id stays its own.
        self._prepared: dict[_Key, tuple[Diagram, Future[object]]] = {}

    def __enter__(self) -> DiagramPool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Cancel what was prepared and not asked for; wait for the threads to finish."""
        for _, future in self._prepared.values():
            future.cancel()
        self._prepared.clear()
        self._executor.shutdown(wait=True)

    def prepare(self, diagram: Diagram) -> None:
        """Start laying `diagram` out now; `export` writes it if it is asked for.

        Only formats `dot` lays out are prepared: a DOT file is written as it is made, in
        chunks, by `export`.
        """
        key = _key(diagram)
        if diagram.options.format not in RENDERED or key in self._prepared:
            return
        # The DOT source is written here, in the caller's thread, so `dot` starts on it at
        # once: a thread of the pool would wait for the interpreter while the caller goes
        # on loading the next file.
        try:
            source = diagram.source or to_dot(diagram.graph, diagram.options)
        except ExportError:
            return  # `export` meets the same error in its place among the diagrams
        (future,) = self._start([diagram], lambda: _render(source, diagram.options.format))
        self._prepared[key] = (diagram, future)

    def export(self, wanted: Sequence[Diagram]) -> Iterator[Path]:
        """Write every diagram in `wanted`, yielding each file in the order given.

        The first failure, in that order, raises `ExportError`; the diagrams after it are
        cancelled, and the ones before it are written.
        """
        prepared = [self._take(d) for d in wanted]
        fresh = iter(self._start([d for d, f in zip(wanted, prepared, strict=True) if f is None]))
        # Taken off the front as they are written, so no drawing is held after that.
        pending = deque(
            (d, f if f is not None else next(fresh)) for d, f in zip(wanted, prepared, strict=True)
        )
        del prepared
        try:
            while pending:
                diagram, future = pending.popleft()
                made = future.result()
                if isinstance(made, bytes | Iterator):  # prepared: drawn, not yet written
                    write_diagram(diagram.out, made)
                del made, future
                yield diagram.out
        finally:
            for _, future in pending:
                future.cancel()

    def _take(self, diagram: Diagram) -> Future[object] | None:
        """The layout `prepare` started for `diagram`, if it did."""
        entry = self._prepared.pop(_key(diagram), None)
        return entry[1] if entry is not None else None

    def _start(
        self, batch: Sequence[Diagram], job: Callable[[], object] | None = None
    ) -> list[Future[object]]:
        """Queue every diagram of `batch` before any runs, so the biggest goes first.

        Each runs `job` when given, else `_job(diagram)`.
        """
        futures: list[Future[object]] = []
        with self._lock:
            for diagram in batch:
                future: Future[object] = Future()
                heapq.heappush(
                    self._waiting,
                    (-len(diagram.graph), next(self._order), job or _job(diagram), future),
                )
                futures.append(future)
        for _ in batch:
            self._executor.submit(self._run_biggest)
        return futures

    def _run_biggest(self) -> None:
        with self._lock:
            _, _, job, future = heapq.heappop(self._waiting)
        if not future.set_running_or_notify_cancel():
            return  # cancelled while waiting
        try:
            made = job()
        except BaseException as exc:  # handed to whoever waits on the future
            future.set_exception(exc)
        else:
            future.set_result(made)


def _job(diagram: Diagram) -> Callable[[], Path]:
    """What a thread does for a diagram not prepared: make it and write it."""
    graph, options, out, source = diagram.graph, diagram.options, diagram.out, diagram.source
    if source is not None:
        return lambda: write_diagram(out, _render(source, options.format))
    if options.format in RENDERED:
        return lambda: write_diagram(out, _render(to_dot(graph, options), options.format))
    # DOT source is written as it is made, in chunks (a big debate's is never held whole).
    return lambda: export_graph(graph, options, out)
