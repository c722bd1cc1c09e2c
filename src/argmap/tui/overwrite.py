"""Whether writing a file would replace one, and whether git keeps that one: what the
export dialog asks about before it writes (no Textual in it)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

#: Seconds `git ls-files` may take before the answer counts as "unknown".
GIT_TIMEOUT = 2.0


def tracked_by_git(path: Path) -> bool:
    """Whether git tracks `path` (False when git is missing, slow or the folder is not a
    repository). The path goes to git as an argument after `--`, never through a shell."""
    git = shutil.which("git")
    folder = path.parent if path.parent.is_dir() else None
    if git is None or folder is None:
        return False
    try:
        done = subprocess.run(
            [git, "-C", str(folder), "ls-files", "--error-unmatch", "--", path.name],
            capture_output=True,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def replace_warning(path: Path) -> str | None:
    """What to say before writing over `path`; None when nothing is there."""
    if not path.exists():
        return None
    kept = " (a file git keeps)" if tracked_by_git(path) else ""
    return f"{path} exists{kept}: Enter again replaces it, Esc keeps it."
