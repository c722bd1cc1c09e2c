"""What the app needs around the edit library, with no Textual in it.

The command that opens the reader's own editor at a line, the steps the app can undo, the
claims that link into a branch about to be deleted, and how the form fields read back.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from argmap.edit import DebateFile, Edit
from argmap.graph import ArgumentGraph
from argmap.model import Claim
from argmap.safetext import printable

#: How a form hears back once its edit is written (on a worker): None when it was, else
#: why not (shown in the form, which stays open).
Finished = Callable[[str | None], None]

#: Editors that take `--goto FILE:LINE` rather than `+LINE FILE`.
GOTO_EDITORS = {"code", "code-insiders", "codium", "cursor"}
#: Editors that take `FILE:LINE`.
COLON_EDITORS = {"subl", "sublime_text", "zed", "hx", "helix"}
#: Editors whose documented command line reads `--` as "only file names follow", and that
#: take `+LINE` before it: the vi family, GNU nano and Emacs. Others get the absolute path
#: alone, which already cannot be read as an option or a command.
END_OF_OPTIONS_EDITORS = {
    "vi",
    "vim",
    "nvim",
    "gvim",
    "view",
    "vim.basic",
    "vim.tiny",
    "nano",
    "rnano",
    "emacs",
    "emacsclient",
}


def editor_command(
    path: Path, line: int, environ: Mapping[str, str] | None = None
) -> list[str] | None:
    """The command that opens `path` at `line` in the reader's editor.

    `$VISUAL`, then `$EDITOR` (either may carry arguments, as in `code --wait`; they are
    split as a POSIX shell splits words, and never run through a shell), then `nano` when
    it is installed, else `vi`. None when no editor can be found.

    The file name comes from a folder someone else may have filled, so it is never passed
    as a bare word an editor could read as an option or a command (vim runs
    `+:!cmd FILE` as a command): it is always absolute, so it starts with `/` (or a drive),
    and editors that understand `--` get it right before the name.
    """
    env = os.environ if environ is None else environ
    for name in ("VISUAL", "EDITOR"):
        value = env.get(name, "").strip()
        if value:
            try:
                words = shlex.split(value)
            except ValueError:
                words = value.split()
            if words:
                break
    else:
        fallback = shutil.which("nano") or shutil.which("vi")
        if fallback is None:
            return None
        words = [fallback]
    program = Path(words[0]).name.lower().removesuffix(".exe")
    target = str(Path(os.path.abspath(path)))
    line = max(line, 1)
    if program in GOTO_EDITORS:
        return [*words, "--goto", f"{target}:{line}"]
    if program in COLON_EDITORS:
        return [*words, f"{target}:{line}"]
    if program in END_OF_OPTIONS_EDITORS:
        return [*words, f"+{line}", "--", target]
    return [*words, f"+{line}", target]


@dataclass(frozen=True, slots=True)
class UndoStep:
    """An edit the app wrote: undoing it writes `edit.before` over `written`."""

    path: Path  # the file as the app knows it (what reloading uses)
    written: DebateFile  # the file as the edit left it, checked before undoing
    edit: Edit


@dataclass(frozen=True, slots=True)
class Linker:
    """A claim outside a branch that links into it with `also_rebuts` / `also_supports`."""

    claim_id: str
    line: int
    verb: str  # "also rebuts" or "also supports"
    target: str


def linkers_into(graph: ArgumentGraph, claim_id: str) -> tuple[int, list[Linker]]:
    """How many claims lie below `claim_id`, and the cross-links into its branch from outside.

    Deleting the branch would leave those links dangling, so the edit library refuses it
    unless they go too.
    """
    branch: set[str] = set()
    stack = [claim_id]
    while stack:
        current = stack.pop()
        if current in branch:
            continue
        branch.add(current)
        stack.extend(graph.nodes[current].children)
    found: list[Linker] = []
    for target in sorted(branch, key=lambda c: graph.nodes[c].line):
        for edge in graph.incoming[target]:
            if edge.cross and edge.source not in branch:
                source = graph.nodes[edge.source]
                verb = "also supports" if edge.relation.value == "supports" else "also rebuts"
                found.append(Linker(edge.source, source.line, verb, target))
    return len(branch) - 1, found


# --- reading the form's fields ----------------------------------------------------------------

_WORDS = re.compile(r"[\s,]+")


def split_list(value: str) -> list[str]:
    """Tags or source ids as typed: separated by commas or spaces."""
    return [word for word in _WORDS.split(value.strip()) if word]


def parse_weight(value: str) -> int | None:
    """A weight from 1 to 5, or None for an empty field; ValueError for anything else."""
    value = value.strip()
    if not value:
        return None
    if not value.isdigit() or not 1 <= int(value) <= 5:
        raise ValueError("weight is a whole number from 1 to 5 (or empty for none)")
    return int(value)


def one_line(text: str) -> str:
    """Claim text as a one-line field shows it (a folded block scalar keeps its words)."""
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class ClaimFields:
    """A claim's editable fields as the change form shows them."""

    text: str
    kind: str
    tags: str
    sources: str
    note: str
    weight: str

    @classmethod
    def of(cls, claim: Claim) -> ClaimFields:
        """The fields as the form shows them: control characters from the file appear as
        escapes (`\\e`), and are written back as typed only if the field is changed."""
        return cls(
            printable(one_line(claim.text)),
            claim.kind.value,
            printable(", ".join(claim.tags), one_line=True),
            printable(", ".join(claim.sources), one_line=True),
            printable((claim.note or "").rstrip("\n")),
            "" if claim.weight is None else str(claim.weight),
        )

    def changes_to(self, new: ClaimFields) -> dict[str, str | int | list[str] | None]:
        """The `set_fields` changes that turn these fields into `new` (only what differs).

        ValueError when the weight is not one the format accepts.
        """
        changes: dict[str, str | int | list[str] | None] = {}
        if new.text.strip() != self.text.strip():
            changes["text"] = new.text.strip()
        if new.kind != self.kind:
            # The default kind is written by leaving the key out.
            changes["kind"] = None if new.kind == "claim" else new.kind
        for name in ("tags", "sources"):
            old_list, new_list = split_list(getattr(self, name)), split_list(getattr(new, name))
            if new_list != old_list:
                changes[name] = new_list or None
        if new.note.strip() != self.note.strip():
            changes["note"] = new.note.strip() or None
        weight = parse_weight(new.weight)
        if weight != parse_weight(self.weight):
            changes["weight"] = weight
        return changes
