"""Take the screenshots in docs/ (1280x800, headless Chromium): the HTML export and `argmap serve`.

    .venv/bin/python docs/web_screenshots.py            # all of them
    .venv/bin/python docs/web_screenshots.py --html     # the exported pages only

Needs Debian's chromium and chromium-driver, Graphviz, and `pip install -e '.[test]'`.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.keys import Keys

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from browser_helpers import CHROMEDRIVER, chrome_options, set_screen  # noqa: E402


def browser(profile: str) -> Any:
    """Chromium set up as the browser tests set it up, at the screenshots' 1280x800."""
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=chrome_options(profile))
    set_screen(driver)
    return driver


def html_page(driver: Any, folder: Path) -> None:
    """The exported pages: the dual-use page as it opens, with its verdict drawn beside the
    diagram; the brain-drain page after picking a claim in the outline; the index."""
    debate = ROOT / "arguments"
    subprocess.run(
        [sys.executable, "-m", "argmap", "export", str(debate), "-f", "html", "-o", f"{folder}/"],
        check=True,
    )
    driver.get((folder / "dual-use-security.html").as_uri())
    time.sleep(0.5)  # let the page settle before scrolling its outline
    driver.execute_script("document.querySelector('#o-motion figure.balance').scrollIntoView()")
    driver.save_screenshot(str(DOCS / "verdict-page.png"))
    driver.get((folder / "brain-drain.html").as_uri())
    entry = driver.find_element("css selector", "#o-balanced-exchange > .text")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", entry)
    entry.click()
    driver.save_screenshot(str(DOCS / "html-export.png"))
    driver.get((folder / "index.html").as_uri())
    driver.save_screenshot(str(DOCS / "verdict-index.png"))


def served_app(driver: Any) -> None:
    """`argmap serve` with the map of one debate open."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "argmap", "serve", str(ROOT / "arguments"), "--port", str(port)],
        stdout=subprocess.DEVNULL,
    )
    try:
        time.sleep(2)
        driver.get(f"http://127.0.0.1:{port}/")
        time.sleep(5)
        keys = driver.find_element("css selector", ".xterm-helper-textarea")
        keys.send_keys("\n")
        time.sleep(2)
        keys.send_keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_RIGHT)
        time.sleep(2)
        driver.save_screenshot(str(DOCS / "serve.png"))
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=20)


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        driver = browser(str(Path(temp) / "profile"))
        try:
            html_page(driver, Path(temp) / "site")
            if "--html" not in sys.argv[1:]:
                served_app(driver)
        finally:
            driver.quit()


if __name__ == "__main__":
    main()
