"""argmap's shortcut for quoting DOT values gives what graphviz's `quote` gives."""

from __future__ import annotations

import graphviz
import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.export.dot import quick_quote

QUOTE = graphviz.quoting.quote.__wrapped__  # type: ignore[attr-defined]
quote = quick_quote(QUOTE)
# graphviz warns about a value ending in an odd number of backslashes; both sides agree.
pytestmark = pytest.mark.filterwarnings("ignore::graphviz.exceptions.DotSyntaxWarning")


@pytest.mark.parametrize(
    "value",
    [
        "claim-pro.1.r2",
        "pro.1 (standing)",
        "_x-y",
        "node",
        "Edge",
        "n0001",
        "-4.2",
        ".42",
        "",
        "a b\\",
        'say "no"',
        "<<B>x</B>>",
        "abc\n",
        "ab-c\n",
        "é-x",
        "x\\\\-y",
        "#1A1A1A",
        "filled,bold",
        "0.25,0.12",
    ],
)
def test_known_values(value: str) -> None:
    assert quote(value) == QUOTE(value)


@given(st.text(alphabet=st.sampled_from('aZ_é9.- "\\<>\n,#'), max_size=12))
def test_any_value(value: str) -> None:
    assert quote(value) == QUOTE(value)


def test_ids_and_tooltips_take_the_shortcut() -> None:
    calls: list[str] = []

    def fallback(value: str) -> str:
        calls.append(value)
        return str(QUOTE(value))

    shortcut = quick_quote(fallback)
    assert shortcut("claim-con.3.s1") == '"claim-con.3.s1"'
    assert shortcut("con.3.s1 (defeated)") == '"con.3.s1 (defeated)"'
    assert calls == []
    assert shortcut("n0001") == "n0001"
    assert calls == ["n0001"]
