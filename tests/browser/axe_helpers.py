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
var options = {resultTypes: ['violations']};
if (arguments[0]) options.runOnly = {type: 'rule', values: arguments[0]};
axe.run(document, options).then(function (result) {
  done(result.violations.map(function (v) {
    return {id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(function (n) { return n.target.join(' '); })};
  }));
}, function (error) { done({error: String(error)}); });
"""


def axe_violations(driver: Any, rules: list[str] | None = None) -> list[dict[str, Any]]:
    """axe-core's violations on the page open in `driver`, of every impact: by every rule,
    or by only the `rules` named (a full run on a big page takes seconds)."""
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    driver.set_script_timeout(60)
    found = driver.execute_async_script(_RUN, rules)
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
