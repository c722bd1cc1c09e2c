"""The debate file format (version 1) as pydantic models: its reference description.

The JSON Schema that editors use for completion is generated from these models
(`argmap schema`). Loading does not use them: `argmap.conform` checks files by hand and
builds the plain records of `argmap.model`, which starts several times faster than
building pydantic's validators. A property test (`tests/test_conform.py`) feeds both the
same random documents and requires the same result and the same errors, so these models
stay the definition the loader is held to.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    field_validator,
)

from argmap.model import SEE_PATTERN, SLUG_PATTERN, Kind

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
#: A `see` reference: `debate-id` or `debate-id:claim-id`.
SeeRef = Annotated[str, StringConstraints(pattern=SEE_PATTERN)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def _not_blank_if_given(value: str | None) -> str | None:
    return None if value is None else _not_blank(value)


class Source(_Strict):
    """A document the debate's claims cite."""

    id: Slug = Field(description="Slug that claims use in their `sources` list.")
    title: str = Field(description="Title of the document.")
    url: str | None = Field(default=None, description="Where the document can be found.")
    note: str | None = Field(default=None, description="What the document is.")

    _title_not_blank = field_validator("title")(_not_blank)


class Claim(_Strict):
    """A claim, with the rebuttals that attack it and the support that backs it."""

    text: str = Field(description="The claim, in one or two sentences.")
    id: Slug | None = Field(
        default=None,
        description="Unique slug; needed only where something refers to this claim.",
    )
    kind: Kind = Field(default=Kind.CLAIM, description="claim, evidence or proposal.")
    sources: list[Slug] = Field(default_factory=list, description="Ids of the debate's sources.")
    tags: list[Slug] = Field(default_factory=list, description="Free slugs for filtering.")
    note: str | None = Field(default=None, description="A longer explanation.")
    # Strict: YAML's `true` is not the weight 1, and `1` or 'yes' is not `undercut: true`.
    weight: StrictInt | None = Field(
        default=None, ge=1, le=5, description="How strong the author judges the claim, 1 to 5."
    )
    undercut: StrictBool = Field(
        default=False,
        description=(
            "On a rebuttal: it attacks the inference from its parent to what the parent "
            "answers, not the parent's truth."
        ),
    )
    rebuttals: list[Claim] = Field(default_factory=list, description="Claims attacking this one.")
    support: list[Claim] = Field(default_factory=list, description="Claims backing this one.")
    also_rebuts: list[Slug] = Field(
        default_factory=list, description="Ids of other claims this one also attacks."
    )
    also_supports: list[Slug] = Field(
        default_factory=list, description="Ids of other claims this one also backs."
    )
    see: list[SeeRef] = Field(
        default_factory=list,
        description="Links into other debates: `debate-id` or `debate-id:claim-id`.",
    )
    scheme: str | None = Field(
        default=None,
        description=(
            "The argumentation scheme of this claim's link to its parent, e.g. "
            "'Argument From Expert Opinion' (kept from AIF files)."
        ),
    )

    _text_not_blank = field_validator("text")(_not_blank)
    _scheme_not_blank = field_validator("scheme")(_not_blank_if_given)


Strength = Annotated[float, Field(ge=0, le=1)]


class Expectation(_Strict):
    """What an exercise expects the debate to produce (checked by `argmap check`)."""

    standing: list[str] = Field(default_factory=list)
    defeated: list[str] = Field(default_factory=list)
    undecided: list[str] = Field(default_factory=list)
    verdict: Literal["leans-pro", "balanced", "leans-con"] | None = Field(
        default=None, description="Which way the motion should lean, by its strength."
    )
    min_strength: dict[str, Strength] = Field(
        default_factory=dict,
        description="Claim id (or `motion`) to the lowest strength (0 to 1) it should have.",
    )
    max_strength: dict[str, Strength] = Field(
        default_factory=dict,
        description="Claim id (or `motion`) to the highest strength (0 to 1) it should have.",
    )
    robust: StrictBool | None = Field(
        default=None,
        description="Whether no single removal and no one-step weight change should flip "
        "the verdict.",
    )


class Debate(_Strict):
    """A debate file: a motion and the claims for and against it."""

    version: Literal[1] = Field(default=1, description="Format version; only 1 exists.")
    id: Slug | None = Field(
        default=None, description="Slug; defaults to the file name without its extension."
    )
    title: str = Field(description="Short title shown in lists and diagrams.")
    motion: str = Field(description="The proposition debated.")
    summary: str | None = Field(default=None, description="A few sentences of context.")
    semantics: Literal["quadratic-energy", "df-quad", "max-based"] | None = Field(
        default=None,
        description="The gradual semantics the debate is weighed with; quadratic energy "
        "when not given (see docs/semantics.md).",
    )
    tags: list[Slug] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    pro: list[Claim] = Field(default_factory=list, description="Claims for the motion.")
    con: list[Claim] = Field(default_factory=list, description="Claims against the motion.")
    expect: Expectation | None = Field(
        default=None, description="Labels an exercise expects (see `argmap check`)."
    )

    _title_not_blank = field_validator("title", "motion")(_not_blank)

    @field_validator("version", mode="before")
    @classmethod
    def _version_is_a_number(cls, value: object) -> object:
        # `true` equals 1 in Python; the format's version is the number 1, not a flag.
        if isinstance(value, bool):
            raise ValueError("must be the number 1")
        return value


def json_schema() -> dict[str, object]:
    """The JSON Schema of the debate format, as editors and `argmap schema` use it."""
    schema = Debate.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
