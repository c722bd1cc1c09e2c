"""A loaded debate: the plain, immutable records the rest of argmap reads, and the format.

Loading a file (`argmap.load`) checks it against the format with `argmap.conform` and
builds these records. They are named tuples: immutable, and made fast, one per claim
of a file that may hold tens of thousands. They are also the one definition of the
format: every field declares its type, default and `Key` (description, pattern, bounds)
here, and the pydantic models of `argmap.schema_model`, the JSON Schema editors use and
the hand checker's key tables are built from them (docs/format-internals.md).

Annotations here are evaluated when the module runs, not postponed: a named tuple would
compile every postponed (string) annotation into a forward reference, a tenth of a
small command's start-up. Only a record's own name inside itself stays a string.
"""

import re
from enum import StrEnum
from typing import Annotated, Any, Literal, NamedTuple

FORMAT_VERSION: Literal[1] = 1
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
    def opposite(self) -> "Side":
        return Side.CON if self is Side.PRO else Side.PRO


#: The sides as the format spells them, pro first: the top-level keys of a debate.
SIDES: tuple[str, ...] = tuple(side.value for side in Side)


class Verdict(StrEnum):
    """Which way the motion leans, by its strength (`argmap.strength.verdict_for`)."""

    LEANS_PRO = "leans-pro"
    BALANCED = "balanced"
    LEANS_CON = "leans-con"

    @property
    def phrase(self) -> str:
        """'Leans pro', 'Balanced' or 'Leans con'."""
        return {"leans-pro": "Leans pro", "balanced": "Balanced", "leans-con": "Leans con"}[
            self.value
        ]


#: The gradual semantics a debate may be weighed with (`argmap.gradual`), default first.
SemanticsName = Literal["quadratic-energy", "df-quad", "max-based"]


class Key(NamedTuple):
    """What the format says of one key, beyond its Python type: the one place it is said.

    Each record field below is `Annotated[type, Key(...)]`. The pydantic models of
    `argmap.schema_model` (and so the JSON Schema) are built from these declarations, and
    `argmap.conform` checks keys it has no code of its own for by them: adding an optional
    key to a record is the whole change (see docs/format-internals.md).
    """

    description: str | None = None
    #: Text (or every text of a list) must match this regular expression.
    pattern: str | None = None
    #: Text must hold more than white space.
    not_blank: bool = False
    #: Bounds of a number, or of every number a mapping holds.
    ge: float | None = None
    le: float | None = None


_SLUGS = Key(pattern=SLUG_PATTERN)


class Source(NamedTuple):
    """A document the debate's claims cite."""

    id: Annotated[str, Key("Slug that claims use in their `sources` list.", SLUG_PATTERN)]
    title: Annotated[str, Key("Title of the document.", not_blank=True)]
    url: Annotated[str | None, Key("Where the document can be found.")] = None
    note: Annotated[str | None, Key("What the document is.")] = None


