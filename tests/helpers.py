"""What the tests share by import: where the repository is, a minimal debate, a folder of
some of the bundled debates."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ARGUMENTS = REPO / "arguments"

MINIMAL = """\
version: 1
title: Test debate
motion: Something should happen.
pro:
  - id: p-a
    text: A reason for it.
con:
  - id: c-a
    text: A reason against it.
"""


def bundled_without_links(folder: Path, names: list[str]) -> Path:
    """Copies of some bundled debates in `folder`, without their `see` links to the others
    (each a one-line list), so that they load and export as a folder of their own."""
    folder.mkdir(parents=True)
    for name in names:
        text = (ARGUMENTS / f"{name}.yaml").read_text(encoding="utf-8")
        text = re.sub(r"(?m)^ *see: \[[^]\n]*\]\n", "", text)
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder
