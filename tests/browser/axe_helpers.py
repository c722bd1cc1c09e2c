"""axe-core, run inside a page open in the test Chromium.

axe-core is vendored in `vendor/` (see its README): the tests need no network and no npm.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
#: The impacts that fail a test; "minor" and "moderate" ones are reported but pass.
BLOCKING = frozenset({"serious", "critical"})

_RUN = """
var done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']}).then(function (result) {
  done(result.violations.map(function (v) {
    return {id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(function (n) { return n.target.join(' '); })};
  }));
}, function (error) { done({error: String(error)}); });
"""


def axe_violations(driver: Any) -> list[dict[str, Any]]:
    """axe-core's violations on the page open in `driver` (every rule, every impact)."""
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    driver.set_script_timeout(60)
    found = driver.execute_async_script(_RUN)
    if isinstance(found, dict):
        raise AssertionError(f"axe-core failed: {found['error']}")
    return list(found)


def blocking(violations: list[dict[str, Any]]) -> list[str]:
    """The serious and critical violations, one readable line each."""
    return [
        f"{v['id']} ({v['impact']}): {v['help']}: {', '.join(v['nodes'][:5])}"
        for v in violations
        if v["impact"] in BLOCKING
    ]