class Claim(NamedTuple):
    """A claim, with the rebuttals that attack it and the support that backs it.

    List fields default to a shared empty list: never mutate a record's lists.
    """

    text: Annotated[str, Key("The claim, in one or two sentences.", not_blank=True)]
    id: Annotated[
        str | None,
        Key("Unique slug; needed only where something refers to this claim.", SLUG_PATTERN),
    ] = None
    kind: Annotated[Kind, Key("claim, evidence or proposal.")] = Kind.CLAIM
    sources: Annotated[list[str], Key("Ids of the debate's sources.", SLUG_PATTERN)] = []  # noqa: RUF012 - records are never mutated
    tags: Annotated[list[str], Key("Free slugs for filtering.", SLUG_PATTERN)] = []  # noqa: RUF012
    note: Annotated[str | None, Key("A longer explanation.")] = None
    # Strict: YAML's `true` is not the weight 1, and `1` or 'yes' is not `undercut: true`.
    weight: Annotated[
        int | None, Key("How strong the author judges the claim, 1 to 5.", ge=1, le=5)
    ] = None
    undercut: Annotated[
        bool,
        Key(
            "On a rebuttal: it attacks the inference from its parent to what the parent "
            "answers, not the parent's truth."
        ),
    ] = False
    rebuttals: Annotated[list["Claim"], Key("Claims attacking this one.")] = []  # noqa: RUF012
    support: Annotated[list["Claim"], Key("Claims backing this one.")] = []  # noqa: RUF012
    also_rebuts: Annotated[
        list[str], Key("Ids of other claims this one also attacks.", SLUG_PATTERN)
    ] = []  # noqa: RUF012
    also_supports: Annotated[
        list[str], Key("Ids of other claims this one also backs.", SLUG_PATTERN)
    ] = []  # noqa: RUF012
    see: Annotated[
        list[str],
        Key("Links into other debates: `debate-id` or `debate-id:claim-id`.", SEE_PATTERN),
    ] = []  # noqa: RUF012
    #: The argumentation scheme of the claim's link to its parent ("Argument From Expert
    #: Opinion"), as AIF files from OVA or AIFdb name it.
    scheme: Annotated[
        str | None,
        Key(
            "The argumentation scheme of this claim's link to its parent, e.g. "
            "'Argument From Expert Opinion' (kept from AIF files).",
            not_blank=True,
        ),
    ] = None


class Expectation(NamedTuple):
    """What an exercise expects the debate to produce (checked by `argmap check`)."""

    standing: list[str] = []  # noqa: RUF012
    defeated: list[str] = []  # noqa: RUF012
    undecided: list[str] = []  # noqa: RUF012
    verdict: Annotated[
        Verdict | None, Key("Which way the motion should lean, by its strength.")
    ] = None
    min_strength: Annotated[
        dict[str, float],
        Key("Claim id (or `motion`) to the lowest strength (0 to 1) it should have.", ge=0, le=1),
    ] = {}  # noqa: RUF012
    max_strength: Annotated[
        dict[str, float],
        Key("Claim id (or `motion`) to the highest strength (0 to 1) it should have.", ge=0, le=1),
    ] = {}  # noqa: RUF012
    robust: Annotated[
        bool | None,
        Key("Whether no single removal and no one-step weight change should flip the verdict."),
    ] = None


class Debate(NamedTuple):
    """A debate file: a motion and the claims for and against it.

    Files give `version` and `id` first (see `FIELDS`); the rest in the order here.
    """

    title: Annotated[str, Key("Short title shown in lists and diagrams.", not_blank=True)]
    motion: Annotated[str, Key("The proposition debated.", not_blank=True)]
    version: Annotated[Literal[1], Key("Format version; only 1 exists.")] = FORMAT_VERSION
    id: Annotated[
        str | None, Key("Slug; defaults to the file name without its extension.", SLUG_PATTERN)
    ] = None
    summary: Annotated[str | None, Key("A few sentences of context.")] = None
    semantics: Annotated[
        SemanticsName | None,
        Key(
            "The gradual semantics the debate is weighed with; quadratic energy "
            "when not given (see docs/semantics.md)."
        ),
    ] = None
    tags: Annotated[list[str], _SLUGS] = []  # noqa: RUF012
    sources: list[Source] = []  # noqa: RUF012
    pro: Annotated[list[Claim], Key("Claims for the motion.")] = []  # noqa: RUF012
    con: Annotated[list[Claim], Key("Claims against the motion.")] = []  # noqa: RUF012
    expect: Annotated[
        Expectation | None, Key("Labels an exercise expects (see `argmap check`).")
    ] = None


#: Field names per record, in the order files usually give them (for "did you mean"
#: suggestions on unknown keys, for completion in editors, and the order the format's
#: models check them in).
FIELDS: dict[str, tuple[str, ...]] = {
    "debate": ("version", "id", *(f for f in Debate._fields if f not in {"version", "id"})),
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
