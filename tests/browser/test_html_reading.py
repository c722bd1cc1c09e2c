"""The exported page read in a 1280x800 window: it opens on the motion and its claims at a
size one can read, the whole map is one click away, a claim picked in the outline (by
mouse or by keyboard) is brought into view readable, and without JavaScript the diagram is
shown whole."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import (
    CHROMEDRIVER,
    browser_fixture,
    chrome_options,
    console_errors,
    missing_browser,
    set_screen,
)
from html_sites import ARGUMENTS, bundled_site_fixture

from argmap.export import dot_available

# The `browser` fixture, one Chromium for this module, and the exported pages.
__all__ = ["browser_fixture", "bundled_site_fixture"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not dot_available(), reason="Graphviz `dot` is not installed"),
]

#: The smallest text, in CSS pixels, that the page may open a box at.
READABLE_PX = 12

#: The rendered size of a box's main (largest) text, in CSS pixels.
FONT_PX = """
var node = document.getElementById('claim-' + arguments[0]);
var size = 0;
node.querySelectorAll('text').forEach(function (t) {
  var px = parseFloat(t.getAttribute('font-size')) * t.getScreenCTM().a;
  if (px > size) size = px;
});
return size;
"""
#: How much of a box's rectangle lies inside the diagram's pane (1: all of it).
INSIDE = """
var r = document.getElementById('claim-' + arguments[0]).getBoundingClientRect();
var p = document.getElementById('viewport').getBoundingClientRect();
var w = Math.max(0, Math.min(r.right, p.right) - Math.max(r.left, p.left));
var h = Math.max(0, Math.min(r.bottom, p.bottom) - Math.max(r.top, p.top));
return (w * h) / (r.width * r.height);
"""
TOP_LEVEL = (
    "return Array.from(document.querySelectorAll('ul.tree > li[data-claim]'))"
    ".map(function (e) { return e.dataset.claim; })"
)
ALL_CLAIMS = (
    "return Array.from(document.querySelectorAll('#outline [data-claim]'))"
    ".map(function (e) { return e.dataset.claim; })"
)


@pytest.fixture(scope="module")
def site(bundled_site: Callable[[str], Path]) -> Path:
    return bundled_site("light")


def font_px(browser: Any, claim_id: str) -> float:
    return float(browser.execute_script(FONT_PX, claim_id))


def inside(browser: Any, claim_id: str) -> float:
    return float(browser.execute_script(INSIDE, claim_id))


def shown(browser: Any, claim_ids: list[str]) -> list[str]:
    return [c for c in claim_ids if inside(browser, c) > 0.99]


@pytest.mark.parametrize("theme", ["light", "slides"])
@pytest.mark.parametrize("debate", ["brain-drain", "international-collaboration"])
def test_the_page_opens_on_the_motion_and_its_claims_readable(
    browser: Any, bundled_site: Callable[[str], Path], debate: str, theme: str
) -> None:
    # The slides theme's 16:9 drawing too: the page draws every theme at its natural size.
    browser.get((bundled_site(theme) / f"{debate}.html").as_uri())
    assert console_errors(browser) == []
    top = browser.execute_script(TOP_LEVEL)
    assert inside(browser, "motion") > 0.99
    visible = shown(browser, top)
    assert visible, "no top-level claim in view"
    assert all(font_px(browser, c) >= READABLE_PX for c in ["motion", *visible])
    # The whole map is one click away, and then every box is in view.
    browser.find_element("id", "zoom-fit").click()
    every = browser.execute_script(ALL_CLAIMS)
    assert shown(browser, every) == every
    # ... and back.
    browser.find_element("id", "zoom-start").click()
    assert shown(browser, top) == visible


def test_a_claim_picked_in_the_outline_is_brought_into_view_readable(
    browser: Any, site: Path
) -> None:
    browser.get((site / "brain-drain.html").as_uri())
    browser.find_element("id", "zoom-fit").click()
    claim = "defined-periods"
    assert font_px(browser, claim) < READABLE_PX  # the whole map is too small to read
    browser.find_element("css selector", f"#o-{claim} > .text").click()
    assert inside(browser, claim) > 0.99
    assert font_px(browser, claim) >= READABLE_PX
    # A claim far from it, picked next, comes into view in its turn.
    far = "circulation"
    browser.find_element("css selector", f"#o-{far} > .text").click()
    assert inside(browser, far) > 0.99
    assert font_px(browser, far) >= READABLE_PX


def test_the_outline_works_from_the_keyboard(browser: Any, site: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    browser.get((site / "brain-drain.html").as_uri())
    claim = "siphons-talent"
    # Tab from the motion's text reaches the first claims' links in order.
    browser.find_element("css selector", "#o-motion > .text").send_keys("")
    focus = browser.switch_to.active_element
    assert focus.get_attribute("class") == "text"
    keys = ActionChains(browser)
    for _ in range(40):
        keys.send_keys(Keys.TAB).perform()
        focus = browser.switch_to.active_element
        owner = browser.execute_script(
            "var o = arguments[0].closest('[data-claim]'); return o && o.dataset.claim", focus
        )
        if owner == claim and focus.tag_name == "a":
            break
    else:
        pytest.fail(f"Tab never reached the text of {claim}")
    entry = browser.find_element("id", f"o-{claim}")
    assert "current" not in (entry.get_attribute("class") or "")
    keys.send_keys(Keys.ENTER).perform()
    assert "current" in (entry.get_attribute("class") or "").split()
    assert inside(browser, claim) > 0.99
    assert browser.current_url.endswith(".html")  # selected, not jumped to an anchor
    # The next Tab reaches the fold of its replies; Enter folds them away.
    keys.send_keys(Keys.TAB).perform()
    assert browser.switch_to.active_element.tag_name == "summary"
    child = browser.find_element("id", "o-defined-periods")
    assert child.is_displayed()
    keys.send_keys(Keys.ENTER).perform()
    assert not child.is_displayed()


@pytest.fixture(scope="module")
def no_script_browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A Chromium with JavaScript turned off in its settings (its profile in a temporary
    folder pytest removes)."""
    reason = missing_browser()
    if reason is not None:
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = chrome_options(str(tmp_path_factory.mktemp("no-script-profile")))
    options.add_experimental_option(
        "prefs", {"profile.managed_default_content_settings.javascript": 2}
    )
    with webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options) as driver:
        set_screen(driver)
        yield driver


