"""Shared test fixtures (write a debate file and load it), and no silent skips in CI.

Under `CI=true` a skipped test fails the run: a test skips when something it needs is
missing (Graphviz's dot, python-pptx, pypdf, Chromium and chromedriver, textual-serve), and
on CI that means the machine is not set up, not that the test may be left out. `.ci/run`
installs all of it; the platform skips (Windows, no named pipes) never fire on its Linux.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable, Generator
from pathlib import Path

import pytest
from _pytest.reports import CollectReport, TestReport

from argmap.load import LoadedDebate, load_file


@pytest.fixture
def write_debate(tmp_path: Path) -> Callable[..., Path]:
    """Write YAML (dedented) to tmp_path/NAME and return the path."""

    def write(text: str, name: str = "debate.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture
def load_debate(write_debate: Callable[..., Path]) -> Callable[..., LoadedDebate]:
    """Write YAML and load it."""

    def load(text: str, name: str = "debate.yaml") -> LoadedDebate:
        return load_file(write_debate(text, name))

    return load


def on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def _skip_reason(report: CollectReport | TestReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr)


def _fail_on_ci(report: CollectReport | TestReport) -> None:
    if on_ci() and report.skipped and not hasattr(report, "wasxfail"):
        reason = _skip_reason(report)
        report.outcome = "failed"
        report.longrepr = f"skipped under CI=true, which must run every test: {reason}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, TestReport, TestReport]:
    report = yield
    _fail_on_ci(report)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(
    collector: pytest.Collector,
) -> Generator[None, CollectReport, CollectReport]:
    report = yield
    _fail_on_ci(report)  # a module-level importorskip
    return report
