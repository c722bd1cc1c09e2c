"""The exported HTML page in a real browser: it loads cleanly, links outline and diagram,
searches, shows hostile text literally and fetches nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser_helpers import browser_fixture, console_errors, requested_urls

from argmap.cli import main
from argmap.export import dot_available

__all__ = ["browser_fixture"]  # the `browser` fixture, one Chromium for this module

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not dot_available(), reason="Graphviz `dot` is not installed"),
]

ARGUMENTS = Path(__file__).resolve().parents[2] / "arguments"

#: Claim text that would run script, load an image or end the page if it were not escaped.
HOSTILE_TEXT = (
    "</script><script>window.pwned = 1</script>"
    '<img src="http://example.invalid/x.png" onerror="window.pwned = 2"> [b]not bold[/b]'
)
HOSTILE = f"""\
version: 1
id: hostile
title: "<script>window.pwned = 3</script>Hostile"
motion: "<svg onload='window.pwned = 4'></svg> A motion."
pro:
  - id: p-a
    text: '{HOSTILE_TEXT}'
con:
  - id: c-a
    text: "<style>body {{ display: none }}</style> Against."
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Pages for the bundled debates and a hostile one, with their index."""
    hostile = tmp_path_factory.mktemp("debates") / "hostile.yaml"
    hostile.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path_factory.mktemp("site")
    args = ["export", str(ARGUMENTS), str(hostile), "--format", "html", "--out", f"{out}/"]
    assert main(args) == 0
    return out


def open_page(browser: Any, page: Path) -> None:
    console_errors(browser)  # empty the logs of earlier pages
    requested_urls(browser)
    browser.get(page.as_uri())


def outline_entry(browser: Any, claim_id: str) -> Any:
    return browser.find_element("id", f"o-{claim_id}")


def node_classes(browser: Any, claim_id: str) -> str:
    return str(
        browser.execute_script(
            "return document.getElementById(arguments[0]).getAttribute('class')",
            f"claim-{claim_id}",
        )
    )


def test_the_page_loads_without_errors_and_fetches_nothing(browser: Any, site: Path) -> None:
    page = site / "brain-drain.html"
    open_page(browser, page)
    assert browser.title == "Brain drain and talent mobility · argmap"
    assert browser.find_element("css selector", "#viewport svg").is_displayed()
    assert console_errors(browser) == []
    assert requested_urls(browser) == [page.as_uri()]


def test_the_outline_expands_and_collapses(browser: Any, site: Path) -> None:
    open_page(browser, site / "brain-drain.html")
    entry = outline_entry(browser, "siphons-talent")
    child = outline_entry(browser, "defined-periods")
    assert child.is_displayed()
    entry.find_element("css selector", ":scope > details > summary").click()
    assert not child.is_displayed()
    entry.find_element("css selector", ":scope > details > summary").click()
    assert child.is_displayed()
    browser.find_element("id", "collapse-all").click()
    assert not child.is_displayed()
    assert outline_entry(browser, "siphons-talent").is_displayed()  # top level stays
    browser.find_element("id", "expand-all").click()
    assert child.is_displayed()


def test_clicking_a_claim_in_the_outline_highlights_its_node(browser: Any, site: Path) -> None:
    open_page(browser, site / "brain-drain.html")
    assert "hit" not in node_classes(browser, "defined-periods")
    link = outline_entry(browser, "defined-periods").find_element("css selector", ".text")
    link.click()
    assert "hit" in node_classes(browser, "defined-periods").split()
    entry = outline_entry(browser, "defined-periods")
    assert "current" in (entry.get_attribute("class") or "").split()
    # The branch stays open: selecting a claim is not toggling it.
    assert outline_entry(browser, "defined-periods").is_displayed()
    assert browser.current_url.endswith(".html")  # no jump to an anchor


def test_clicking_a_node_selects_its_claim_in_the_outline(browser: Any, site: Path) -> None:
    open_page(browser, site / "brain-drain.html")
    browser.find_element("id", "collapse-all").click()
    assert not outline_entry(browser, "defined-periods").is_displayed()
    browser.find_element("id", "zoom-fit").click()
    # Click the node's box through the page, as a reader would.
    browser.execute_script(
        "var r = document.getElementById('claim-defined-periods').getBoundingClientRect();"
        "var target = document.elementFromPoint(r.left + r.width / 2, r.top + 4);"
        "target.dispatchEvent(new MouseEvent('click', {bubbles: true, clientX: r.left,"
        " clientY: r.top}));"
    )
    entry = outline_entry(browser, "defined-periods")
    assert "current" in (entry.get_attribute("class") or "").split()
    assert entry.is_displayed()  # its branch was opened to show it
    assert "hit" in node_classes(browser, "defined-periods").split()


def test_search_finds_a_claim(browser: Any, site: Path) -> None:
    open_page(browser, site / "brain-drain.html")
    browser.find_element("id", "collapse-all").click()
    box = browser.find_element("id", "search")
    box.send_keys("set period")
    count = browser.find_element("id", "search-count").text
    assert count.startswith("1 claim matches")
    entry = outline_entry(browser, "defined-periods")
    assert "match" in (entry.get_attribute("class") or "").split()
    assert entry.is_displayed()
    assert "match" in node_classes(browser, "defined-periods").split()
    assert "match" not in (outline_entry(browser, "siphons-talent").get_attribute("class") or "")
    box.send_keys("\n")
    assert "hit" in node_classes(browser, "defined-periods").split()
    box.clear()
    box.send_keys("no such words anywhere")
    assert browser.find_element("id", "search-count").text == "no claim matches"


def test_hostile_text_shows_literally_and_runs_nothing(browser: Any, site: Path) -> None:
    page = site / "hostile.html"
    open_page(browser, page)
    assert browser.execute_script("return window.pwned === undefined") is True
    assert browser.title == "<script>window.pwned = 3</script>Hostile · argmap"
    text = outline_entry(browser, "p-a").find_element("css selector", ".text").text
    assert text == HOSTILE_TEXT
    assert browser.find_element("css selector", "body").is_displayed()
    # The diagram draws the same text as text.
    svg_text = browser.execute_script("return document.getElementById('claim-p-a').textContent")
    assert "window.pwned = 1" in " ".join(str(svg_text).split())
    assert browser.find_elements("css selector", "img, #outline script, #viewport script") == []
    assert requested_urls(browser) == [page.as_uri()]
    assert console_errors(browser) == []


def test_the_page_reads_without_javascript(browser: Any, site: Path) -> None:
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        open_page(browser, site / "brain-drain.html")
        assert browser.find_element("id", "search").is_displayed() is False
        assert outline_entry(browser, "defined-periods").is_displayed()
        assert browser.find_element("css selector", "#viewport svg").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_the_index_lists_the_debates_with_their_verdicts(browser: Any, site: Path) -> None:
    open_page(browser, site / "index.html")
    items = browser.find_elements("css selector", "ul.debates li")
    assert len(items) == len(list(ARGUMENTS.glob("*.yaml"))) + 1
    first = items[0]
    assert "Brain drain and talent mobility" in first.text
    from argmap.load import load_file
    from argmap.verdict import debate_verdict

    verdict = debate_verdict(load_file(ARGUMENTS / "brain-drain.yaml").graph)
    assert f"{verdict.title()} — {verdict.word}" in first.text
    assert "motion is defeated" not in first.text
    assert any("<script>window.pwned = 3</script>Hostile" in item.text for item in items)
    first.find_element("css selector", "a").click()
    assert browser.title == "Brain drain and talent mobility · argmap"
