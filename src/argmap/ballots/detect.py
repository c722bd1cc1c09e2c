"""Telling a ballot from a debate by its text, before either is parsed.

A ballot names its debate and weighs claims; a debate has a motion. This is checked on
the text's top-level keys (lines starting at column 0), so `argmap validate` can set
ballots aside without importing the ballot reader for files that are debates.
"""

from __future__ import annotations

import re

_TOP_WEIGHTS = re.compile(r"^weights[ \t]*:", re.MULTILINE)
_TOP_MOTION = re.compile(r"^motion[ \t]*:", re.MULTILINE)


def is_ballot_text(text: str) -> bool:
    """Whether a YAML text looks like a ballot (a top-level `weights`, no `motion`)."""
    return _TOP_WEIGHTS.search(text) is not None and _TOP_MOTION.search(text) is None
