"""A command line that names a command registers that command's module alone."""

from __future__ import annotations

import argparse
import importlib

import pytest

from argmap.cli import COMMAND_MODULE, COMMAND_MODULES, build_parser, main


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def test_every_command_module_is_listed() -> None:
    assert set(COMMAND_MODULE.values()) <= set(COMMAND_MODULES)


def test_every_command_has_its_fast_path() -> None:
    # A command missing from COMMAND_MODULE works, but pays for building every parser.
    assert set(_commands(build_parser())) == set(COMMAND_MODULE)


@pytest.mark.parametrize("command", sorted(COMMAND_MODULE))
def test_the_listed_module_registers_the_command(command: str) -> None:
    parser = argparse.ArgumentParser(prog="argmap")
    subparsers = parser.add_subparsers(dest="command")
    importlib.import_module(COMMAND_MODULE[command]).register(subparsers)
    assert command in _commands(parser)


@pytest.mark.parametrize("command", sorted(COMMAND_MODULE))
def test_a_command_alone_parses_and_helps_as_with_every_command(command: str) -> None:
    alone = _commands(build_parser([command]))
    every = _commands(build_parser())
    assert set(every) >= set(alone) >= {command}
    assert alone[command].format_help() == every[command].format_help()


def test_anything_else_gets_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert set(_commands(build_parser(["--help"]))) == set(_commands(build_parser()))
    assert main(["no-such-command"]) == 2
    error = capsys.readouterr().err
    assert "invalid choice: 'no-such-command'" in error
    assert "validate" in error and "export" in error
