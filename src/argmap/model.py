"""A loaded debate: the plain, immutable records the rest of argmap reads.

Loading a file (`argmap.load`) checks it against the format with `argmap.conform` and
builds these records. They are named tuples: immutable, and made fast, one per claim
of a file that may hold tens of thousands. The format itself, with a description of every
field and the JSON Schema editors use, is defined by the pydantic models of
`argmap.schema_model`; tests keep the two in step, field by field and default by default.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any, Literal, NamedTuple

FORMAT_VERSION = 1
SLUG_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
SLUG_RE = re.compile(SLUG_PATTERN)
#: A `see` reference: `debate-id` or `debate-id:claim-id`.
SEE_PATTERN = r"^[a-z0-9][a-z0-9_-]*(:[a-z0-9][a-z0-9_.-]*)?$"
SEE_RE = re.compile(SEE_PATTERN)
#: The id the motion has in every graph and output; no claim may use it.
MOTION_ID = "motion"


class Kind(StrEnum):
    """What a claim is: an argument, a piece of evidence, or a proposed policy answer."""

    CLAIM = "claim"
    EVIDENCE = "evidence"
    PROPOSAL = "proposal"


class Side(StrEnum):
    """Which side of the motion a claim argues for."""

    PRO = "pro"
    CON = "con"

    @property
    def opposite(self) -> Side:
        return Side.CON if self is Side.PRO else Side.PRO


#: The sides as the format spells them, pro first: the top-level keys of a debate.
SIDES: tuple[str, ...] = tuple(side.value for side in Side)


Verdict = Literal["leans-pro", "balanced", "leans-con"]
#: The gradual semantics a debate may be weighed with (`argmap.gradual`), default first.
SemanticsName = Literal["quadratic-energy", "df-quad", "max-based"]


class Source(NamedTuple):
    """A document the debate's claims cite."""

    id: str
    title: str
    url: str | None = None
    note: str | None = None


class Claim(NamedTuple):
    """A claim, with the rebuttals that attack it and the support that backs it.

    List fields default to a shared empty list: never mutate a record's lists.
    """

    text: str
    id: str | None = None
    kind: Kind = Kind.CLAIM
    sources: list[str] = []  # noqa: RUF012 - records are never mutated
    tags: list[str] = []  # noqa: RUF012
    note: str | None = None
    weight: int | None = None
    undercut: bool = False
    rebuttals: list[Claim] = []  # noqa: RUF012
    support: list[Claim] = []  # noqa: RUF012
    also_rebuts: list[str] = []  # noqa: RUF012
    also_supports: list[str] = []  # noqa: RUF012
    see: list[str] = []  # noqa: RUF012
    #: The argumentation scheme of the claim's link to its parent ("Argument From Expert
    #: Opinion"), as AIF files from OVA or AIFdb name it.
    scheme: str | None = None


class Expectation(NamedTuple):
    """What an exercise expects the debate to produce (checked by `argmap check`)."""

    standing: list[str] = []  # noqa: RUF012
    defeated: list[str] = []  # noqa: RUF012
    undecided: list[str] = []  # noqa: RUF012
    verdict: Verdict | None = None
    min_strength: dict[str, float] = {}  # noqa: RUF012
    max_strength: dict[str, float] = {}  # noqa: RUF012
    robust: bool | None = None


class Debate(NamedTuple):
    """A debate file: a motion and the claims for and against it."""

    title: str
    motion: str
    version: int = FORMAT_VERSION
    id: str | None = None
    summary: str | None = None
    tags: list[str] = []  # noqa: RUF012
    sources: list[Source] = []  # noqa: RUF012
    pro: list[Claim] = []  # noqa: RUF012
    con: list[Claim] = []  # noqa: RUF012
    expect: Expectation | None = None
    semantics: SemanticsName | None = None


#: Field names per record, in the order files usually give them (for "did you mean"
#: suggestions on unknown keys, and for completion in editors).
FIELDS: dict[str, tuple[str, ...]] = {
    "debate": (
        "version",
        "id",
        "title",
        "motion",
        "summary",
        "semantics",
        "tags",
        "sources",
        "pro",
        "con",
        "expect",
    ),
    "claim": Claim._fields,
    "source": Source._fields,
    "expect": Expectation._fields,
}

_RECORDS = (Debate, Claim, Source, Expectation)


def to_data(
    record: Debate | Claim | Source | Expectation,
    *,
    include: set[str] | frozenset[str] | None = None,
    exclude: set[str] | frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """A record as plain JSON-ready data, fields with their default value left out.

    Nested records and lists of them are converted the same way; kinds become their text.
    `include` keeps only the named top-level fields, `exclude` drops them.
    """
    defaults = type(record)._field_defaults
    data: dict[str, Any] = {}
    for name in _order(record):
        if (include is not None and name not in include) or name in exclude:
            continue
        value = getattr(record, name)
        if name in defaults and value == defaults[name]:
            continue
        data[name] = _plain(value)
    return data


def _order(record: Debate | Claim | Source | Expectation) -> tuple[str, ...]:
    return FIELDS["debate"] if isinstance(record, Debate) else record._fields


def _plain(value: Any) -> Any:
    if isinstance(value, _RECORDS):
        return to_data(value)
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, StrEnum):
        return value.value
    return value


def json_schema() -> dict[str, object]:
    """The JSON Schema of the debate format, as editors and `argmap schema` use it."""
    from argmap.schema_model import json_schema as schema_of_models

    return schema_of_models()
