"""Instructor checks: rules a debate must meet, and the labels an exercise expects.

A rules file is YAML:

    version: 1
    rules:
      min_claims: 12               # at least 12 claims (the motion is not counted)
      min_top_level: 2             # each side has at least 2 top-level claims
      min_depth: {pro: 3, con: 3}  # each side's branches reach depth 3
      min_proposals: 1             # at least one claim of kind `proposal`
      claims_cite_source: con      # every con claim cites a source (pro, con or both)
      evidence_has_source: true    # every piece of evidence cites a source
      no_unanswered_top_level: true  # every top-level claim has a rebuttal (or pro / con)
      min_top_level_strength: 0.2  # no top-level claim weaker than 0.2 (or {pro: S, con: S})
      weights_have_reasons: true   # every weight other than 3 has its reason in the note
      top_level_answers_motion: true  # no top-level evidence; top-level proposals say how
      robust_verdict: true         # no single removal or weight step flips the verdict

Every breach is a `Diagnostic` at the claim or key it concerns, with the message
`rule NAME: ...`; a bad rules file gives diagnostics of its own, never an exception.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from argmap.check_verdict import robust_rule, verdict_expectations
from argmap.diagnostics import Diagnostic, error
from argmap.graph import ArgumentGraph
from argmap.load import LoadedDebate, UnreadableFile, read_regular_file
from argmap.model import MOTION_ID, Kind, Side
from argmap.reading import strength_reason
from argmap.reasons import motion_answer_breaches, weight_reason_breaches
from argmap.semantics import Label, Labelling, attackers_of, explain, grounded
from argmap.stats import debate_stats
from argmap.strength import weigh
from argmap.verdict import debate_verdict

SIDES = (Side.PRO.value, Side.CON.value)
#: `debate` scopes a minimum to the whole debate rather than to one side.
WHOLE = "debate"


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """What a rule's value may be, and what it means."""

    # "count" (number or per side), "strength" (0 to 1, or per side), "side"
    # (pro/con/both/true/false), "flag"
    shape: str
    per_side: bool  # a bare number applies to each side rather than to the whole debate
    summary: str


