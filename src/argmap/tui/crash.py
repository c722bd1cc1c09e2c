"""What happens when the app meets an error it did not expect: a saved report, not a dump.

The full traceback goes to a file in the user's cache folder (its locals may quote a
debate, so it never goes to the terminal); the shell gets one line naming that file and a
non-zero exit status.
"""

from __future__ import annotations

import os
import tempfile
import time
import traceback
from pathlib import Path

from argmap.safetext import printable

#: The exit status of `argmap open` after an unexpected error (BSD's EX_SOFTWARE).
EXIT_CRASH = 70


def report_folder() -> Path:
    """Where crash reports go: `$XDG_CACHE_HOME/argmap`, else `~/.cache/argmap`."""
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "argmap"


def save_report(error: BaseException) -> Path | None:
    """Write the error's traceback to a new file and return its path (None if no folder
    could take it: the one-line message still names the error)."""
    text = "".join(traceback.format_exception(error))
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for folder in (report_folder(), Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(
                prefix=f"argmap-crash-{stamp}-", suffix=".txt", dir=folder
            )
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            return Path(name)
        except OSError:
            continue
    return None


def crash_message(error: BaseException, report: Path | None) -> str:
    """The one line the shell sees after a crash."""
    what = printable(f"{type(error).__name__}: {error}", one_line=True)
    if len(what) > 160:
        what = what[:159] + "…"
    where = (
        f"; the traceback is in {printable(str(report), one_line=True)}"
        if report is not None
        else ""
    )
    return f"the app stopped on an unexpected error ({what}){where}"
