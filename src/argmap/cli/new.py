"""`argmap new`: write a commented skeleton debate."""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from pathlib import Path
from typing import Any

from argmap.cli.common import CliError, show
from argmap.model import SLUG_RE
from argmap.output import OutputError, make_folder, write_output

SKELETON = """\
{schema_line}
# A debate for argmap. Check it with `argmap validate {where}`.
version: 1
id: {slug}
title: {title}
# The proposition debated, phrased so one can argue for or against it.
motion: Replace this with the motion, e.g. "Nations should do X."
summary: >
  A few sentences of context for students.
tags: []
# Documents the claims cite; claims list their ids under `sources`.
sources:
  - id: source-1
    title: Title of the document
    # url: https://example.org/document
pro:
  # Claims for the motion. Give an `id` to any claim something refers to.
  - id: first-pro
    text: The strongest reason to accept the motion.
    sources: [source-1]
    rebuttals:
      # Rebuttals attack the claim they sit under; they can be rebutted in turn.
      - text: The best answer to that reason.
    support:
      # Support backs the claim; kind can be claim, evidence or proposal.
      - text: A fact or figure that backs the reason.
        kind: evidence
        sources: [source-1]
con:
  # Claims against the motion.
  - id: first-con
    text: The strongest reason to reject the motion.
    # also_rebuts: [first-pro]   # a cross-link: this claim also answers another
"""


def _schema_line(
    folder: Path, name: str = "argmap.schema.json", command: str = "argmap schema"
) -> str:
    """The editor hint for the JSON Schema `name`: relative to a checkout's copy when there
    is one (only `..` and `schema/NAME`, so no folder's name gets into the comment)."""
    for parent in [folder.resolve(), *folder.resolve().parents]:
        schema = parent / "schema" / name
        if schema.is_file():
            relative = os.path.relpath(schema, folder.resolve())
            return f"# yaml-language-server: $schema={relative}"
    return (
        f"# For completion in your editor: `{command} > {name}`, then\n"
        f"# yaml-language-server: $schema={name}"
    )


def check_command_path(target: Path) -> str:
    """The written file as `argmap validate` takes it from here: the path as given, quoted
    for a shell when it needs to be, or the file's name when the path is not one line of
    printable text (it goes into a YAML comment)."""
    where = str(target)
    if not where.isprintable():
        return shlex.quote(target.name) if target.name.isprintable() else "FILE.yaml"
    return shlex.quote(where)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "new",
        help="write a commented skeleton debate file",
        description=(
            "Write DIR/SLUG.yaml, a commented skeleton debate to fill in: a motion, one "
            "source, a pro claim with a rebuttal and a support, and a con claim. Never "
            "replaces an existing file. Check it with `argmap validate`."
        ),
    )
    parser.add_argument("slug", help="the debate id, e.g. open-data (file name SLUG.yaml)")
    parser.add_argument(
        "--dir", default="arguments", help="folder to write to (default: arguments)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    slug: str = args.slug
    if not SLUG_RE.match(slug):
        raise ValueError(
            f"'{show(slug)}' is not a valid id: use lowercase letters, digits, '-' and '_'"
        )
    folder = Path(args.dir)
    target = folder / f"{slug}.yaml"
    title = slug.replace("-", " ").replace("_", " ").capitalize()
    try:
        make_folder(folder)
        text = SKELETON.format(
            slug=slug,
            title=title,
            where=check_command_path(target),
            schema_line=_schema_line(folder),
        )
        write_output(target, text.encode("utf-8"), overwrite=False, make_parents=False)
    except OutputError as exc:
        if exc.exists:
            raise CliError(
                f"{show(target)} already exists; argmap new never overwrites a file"
            ) from None
        raise CliError(exc.message) from None
    print(show(target))
    print(f"Check it with: argmap validate {show(check_command_path(target))}", file=sys.stderr)
    return 0
