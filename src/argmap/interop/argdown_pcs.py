"""Premise–conclusion structures (PCS) in Argdown, read as claims.

A PCS is a block of numbered statements, `(1) ...`, with inference lines between them
(`----`, or `-- Modus ponens {uses: [1, 2]} --`, or the rule on lines of its own between
`--` lines); the statement after an inference is its conclusion. Each conclusion is
supported by the premises its inference uses: the numbers in `{uses: [...]}` when they name
statements above it, else the conclusion before it (an intermediary conclusion) and the
statements written since. The rule goes into the conclusion's note (`inference: Modus
ponens`). Relations indented below a statement are that statement's; `<_ X` indented below
an inference undercuts it, which argmap holds as an undercut of the link of that
inference's first premise.

The block just above a PCS, when it is an argument (`<Title>: description` or `<Title>`),
is the argument the PCS reconstructs: relations to and from `<Title>` become relations of
its main conclusion (an undercut of the argument, one of its last inference), its title
names the conclusion when that has no title of its own, and its description goes into the
conclusion's note (`argument <Title>: description`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from argmap.interop import Loss, LostItem

if TYPE_CHECKING:
    from argmap.interop.argdown_in import _Reader

#: The note line an inference rule is kept in, and what it says when the rule is unnamed.
INFERENCE = "inference: "
UNNAMED = "(no rule named)"
#: The note line naming the argument a conclusion concludes: `argument <Title>: text`.
ARGUMENT = "argument <"

_NUMBER = re.compile(r"^(\s*)\((\d+)\)[ \t]*(.*)$")
#: The start of an inference line (`--`, `----`, `-- rule --`).
INFERENCE_START = re.compile(r"^\s*--")
_INFERENCE_END = re.compile(r"(?<!\\)-{2,}")
#: A relation line: indentation, symbol, the element it names.
RELATION = re.compile(r"^(\s*)(<\+|<-|<_|\+>|->|_>|><|\+|-|_)\s+(.*)$")
_ESCAPE = re.compile(r"\\(.)")
_TITLE_SPECIAL = re.compile(r"([\\\[\]<>])")


@dataclass(slots=True)
class _Inference:
    line: int
    parts: list[str]  # the rule's text and data, as written on its lines
    undercuts: list[str] = field(default_factory=list)  # keys of `<_ X` written below it


def _uses(data: dict[str, Any], numbers: dict[int, int], conclusion: int) -> list[int] | None:
    """The statement indexes `{uses: [...]}` names, or None when it names none of note."""
    uses = data.get("uses")
    if not isinstance(uses, list) or not uses:
        return None
    found: dict[int, None] = {}
    for number in uses:
        index = numbers.get(number) if isinstance(number, int) else None
        if index is None or index >= conclusion:
            return None
        found[index] = None
    return list(found)


def read_pcs(reader: _Reader, block: list[tuple[int, str]], argument: str | None) -> None:
    """Read one PCS block into `reader`'s elements, relations and notes."""
    statements: list[tuple[int, str]] = []  # (written number, element key)
    inferences: list[tuple[int, _Inference]] = []  # (index of its conclusion, inference)
    opened: _Inference | None = None  # an inference whose closing `--` is still to come
    pending: _Inference | None = None  # a closed inference waiting for its conclusion
    stack: list[tuple[int, str]] = []
    current = None
    first_line = block[0][0]
    for number, line in block:
        if opened is not None:
            end = _INFERENCE_END.search(line)
            opened.parts.append(line[: end.start()] if end else line)
            if end:
                opened, pending = None, opened
            continue
        numbered = _NUMBER.match(line)
        if numbered:
            current = reader._element(numbered.group(3).strip(), number)
            statements.append((int(numbered.group(2)), current.key))
            if pending is not None:
                inferences.append((len(statements) - 1, pending))
                pending = None
            stack = [(len(numbered.group(1)), current.key)]
            continue
        if INFERENCE_START.match(line):
            if pending is not None or not statements:
                break  # two inferences in a row, or one before any premise
            rest = line.lstrip()[2:]
            end = _INFERENCE_END.search(rest)
            inference = _Inference(number, [rest[: end.start()] if end else rest])
            if end:
                pending = inference
            else:
                opened = inference
            stack, current = [], None
            continue
        relation = RELATION.match(line)
        if relation and pending is not None:
            if relation.group(2) == "<_":
                pending.undercuts.append(reader._element(relation.group(3).strip(), number).key)
            else:
                reader.rejected.append(LostItem(f"line {number}", line.strip()))
            continue
        if relation and stack:
            current = reader.relation_line(stack, relation, number)
        elif current is not None:
            reader._append(current, line.strip())
        else:
            reader.rejected.append(LostItem(f"line {number}", line.strip()))
    else:
        ends = bool(inferences) and inferences[-1][0] == len(statements) - 1
        if opened is None and pending is None and ends:
            _relate(reader, statements, inferences, argument, first_line)
            return
    reader.losses.append(
        Loss(
            "a premise–conclusion structure that does not end in a conclusion (a numbered "
            "statement after an inference line, `----`) was read as separate statements",
            first_line,
            tuple(LostItem(f"line {n}", line.strip()) for n, line in block),
        )
    )


