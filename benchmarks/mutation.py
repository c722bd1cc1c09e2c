"""Mutation score of the core modules: small deliberate bugs, and whether the tests catch them.

    .venv/bin/python benchmarks/mutation.py [--sample N] [--seed S] [--timeout SECONDS] [MODULE...]
    .venv/bin/python benchmarks/mutation.py --at edit/files.py:172 --at semantics.py:242
    .venv/bin/python benchmarks/mutation.py --equivalents

Each mutant changes one place in one module (its syntax tree, then written back as source):

- a comparison flipped (`<` and `>=`, `<=` and `>`, `==` and `!=`, `in` and `not in`,
  `is` and `is not`), or made a boundary off (`<` and `<=`, `>` and `>=`);
- one term dropped from an `and`/`or`, or the `and` made an `or` (and back);
- arithmetic swapped (`+` and `-`, `*` and `/`, `//` and `*`, `%` and `//`), in an
  expression or an augmented assignment (`+=` and `-=`);
- an integer constant off by one (up and down), a float constant moved by 0.1, `True` and
  `False` swapped;
- in the escaping modules (`STRINGS`), a text constant emptied;
- the condition of an `if`, `while` or conditional expression negated;
- a statement removed (replaced by `pass`).

For each mutant only the test files that cover the module run (`-x -q -p no:cacheprovider`),
in a temporary copy of the project, so the working tree is never left mutated. A mutant is
killed when the tests fail (or time out), and survives when they pass. The script prints the
kill rate and each survivor as `path:line  what changed`. `--sample N --seed S` draws N
mutants at random (the same N for the same seed), so a run fits in a quarter of an hour;
`--jobs 2` tests two mutants at once, each in its own copy.

A survivor listed in `EQUIVALENT` (argued in docs/testing.md) is marked `equiv.`, and the
script prints a second rate over the real mutants only (all but those). `--equivalents`
lists them with their current lines.

Not part of CI: run it before a release and keep its output in docs/testing.md.
"""

from __future__ import annotations

import argparse
import ast
import os
import queue
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

#: The test files of the edit operations, which the document index serves too.
_EDITS = (
    "tests/test_edit.py",
    "tests/test_edit_property.py",
    "tests/test_edit_repair.py",
    "tests/test_edit_layout.py",
    "tests/test_edit_shared_yaml.py",
    "tests/test_edit_comments.py",
)

#: Module (relative to src/argmap) -> the test files that cover it.
TARGETS: dict[str, tuple[str, ...]] = {
    "semantics.py": ("tests/test_semantics.py",),
    "strength.py": (
        "tests/test_strength.py",
        "tests/test_undercuts_weigh.py",
        "tests/test_strength_unsettled.py",
    ),
    "conform.py": ("tests/test_conform.py", "tests/test_format_one_edit.py"),
    "safetext.py": ("tests/test_safetext.py",),
    "output.py": (
        "tests/test_output.py",
        "tests/test_output_sync.py",
        "tests/test_output_failures.py",
    ),
    "edit/document.py": ("tests/test_line_map.py", *_EDITS),
    "edit/files.py": ("tests/test_edit_files.py", "tests/test_edit.py", "tests/test_edit_lock.py"),
    "edit/operations.py": _EDITS,
    "edit/scalars.py": ("tests/test_edit.py", "tests/test_edit_property.py"),
    "export/dot_text.py": ("tests/test_dot_quote.py", "tests/test_export.py"),
    "export/dot_builder.py": ("tests/test_dot_quote.py", "tests/test_export.py"),
    "interop/argdown_in.py": (
        "tests/test_interop_argdown.py",
        "tests/test_interop_argdown_relations.py",
        "tests/test_interop_argdown_comments.py",
        "tests/test_interop_argdown_pcs.py",
        "tests/test_interop_argdown_unheld.py",
        "tests/test_interop_argdown_report.py",
    ),
}

