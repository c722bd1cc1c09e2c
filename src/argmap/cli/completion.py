"""`argmap completion bash|zsh|fish`: a shell completion script, derived from the parser.

The script is generated from the same argparse parser the command uses, so a new command
or option completes without anyone editing a script by hand. Commands, options and the
choices of options (`--format svg`, `--theme dark`) complete; other words complete as
file names.
"""

from __future__ import annotations

import argparse
import shlex
from dataclasses import dataclass, field
from typing import Any

SHELLS = ("bash", "zsh", "fish")


def register(subparsers: Any) -> None:
    """Add `argmap completion`."""
    parser = subparsers.add_parser(
        "completion",
        help="print a shell completion script (bash, zsh or fish)",
        description=(
            "Print a completion script for your shell. Load it from your shell's start-up "
            'file: bash `eval "$(argmap completion bash)"` in ~/.bashrc, zsh '
            '`eval "$(argmap completion zsh)"` in ~/.zshrc, fish '
            "`argmap completion fish > ~/.config/fish/completions/argmap.fish`."
        ),
    )
    parser.add_argument("shell", choices=SHELLS, help="the shell to complete in")
    parser.set_defaults(run=run)


@dataclass
class Command:
    """One command (or `import kialo`) with what can follow it."""

    words: list[str]  # e.g. ["import", "kialo"]
    help: str
    options: dict[str, tuple[str, list[str] | None]] = field(default_factory=dict)
    subcommands: list[str] = field(default_factory=list)
    #: Its positional words are debate files or folders (`validate PATH...`).
    debates: bool = False
    #: Options that take a value (`--out FILE`): that word is any file.
    valued: list[str] = field(default_factory=list)


def _subparsers(parser: argparse.ArgumentParser) -> argparse._SubParsersAction[Any] | None:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return None


def commands(parser: argparse.ArgumentParser) -> list[Command]:
    """Every command and sub-command of `parser`, with options and their choices."""
    found: list[Command] = []
    stack: list[tuple[list[str], argparse.ArgumentParser, str]] = [([], parser, "")]
    while stack:
        words, current, help_text = stack.pop(0)
        command = Command(words, help_text)
        for action in current._actions:
            if (
                not action.option_strings
                and action.choices
                and not isinstance(action, argparse._SubParsersAction)
            ):
                # A positional with fixed choices (`completion bash`) completes like a command.
                command.subcommands.extend(str(c) for c in action.choices)
            if not action.option_strings and action.metavar == "PATH":
                command.debates = True
            if action.option_strings and action.nargs != 0:
                command.valued.extend(action.option_strings)
            for flag in action.option_strings:
                if flag.startswith("--"):
                    choices = [str(c) for c in action.choices] if action.choices else None
                    command.options[flag] = (action.help or "", choices)
        sub = _subparsers(current)
        if sub is not None:
            helps = {a.dest: a.help or "" for a in sub._choices_actions}
            for name, child in sub.choices.items():
                command.subcommands.append(name)
                stack.append(([*words, name], child, helps.get(name, "")))
        found.append(command)
    return found


def bash_script(parser: argparse.ArgumentParser) -> str:
    """A bash completion function for `argmap`."""
    cases = []
    for command in commands(parser):
        key = " ".join(command.words)
        words = command.subcommands + list(command.options)
        choice_cases = "".join(
            f"      {flag}) COMPREPLY=($(compgen -W {shlex.quote(' '.join(choices))} "
            '-- "$cur")); return;;\n'
            for flag, (_, choices) in command.options.items()
            if choices
        )
        cases.append(
            f"    {shlex.quote(key)})\n"
            f'      case "$prev" in\n{choice_cases}      esac\n'
            f"      words={shlex.quote(' '.join(words))}\n"
            f"      valued={shlex.quote(' '.join(command.valued))}\n"
            f"      debates={1 if command.debates else 0}\n"
            f"      subcommands={1 if command.subcommands else 0};;\n"
        )
    return (
        '# bash completion for argmap: eval "$(argmap completion bash)"\n'
        "_argmap() {\n"
        '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"\n'
        "  local path='' word words='' subcommands=0 debates=0 valued='' i\n"
        "  # The command so far: the words before the cursor that are not options.\n"
        "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
        '    word="${COMP_WORDS[i]}"\n'
        '    [[ "$word" == -* ]] && continue\n'
        '    case "${path:+$path }$word" in\n'
        + "".join(
            f"      {shlex.quote(' '.join(c.words))}) path={shlex.quote(' '.join(c.words))};;\n"
            for c in commands(parser)
            if c.words
        )
        + "    esac\n"
        "  done\n"
        '  case "$path" in\n' + "".join(cases) + "  esac\n"
        '  if [[ "$cur" == -* || $subcommands == 1 ]]; then\n'
        '    COMPREPLY=($(compgen -W "$words" -- "$cur"))\n'
        '  elif [[ $debates == 1 && " $valued " != *" $prev "* ]]; then\n'
        "    # Debate files and the folders that may hold them.\n"
        '    COMPREPLY=($(compgen -d -- "$cur"; compgen -f -X \'!*.yaml\' -- "$cur";'
        " compgen -f -X '!*.yml' -- \"$cur\"))\n"
        "  else\n"
        '    COMPREPLY=($(compgen -f -- "$cur"))\n'
        "  fi\n"
        "}\n"
        "complete -o filenames -o bashdefault -F _argmap argmap\n"
    )


def zsh_script(parser: argparse.ArgumentParser) -> str:
    """zsh runs the bash function through its bash-completion compatibility layer."""
    return (
        '# zsh completion for argmap: eval "$(argmap completion zsh)"\n'
        "autoload -U +X compinit && compinit\n"
        "autoload -U +X bashcompinit && bashcompinit\n" + bash_script(parser).split("\n", 1)[1]
    )


def _fish_text(text: str) -> str:
    return shlex.quote(text.replace("\n", " "))


def fish_script(parser: argparse.ArgumentParser) -> str:
    """fish `complete` lines for every command, option and choice."""
    lines = ["# fish completion for argmap: argmap completion fish | source"]
    for command in commands(parser):
        if command.words:
            seen = " ".join(command.words[:-1])
            if seen:
                condition = f"__fish_seen_subcommand_from {command.words[-2]}"
            else:
                condition = "__fish_use_subcommand"
            lines.append(
                f"complete -c argmap -f -n {shlex.quote(condition)} "
                f"-a {shlex.quote(command.words[-1])} -d {_fish_text(command.help)}"
            )
        condition = (
            f"__fish_seen_subcommand_from {command.words[-1]}"
            if command.words
            else "__fish_use_subcommand"
        )
        for flag, (help_text, choices) in command.options.items():
            extra = f" -x -a {shlex.quote(' '.join(choices))}" if choices else ""
            lines.append(
                f"complete -c argmap -n {shlex.quote(condition)} -l {flag[2:]}{extra} "
                f"-d {_fish_text(help_text)}"
            )
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    from argmap.cli import build_parser

    parser = build_parser()
    script = {"bash": bash_script, "zsh": zsh_script, "fish": fish_script}[args.shell]
    print(script(parser), end="")
    return 0
