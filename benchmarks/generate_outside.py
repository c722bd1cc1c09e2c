"""A second generator of big debates, shaped unlike `generate.py`, so no benchmark is
measured only on data made the way the project expects.

`outside_debate_yaml(n_claims, seed)` differs from `generate.py` where a map feels it:

- texts of two or three sentences (about 230 characters, 1.7 times as long), from another
  field's words;
- deep chains (a claim answered by the one written just before it, down to 30 levels) and
  wide hubs (three claims that together hold a tenth of the debate as direct answers),
  the rest hung under any earlier claim at random;
- three times the cross-links (`also_rebuts`), every claim named, text in JSON-style
  double quotes.

    python benchmarks/generate_outside.py 50000 > /tmp/outside.yaml
"""

from __future__ import annotations

import json
import random
import sys

MAX_DEPTH = 30
TOPICS = (
    "A sugar levy on soft drinks",
    "Free school meals for every pupil",
    "Minimum pricing for alcohol",
    "Plain packaging for snack foods",
    "A ban on junk-food advertising before nine",
    "Subsidised fruit for low-income families",
    "Calorie labels on restaurant menus",
    "Walking routes to every school",
)
EFFECTS = (
    "cuts childhood obesity",
    "shifts spending towards cheaper brands",
    "falls hardest on poorer households",
    "changes what manufacturers put in their recipes",
    "is easy to evade by shopping across the border",
    "raises revenue that could pay for sports clubs",
    "changes habits only while the price is higher",
    "has no measurable effect on adult diets",
)
EVIDENCE = (
    "Studies from Mexico and the United Kingdom point the same way.",
    "The trial ran for three years in four regions with matched controls.",
    "Sales data from the first year show a drop that later partly reversed.",
    "Surveys of parents report the change, although self-reports overstate it.",
    "The effect size is small, and the confidence interval includes zero.",
    "Retailers' own figures, which are not audited, suggest the opposite.",
)


def _text(rng: random.Random) -> str:
    first = f"{rng.choice(TOPICS)} {rng.choice(EFFECTS)}, {rng.choice(EFFECTS)} as well."
    rest = rng.sample(EVIDENCE, rng.randint(1, 2))
    return " ".join([first, *rest])


def outside_debate_yaml(n_claims: int, seed: int = 0) -> str:
    """The YAML text of a valid debate with `n_claims` claims, the same for the same seed."""
    rng = random.Random(seed)
    side: list[str] = []
    depth: list[int] = []
    children: list[list[tuple[str, int]]] = []  # ("rebuttals" or "support", child)
    top: list[int] = []
    hubs: list[int] = []
    for index in range(n_claims):
        pick = rng.random()
        if index < 24:
            parent = -1
        elif pick < 0.3 and depth[index - 1] < MAX_DEPTH:
            parent = index - 1  # a chain: deep regions
        elif pick < 0.4 and hubs:
            parent = rng.choice(hubs)  # a hub: wide regions
        else:
            parent = rng.randrange(index)
            if depth[parent] >= MAX_DEPTH:
                parent = -1
        side.append("pro" if index % 2 == 0 else "con")
        children.append([])
        if parent < 0:
            depth.append(1)
            top.append(index)
        else:
            rebuts = rng.random() < 0.6
            side[index] = (
                side[parent] if not rebuts else ("con" if side[parent] == "pro" else "pro")
            )
            depth.append(depth[parent] + 1)
            children[parent].append(("rebuttals" if rebuts else "support", index))
        if index in (30, 31, 32):
            hubs.append(index)
    by_side: dict[str, list[int]] = {"pro": [], "con": []}
    for index, which in enumerate(side):
        by_side[which].append(index)
    out = [
        "version: 1",
        f"id: outside-{n_claims}",
        f"title: Food policy debate with {n_claims} claims",
        "motion: Governments should tax foods high in sugar, salt and fat.",
    ]
    for which in ("pro", "con"):
        out.append(f"{which}:")
        stack: list[tuple[int | str, str]] = [(c, "  ") for c in reversed(top) if side[c] == which]
        while stack:
            item, indent = stack.pop()
            if isinstance(item, str):
                out.append(item)
                continue
            out.append(f"{indent}- id: a{item}")
            out.append(f"{indent}  text: {json.dumps(_text(rng))}")
            if rng.random() < 0.09:
                opposite = by_side["con" if side[item] == "pro" else "pro"]
                targets = sorted({rng.choice(opposite) for _ in range(rng.randint(1, 3))})
                out.append(f"{indent}  also_rebuts: [{', '.join(f'a{t}' for t in targets)}]")
            pending: list[tuple[int | str, str]] = []
            for key in ("rebuttals", "support"):
                kids = [child for relation, child in children[item] if relation == key]
                if kids:
                    pending.append((f"{indent}  {key}:", ""))
                    pending.extend((child, indent + "    ") for child in kids)
            stack.extend(reversed(pending))
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.stdout.write(outside_debate_yaml(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
