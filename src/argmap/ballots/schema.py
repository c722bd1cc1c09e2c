"""The ballot format as a pydantic model: the source of its JSON Schema, for editors.

Ballots are read and checked by `argmap.ballots.format`, by hand; this model describes
the same format for the YAML language server (`argmap schema --ballot`).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StringConstraints

from argmap.model import SLUG_PATTERN

#: Claim ids: chosen slugs, or generated ones such as `pro.1.r2`.
_CLAIM_ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
Weight = Annotated[StrictInt, Field(ge=1, le=5)]


class Ballot(BaseModel):
    """One student's weights for the claims of one debate (claims left out keep the
    author's weight)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    debate: Annotated[str, StringConstraints(pattern=SLUG_PATTERN)] = Field(
        description="The id of the debate this ballot weighs."
    )
    by: str | None = Field(default=None, description="Who filled in the ballot.")
    weights: (
        dict[Annotated[str, StringConstraints(pattern=_CLAIM_ID_PATTERN)], Weight | None] | None
    ) = Field(
        default=None,
        description=(
            "Claim id to weight, 1 (weak) to 5 (strong); a claim left out keeps the "
            "author's weight."
        ),
    )


def ballot_json_schema() -> dict[str, object]:
    """The JSON Schema of the ballot format."""
    schema = Ballot.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