#: Modules whose text constants are mutated too (emptied): escaping is made of them.
STRINGS = frozenset({"safetext.py", "export/dot_text.py", "export/dot_builder.py"})

#: Arithmetic swaps, for expressions and augmented assignments.
ARITH: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Mult,
    ast.Mod: ast.FloorDiv,
}

#: Boundary moves: a strict comparison made loose, and back.
BOUNDARY: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
}

#: Only these functions of a module are mutated (all of it when the module is not listed).
ONLY: dict[str, frozenset[str]] = {
    "export/dot_text.py": frozenset(
        {"escape_html", "html_lines", "_quote_label", "quick_quote", "quote"}
    ),
    "export/dot_builder.py": frozenset({"_quoted_value"}),
}

FLIP: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.GtE,
    ast.GtE: ast.Lt,
    ast.Gt: ast.LtE,
    ast.LtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}


@dataclass(frozen=True, slots=True)
class Mutant:
    module: str
    index: int  # the index-th mutation point of the module, in walk order
    line: int
    what: str
    col: int = 0  # UTF-8 byte offset of the changed node in its line (as `ast` gives it)


@dataclass(frozen=True, slots=True)
class Equivalent:
    """A mutant accepted as equivalent: it changes no behaviour (`why`, and at length in
    docs/testing.md). It is found by its module, what it changes and the code at the changed
    place (`code` starts where the changed node starts and may run on over the next lines to
    tell two alike places apart), so it is still found when lines move; when that code
    changes, the entry stops matching and the mutant counts again until someone looks."""

    module: str
    what: str
    code: str
    why: str

    def matches(self, mutant: Mutant, source: str) -> bool:
        if mutant.module != self.module or mutant.what != self.what or mutant.line < 1:
            return False
        lines = source.splitlines(keepends=True)
        before = lines[mutant.line - 1].encode("utf-8")[: mutant.col].decode("utf-8", "replace")
        start = sum(len(line) for line in lines[: mutant.line - 1]) + len(before)
        return source.startswith(self.code, start)


