"""Formatting-preserving edits of debate files: add, change and remove claims.

Operations (`add_child`, `add_top_level`, `set_fields`, `remove_claim`) are pure: they take
a debate file's text and return an `Edit` with the text before and after, or raise
`EditRefused` with the reason (and the diagnostics when the result would not validate).
Only the lines an edit must touch change; comments, blank lines, key order, quoting and
indentation elsewhere stay byte for byte. `read_debate_file`, `save` and `edit_file` read
and write files atomically and refuse to overwrite a file changed on disk since it was read.
"""

from __future__ import annotations

from argmap.edit.document import EditRefused
from argmap.edit.files import DebateFile, FileChanged, edit_file, read_debate_file, save
from argmap.edit.operations import (
    EDITABLE_FIELDS,
    ChildRelation,
    Edit,
    FieldValue,
    add_child,
    add_top_level,
    remove_claim,
    set_fields,
)

__all__ = [
    "EDITABLE_FIELDS",
    "ChildRelation",
    "DebateFile",
    "Edit",
    "EditRefused",
    "FieldValue",
    "FileChanged",
    "add_child",
    "add_top_level",
    "edit_file",
    "read_debate_file",
    "remove_claim",
    "save",
    "set_fields",
]
