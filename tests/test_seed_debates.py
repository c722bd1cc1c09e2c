"""The bundled seed debates: complete, fair and sourced, as far as a program can tell."""

from __future__ import annotations

import re
from functools import cache

import pytest
from helpers import ARGUMENTS
from seed_shingles import digest, digests, shingles

from argmap.graph import ArgumentGraph, Relation
from argmap.load import LoadedDebate, load_paths
from argmap.model import Kind, Side
from argmap.semantics import Label, grounded

DEBATES = [
    "open-science-ip",
    "sovereignty",
    "equity-access",
    "brain-drain",
    "dual-use-security",
    "politicisation",
    "international-collaboration",
]
SEED_TITLES = {
    "International Research Collaboration",
    "Global Research Collaborations",
    "International Collaboration",
    "International Cooperation in the Research Infrastructure dimension",
}


@cache
def _loaded() -> dict[str, LoadedDebate]:
    return {item.debate_id: item for item in load_paths([ARGUMENTS])}


def test_every_topic_is_present_and_clean() -> None:
    loaded = _loaded()
    assert sorted(loaded) == sorted(DEBATES)
    problems = [d.format() for item in loaded.values() for d in item.diagnostics]
    assert problems == []


def _rebuttal_chain_length(graph: ArgumentGraph, claim_id: str) -> int:
    """Longest chain claim -> rebuttal -> counter-rebuttal ... starting at this claim."""
    best = 1
    stack = [(claim_id, 1)]
    while stack:
        node_id, length = stack.pop()
        best = max(best, length)
        for child in graph.children(node_id):
            if child.relation is not Relation.SUPPORTS:
                stack.append((child.id, length + 1))
    return best


@pytest.mark.parametrize("debate_id", DEBATES)
def test_debate_is_complete_and_sourced(debate_id: str) -> None:
    item = _loaded()[debate_id]
    debate = item.debate
    assert debate is not None
    graph = item.graph
    assert debate.summary and debate.motion.strip()
    assert len(debate.pro) >= 3 and len(debate.con) >= 3
    deep_branches = [
        top for top in graph.motion.children if _rebuttal_chain_length(graph, top) >= 3
    ]
    assert len(deep_branches) >= 3, "needs several claim-rebuttal-counter-rebuttal chains"
    assert any(edge.cross for edge in graph.edges), "needs at least one cross-link"
    claims = list(graph.claims())
    assert any(node.kind is Kind.PROPOSAL for node in claims)
    assert any(node.kind is Kind.EVIDENCE for node in claims)
    assert {source.title for source in debate.sources} <= SEED_TITLES
    cited = {s for node in claims if node.claim for s in node.claim.sources}
    assert cited == {source.id for source in debate.sources}, "every listed source is cited"
    uncited = [
        node.id for node in claims if node.claim and not node.claim.sources and not node.claim.note
    ]
    assert uncited == [], "a claim without sources must say in a note where it comes from"
    for side in Side:
        assert any(node.side is side for node in claims)


def test_every_seed_document_is_cited_somewhere() -> None:
    cited_titles = {
        source.title for item in _loaded().values() if item.debate for source in item.debate.sources
    }
    assert cited_titles == SEED_TITLES


def test_collaboration_rates_appear_in_several_debates() -> None:
    with_rates = [
        debate_id
        for debate_id, item in _loaded().items()
        if any(
            "23%" in node.text or "23 %" in node.text or "23 per" in node.text
            for node in item.graph.claims()
        )
    ]
    assert len(with_rates) >= 2, with_rates


def test_umbrella_debate_links_into_the_other_six() -> None:
    graph = _loaded()["international-collaboration"].graph
    linked = {
        ref.partition(":")[0] for node in graph.claims() if node.claim for ref in node.claim.see
    }
    assert set(DEBATES) - {"international-collaboration"} <= linked
    flagships = " ".join(node.text for node in graph.claims())
    for name in ["CERN", "Human Genome Project", "ITER", "James Webb", "Space Station", "SESAME"]:
        assert name in flagships