#: The accepted equivalent mutants (each argued in docs/testing.md, "Accepted survivors").
#: They are still run: one the tests kill is reported, since then the entry is wrong.
EQUIVALENT: tuple[Equivalent, ...] = (
    Equivalent(
        "edit/operations.py",
        "1->2",
        "1 < doc.line_count and doc.is_blank(last + 1)",
        "the blank lines after the first of several items always end at the next item",
    ),
    Equivalent(
        "edit/operations.py",
        "1->0",
        "1) + fields[0]",
        "a key always sits two or more columns after its dash",
    ),
    Equivalent(
        "edit/operations.py",
        "or term 2",
        "mapping.flow_style or site.seq.flow_style",
        "a claim in a flow sequence is itself a flow mapping",
    ),
    Equivalent(
        "edit/operations.py",
        "and term 2",
        "isinstance(seq, yaml.SequenceNode) and seq.flow_style and not seq.value",
        "an empty sequence is always a flow one",
    ),
    Equivalent(
        "edit/document.py",
        "or term 2",
        "site.seq.flow_style or not isinstance(site.node, yaml.MappingNode)",
        "a claim that is not a mapping makes the file invalid; edits refuse it",
    ),
    Equivalent(
        "edit/files.py",
        "or term 2",
        "exc.strerror or exc}); nothing was written",
        "an error from os.open always has its strerror",
    ),
    Equivalent(
        "strength.py",
        "Return removed",
        "return 0.0\n    square = x * x",
        "_h is only called with x >= 0, and the formula gives 0 at 0",
    ),
    Equivalent(
        "semantics.py",
        "or term 1",
        "m in attacks[candidate] or candidate in attacks[m]",
        "a conflict inside a defended set is refused in either direction",
    ),
    Equivalent(
        "semantics.py",
        "or term 2",
        "m in attacks[candidate] or candidate in attacks[m]",
        "a conflict inside a defended set is refused in either direction",
    ),
    Equivalent(
        "semantics.py",
        "Continue removed",
        "continue\n        attacked_by[target].append(source)",
        "a repeated attack is counted twice and discounted twice: same labels",
    ),
    Equivalent(
        "edit/document.py",
        "Return removed",
        "return self.line_start(line) + len(content) - len(stripped)",
        "the scan of the YAML tokens finds the same `-`; this return only saves it",
    ),
    Equivalent(
        "edit/document.py",
        "Raise removed",
        'raise EditRefused("internal error: no `-` before a list item")',
        "only block sequence items are asked for their `-`, and each has one",
    ),
    Equivalent(
        "edit/operations.py",
        "Raise removed",
        'raise EditRefused("internal error: no value to write")',
        "no caller passes a bool or None: None removes the key before",
    ),
    Equivalent(
        "edit/operations.py",
        "If removed",
        'if not isinstance(holder, Claim):\n        raise EditRefused("internal error: the edited',
        "a claim's key path ends in an index into a list of claims",
    ),
    Equivalent(
        "edit/operations.py",
        "0->-1",
        "0\n    ids: set[str] = set()",
        "the debate read back after an edit has been validated, so it is never None",
    ),
    Equivalent(
        "edit/operations.py",
        "or->and",
        "claim is None or any(_field_value(claim, f)",
        "the read-back guard against a writer's own bug; every value reads back",
    ),
    Equivalent(
        "edit/operations.py",
        "or term 2",
        "at is None or not isinstance(mapping.value[at][1], yaml.SequenceNode)",
        "a link key that is not a list yields no ids to match anyway",
    ),
    Equivalent(
        "edit/scalars.py",
        "1->2",
        '1] in {" ", "\\t"}',
        "the block is read back before it is used, and a leading blank fails that",
    ),
    Equivalent(
        "export/dot_text.py",
        "Return removed",
        'return "<BR/>".join(lines)  # one check',
        "escaping text with nothing to escape leaves it as it is",
    ),
    Equivalent(
        "export/dot_text.py",
        "'>'->''",
        '">") else quote(label)',
        "every label argmap writes is an HTML-like label, `<` to `>`",
    ),
    Equivalent(
        "semantics.py",
        "True->False",
        "True, slots=True)\nclass _Say:",
        "no _Say is ever changed after it is made: not frozen changes nothing",
    ),
    Equivalent(
        "semantics.py",
        "True->False",
        "True)\nclass _Say:",
        "without slots a _Say only takes more memory",
    ),
    Equivalent(
        "semantics.py",
        "False->True",
        "False\n\n    def __call__(self, claim_id: str) -> str:",
        "both places that make a _Say pass show_ids",
    ),
    Equivalent(
        "edit/document.py",
        "and term 1",
        "own is not None and explicit else generated",
        "`explicit` is only true when `own` is not None",
    ),
)