#: Every rule `argmap check` knows, with what it checks (the docs list the same).
RULES: dict[str, RuleSpec] = {
    "min_claims": RuleSpec("count", False, "at least N claims (or N per side)"),
    "min_top_level": RuleSpec("count", True, "at least N top-level claims on each side"),
    "min_depth": RuleSpec("count", True, "each side's branches reach depth N (top level is 1)"),
    "min_proposals": RuleSpec("count", False, "at least N claims of kind proposal"),
    "claims_cite_source": RuleSpec("side", True, "every claim of the side cites a source"),
    "evidence_has_source": RuleSpec("flag", True, "every piece of evidence cites a source"),
    "no_unanswered_top_level": RuleSpec(
        "side", True, "every top-level claim of the side has a rebuttal"
    ),
    "min_top_level_strength": RuleSpec(
        "strength", True, "every top-level claim of the side has at least strength S"
    ),
    "weights_have_reasons": RuleSpec(
        "flag", True, "every weight other than 3 has a note that says 'Weight N' and why"
    ),
    "top_level_answers_motion": RuleSpec(
        "flag", True, "no top-level evidence, and every top-level proposal says how it answers"
    ),
    "robust_verdict": RuleSpec(
        "flag", False, "no single removal or one-step weight change flips the verdict"
    ),
}


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule from a rules file: minimums by scope (`debate`, `pro`, `con`), or sides."""

    name: str
    scope: dict[str, float]
    line: int
    col: int


@dataclass(slots=True)
class RuleSet:
    """The rules read from one file."""

    path: Path
    rules: list[Rule]


# --- reading a rules file --------------------------------------------------------------------


def _pos(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _scalar(node: yaml.Node) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        return node
    try:
        return yaml.constructor.SafeConstructor().construct_object(node)
    except (yaml.YAMLError, ValueError):
        return node.value


def _suggest(word: str, choices: list[str]) -> str:
    matches = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"; did you mean '{matches[0]}'?" if matches else ""


def load_rules(path: Path | str) -> tuple[RuleSet | None, list[Diagnostic]]:
    """Read and validate a rules file; the rules, or None and what is wrong (file:line:col)."""
    path = Path(path)
    name = str(path)
    try:
        # Only a regular file is read: a named pipe would block forever.
        text = read_regular_file(path).decode("utf-8")
    except UnreadableFile as exc:
        message = "rules file not found" if exc.code == "not-found" else exc.message
        return None, [error(name, (1, 1), "rules", message)]
    except UnicodeDecodeError as exc:
        return None, [error(name, (1, 1), "rules", f"cannot read rules file: {exc}")]
    return parse_rules(text, path)


def parse_rules(text: str, path: Path | str = "<rules>") -> tuple[RuleSet | None, list[Diagnostic]]:
    """Validate rules given as YAML text; `path` names the file in diagnostics."""
    path = Path(path)
    name = str(path)
    problems: list[Diagnostic] = []

    def bad(node: yaml.Node | None, message: str) -> None:
        problems.append(error(name, _pos(node) if node else (1, 1), "rules", message))

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or "invalid YAML"
        return None, [error(name, pos, "rules", f"YAML syntax error: {problem}")]
    except (yaml.YAMLError, RecursionError) as exc:
        return None, [error(name, (1, 1), "rules", f"YAML error: {exc}")]
    if not isinstance(root, yaml.MappingNode):
        bad(root, "a rules file is a mapping with a `rules:` key (see examples/rules.yaml)")
        return None, problems
    rules_node: yaml.Node | None = None
    for key_node, value_node in root.value:
        key = _scalar(key_node)
        if key == "version":
            if _scalar(value_node) != 1:
                bad(value_node, "unsupported rules version; only `version: 1` exists")
        elif key == "rules":
            rules_node = value_node
        else:
            bad(key_node, f"unknown key '{key}'; a rules file has `version` and `rules`")
    if rules_node is None:
        bad(root, "missing key `rules:`, the mapping of rule names to settings")
        return None, problems
    if not isinstance(rules_node, yaml.MappingNode):
        bad(rules_node, "`rules` must be a mapping of rule names to settings")
        return None, problems
    rules: list[Rule] = []
    seen: set[str] = set()
    for key_node, value_node in rules_node.value:
        rule_name = str(_scalar(key_node))
        spec = RULES.get(rule_name)
        if spec is None:
            bad(
                key_node,
                f"unknown rule '{rule_name}'{_suggest(rule_name, list(RULES))} "
                f"(known rules: {', '.join(RULES)})",
            )
            continue
        if rule_name in seen:
            bad(key_node, f"rule '{rule_name}' is given twice")
            continue
        seen.add(rule_name)
        scope = _rule_scope(rule_name, spec, value_node, bad)
        if scope is not None:
            line, col = _pos(key_node)
            rules.append(Rule(rule_name, scope, line, col))
    if problems:
        problems.sort(key=lambda d: (d.line, d.col))
        return None, problems
    return RuleSet(path, rules), []


def _count(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    return None


def _strength(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1:
        return float(value)
    return None


def _rule_scope(
    rule_name: str,
    spec: RuleSpec,
    node: yaml.Node,
    bad: Callable[[yaml.Node | None, str], None],
) -> dict[str, float] | None:
    """The scope a rule's setting stands for, or None after reporting what is wrong."""
    value = _scalar(node)
    if spec.shape in ("strength", "count"):
        parse, expected, placeholder = (
            (_strength, "a strength from 0 to 1", "S")
            if spec.shape == "strength"
            else (_count, "a whole number 0 or more", "N")
        )
        if isinstance(node, yaml.MappingNode):
            limits: dict[str, float] = {}
            for key_node, value_node in node.value:
                side = _scalar(key_node)
                number = parse(_scalar(value_node))
                if side not in SIDES:
                    bad(key_node, f"rule {rule_name}: '{side}' is not a side; use pro or con")
                elif number is None:
                    bad(value_node, f"rule {rule_name}: expected {expected}")
                else:
                    limits[str(side)] = number
            return limits if len(limits) == len(node.value) else None
        number = parse(value)
        if number is None:
            bad(
                node,
                f"rule {rule_name}: expected {expected}, "
                f"or {{pro: {placeholder}, con: {placeholder}}}",
            )
            return None
        if spec.shape == "strength" or spec.per_side:
            return dict.fromkeys(SIDES, number)
        return {WHOLE: number}
    if spec.shape == "side":
        choices: dict[Any, tuple[str, ...]] = {
            True: SIDES,
            "both": SIDES,
            False: (),
            "pro": ("pro",),
            "con": ("con",),
        }
        if isinstance(value, bool | str) and value in choices:
            return dict.fromkeys(choices[value], 1)
        bad(node, f"rule {rule_name}: expected pro, con, both, true or false")
        return None
    if isinstance(value, bool):
        return dict.fromkeys(SIDES, 1) if value else {}
    bad(node, f"rule {rule_name}: expected true or false")
    return None


# --- applying rules --------------------------------------------------------------------------


def _side_pos(loaded: LoadedDebate, side: str) -> tuple[int, int]:
    pos = loaded.positions.key_or_none((side,))
    return pos if pos is not None else loaded.positions.at(())