@pytest.mark.parametrize("debate_id", DEBATES)
def test_rendered_diagram_in_exports_is_current(debate_id: str) -> None:
    from argmap.export import ExportOptions, to_dot

    svg_path = ARGUMENTS.parent / "exports" / f"{debate_id}.svg"
    hint = "regenerate with `argmap export arguments --format svg`"
    assert svg_path.is_file(), hint
    dot = to_dot(_loaded()[debate_id].graph, ExportOptions(rankdir="auto"))
    expected = set(re.findall(r"^\t(\w+) \[", dot, flags=re.MULTILINE)) - {"graph", "node", "edge"}
    svg = svg_path.read_text(encoding="utf-8")
    drawn = re.findall(r'class="node">\s*<title>(\w+)</title>', svg)
    assert len(drawn) > len(_loaded()[debate_id].graph)
    assert sorted(drawn) == sorted(expected), f"{svg_path.name} is stale; {hint}"


# --- structure: what a student reads as "defeated" -----------------------------------------


@pytest.mark.parametrize("debate_id", DEBATES)
def test_no_evidence_claim_is_defeated_by_a_plain_rebuttal(debate_id: str) -> None:
    """A figure the seeds report may be undercut (what it shows) or met by counter-evidence,
    never knocked down by an argument: students must not read "defeated" as "false"."""
    graph = _loaded()[debate_id].graph
    labels = grounded(graph)
    wrong = []
    for node in graph.claims():
        if node.kind is not Kind.EVIDENCE:
            continue
        for edge in graph.attackers(node.id):
            attacker = graph.node(edge.source)
            if edge.relation is Relation.REBUTS and attacker.kind is not Kind.EVIDENCE:
                wrong.append(f"{edge.source} rebuts evidence {node.id}")
        if labels[node.id] is Label.DEFEATED:
            defeaters = [
                edge.source
                for edge in graph.attackers(node.id)
                if labels[edge.source] is Label.STANDING
                and edge.relation is Relation.REBUTS
                and graph.node(edge.source).kind is not Kind.EVIDENCE
            ]
            if defeaters:
                wrong.append(f"evidence {node.id} is defeated by {defeaters}")
    assert wrong == []


@pytest.mark.parametrize("debate_id", DEBATES)
def test_every_top_level_claim_and_every_undercut_has_a_weight(debate_id: str) -> None:
    """Top-level claims weigh directly on the motion and an undercut decides whether a link
    counts at all, so neither is left at the neutral default."""
    graph = _loaded()[debate_id].graph
    unweighted = [
        node.id
        for node in graph.claims()
        if node.claim is not None
        and node.claim.weight is None
        and (node.parent == graph.motion.id or node.relation is Relation.UNDERCUTS)
    ]
    assert unweighted == []


# --- points shared across debates ------------------------------------------------------------