@pytest.mark.parametrize("theme", ["light", "slides"])
def test_without_javascript_the_diagram_is_shown_whole(
    no_script_browser: Any, bundled_site: Callable[[str], Path], theme: str
) -> None:
    browser = no_script_browser
    browser.get((bundled_site(theme) / "brain-drain.html").as_uri())
    # The page's own script did not run (WebDriver's still does).
    assert browser.execute_script("return document.documentElement.className") == ""
    assert not browser.find_element("id", "zoom-fit").is_displayed()
    every = browser.execute_script(ALL_CLAIMS)
    assert len(every) > 30
    assert shown(browser, every) == every


def test_the_movers_chart_draws_raising_claims_right_and_lowering_ones_left(
    browser: Any, site: Path
) -> None:
    from argmap.load import load_file
    from argmap.reading import short_text

    browser.get((site / "brain-drain.html").as_uri())
    graph = load_file(ARGUMENTS / "brain-drain.yaml").graph
    rows = browser.find_elements("css selector", "table.movers tbody tr")
    assert len(rows) >= 2
    ids = set(graph.nodes)
    for row in rows:
        name = row.find_element("css selector", "th").text
        assert name not in ids  # named by text, not by id
        axis = row.find_element("css selector", ".axis").rect
        bar = row.find_element("css selector", ".bar").rect
        amount = row.find_element("css selector", ".amount").text
        assert bar["width"] > 0
        if amount.startswith("raises"):
            assert abs(bar["x"] - axis["x"]) <= 1.5  # starts at the axis, grows right
        else:
            assert amount.startswith("lowers")
            assert abs(bar["x"] + bar["width"] - axis["x"]) <= 1.5  # ends at the axis
    first = rows[0].find_element("css selector", "th a")
    claim = (first.get_attribute("href") or "").rsplit("#o-", 1)[1]
    assert first.text.rstrip("…").split()[0] in short_text(graph.nodes[claim].text)
    # A mover's name picks its claim like the outline does.
    first.click()
    assert "current" in (browser.find_element("id", f"o-{claim}").get_attribute("class") or "")
    assert inside(browser, claim) > 0.99
    # The band spans the range written under the bar, and the mark sits inside it.
    band = browser.find_element("css selector", ".balance-bar .band").rect
    mark = browser.find_element("css selector", ".balance-bar .mark").rect
    assert band["x"] <= mark["x"] + mark["width"] / 2 <= band["x"] + band["width"]
    caption = browser.find_element("css selector", "figure.balance figcaption").text
    assert re.search(r"strength 0\.\d\d\. Band: with all weights moved one step together", caption)
