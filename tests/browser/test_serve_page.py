"""`argmap serve` in a real browser: the app's list of debates appears in the page."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import browser_fixture, requested_urls

__all__ = ["browser_fixture"]  # the `browser` fixture, one Chromium for this module

pytestmark = pytest.mark.browser

ARGUMENTS = Path(__file__).resolve().parents[2] / "arguments"

#: Catches the page's terminal (xterm.js draws on a canvas, so its text is not in the DOM):
#: textual-serve's client stores it as `this.terminal`; a setter on Object.prototype sees
#: that assignment, keeps the terminal where the test can read its screen, and steps aside.
CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set: function (value) {
    Object.defineProperty(this, "terminal", {
      value: value, writable: true, configurable: true, enumerable: true
    });
    if (value && value.buffer) window.__argmapTerminal = value;
  },
});
"""

SCREEN_TEXT = """
var t = window.__argmapTerminal;
if (!t) return null;
var lines = [];
var buffer = t.buffer.active;
for (var i = 0; i < buffer.length; i++) {
  var line = buffer.getLine(i);
  if (line) lines.push(line.translateToString(true));
}
return lines.join("\\n");
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[bytes], limit: float = 20) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"argmap serve exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"argmap serve did not listen on port {port}")


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`argmap serve` on a free loopback port, stopped with Ctrl+C (SIGINT) at the end."""
    pytest.importorskip("textual_serve", reason="textual-serve is not installed")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "argmap", "serve", str(ARGUMENTS), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "NO_COLOR": "1"},
    )
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}/", process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def screen_text(browser: Any, limit: float = 30) -> str:
    """The terminal's screen once it shows the debates (or whatever it shows at the limit).

    Rows fill in as each debate loads in the background, so this waits for the first
    and the last rows alike.
    """
    deadline = time.monotonic() + limit
    text = ""
    while time.monotonic() < deadline:
        text = browser.execute_script(SCREEN_TEXT) or ""
        if "Brain drain" in text and "National sovereignty" in text:
            return str(text)
        time.sleep(0.2)
    return str(text)


def test_the_debates_list_appears_in_the_browser(
    browser: Any, server: tuple[str, subprocess.Popen[bytes]]
) -> None:
    url, _ = server
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CATCH_TERMINAL})
    requested_urls(browser)  # forget what came before
    browser.get(url)
    text = screen_text(browser)
    assert "Brain drain and talent mobility" in text
    assert "National sovereignty" in text
    assert "Title" in text and "Motion" in text  # the table's header
    # Enter opens the map; read-only, its footer offers no switch to the editing keys.
    browser.find_element("css selector", ".xterm-helper-textarea").send_keys("\n")
    deadline = time.monotonic() + 15
    footer = text = ""
    while time.monotonic() < deadline:
        text = browser.execute_script(SCREEN_TEXT) or ""
        footer = next((line for line in reversed(text.splitlines()) if line.strip()), "")
        if "brain-drain" in text and "Filter" in footer:  # the map of the first debate
            break
        time.sleep(0.2)
    assert "brain-drain" in text and "f Filter" in footer
    assert "i Edit" not in footer  # shown when edits are allowed
    assert "x Export" not in footer  # it would write files on the server
    # Everything the page asked for came from the served address: its script, its style,
    # its font and its websocket; nothing from the internet (a classroom may be offline).
    asked = requested_urls(browser)
    served = url.removeprefix("http://")
    for what in (f"ws://{served}ws?", f"{url}static/js/", f"{url}static/fonts/RobotoMono"):
        assert any(u.startswith(what) for u in asked), what
    outside = [u for u in asked if not u.startswith((url, f"ws://{served}", "data:"))]
    assert outside == []


def test_the_server_stops_cleanly_on_ctrl_c(server: tuple[str, subprocess.Popen[bytes]]) -> None:
    _, process = server
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=10) == 0
    assert process.stdout is not None
    output = process.stdout.read().decode("utf-8", "replace")
    assert f"argmap: serving {ARGUMENTS} (read-only) at http://127.0.0.1:" in output
    assert "Traceback" not in output
