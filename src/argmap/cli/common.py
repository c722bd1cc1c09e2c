"""What every subcommand shares: default paths, diagnostics on stderr, exit codes."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from argmap.bundled import default_paths
from argmap.safetext import printable

if TYPE_CHECKING:  # the loader (and pydantic) is imported by the command that runs
    from argmap.load import LoadedDebate

#: The rule for a command given no path (`argmap.bundled.default_debates`), for help texts.
NO_PATH_RULE = (
    "./arguments if it exists, else the *.yaml and *.yml files in the current folder, "
    "else the bundled debates"
)

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


class CliError(Exception):
    """A problem to report in one line on stderr, with an exit code (1 unless given)."""

    def __init__(self, message: str, code: int = EXIT_INVALID) -> None:
        super().__init__(message)
        self.code = code


def paths_or_default(paths: Sequence[str] | None) -> list[Path]:
    """The paths given, or the default debates (`argmap.bundled.default_debates`).

    The default is announced on stderr, so a bare command never reads debates other than
    the ones the user expects without saying so.
    """
    return [Path(p) for p in paths] if paths else default_paths(announce=True)


_JSON_UNSAFE = "[\x7f-\x9f\u202a-\u202e\u2066-\u2069]"


def json_text(value: object) -> str:
    """`value` as indented JSON that is safe on a terminal.

    JSON escapes C0 controls itself; DEL, the C1 controls (0x9b is a CSI on some
    terminals) and the bidirectional overrides are escaped here as `\\u00XX`, which
    JSON readers decode back to the same text.
    """
    import json  # here, not at the top: most commands never print JSON

    text = json.dumps(value, indent=2, ensure_ascii=False)
    return re.sub(_JSON_UNSAFE, lambda m: f"\\u{ord(m.group()):04x}", text)


def show(text: object) -> str:
    """Text from a file or a file name, safe for one line of a terminal."""
    return printable(str(text), one_line=True)


def print_diagnostics(loaded: Sequence[LoadedDebate], stream: TextIO | None = None) -> int:
    """Print every diagnostic GCC-style; return the number of errors."""
    out = stream or sys.stderr
    errors = 0
    for item in loaded:
        for diagnostic in item.diagnostics:
            print(show(diagnostic.format()), file=out)
            errors += diagnostic.is_error
    return errors


def load_valid(paths: Sequence[str] | None) -> list[LoadedDebate]:
    """Load paths; print diagnostics; raise CliError when any file has an error."""
    from argmap.load import load_paths

    loaded = load_paths(paths_or_default(paths))
    errors = print_diagnostics(loaded)
    if errors:
        raise CliError(f"{errors} error{'s' * (errors != 1)}; fix the file first")
    if not loaded:
        raise CliError("no debate files (*.yaml, *.yml) found")
    return loaded


def load_skipping_invalid(
    paths: Sequence[str] | None,
    purpose: str,
    *,
    each: Callable[[LoadedDebate], object] | None = None,
) -> tuple[list[LoadedDebate], int]:
    """The valid debates among `paths` and how many files were skipped for errors.

    Diagnostics go to stderr with a one-line count of what is skipped; no valid debate at
    all is a CliError ("no valid debate to `purpose`").

    `each`, when given, is called with every file that loads without error as soon as it
    has loaded, while the next one loads: a command can start its work on it early. The
    check of `see` links and ids across files comes after the last file and may still
    reject it; only the debates returned are valid.
    """
    from argmap.load import load_paths

    resolved = paths_or_default(paths)
    loaded = load_paths(resolved) if each is None else load_paths_calling(resolved, each)
    errors = print_diagnostics(loaded)
    if not loaded:
        raise CliError("no debate files (*.yaml, *.yml) found")
    valid = [item for item in loaded if item.ok]
    skipped = len(loaded) - len(valid)
    if skipped:
        print(
            f"argmap: skipping {skipped} file{'s' * (skipped != 1)} with errors "
            f"({errors} error{'s' * (errors != 1)})",
            file=sys.stderr,
        )
    if not valid:
        raise CliError(f"no valid debate to {purpose}; fix the files first")
    return valid, skipped


def load_paths_calling(
    paths: Sequence[Path], each: Callable[[LoadedDebate], object]
) -> list[LoadedDebate]:
    """`argmap.load.load_paths(paths)`, calling `each` with every file that loads without
    error as soon as it has (before the checks across files, which may reject it)."""
    from argmap.load import check_links_between, debate_files, load_file, load_paths

    loaded: list[LoadedDebate] = []
    folder_loaded = False
    for path in paths:
        if path.is_dir():
            folder_loaded = True
            items: Iterable[LoadedDebate] = (load_file(p) for p in debate_files(path))
        elif path.is_file():
            # Checked across files below, with the others (not alone here first).
            items = [load_file(path)]
        else:
            # The diagnostic for a path that is not there (or not a file): as load_paths says.
            items = load_paths([path])
        for item in items:
            loaded.append(item)
            if item.ok:
                each(item)
    # The same rule as load_paths: a file loaded alone has its links into others unchecked.
    check_links_between(loaded, alone=not folder_loaded and len(loaded) == 1)
    return loaded


def unknown_claim(claim_id: str, known: Sequence[str] | set[str] | dict[str, object]) -> CliError:
    """An 'unknown claim' error that lists close matches."""
    import difflib

    matches = difflib.get_close_matches(claim_id, list(known), n=5, cutoff=0.5)
    hint = (
        f"; did you mean {', '.join(matches)}?"
        if matches
        else "; `argmap show` prints every claim with its id"
    )
    return CliError(show(f"no claim with id '{claim_id}'{hint}"))