def check_rules(
    loaded: LoadedDebate,
    rules: RuleSet,
    semantics: str | None = None,
    labelling: Labelling | None = None,
) -> list[Diagnostic]:
    """Every breach of `rules` in a valid debate, in file order."""
    graph = loaded.graph
    stats = debate_stats(graph, labelling, semantics)
    name = str(loaded.path)
    breaches: list[Diagnostic] = []

    def breach(pos: tuple[int, int], rule: Rule, message: str) -> None:
        breaches.append(error(name, pos, f"rule-{rule.name}", f"rule {rule.name}: {message}"))

    top = loaded.positions.at(())

    def at_least_per_side(rule: Rule, found: dict[str, int], what: str) -> None:
        """A breach for each side the rule names whose count is below its minimum."""
        for side in SIDES:
            if side in rule.scope and found[side] < rule.scope[side]:
                breach(
                    _side_pos(loaded, side),
                    rule,
                    what.format(found=found[side], side=side, required=rule.scope[side]),
                )

    for rule in rules.rules:
        scope = rule.scope
        if rule.name == "min_claims":
            if WHOLE in scope and stats.claims < scope[WHOLE]:
                breach(top, rule, f"{stats.claims} claims; at least {scope[WHOLE]} required")
            at_least_per_side(
                rule, stats.by_side, "{found} {side} claims; at least {required} required"
            )
        elif rule.name == "min_proposals":
            proposals = stats.by_kind[Kind.PROPOSAL.value]
            if WHOLE in scope and proposals < scope[WHOLE]:
                breach(
                    top,
                    rule,
                    f"{proposals} proposals; at least {scope[WHOLE]} required "
                    "(a claim with `kind: proposal`)",
                )
            at_least_per_side(
                rule,
                {side: stats.by_side_kind[side][Kind.PROPOSAL.value] for side in SIDES},
                "{found} {side} proposals; at least {required} required",
            )
        elif rule.name == "min_top_level":
            at_least_per_side(
                rule,
                stats.top_level,
                "{found} top-level {side} claims; at least {required} required",
            )
        elif rule.name == "min_depth":
            at_least_per_side(
                rule,
                stats.depth_by_side,
                "the {side} side reaches depth {found}; depth {required} "
                "required (a top-level claim is depth 1, its rebuttal 2, ...)",
            )
        elif rule.name == "claims_cite_source":
            for node in graph.claims():
                side = node.side.value if node.side else ""
                if side in scope and node.claim is not None and not node.claim.sources:
                    breach((node.line, node.col), rule, f"{side} claim '{node.id}' cites no source")
        elif rule.name == "robust_verdict":
            if scope:
                breaches += robust_rule(loaded, debate_verdict(graph, semantics=semantics))
        elif rule.name == "evidence_has_source":
            for node in graph.claims() if scope else ():
                if node.kind is Kind.EVIDENCE and node.claim and not node.claim.sources:
                    breach((node.line, node.col), rule, f"evidence '{node.id}' cites no source")
        elif rule.name == "min_top_level_strength":
            for node_id in graph.motion.children:
                node = graph.nodes[node_id]
                side = node.side.value if node.side else ""
                strength = stats.strengths[node_id]
                if side in scope and round(strength, 2) < scope[side]:
                    breach(
                        (node.line, node.col),
                        rule,
                        f"top-level {side} claim '{node_id}' has strength {strength:.2f}, "
                        f"below {scope[side]:g}; answer its rebuttals or back it with support",
                    )
        elif rule.name in ("weights_have_reasons", "top_level_answers_motion"):
            find = (
                weight_reason_breaches
                if rule.name == "weights_have_reasons"
                else motion_answer_breaches
            )
            for node, message in find(graph) if scope else ():
                breach((node.line, node.col), rule, message)
        elif rule.name == "no_unanswered_top_level":
            for node_id in graph.motion.children:
                node = graph.nodes[node_id]
                # An undercut answers a claim too (it attacks the claim's link to the motion).
                answered = any(e.relation.is_attack for e in graph.incoming[node_id])
                if node.side and node.side.value in scope and not answered:
                    breach(
                        (node.line, node.col),
                        rule,
                        f"top-level {node.side.value} claim '{node_id}' is unanswered; "
                        "add a rebuttal",
                    )
    breaches.sort(key=lambda d: (d.line, d.col, d.message))
    return breaches


# --- expected labels -------------------------------------------------------------------------