# The same point made in several debates: each group must be joined by `see` links (in either
# direction, possibly through another member), so a reader can compare how the point fares in
# each debate. A point added to a second debate belongs here.
SHARED_POINTS: dict[str, list[str]] = {
    "resilience of critical technologies": [
        "international-collaboration:resilience",
        "dual-use-security:resilience",
        "sovereignty:resilience",
    ],
    "dependence on foreign partners": [
        "international-collaboration:dependence-risk",
        "dual-use-security:unreliable-partners",
        "sovereignty:new-dependencies",
    ],
    "spreading and choosing partners": [
        "international-collaboration:spread-and-select",
        "dual-use-security:spread-and-select",
        "sovereignty:strategic-alignment",
    ],
    "science diplomacy": [
        "international-collaboration:science-diplomacy",
        "dual-use-security:science-diplomacy",
        "politicisation:science-diplomacy",
        "sovereignty:science-diplomacy",
    ],
    "SESAME": [
        "international-collaboration:sesame",
        "dual-use-security:sesame-example",
        "sovereignty:sesame",
        "equity-access:sesame",
        "politicisation:sesame",
    ],
    "diplomacy distorting facilities": [
        "international-collaboration:diplomacy-distorts",
        "politicisation:diplomacy-instrument",
    ],
    "agreed impact principles": [
        "international-collaboration:impact-check",
        "politicisation:impact-principles",
    ],
    "impact principles leave sites open": [
        "international-collaboration:sites-not-covered",
        "politicisation:sites-not-covered",
        "politicisation:siting-unchecked",
    ],
    "diverse teams": ["equity-access:inclusion-improves-science", "politicisation:diverse-teams"],
    "diversity from open competition": [
        "equity-access:diversity-through-competition",
        "politicisation:merit-pool",
    ],
    "capacity-building as the answer": [
        "equity-access:capacity-building",
        "politicisation:capacity-and-criteria",
    ],
    "collaboration rates by country, 2022": [
        "international-collaboration:high-rates-2022",
        "brain-drain:rates-2022",
        "sovereignty:rates-2022",
        "equity-access:rates-uneven",
        "brain-drain:connected-systems",
        "sovereignty:high-rate-dependence",
    ],
    "collaboration rates, 2003 to 2022": [
        "international-collaboration:rising-rates",
        "brain-drain:rates-growth",
        "sovereignty:rates-trend",
    ],
    "collaboration as a theme of science policy": [
        "international-collaboration:core-policy-theme",
        "sovereignty:core-policy-theme",
    ],
    "transparent frameworks for public and private money": [
        "international-collaboration:transparent-frameworks",
        "sovereignty:transparent-frameworks",
    ],
    "the NSF list of partner countries": [
        "international-collaboration:nsf-supplements",
        "dual-use-security:nsf-quantum-partners",
        "equity-access:nsf-twelve-partners",
    ],
    "world collaboration rate": [
        "international-collaboration:global-rate-2022",
        "politicisation:rates-2022",
    ],
    "capacity gains of developing-country partners": [
        "international-collaboration:capacity-building",
        "equity-access:already-builds-capacity",
        "brain-drain:capacity-at-home",
    ],
    "concentration of influence": [
        "international-collaboration:concentrated-influence",
        "equity-access:influence-concentrates",
        "politicisation:agenda-concentration",
    ],
    "transparent governance as counterweight": [
        "international-collaboration:governance-counterweights",
        "equity-access:transparent-governance",
        "politicisation:transparent-governance",
    ],
    "payers write the rules": [
        "international-collaboration:funders-write-rules",
        "politicisation:payers-write-rules",
    ],
    "EU-CELAC co-chairs": [
        "international-collaboration:eu-celac",
        "sovereignty:co-chaired-governance",
        "equity-access:eu-celac",
        "politicisation:eu-celac-cochairs",
    ],
    "one working group shows little": [
        "international-collaboration:one-group-thin",
        "sovereignty:one-group-thin",
        "politicisation:cochairs-not-budgets",
    ],
    "diluted accountability": [
        "international-collaboration:accountability-dilution",
        "politicisation:accountability-dilution",
        "sovereignty:diluted-accountability",
    ],
    "audits and milestones": [
        "international-collaboration:oversight-tools",
        "politicisation:milestones-audits",
        "sovereignty:audits-and-milestones",
    ],
    "audits miss priorities": [
        "international-collaboration:goals-unchecked",
        "politicisation:audits-miss-priorities",
    ],
    "independent review of outcomes": [
        "international-collaboration:review-of-outcomes",
        "politicisation:independent-review-of-outcomes",
    ],
    "one member cannot redirect": [
        "international-collaboration:transparency-not-control",
        "sovereignty:audits-come-late",
    ],
    "renewal decisions": [
        "international-collaboration:renewal-say",
        "sovereignty:renewal-leverage",
    ],
    "constraint on policy choice": [
        "international-collaboration:policy-constraint",
        "sovereignty:narrows-policy-choice",
    ],
    "harmonisation narrows choice": [
        "international-collaboration:harmonisation-narrows",
        "sovereignty:harmonised-rules",
    ],
    "transnational problems": [
        "international-collaboration:transnational-challenges",
        "dual-use-security:transnational-problems",
        "sovereignty:collective-action",
        "open-science-ip:global-needs",
    ],
    "shaping standards": [
        "international-collaboration:standards-leadership",
        "sovereignty:shape-standards",
        "dual-use-security:standards-influence",
        "open-science-ip:leadership-through-participation",
    ],
    "uneven voice": [
        "international-collaboration:big-players-set-standards",
        "sovereignty:voice-is-uneven",
    ],
    "some voice beats none": [
        "international-collaboration:some-voice-beats-none",
        "sovereignty:some-voice-beats-none",
    ],
    "governments encourage collaboration": [
        "international-collaboration:governments-encourage",
        "sovereignty:governments-encourage",
    ],
    "threat perception": [
        "international-collaboration:threat-perception",
        "open-science-ip:threat-perception",
        "sovereignty:perceived-threats",
    ],
    "partners chosen by geopolitics": [
        "dual-use-security:threat-partners",
        "politicisation:geopolitical-partners",
    ],
    "NSF and international supplements": [
        "international-collaboration:nsf-supplements",
        "dual-use-security:nsf-quantum-partners",
    ],
    "transfer of sensitive technology": [
        "international-collaboration:security-risk",
        "dual-use-security:tech-transfer-risk",
        "sovereignty:external-influence",
    ],
    "targeted guardrails": [
        "international-collaboration:guardrails-reply",
        "dual-use-security:calibrated-guardrails",
        "open-science-ip:calibrated-protection",
    ],
    "compliance costs of diverging rules": [
        "international-collaboration:guardrail-costs",
        "dual-use-security:compliance-burden",
        "open-science-ip:rules-costly",
    ],
    "costs as the price of protection": [
        "international-collaboration:price-of-protection",
        "dual-use-security:privacy-price",
    ],
    "bodies reconcile legal regimes": [
        "dual-use-security:harmonised-rules",
        "sovereignty:bodies-reconcile",
    ],
    "harmonisation as concession": [
        "dual-use-security:lowest-denominator",
        "sovereignty:coordination-is-concession",
    ],
    "room for national safeguards": [
        "dual-use-security:room-for-safeguards",
        "sovereignty:adjustment-partial",
    ],
    "data sovereignty": [
        "dual-use-security:data-control",
        "open-science-ip:data-control",
        "sovereignty:data-jurisdiction",
    ],
    "tiered or controlled access": [
        "open-science-ip:tiered-access",
        "dual-use-security:controlled-access",
    ],
    "emergency procedures": [
        "open-science-ip:emergency-clauses",
        "dual-use-security:emergency-procedures",
    ],
    "governance gaps": ["open-science-ip:governance-gaps", "dual-use-security:governance-gaps"],
    "gaps call for clearer rules": [
        "open-science-ip:gaps-cut-both-ways",
        "dual-use-security:gaps-call-for-clarity",
    ],
    "exit clauses": [
        "sovereignty:exit-clauses",
        "dual-use-security:exit-clauses",
        "international-collaboration:milestones-and-exit",
    ],
    "IP leakage": ["international-collaboration:ip-leakage", "open-science-ip:national-advantage"],
    "IP lockout": ["equity-access:ip-lockout", "open-science-ip:rigid-ip-lockout"],
    "IP attracts funding": [
        "equity-access:ip-brings-funding",
        "open-science-ip:ip-makes-products",
        "open-science-ip:ip-attracts-funding",
    ],
    "time-limited exclusivity": [
        "equity-access:exclusivity-compromise",
        "open-science-ip:time-limited-exclusivity",
        "open-science-ip:exclusivity-suffices",
        "international-collaboration:delay-is-the-protection",
    ],
    "reciprocity hard to enforce": [
        "international-collaboration:only-delay",
        "open-science-ip:reciprocity",
    ],
    "well-governed openness": [
        "open-science-ip:governed-openness",
        "equity-access:governed-ip-access",
        "politicisation:well-governed-openness",
    ],
    "domestic industry": [
        "international-collaboration:domestic-industry",
        "sovereignty:domestic-returns",
        "brain-drain:industry-loss",
    ],
    "comparative advantage": [
        "international-collaboration:comparative-advantage",
        "sovereignty:comparative-advantage",
    ],
    "Group of Senior Officials": [
        "international-collaboration:gso",
        "sovereignty:gso-2008",
        "politicisation:gso-okinawa",
    ],
    "OECD impact group": ["international-collaboration:oecd-gsf", "sovereignty:gsf-impact-group"],
    "OECD sustainability group": [
        "international-collaboration:sustainability-planned",
        "sovereignty:gsf-sustainability-group",
    ],
    "ISS and JWST": [
        "international-collaboration:jwst",
        "international-collaboration:iss",
        "sovereignty:iss-jwst",
    ],
    "facilities beyond one state": [
        "international-collaboration:beyond-national-reach",
        "sovereignty:facilities-beyond-one-state",
        "open-science-ip:pooling-purpose",
    ],
    "Human Genome Project": [
        "international-collaboration:human-genome-project",
        "open-science-ip:genome-project",
    ],
    "brain drain": ["international-collaboration:brain-drain", "brain-drain:siphons-talent"],
    "circulation of talent": [
        "international-collaboration:talent-circulates",
        "brain-drain:circulation",
        "brain-drain:global-pool",
    ],
    "returns are not automatic": [
        "international-collaboration:return-not-automatic",
        "brain-drain:stays-become-permanent",
    ],
    "policies for return": [
        "international-collaboration:return-policies",
        "brain-drain:long-term-ties",
        "brain-drain:local-reinvestment",
        "brain-drain:balanced-exchange",
    ],
    "ties replace only part": [
        "international-collaboration:ties-replace-part",
        "brain-drain:ties-not-presence",
        "brain-drain:reinvestment-small",
    ],
    "talent development": ["international-collaboration:talent", "brain-drain:talent-development"],
    "study abroad": [
        "international-collaboration:study-abroad-tradition",
        "brain-drain:learning-abroad",
    ],
    "workforce as a motive": [
        "international-collaboration:workforce-motive",
        "brain-drain:workforce-aim",
    ],
    "capacity gives voice": [
        "equity-access:access-not-agenda",
        "international-collaboration:dependency",
    ],
}


