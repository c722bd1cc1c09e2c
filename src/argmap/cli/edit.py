"""`argmap add`, `argmap set`, `argmap remove`: edit a debate file in place, keeping its layout."""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from argmap.cli.common import EXIT_INVALID, EXIT_OK, show
from argmap.model import Kind
from argmap.safetext import printable

if TYPE_CHECKING:  # the edit library loads only when an edit runs, so other commands start fast
    from argmap.edit import ChildRelation, Edit, FieldValue

_KINDS = [k.value for k in Kind]
#: How often an edit is made again on a file another program saved meanwhile.
_ATTEMPTS = 5
#: Words that remove the weight with `--weight`.
_NO_WEIGHT = {"", "none", "null", "-"}


def _weight(value: str) -> int | None:
    if value.strip().lower() in _NO_WEIGHT:
        return None
    if value.strip().isdigit() and 1 <= int(value) <= 5:
        return int(value)
    raise argparse.ArgumentTypeError(
        f"weight must be a whole number from 1 to 5, or 'none' to remove it, not '{value}'"
    )


def _slug_list(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the debate file to edit")
    parser.add_argument(
        "--dry-run", action="store_true", help="print the change as a diff; write nothing"
    )


def register(subparsers: Any) -> None:
    """Add `add`, `set` and `remove`."""
    add = subparsers.add_parser(
        "add",
        help="add a claim, rebuttal or support to a debate file",
        description=(
            "Add a claim to a debate file, touching only the lines it needs. Exit 0 when "
            "added, 1 when refused (the file is left untouched), 2 on usage errors."
        ),
    )
    _common(add)
    what = add.add_mutually_exclusive_group(required=True)
    what.add_argument("--rebuttal", metavar="TEXT", help="add a rebuttal of --under ID")
    what.add_argument("--support", metavar="TEXT", help="add a support of --under ID")
    what.add_argument("--pro", metavar="TEXT", help="add a top-level claim for the motion")
    what.add_argument("--con", metavar="TEXT", help="add a top-level claim against the motion")
    add.add_argument("--under", metavar="ID", help="the claim answered or backed")
    add.add_argument("--id", dest="new_id", metavar="NEW_ID", help="an id for the new claim")
    add.add_argument("--kind", choices=_KINDS, help="claim (default), evidence or proposal")
    add.set_defaults(run=run_add)

    change = subparsers.add_parser(
        "set",
        help="change a claim's text, kind, note, weight, tags or sources",
        description=(
            "Change fields of a claim, rewriting only their values. An empty value "
            "(--note '', --tags '', --sources '') removes the key; --weight none removes "
            "the weight. Exit 0 when changed, 1 when refused, 2 on usage errors."
        ),
    )
    _common(change)
    change.add_argument("claim_id", metavar="ID", help="the claim (written or generated id)")
    change.add_argument("--text", help="the claim's new text")
    change.add_argument("--kind", choices=_KINDS, help="claim, evidence or proposal")
    change.add_argument("--note", help="a longer explanation ('' removes it)")
    change.add_argument("--weight", type=_weight, default=..., help="1 to 5, or 'none'")
    change.add_argument("--tags", type=_slug_list, help="comma-separated slugs ('' clears)")
    change.add_argument("--sources", type=_slug_list, help="comma-separated source ids")
    change.set_defaults(run=run_set)

    remove = subparsers.add_parser(
        "remove",
        help="remove a claim and everything below it",
        description=(
            "Remove a claim with its rebuttals and support. Refused when other claims link "
            "to it through also_rebuts / also_supports, unless --force, which removes those "
            "links too. Exit 0 when removed, 1 when refused, 2 on usage errors."
        ),
    )
    _common(remove)
    remove.add_argument("claim_id", metavar="ID", help="the claim (written or generated id)")
    remove.add_argument(
        "--force", action="store_true", help="also remove links from other claims to it"
    )
    remove.set_defaults(run=run_remove)


def _apply(args: argparse.Namespace, change: Callable[[str, str], Edit]) -> int:
    """Read the file, run the edit, then print a diff (--dry-run) or save it."""
    from argmap.edit import EditRefused, FileChanged, read_debate_file, save

    try:
        for attempt in range(_ATTEMPTS):
            current = read_debate_file(args.file)
            edit = change(current.text, args.file)
            if not edit.changed or args.dry_run:
                break
            try:
                save(current, edit.after, validated=True)
                break
            except FileChanged:
                # Another program saved the file meanwhile: the edit names claims by id, so
                # it is made again on the new version (and validated again), never over it.
                if attempt == _ATTEMPTS - 1:
                    raise
    except EditRefused as refusal:
        for diagnostic in refusal.diagnostics:
            print(show(diagnostic.format()), file=sys.stderr)
        print(f"argmap: not changed: {show(refusal.message)}", file=sys.stderr)
        if refusal.links_block_removal:
            print("argmap: `argmap remove --force` removes those links too", file=sys.stderr)
        return EXIT_INVALID
    if args.dry_run:
        sys.stdout.writelines(
            printable(line)
            for line in difflib.unified_diff(
                edit.before.splitlines(keepends=True),
                edit.after.splitlines(keepends=True),
                fromfile=args.file,
                tofile=args.file,
            )
        )
        return EXIT_OK
    print(show(f"{args.file}:{edit.line}: {edit.summary}"))
    return EXIT_OK


def run_add(args: argparse.Namespace) -> int:
    from argmap.edit import add_child, add_top_level

    if args.rebuttal is not None or args.support is not None:
        if not args.under:
            raise ValueError("--rebuttal and --support need --under ID (the claim answered)")
        relation: ChildRelation = "rebuttal" if args.rebuttal is not None else "support"
        claim_text: str = args.rebuttal if args.rebuttal is not None else args.support
        return _apply(
            args,
            lambda text, name: add_child(
                text,
                args.under,
                relation,
                claim_text,
                new_id=args.new_id,
                kind=args.kind,
                name=name,
            ),
        )
    if args.under:
        raise ValueError("--under goes with --rebuttal or --support, not --pro or --con")
    side = "pro" if args.pro is not None else "con"
    top_text: str = args.pro if args.pro is not None else args.con
    return _apply(
        args,
        lambda text, name: add_top_level(
            text, side, top_text, new_id=args.new_id, kind=args.kind, name=name
        ),
    )


def run_set(args: argparse.Namespace) -> int:
    from argmap.edit import set_fields

    changes: dict[str, FieldValue] = {}
    if args.text is not None:
        if not args.text.strip():
            raise ValueError("--text must not be empty (a claim needs its text)")
        changes["text"] = args.text
    if args.kind is not None:
        changes["kind"] = args.kind
    if args.note is not None:
        changes["note"] = args.note if args.note.strip() else None
    if args.weight is not ...:
        changes["weight"] = args.weight
    if args.tags is not None:
        changes["tags"] = args.tags
    if args.sources is not None:
        changes["sources"] = args.sources
    if not changes:
        raise ValueError(
            "nothing to change; give --text, --kind, --note, --weight, --tags or --sources"
        )
    return _apply(args, lambda text, name: set_fields(text, args.claim_id, changes, name=name))


def run_remove(args: argparse.Namespace) -> int:
    from argmap.edit import remove_claim

    return _apply(
        args,
        lambda text, name: remove_claim(text, args.claim_id, force=args.force, name=name),
    )