def _docstring(node: ast.stmt, body: list[ast.stmt]) -> bool:
    return (
        body.index(node) == 0
        and isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


def _points(
    tree: ast.Module, only: frozenset[str] | None, strings: bool = False
) -> Iterator[tuple[ast.AST, str]]:
    """Every mutation point as (node, what), in a fixed order; one node may give several."""

    def inside(stack: list[str]) -> bool:
        return only is None or any(name in only for name in stack)

    def walk(node: ast.AST, stack: list[str]) -> Iterator[tuple[ast.AST, str]]:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            stack = [*stack, node.name]
        if stack and inside(stack):
            if isinstance(node, ast.Compare):
                for k, op in enumerate(node.ops):
                    if type(op) in FLIP:
                        flipped = FLIP[type(op)].__name__
                        yield node, f"cmp:{k}:{type(op).__name__}->{flipped}"
                    if type(op) in BOUNDARY:
                        moved = BOUNDARY[type(op)].__name__
                        yield node, f"edge:{k}:{type(op).__name__}->{moved}"
            elif isinstance(node, ast.BoolOp):
                for k in range(len(node.values)):
                    yield node, f"drop:{k}:{type(node.op).__name__.lower()} term {k + 1}"
                other = "or" if isinstance(node.op, ast.And) else "and"
                yield node, f"boolop::{type(node.op).__name__.lower()}->{other}"
            elif isinstance(node, ast.BinOp | ast.AugAssign) and type(node.op) in ARITH:
                swapped = ARITH[type(node.op)].__name__
                yield node, f"arith::{type(node.op).__name__}->{swapped}"
            elif isinstance(node, ast.Constant) and type(node.value) is int:
                yield node, f"const:+1:{node.value}->{node.value + 1}"
                yield node, f"const:-1:{node.value}->{node.value - 1}"
            elif isinstance(node, ast.Constant) and type(node.value) is float:
                yield node, f"float:0.1:{node.value}->{node.value + 0.1:g}"
            elif isinstance(node, ast.Constant) and type(node.value) is bool:
                yield node, f"bool::{node.value}->{not node.value}"
            elif strings and isinstance(node, ast.Constant) and type(node.value) is str:
                if node.value:
                    yield node, f"str::{node.value[:12]!r}->''"
            elif isinstance(node, ast.If | ast.While | ast.IfExp):
                yield node, "negate::condition negated"
            for field in ("body", "orelse", "finalbody"):
                body = getattr(node, field, None)
                if isinstance(body, list) and not isinstance(node, ast.Module | ast.ClassDef):
                    for stmt in body:
                        if isinstance(stmt, ast.stmt) and not isinstance(
                            stmt, ast.Pass | ast.FunctionDef | ast.AsyncFunctionDef
                        ):
                            if _docstring(stmt, body):
                                continue
                            yield stmt, f"remove::{type(stmt).__name__} removed"
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.expr) and _is_annotation(node, child):
                continue
            if isinstance(child, ast.stmt) and _is_docstring_of(node, child):
                continue
            yield from walk(child, stack)

    yield from walk(tree, [])


def _is_docstring_of(parent: ast.AST, child: ast.stmt) -> bool:
    body = getattr(parent, "body", None)
    return isinstance(body, list) and bool(body) and body[0] is child and _docstring(child, body)


def _is_annotation(parent: ast.AST, child: ast.expr) -> bool:
    return (isinstance(parent, ast.arg | ast.AnnAssign) and child is parent.annotation) or (
        isinstance(parent, ast.FunctionDef | ast.AsyncFunctionDef) and child is parent.returns
    )


def mutants(module: str, source: str) -> list[Mutant]:
    tree = ast.parse(source)
    only = ONLY.get(module)
    return [
        Mutant(
            module,
            k,
            getattr(node, "lineno", 0),
            what.split(":", 2)[-1],
            getattr(node, "col_offset", 0),
        )
        for k, (node, what) in enumerate(_points(tree, only, module in STRINGS))
    ]


def apply(source: str, mutant: Mutant) -> str:
    """The module's source with the mutant's one change."""
    tree = ast.parse(source)
    points = list(_points(tree, ONLY.get(mutant.module), mutant.module in STRINGS))
    node, what = points[mutant.index]
    kind, arg, _ = what.split(":", 2)
    if kind == "cmp":
        assert isinstance(node, ast.Compare)
        k = int(arg)
        node.ops[k] = FLIP[type(node.ops[k])]()
    elif kind == "edge":
        assert isinstance(node, ast.Compare)
        k = int(arg)
        node.ops[k] = BOUNDARY[type(node.ops[k])]()
    elif kind == "boolop":
        assert isinstance(node, ast.BoolOp)
        node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
    elif kind == "arith":
        assert isinstance(node, ast.BinOp | ast.AugAssign)
        node.op = ARITH[type(node.op)]()
    elif kind == "float":
        assert isinstance(node, ast.Constant) and type(node.value) is float
        node.value += float(arg)
    elif kind == "bool":
        assert isinstance(node, ast.Constant) and type(node.value) is bool
        node.value = not node.value
    elif kind == "str":
        assert isinstance(node, ast.Constant) and type(node.value) is str
        node.value = ""
    elif kind == "drop":
        assert isinstance(node, ast.BoolOp)
        del node.values[int(arg)]
        if len(node.values) == 1:
            _replace(tree, node, node.values[0])
    elif kind == "const":
        assert isinstance(node, ast.Constant) and type(node.value) is int
        node.value += int(arg)
    elif kind == "negate":
        assert isinstance(node, ast.If | ast.While | ast.IfExp)
        node.test = ast.UnaryOp(ast.Not(), node.test)
    else:
        _replace(tree, node, ast.Pass())
    return ast.unparse(ast.fix_missing_locations(tree))


