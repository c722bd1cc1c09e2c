"""`argmap check` on the verdict: the `robust_verdict` rule, and `expect: {verdict, robust}`.

Every message leads with the debate's verdict line (`argmap.verdict`), so a breach reads
as the verdict every other surface shows.
"""

from __future__ import annotations

from argmap.diagnostics import Diagnostic, error
from argmap.load import LoadedDebate
from argmap.verdict import DebateVerdict


def fragile_message(reading: DebateVerdict, loaded: LoadedDebate) -> str:
    """What flips a fragile verdict, for a breach message."""
    return (
        f"the verdict is fragile: {reading.title()}, "
        f"{reading.why_fragile(loaded.graph)}; answer or back that claim, or add claims "
        "so that no one claim decides the debate"
    )


def robust_rule(loaded: LoadedDebate, reading: DebateVerdict) -> list[Diagnostic]:
    """The breach of `robust_verdict: true`, at the top of the file, if fragile."""
    if reading.robust:
        return []
    return [
        error(
            str(loaded.path),
            loaded.positions.at(()),
            "rule-robust_verdict",
            f"rule robust_verdict: {fragile_message(reading, loaded)}",
        )
    ]


def verdict_expectations(loaded: LoadedDebate, reading: DebateVerdict) -> list[Diagnostic]:
    """Where the verdict or its robustness differs from the `expect:` block."""
    expect = loaded.debate.expect if loaded.debate is not None else None
    if expect is None:
        return []
    name = str(loaded.path)
    problems: list[Diagnostic] = []
    if expect.verdict is not None and reading.verdict.value != expect.verdict:
        problems.append(
            error(
                name,
                loaded.positions.at(("expect", "verdict")),
                "expect-verdict",
                f"expect: the verdict should be {expect.verdict} but is "
                f"{reading.verdict.value}: {reading.line(loaded.graph)}. "
                f"{reading.movers_line(loaded.graph)}",
            )
        )
    if expect.robust is not None and reading.robust != expect.robust:
        if expect.robust:
            message = f"expect: the verdict should be robust but {fragile_message(reading, loaded)}"
        else:
            message = (
                f"expect: the verdict should be fragile but is robust: {reading.title()}, and "
                "no single removal or weight step changes it"
            )
        problems.append(
            error(name, loaded.positions.at(("expect", "robust")), "expect-robust", message)
        )
    return problems
