"""The `argmap.preview` command: draw the debate being edited as an SVG and show it.

The diagram is the one `argmap export FILE` draws, written to a folder of previews in the
system's temporary directory (never beside the user's files), named after the debate's
sanitised id. It is drawn from the last version of the buffer that loaded without errors.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from argmap.export import ExportError, ExportOptions, default_output, export_graph
from argmap.lsp.documents import Analysis
from argmap.safetext import printable

COMMAND = "argmap.preview"


class PreviewRefused(Exception):
    """No preview could be drawn; the message is one line for the user."""


def preview_folder() -> Path:
    return Path(tempfile.gettempdir()) / "argmap-preview"


def draw(analysis: Analysis | None) -> Path:
    """Write the SVG of a valid analysis and return its path."""
    if analysis is None or analysis.loaded is None or not analysis.loaded.ok:
        raise PreviewRefused("the debate has errors and no earlier version loaded; fix them first")
    options = ExportOptions(format="svg")
    out = default_output(analysis.debate_id, options, preview_folder())
    try:
        return export_graph(analysis.loaded.graph, options, out)
    except ExportError as exc:
        raise PreviewRefused(printable(str(exc), one_line=True)) from exc
