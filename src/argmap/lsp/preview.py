"""The `argmap.preview` command: draw the debate being edited as an SVG and show it.

The diagram is the one `argmap export FILE` draws, written to the server's own private
folder in the system's temporary directory (never beside the user's files), named after
the debate's sanitised id. It is drawn from the last version of the buffer that loaded
without errors.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import threading
from pathlib import Path

from argmap.export import ExportError, ExportOptions, default_output, export_graph
from argmap.lsp.documents import Analysis
from argmap.safetext import printable

COMMAND = "argmap.preview"


class PreviewRefused(Exception):
    """No preview could be drawn; the message is one line for the user."""


class Folder:
    """This server's own folder of previews, made on the first preview.

    `mkdtemp` makes it under a new random name, readable by this user only, so no other
    user can have planted it (or a symlink in its place) beforehand. It is removed when the
    server exits.
    """

    def __init__(self) -> None:
        self._path: Path | None = None
        self._lock = threading.Lock()

    @property
    def path(self) -> Path:
        with self._lock:
            if self._path is None:
                self._path = Path(tempfile.mkdtemp(prefix="argmap-preview-"))
                atexit.register(shutil.rmtree, self._path, ignore_errors=True)
            return self._path


def draw(analysis: Analysis | None, folder: Folder) -> Path:
    """Write the SVG of a valid analysis into `folder` and return its path."""
    if analysis is None or analysis.loaded is None or not analysis.loaded.ok:
        raise PreviewRefused("the debate has errors and no earlier version loaded; fix them first")
    options = ExportOptions(format="svg")
    out = default_output(analysis.debate_id, options, folder.path)
    try:
        return export_graph(analysis.loaded.graph, options, out)
    except ExportError as exc:
        raise PreviewRefused(printable(str(exc), one_line=True)) from exc