def _relate(
    reader: _Reader,
    statements: list[tuple[int, str]],
    inferences: list[tuple[int, _Inference]],
    argument: str | None,
    line: int,
) -> None:
    numbers: dict[int, int] = {}
    for index, (number, _key) in enumerate(statements):
        numbers.setdefault(number, index)
    previous = 0  # the conclusion before this inference, or the first statement
    first = statements[0][1]
    for conclusion, inference in inferences:
        written = " ".join(inference.parts)
        text, _tags, data = reader._split_extras(written, reader.elements[first])
        premises = _uses(data, numbers, conclusion) or list(range(previous, conclusion))
        target = statements[conclusion][1]
        for premise in premises:
            reader._relate(statements[premise][1], target, "supports", inference.line, True)
            reader.relations[-1].inferred = True
        first = statements[premises[0]][1]
        for undercut in inference.undercuts:
            reader._relate(undercut, first, "undercuts", inference.line, nested=True)
        rule = _ESCAPE.sub(r"\1", " ".join(text.split()))
        reader.notes.setdefault(target, []).append(INFERENCE + (rule or UNNAMED))
        previous = conclusion
    if argument is None:
        return
    if argument in reader.reconstructed:
        reader.losses.append(
            Loss(
                f"a second premise–conclusion structure for {argument} read as an argument "
                "of its own (Argdown allows one per argument)",
                line,
            )
        )
        return
    reader.reconstructed[argument] = (statements[-1][1], first)


def merge_arguments(reader: _Reader) -> None:
    """Each reconstructed argument becomes its main conclusion (after `reader.clean`)."""
    if not reader.reconstructed:
        return
    for relation in reader.relations:
        merged = reader.reconstructed.get(relation.premise)
        if merged is not None:
            relation.premise = merged[0]
        merged = reader.reconstructed.get(relation.target)
        if merged is not None:
            relation.target = merged[1] if relation.kind == "undercuts" else merged[0]
    for key, (conclusion_key, _premise) in reader.reconstructed.items():
        argument = reader.elements.pop(key)
        conclusion = reader.elements[conclusion_key]
        if conclusion.title is None:
            conclusion.title = argument.title
        title = _TITLE_SPECIAL.sub(r"\\\1", argument.title or "")
        line = f"{ARGUMENT}{title}>" + (f": {argument.text}" if argument.text else "")
        reader.notes.setdefault(conclusion_key, []).insert(0, line)
        conclusion.tags.update(argument.tags)
        conclusion.sources.update(argument.sources)
        for name, value in argument.data.items():
            conclusion.data.setdefault(name, value)