def _see_links() -> dict[str, set[str]]:
    """`debate:claim` -> every `debate:claim` it links to or is linked from with `see`."""
    links: dict[str, set[str]] = {}
    for debate_id, item in _loaded().items():
        for node in item.graph.claims():
            if node.claim is None:
                continue
            here = f"{debate_id}:{node.id}"
            for ref in node.claim.see:
                if ":" in ref:
                    links.setdefault(here, set()).add(ref)
                    links.setdefault(ref, set()).add(here)
    return links


@pytest.mark.parametrize("point", sorted(SHARED_POINTS))
def test_every_shared_point_is_linked_with_see(point: str) -> None:
    members = SHARED_POINTS[point]
    loaded = _loaded()
    missing = [m for m in members if m.partition(":")[2] not in loaded[m.partition(":")[0]].graph]
    assert missing == [], "the shared point names claims that do not exist"
    links = _see_links()
    reached = {members[0]}
    frontier = [members[0]]
    while frontier:
        for other in links.get(frontier.pop(), set()) & set(members):
            if other not in reached:
                reached.add(other)
                frontier.append(other)
    assert sorted(set(members) - reached) == [], f"not linked to {members[0]} by `see`"


def test_shared_points_span_debates() -> None:
    for point, members in SHARED_POINTS.items():
        assert len({m.partition(":")[0] for m in members}) >= 2, point


