"""Diagnostics: every problem found in a debate file, as a value with a position.

Annotations are evaluated, not postponed, as in `argmap.model`: a named tuple compiles a
postponed one into a forward reference, and the first compilation of a run costs more
than the rest of a small command's own modules.
"""

from enum import StrEnum
from typing import NamedTuple


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Diagnostic(NamedTuple):
    """One problem in one file, at a 1-based line and column.

    A named tuple, as the debate's records are: immutable, and cheap to define, so the
    start of every command does not pay for generating a dataclass's methods.
    """

    path: str
    line: int
    col: int
    severity: Severity
    code: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def pos(self) -> tuple[int, int]:
        return (self.line, self.col)

    def moved(self, pos: tuple[int, int]) -> "Diagnostic":
        """The same diagnostic at another line and column."""
        return self._replace(line=pos[0], col=pos[1])

    def format(self) -> str:
        """The GCC-style line editors and CI logs understand: `path:line:col: error: message`.

        A diagnostic about a whole path (line 0, e.g. a file that does not exist) names
        no position: `path: error: message`.
        """
        if self.line <= 0:
            return f"{self.path}: {self.severity.value}: {self.message}"
        return f"{self.path}:{self.line}:{self.col}: {self.severity.value}: {self.message}"

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.col,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
        }


def error(path: str, pos: tuple[int, int], code: str, message: str) -> Diagnostic:
    return Diagnostic(path, pos[0], pos[1], Severity.ERROR, code, message)


def warning(path: str, pos: tuple[int, int], code: str, message: str) -> Diagnostic:
    return Diagnostic(path, pos[0], pos[1], Severity.WARNING, code, message)


def sort_key(diagnostic: Diagnostic) -> tuple[str, int, int, str]:
    return (diagnostic.path, diagnostic.line, diagnostic.col, diagnostic.message)
