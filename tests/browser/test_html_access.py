"""The exported pages pass axe-core in every theme: landmarks, headings, names, contrast,
no control inside another; the diagram points to its text alternative, the outline."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from axe_helpers import AXE, BLOCKING, axe_violations, blocking
from browser_helpers import browser_fixture
from html_sites import bundled_site_fixture

from argmap.export import dot_available
from argmap.export.dot import THEMES

# The `browser` fixture, one Chromium for this module, and the pages of every theme.
__all__ = ["browser_fixture", "bundled_site_fixture"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not dot_available(), reason="Graphviz `dot` is not installed"),
]


@pytest.fixture(scope="module")
def sites(bundled_site: Callable[[str], Path]) -> dict[str, Path]:
    """The bundled debates and their index, exported in each theme."""
    return {theme: bundled_site(theme) for theme in THEMES}


def test_axe_core_is_there() -> None:
    # Vendored, so never skipped: a missing copy fails here, on CI as anywhere.
    assert AXE.is_file(), f"{AXE} is missing (see tests/browser/vendor/README.md)"


@pytest.mark.parametrize("theme", sorted(THEMES))
# One debate leaning con and one leaning pro, so both sides' colours are read.
@pytest.mark.parametrize("page", ["brain-drain.html", "equity-access.html", "index.html"])
def test_pages_have_no_serious_accessibility_violation(
    browser: Any, sites: dict[str, Path], theme: str, page: str
) -> None:
    browser.get((sites[theme] / page).as_uri())
    violations = axe_violations(browser)
    assert blocking(violations) == []


def test_axe_finds_what_it_should(browser: Any, sites: dict[str, Path]) -> None:
    # The check can fail: grey text on grey, and a link inside a summary, are reported.
    browser.get((sites["light"] / "brain-drain.html").as_uri())
    browser.execute_script(
        "var s = document.querySelector('#outline summary');"
        "var a = document.createElement('a'); a.href = '#x'; a.textContent = 'inner';"
        "s.appendChild(a);"
        "document.querySelector('.why').style.color = '#BBBBBB';"
    )
    expected = ["color-contrast", "nested-interactive"]
    found = {v["id"] for v in axe_violations(browser, expected) if v["impact"] in BLOCKING}
    assert found == set(expected)


def test_the_diagram_is_described_by_text(browser: Any, sites: dict[str, Path]) -> None:
    browser.get((sites["light"] / "brain-drain.html").as_uri())
    svg = browser.find_element("css selector", "#viewport svg")
    assert svg.get_attribute("role") == "img"
    note = browser.find_element("id", svg.get_attribute("aria-describedby"))
    assert "outline" in note.get_attribute("textContent")
    landmarks = [e.tag_name for e in browser.find_elements("css selector", "header, main, footer")]
    assert landmarks == ["header", "main", "footer"]
    assert len(browser.find_elements("css selector", "h1")) == 1