def _replace(tree: ast.AST, old: ast.AST, new: ast.AST) -> None:
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            if value is old:
                setattr(parent, field, new)
                return
            if isinstance(value, list) and any(v is old for v in value):
                setattr(parent, field, [new if v is old else v for v in value])
                return


def run_tests(root: Path, tests: tuple[str, ...], timeout: float) -> bool:
    """True when the tests pass (the mutant survives)."""
    env = {**os.environ, "PYTHONPATH": str(root / "src"), "PYTHONHASHSEED": "0"}
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider"]
    command += ["-p", "no:randomly", *tests]
    try:
        done = subprocess.run(command, cwd=root, env=env, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False
    return done.returncode == 0


def _equivalent(mutant: Mutant, source: str) -> Equivalent | None:
    return next((e for e in EQUIVALENT if e.matches(mutant, source)), None)


def _copy_project(root: Path) -> Path:
    """A copy of the project to mutate, without its venv, git data and caches."""
    ignore = shutil.ignore_patterns(".venv", ".git", "__pycache__", ".hypothesis", "*.pyc")
    root.mkdir(parents=True)
    for entry in REPO.iterdir():
        if entry.name in {".venv", ".git", ".hypothesis"}:
            continue
        if entry.is_dir():
            shutil.copytree(entry, root / entry.name, ignore=ignore, symlinks=True)
        else:
            shutil.copy2(entry, root / entry.name)
    return root


def _list_equivalents() -> int:
    """Each accepted equivalent mutant with its place in the current source."""
    stale = 0
    for entry in EQUIVALENT:
        source = (REPO / "src" / "argmap" / entry.module).read_text(encoding="utf-8")
        found = [m for m in mutants(entry.module, source) if entry.matches(m, source)]
        for mutant in found:
            print(f"src/argmap/{mutant.module}:{mutant.line}  {mutant.what}: {entry.why}")
        if not found:
            stale += 1
            print(f"not found in src/argmap/{entry.module}: {entry.what} at {entry.code!r}")
    return 1 if stale else 0


def _place(parser: argparse.ArgumentParser, at: str) -> tuple[str, int]:
    """`MODULE:LINE` as given to `--at`, checked."""
    module, _, line = at.rpartition(":")
    if not module or not line.isdigit():
        parser.error(f"--at takes MODULE:LINE, e.g. edit/files.py:172, not {at!r}")
    return module.removeprefix("src/argmap/"), int(line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="modules under src/argmap (default: all)")
    parser.add_argument("--sample", type=int, help="test N mutants drawn at random")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=300.0, help="per mutant, seconds")
    parser.add_argument("--list", action="store_true", help="list the mutants, run nothing")
    parser.add_argument(
        "--at",
        action="append",
        default=[],
        metavar="MODULE:LINE",
        help="only the mutants of this line (repeatable), e.g. edit/files.py:172",
    )
    parser.add_argument(
        "--no-baseline",
        action="store_true",
        help="skip the first run of the mapped tests without a mutant (when known green)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        choices=(1, 2),
        default=1,
        help="mutants tested at once, each in its own copy of the project (default 1)",
    )
    parser.add_argument(
        "--equivalents",
        action="store_true",
        help="list the accepted equivalent mutants and where they are now, run nothing",
    )
    args = parser.parse_args()
    places = {_place(parser, at) for at in args.at}
    modules = args.modules or sorted({m for m, _ in places}) or list(TARGETS)
    unknown = [m for m in modules if m not in TARGETS]
    if unknown:
        parser.error(f"no tests are mapped for {', '.join(unknown)}; known: {', '.join(TARGETS)}")
    sources = {m: (REPO / "src" / "argmap" / m).read_text(encoding="utf-8") for m in modules}
    every = [mutant for m in modules for mutant in mutants(m, sources[m])]
    if places:
        every = [mutant for mutant in every if (mutant.module, mutant.line) in places]
    chosen = every
    if args.sample is not None and args.sample < len(every):
        chosen = sorted(
            random.Random(args.seed).sample(every, args.sample), key=lambda m: (m.module, m.index)
        )
    if args.equivalents:
        return _list_equivalents()
    if args.list:
        for mutant in chosen:
            print(f"src/argmap/{mutant.module}:{mutant.line}  {mutant.what}")
        return 0
    print(f"{len(chosen)} of {len(every)} mutants in {len(modules)} modules (seed {args.seed})")
    with tempfile.TemporaryDirectory(prefix="argmap-mutation-") as folder:
        roots = [_copy_project(Path(folder) / f"worker-{k}") for k in range(args.jobs)]
        sampled = sorted({mutant.module for mutant in chosen})
        broken = [
            m
            for m in sampled
            if not args.no_baseline and not run_tests(roots[0], TARGETS[m], args.timeout * 3)
        ]
        if broken:
            print(f"the tests fail without any mutant: {', '.join(broken)}; fix them first")
            return 1
        started = time.monotonic()
        free: queue.SimpleQueue[Path] = queue.SimpleQueue()
        for root in roots:
            free.put(root)

        def run(mutant: Mutant) -> bool:
            root = free.get()
            path = root / "src" / "argmap" / mutant.module
            try:
                path.write_text(apply(sources[mutant.module], mutant), encoding="utf-8")
                return run_tests(root, TARGETS[mutant.module], args.timeout)
            finally:
                path.write_text(sources[mutant.module], encoding="utf-8")
                free.put(root)

        survivors: list[Mutant] = []
        accepted: list[Mutant] = []
        wrongly: list[Mutant] = []
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            # Printed in the sample's order, each as soon as it and those before it are done.
            outcomes = zip(chosen, pool.map(run, chosen), strict=True)
            for n, (mutant, survived) in enumerate(outcomes, 1):
                equivalent = _equivalent(mutant, sources[mutant.module])
                if survived and equivalent:
                    accepted.append(mutant)
                elif survived:
                    survivors.append(mutant)
                elif equivalent:
                    wrongly.append(mutant)
                mark = ("equiv." if equivalent else "SURVIVED") if survived else "killed"
                print(
                    f"[{n}/{len(chosen)}] {mark:8} src/argmap/{mutant.module}:{mutant.line}  "
                    f"{mutant.what}",
                    flush=True,
                )
    killed = len(chosen) - len(survivors) - len(accepted)
    rate = killed / len(chosen) if chosen else 1.0
    print(
        f"\nkilled {killed} of {len(chosen)} mutants: {rate:.0%} "
        f"({time.monotonic() - started:.0f} s)"
    )
    real = len(chosen) - len(accepted)
    print(
        f"killed {killed} of {real} real mutants: {killed / real if real else 1.0:.1%} "
        f"({len(accepted)} accepted as equivalent)"
    )
    for mutant in survivors:
        print(f"survivor: src/argmap/{mutant.module}:{mutant.line}  {mutant.what}")
    for mutant in accepted:
        print(f"equivalent: src/argmap/{mutant.module}:{mutant.line}  {mutant.what}")
    for mutant in wrongly:
        print(
            f"listed as equivalent but killed (check EQUIVALENT): "
            f"src/argmap/{mutant.module}:{mutant.line}  {mutant.what}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