def _hint(graph: ArgumentGraph, labelling: Labelling, claim_id: str, wanted: Label) -> str:
    """What the author could change to get the wanted label."""
    name = "the motion" if claim_id == MOTION_ID else f"'{claim_id}'"
    attackers = attackers_of(graph, claim_id)
    standing = [a for a in attackers if labelling[a] is Label.STANDING]
    undecided = [a for a in attackers if labelling[a] is Label.UNDECIDED]
    quoted = " and ".join(f"'{a}'" for a in (standing or undecided))
    if wanted is Label.STANDING:
        if standing:
            return f"rebut {quoted} to make {name} stand"
        return f"rebut {quoted} with a claim nothing answers to make {name} stand"
    if wanted is Label.DEFEATED:
        if not attackers or labelling[claim_id] is Label.UNDECIDED:
            return f"add a rebuttal of {name} that nothing answers"
        return f"make one of its rebuttals stand, or add a rebuttal of {name} that nothing answers"
    return (
        "a claim is undecided only inside a cycle of rebuttals (e.g. two claims that rebut "
        "each other) or when its rebuttals are themselves undecided"
    )


def check_expectations(
    loaded: LoadedDebate, semantics: str | None = None, labelling: Labelling | None = None
) -> list[Diagnostic]:
    """Where computed labels differ from the debate's `expect:` block, with a hint."""
    debate = loaded.debate
    if debate is None or debate.expect is None:
        return []
    graph = loaded.graph
    labelling = labelling or grounded(graph)
    name = str(loaded.path)
    problems: list[Diagnostic] = []
    expected_as: dict[str, Label] = {}
    for label in Label:
        for index, claim_id in enumerate(getattr(debate.expect, label.value)):
            entry = loaded.positions.at(("expect", label.value, index))
            if claim_id not in graph.nodes:
                matches = difflib.get_close_matches(claim_id, list(graph.nodes), n=1)
                hint = f"; did you mean '{matches[0]}'?" if matches else ""
                problems.append(
                    error(
                        name,
                        entry,
                        "expect-unknown",
                        f"expect: no claim '{claim_id}' in this debate{hint}",
                    )
                )
                continue
            earlier = expected_as.get(claim_id)
            if earlier is not None and earlier is not label:
                problems.append(
                    error(
                        name,
                        entry,
                        "expect-conflict",
                        f"expect: '{claim_id}' is expected both {earlier.value} and {label.value}",
                    )
                )
                continue
            expected_as[claim_id] = label
            actual = labelling[claim_id]
            if actual is label:
                continue
            node = graph.nodes[claim_id]
            reason = explain(graph, labelling, claim_id, show_ids=True).split(": ", 1)[1]
            shown = "the motion" if claim_id == MOTION_ID else f"'{claim_id}'"
            problems.append(
                error(
                    name,
                    (node.line, node.col),
                    "expect",
                    f"expect: {shown} should be {label.value} but is {actual.value} "
                    f"({reason}); {_hint(graph, labelling, claim_id, label)} "
                    f"(expected at line {entry[0]})",
                )
            )
    problems += _check_strength_expectations(loaded, labelling, semantics)
    problems.sort(key=lambda d: (d.line, d.col, d.message))
    return problems


def _check_strength_expectations(
    loaded: LoadedDebate, labelling: Labelling, semantics: str | None
) -> list[Diagnostic]:
    """Where the verdict, its robustness or a strength differs from the `expect:` block."""
    expect = loaded.debate.expect if loaded.debate is not None else None
    if expect is None or not (
        expect.verdict or expect.robust is not None or expect.min_strength or expect.max_strength
    ):
        return []
    graph = loaded.graph
    weighing = weigh(graph, labelling, semantics)
    name = str(loaded.path)
    problems: list[Diagnostic] = []
    if expect.verdict is not None or expect.robust is not None:
        reading = debate_verdict(graph, labelling, weighing, per_side=2)
        problems += verdict_expectations(loaded, reading)
    bounds = [("min_strength", expect.min_strength, 1), ("max_strength", expect.max_strength, -1)]
    for key, limits, direction in bounds:
        for claim_id, limit in limits.items():
            entry = loaded.positions.at(("expect", key, claim_id))
            if claim_id not in graph.nodes:
                problems.append(
                    error(
                        name,
                        entry,
                        "expect-unknown",
                        f"expect: no claim '{claim_id}' in this debate",
                    )
                )
                continue
            strength = weighing.strength(claim_id)
            if direction * (round(strength, 2) - limit) >= 0:
                continue
            node = graph.nodes[claim_id]
            shown = "the motion" if claim_id == MOTION_ID else f"'{claim_id}'"
            word = "at least" if direction > 0 else "at most"
            why = strength_reason(graph, weighing, claim_id, show_ids=True)
            problems.append(
                error(
                    name,
                    (node.line, node.col),
                    "expect-strength",
                    f"expect: {shown} should have strength {word} {limit:g} but has "
                    f"{strength:.2f} ({why}) (expected at line {entry[0]})",
                )
            )
    return problems