# --- copied sentences ------------------------------------------------------------------------


def _seed_digests() -> set[str]:
    path = ARGUMENTS.parent / "tests" / "data" / "seeds" / "shingles.txt"
    return set(path.read_text(encoding="ascii").split())


def _copied(texts: dict[str, str], source: set[str]) -> list[str]:
    return sorted(
        where for where, text in texts.items() if any(digest(s) in source for s in shingles(text))
    )


def test_the_copy_check_finds_a_copied_phrase_and_passes_a_paraphrase() -> None:
    source = digests(
        ["Shared telescopes let small countries observe skies they could never afford alone."]
    )
    texts = {
        "copied": "One article says small countries observe skies they could never afford alone.",
        "paraphrased": "Small states use joint telescopes to see skies beyond their own budgets.",
    }
    assert _copied(texts, source) == ["copied"]
    assert len(_seed_digests()) > 1000


def test_no_sentence_is_copied_from_the_seeds() -> None:
    """No run of eight words in any claim, note, motion or summary appears in a seed document."""
    texts: dict[str, str] = {}
    for debate_id, item in _loaded().items():
        debate = item.debate
        assert debate is not None
        texts[f"{debate_id}: motion"] = debate.motion
        texts[f"{debate_id}: summary"] = debate.summary or ""
        for node in item.graph.claims():
            texts[f"{debate_id}:{node.id}"] = node.text
            if node.claim is not None and node.claim.note:
                texts[f"{debate_id}:{node.id} note"] = node.claim.note
    assert _copied(texts, _seed_digests()) == []


