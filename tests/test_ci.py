"""CI runs exactly the test command the README gives."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import REPO


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.+?)\n```", readme)
    test_command = next(c for c in commands if "pytest" in c)
    ci_lines = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci_lines


TOOL_TESTS = """\
import shutil

import pytest


@pytest.mark.skipif(shutil.which("argmap-no-such-tool") is None, reason="needs the tool")
def test_marked() -> None:
    pass


def test_inside() -> None:
    if shutil.which("argmap-no-such-tool") is None:
        pytest.skip("needs the tool")


@pytest.mark.xfail(reason="a known bug is not a missing tool")
def test_known_bug() -> None:
    raise AssertionError
"""


def _run_tiny_suite(tmp_path: Path, ci: str) -> subprocess.CompletedProcess[str]:
    """The project's conftest over a few tests that skip for a missing (fake) tool."""
    for name in ("conftest.py", "helpers.py"):
        shutil.copy(REPO / "tests" / name, tmp_path / name)
    (tmp_path / "test_tool.py").write_text(TOOL_TESTS, encoding="utf-8")
    (tmp_path / "test_module_skip.py").write_text(
        'import pytest\n\npytest.importorskip("argmap_no_such_module")\n\n\n'
        "def test_never() -> None:\n    pass\n",
        encoding="utf-8",
    )
    # Only the project's conftest: the installed plugins (Textual's snapshots, pygls's
    # client, Hypothesis, ...) take seconds to import and play no part in a skip.
    env = {**os.environ, "CI": ci, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    command = [sys.executable, "-m", "pytest", "-q", "-rA", "-p", "no:cacheprovider"]
    command += ["--continue-on-collection-errors"]
    command.append(str(tmp_path))
    return subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)


def test_a_skip_for_a_missing_tool_fails_under_ci(tmp_path: Path) -> None:
    done = _run_tiny_suite(tmp_path, "true")
    assert done.returncode != 0, done.stdout
    assert "skipped under CI=true" in done.stdout
    assert "test_module_skip.py" in done.stdout  # a module-level importorskip too
    assert "XFAIL" in done.stdout  # an expected failure is not a skip


def test_a_skip_for_a_missing_tool_is_a_skip_elsewhere(tmp_path: Path) -> None:
    done = _run_tiny_suite(tmp_path, "")
    assert done.returncode == 0, done.stdout
    assert "3 skipped, 1 xfailed" in done.stdout
