"""Generate large, realistic, valid debate YAML for benchmarks.

`generate_debate_yaml(n_claims, seed)` returns the text of one debate with `n_claims`
claims (the motion not counted), about 260 bytes per claim: nested rebuttals and
counter-rebuttals up to 12 levels, support and evidence with sources, undercuts,
proposals, and `also_rebuts` cross-links between the sides (so cycles of rebuttals occur).
The same arguments always give the same text.

    python benchmarks/generate.py 10000 > /tmp/big.yaml
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field

MAX_DEPTH = 12
SOURCES = (
    ("irc", "International Research Collaboration"),
    ("grc", "Global Research Council statement on collaboration"),
    ("oecd", "OECD science, technology and innovation outlook"),
    ("unesco", "UNESCO recommendation on open science"),
)
SUBJECTS = (
    "Open data mandates",
    "Joint funding calls",
    "Export controls on research",
    "Visa rules for researchers",
    "Shared laboratory infrastructure",
    "Co-authorship across borders",
    "Publicly funded patents",
    "Data sovereignty laws",
    "Capacity-building grants",
    "Short research stays abroad",
)
VERBS = (
    "speed up",
    "slow down",
    "make fairer",
    "concentrate",
    "spread out",
    "weaken trust in",
    "strengthen",
    "raise the cost of",
)
OBJECTS = (
    "the replication of results in smaller laboratories",
    "the training of early-career researchers in the global south",
    "the protection of dual-use findings from misuse",
    "the flow of talent between partner countries",
    "the return on public investment in science",
    "the quality of peer review in international teams",
)
QUALIFIERS = (
    "according to recent surveys of funders",
    "at least for well-resourced institutions",
    "once the administrative burden is counted",
    "when partners share governance fairly",
    "in most fields outside biomedicine",
    "over a period of ten years or more",
)


@dataclass(slots=True)
class _Claim:
    index: int
    side: str
    depth: int
    relation: str  # "top", "rebuttal" or "support"
    named: bool
    kind: str = "claim"
    undercut: bool = False
    sources: list[str] = field(default_factory=list)
    rebuttals: list[_Claim] = field(default_factory=list)
    support: list[_Claim] = field(default_factory=list)
    also_rebuts: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"c{self.index}-{self.side}"


def _sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(SUBJECTS)} would {rng.choice(VERBS)} {rng.choice(OBJECTS)}, "
        f"{rng.choice(QUALIFIERS)}."
    )


def _build(n_claims: int, rng: random.Random) -> dict[str, list[_Claim]]:
    top: dict[str, list[_Claim]] = {"pro": [], "con": []}
    claims: list[_Claim] = []
    named: dict[str, list[_Claim]] = {"pro": [], "con": []}
    top_every = 40  # about one top-level claim per 40 claims
    for index in range(n_claims):
        open_parents = [c for c in claims[-30:] if c.depth < MAX_DEPTH]
        if index < 4 or index % top_every == 0 or not open_parents:
            side = "pro" if len(top["pro"]) <= len(top["con"]) else "con"
            claim = _Claim(index, side, 1, "top", named=True)
            top[side].append(claim)
            if rng.random() < 0.1:
                claim.kind = "proposal"
        else:
            parent = rng.choice(open_parents)
            if rng.random() < 0.65:
                side = "con" if parent.side == "pro" else "pro"
                claim = _Claim(index, side, parent.depth + 1, "rebuttal", rng.random() < 0.4)
                claim.undercut = rng.random() < 0.05
                if rng.random() < 0.05:
                    claim.kind = "proposal"
                parent.rebuttals.append(claim)
            else:
                claim = _Claim(index, parent.side, parent.depth + 1, "support", rng.random() < 0.3)
                if rng.random() < 0.5:
                    claim.kind = "evidence"
                parent.support.append(claim)
        if claim.kind == "evidence" or rng.random() < 0.3:
            claim.sources = sorted(rng.sample([s for s, _ in SOURCES], rng.randint(1, 2)))
        if claim.named:
            named[claim.side].append(claim)
        claims.append(claim)
    # Cross-links go to earlier and later claims alike, so some rebuttals form cycles.
    for claim in claims:
        opposite = named["con" if claim.side == "pro" else "pro"]
        if opposite and rng.random() < 0.03:
            claim.named = True
            for target in rng.sample(opposite, min(len(opposite), rng.randint(1, 2))):
                claim.also_rebuts.append(target.id)
    # A few pairs of unanswered claims that rebut each other leave parts undecided.
    leaves = {
        side: [c for c in claims if c.side == side and not c.rebuttals and c.relation != "top"]
        for side in ("pro", "con")
    }
    for _ in range(n_claims // 200):
        if not leaves["pro"] or not leaves["con"]:
            break
        first = leaves["pro"].pop(rng.randrange(len(leaves["pro"])))
        second = leaves["con"].pop(rng.randrange(len(leaves["con"])))
        first.named = second.named = True
        if second.id not in first.also_rebuts:
            first.also_rebuts.append(second.id)
        if first.id not in second.also_rebuts:
            second.also_rebuts.append(first.id)
    return top


def _emit(claim: _Claim, indent: str, rng: random.Random, out: list[str]) -> None:
    """Lines of one claim without its children (written by the caller's stack)."""
    first = f"{indent}- "
    rest = f"{indent}  "
    lines = []
    if claim.named:
        lines.append(f"id: {claim.id}")
    lines.append(f"text: {_sentence(rng)}")
    if claim.kind != "claim":
        lines.append(f"kind: {claim.kind}")
    if claim.undercut:
        lines.append("undercut: true")
    if claim.sources:
        lines.append(f"sources: [{', '.join(claim.sources)}]")
    if claim.also_rebuts:
        lines.append(f"also_rebuts: [{', '.join(claim.also_rebuts)}]")
    out.append(first + lines[0])
    out.extend(rest + line for line in lines[1:])


def generate_debate_yaml(n_claims: int, seed: int = 0) -> str:
    """The YAML text of a valid debate with `n_claims` claims, the same for the same seed."""
    rng = random.Random(seed)
    top = _build(n_claims, rng)
    out = [
        "version: 1",
        f"id: generated-{n_claims}",
        f"title: Generated debate with {n_claims} claims",
        "motion: Publicly funded research results should be openly shared by default.",
        "summary: A synthetic debate for measuring argmap on large files.",
        "sources:",
    ]
    for source_id, title in SOURCES:
        out.append(f"  - id: {source_id}")
        out.append(f"    title: {title}")
    for side in ("pro", "con"):
        out.append(f"{side}:")
        # Each entry: a claim to write, or a section header ("rebuttals:"/"support:").
        stack: list[tuple[_Claim | str, str]] = [(c, "  ") for c in reversed(top[side])]
        while stack:
            item, indent = stack.pop()
            if isinstance(item, str):
                out.append(item)
                continue
            _emit(item, indent, rng, out)
            pending: list[tuple[_Claim | str, str]] = []
            child_indent = indent + "    "
            for key, children in (("rebuttals", item.rebuttals), ("support", item.support)):
                if children:
                    pending.append((f"{indent}  {key}:", ""))
                    pending.extend((child, child_indent) for child in children)
            stack.extend(reversed(pending))
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Write a generated debate's YAML to stdout.")
    parser.add_argument("claims", nargs="?", type=int, default=1000, help="claims (default 1000)")
    parser.add_argument("seed", nargs="?", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    if args.claims < 0:
        parser.error("claims must be 0 or more")
    sys.stdout.write(generate_debate_yaml(args.claims, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