def test_a_claim_without_sources_says_it_goes_beyond_the_seeds() -> None:
    unmarked = [
        f"{debate_id}:{node.id}"
        for debate_id, item in _loaded().items()
        for node in item.graph.claims()
        if node.claim is not None
        and not node.claim.sources
        and "beyond the sources" not in (node.claim.note or "").lower()
    ]
    assert unmarked == []


def test_the_verdict_table_matches_the_strengths() -> None:
    """arguments/README.md states each debate's verdict; it must be what argmap computes."""
    strength = pytest.importorskip("argmap.strength")
    readme = (ARGUMENTS / "README.md").read_text(encoding="utf-8")
    rows = {
        m[0]: m[1:]
        for m in re.findall(
            r"^\| `([a-z-]+)` \| ([a-z-]+, [0-9.]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \|",
            readme,
            re.MULTILINE,
        )
    }
    assert sorted(rows) == sorted(DEBATES)
    from argmap.robustness import robustness

    for debate_id, (stated, robust, span, others) in rows.items():
        graph = _loaded()[debate_id].graph
        weighing = strength.weigh(graph)
        computed = f"{weighing.verdict.value}, {weighing.motion_strength:.2f}"
        assert stated == computed, debate_id
        # The robustness columns: what one change flips, the range, the other semantics.
        found = robustness(graph, weighing)
        flips = (len(found.flip_by_removal), len({c for c, _, _ in found.flip_by_weight}))
        expected = "robust" if found.robust else "fragile: {} by removal, {} by weight"
        assert robust.strip() == expected.format(*flips), debate_id
        assert span.strip() == f"{found.low:.2f}–{found.high:.2f}", debate_id
        verdicts = ", ".join(
            f"{name} {v.value}" for name, (_, v) in found.semantics.items() if name != found.chosen
        )
        assert others.strip() == verdicts, debate_id


def test_a_verdict_that_rests_on_one_claim_is_called_fragile() -> None:
    """Removing a debate's largest mover must not change its verdict's category unless the
    table says "fragile" (and why) in that debate's row."""
    strength = pytest.importorskip("argmap.strength")
    from argmap.contributions import contributions

    readme = (ARGUMENTS / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([a-z-]+)` \| (.*)$", readme, re.MULTILINE))
    unmarked = []
    for debate_id in DEBATES:
        graph = _loaded()[debate_id].graph
        weighing = strength.weigh(graph)
        mover, amount = contributions(graph, weighing, limit=1)[0]
        without = strength.verdict_for(weighing.motion_strength - amount)
        if without is not weighing.verdict and "fragile" not in rows[debate_id]:
            unmarked.append(f"{debate_id}: without {mover} {without.value}")
    assert unmarked == []
