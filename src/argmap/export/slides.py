"""A debate as a slide deck: title, overview, legend, one slide per branch, closing.

`build_deck(graph, options)` plans the deck: which claims each slide draws, how its
text wraps and where a branch too big for one slide is split. Every diagram is laid out
by `dot` while planning and checked against the readability rule of `argmap.export.fit`
(no text smaller than 18 pt on a 1920 × 1080 slide); a branch that breaks it is cut
after fewer levels, with "+N more, next slide" stubs, and carries on in continuation
slides that show their path back to the motion as a breadcrumb. Nothing is ever shrunk
below the rule. `argmap.export.deck_pdf` and `argmap.export.deck_pptx` write the deck.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from argmap.contributions import contributions
from argmap.export import ExportError, ExportOptions
from argmap.export.deck import (
    DECK_FORMATS,
    DECK_THEMES,
    Deck,
    DeckOptions,
    Section,
    Slide,
    deck_output,
    write_deck,
)
from argmap.export.deck_chart import chart_source
from argmap.export.deck_overview import overview_groups, overview_slides
from argmap.export.deck_pdf import TITLE_POINTS, WIDTH_CHARS
from argmap.export.deck_select import homes, lecture_slides, select_parts
from argmap.export.deck_text import (
    breadcrumb,
    claim_line,
    claim_notes,
    plain,
    side_word,
    slide_notes,
    title_text,
)
from argmap.export.dot import (
    FONTNAME,
    THEMES,
    Drawing,
    Scope,
    Theme,
    build_digraph,
    debate_id,
    debate_legends,
    shorten,
    subtree_sizes,
    unsettled,
)
from argmap.export.fit import (
    AREA_HEIGHT,
    AREA_WIDTH,
    CHART_WIDTH,
    PAD,
    Size,
    fits,
    measure,
)
from argmap.export.render import RenderError
from argmap.export.reveal_layout import GROWTH, BoxSize, deck_steps, pinned_last
from argmap.export.verdict import verdict_line, verdict_movers
from argmap.graph import ArgumentGraph
from argmap.model import MOTION_ID, Side
from argmap.semantics import Label, grounded
from argmap.strength import weigh
from argmap.verdict import debate_verdict, strict_reading

__all__ = [
    "DECK_FORMATS",
    "DECK_THEMES",
    "Deck",
    "DeckOptions",
    "Section",
    "Slide",
    "build_deck",
    "claim_notes",
    "deck_output",
    "deck_theme",
    "plain",
    "write_deck",
]

#: Body text of deck diagrams, points; the small text (sides, marks, stubs) is 18 pt: a
#: diagram fits when it needs no shrinking at all.
DIAGRAM_FONT = 20.0
#: Wrap widths tried for a slide's claims, widest first.
WRAPS = (26, 20, 16)
#: (direction, wrap) tried for each depth: top-down first; left to right suits a chain of
#: single answers, which top-down would stack taller than a slide.
LAYOUTS = (*(("TB", w) for w in WRAPS), ("LR", 26), ("LR", 20))
#: Longest claim text drawn on a slide; the full text is in the speaker notes.
MAX_CHARS = 240
#: Claims on one slide, at most: more cannot be read at 18 pt on a 16:9 slide.
MAX_BOXES = 7
#: Claims side by side on one level, at most (five boxes at 18 pt are wider than a slide).
MAX_ACROSS = 4
#: Characters in a slide title: one line of the PDF's 30 pt bold header (which wraps
#: at this width), so a title never runs into the breadcrumb below it.
TITLE_CHARS = int(WIDTH_CHARS / (TITLE_POINTS * 1.1))
#: Lines per list on the closing slide, and characters of each (beside the chart).
CLOSING_ITEMS = 3
CLOSING_CHARS = 36


def deck_theme(name: str) -> Theme:
    """The look of a deck's diagrams: the theme's colours with slide-sized text."""
    base = THEMES["light" if name == "slides" else name]
    return replace(
        base,
        name=f"deck-{name}",
        fontsize=DIAGRAM_FONT,
        nodesep=0.35,
        ranksep=0.45,
        size=None,
        ratio=None,
        dpi=None,
        penwidth=2.4,
        small_ratio=0.9,
    )


# --- planning -------------------------------------------------------------------------------


@dataclass(slots=True, eq=False)
class _Part:
    """A diagram slide being planned: its root, the root's children drawn, how deep."""

    root: str
    children: tuple[str, ...]
    depth: int
    wrap: int
    shown: list[str] = field(default_factory=list)
    hidden_below: dict[str, int] = field(default_factory=dict)
    #: Claims below the cut that get slides of their own (continuations), by parent.
    continued: list[str] = field(default_factory=list)
    #: Parts that show the root's other answers (the stub under the root names them).
    elsewhere: list[_Part] = field(default_factory=list)
    chunk: tuple[int, int] = (1, 1)
    #: TB (levels top-down) or LR (levels left to right, for long chains of answers).
    rankdir: str = "TB"
    number: int = 0  # the slide number of the part's first slide, once numbered
    #: Draw `see` and cross-link stubs; a claim whose links make it too wide for the slide
    #: goes without them (the speaker notes list its links).
    stubs: bool = True


def _renumber(parts: list[_Part]) -> None:
    """Number the parts of each root in order among `parts`: (1, n) ... (n, n)."""
    by_root: dict[str, list[_Part]] = {}
    for part in parts:
        by_root.setdefault(part.root, []).append(part)
    for group in by_root.values():
        ordered = sorted(group, key=lambda p: p.chunk[0])
        for index, part in enumerate(ordered, start=1):
            part.chunk = (index, len(ordered))


class _Planner:
    def __init__(
        self, graph: ArgumentGraph, options: DeckOptions, progress: Progress | None = None
    ) -> None:
        self.graph = graph
        self.options = options
        self.progress = progress
        self.theme = deck_theme(options.theme)
        self.labels = grounded(graph)
        self.weighing = weigh(graph, self.labels, options.semantics)
        self.reading = debate_verdict(graph, self.labels, self.weighing)
        self.sizes = subtree_sizes(graph)
        self.tops = [
            c
            for c in graph.motion.children
            if options.side is None or graph.nodes[c].side is Side(options.side)
        ]
        #: Where each claim's first slide is, once the deck is numbered.
        self.first_slide: dict[str, int] = {}

    # Limits -------------------------------------------------------------------------------

    def cap(self, claim_id: str) -> int | None:
        """How many levels below `claim_id` the deck may draw (None: no limit)."""
        if self.options.depth is None:
            return None
        return max(0, self.options.depth - (self.graph.depth(claim_id) - 1))

    def levels_below(self, claim_id: str) -> int:
        graph = self.graph
        base = graph.depth(claim_id)
        deepest = max(n.depth for n in graph.subtree(claim_id)) - base
        cap = self.cap(claim_id)
        return deepest if cap is None else min(deepest, cap)

    # Scopes and DOT ------------------------------------------------------------------------

    def fill(self, part: _Part) -> None:
        """Work out the claims a part draws and what each leaves out below it."""
        graph = self.graph
        keep = {part.root}
        for child in part.children:
            keep.update(n.id for n in graph.subtree(child, part.depth - 1))
        order = [part.root, *(n.id for n in graph.subtree(part.root) if n.id != part.root)]
        position = {c: i for i, c in enumerate(order)}
        part.shown = sorted(keep, key=position.__getitem__)
        part.hidden_below = {}
        for claim_id in part.shown:
            count = sum(self.sizes[c] for c in graph.nodes[claim_id].children if c not in keep)
            if count:
                part.hidden_below[claim_id] = count

    def source(
        self,
        part: _Part,
        more_text: dict[str, str],
        hidden: frozenset[str] = frozenset(),
        unsettled: frozenset[str] = frozenset(),
        sizes: Mapping[str, BoxSize] | None = None,
    ) -> str:
        """The DOT of a part; `sizes`: its boxes' sizes, to lay a reveal step out level by
        level (`argmap.export.reveal_layout`)."""
        options = ExportOptions(format="dot", wrap=part.wrap, legend=False, rankdir=part.rankdir)
        drawing = Drawing(
            titled=False,
            hidden=hidden,
            unsettled=unsettled,
            more_text=more_text,
            # Top-down, the root is alone on its level and may take the width.
            wide=frozenset({part.root} if part.rankdir == "TB" else ()),
            wide_wrap=44,
            max_chars=MAX_CHARS,
            mark_in_header=True,
            stubs=part.stubs,
            stubs_beside=True,
            pad=PAD,
            page_margin=0,
            labels=self.labels,
            weighing=self.weighing,
            reveal_sizes=sizes,
            reveal_growth=GROWTH if sizes is not None else None,
        )
        scope = Scope(part.root, part.shown, part.hidden_below)
        digraph = build_digraph(self.graph, options, scope=scope, theme=self.theme, drawing=drawing)
        return str(digraph.source)

    def placeholder_more(self, part: _Part) -> dict[str, str]:
        """Stub texts at least as long as the final ones (see `more_text`), for measuring."""
        texts = {c: f"+{n} more, in the notes" for c, n in part.hidden_below.items()}
        if part.root in part.hidden_below:
            texts[part.root] = f"+{part.hidden_below[part.root]} more, slides 999, 999, 999"
        return texts

    # Choosing what fits ---------------------------------------------------------------------

    def fitting(self, parts: list[_Part]) -> list[bool]:
        """Whether each part fits its slide, all laid out by one `dot` run."""
        sources = [self.source(part, self.placeholder_more(part)) for part in parts]
        sizes = measure(sources)
        return [fits(s, size) for s, size in zip(sources, sizes, strict=True)]

    def first_fitting(self, candidates: list[list[_Part]]) -> list[_Part] | None:
        """The first candidate (a list of parts) whose every part fits, measured in one run."""
        verdicts = iter(self.fitting([p for c in candidates for p in c]))
        results = [[next(verdicts) for _ in candidate] for candidate in candidates]
        for candidate, ok in zip(candidates, results, strict=True):
            if all(ok):
                return candidate
        return None

    def surely_too_big(self, part: _Part) -> bool:
        """Whether a part cannot fit however `dot` lays it out: a quick lower bound of its
        size, from its texts, that spares `dot` the hopeless candidates.

        Small text is 18 pt, so a slide fits only at a scale of 1 or more: its natural
        size must be within the diagram area. The bound underestimates every box (narrow
        letters, tight lines, only the margins `dot` always adds), so it never rejects a
        part that would fit.
        """
        font = self.theme.fontsize
        char_width, line_height = 0.42 * font / 72, font / 72
        header = self.theme.small / 72
        levels: dict[int, list[tuple[float, float]]] = {}
        for claim_id in part.shown:
            node = self.graph.nodes[claim_id]
            length = min(len(node.text), MAX_CHARS)
            wide = part.rankdir == "TB" and claim_id == part.root
            wrap = 44 if wide else part.wrap
            # Every box has the node margin of 0.15 × 0.08 in on each side.
            box = (
                min(length, wrap) * char_width + 0.3,
                header + -(-length // wrap) * line_height + 0.16,
            )
            levels.setdefault(node.depth, []).append(box)
        ranks = len(levels) - 1
        if part.rankdir == "TB":
            tall = sum(max(h for _, h in boxes) for boxes in levels.values())
            wide_level = max(sum(w for w, _ in boxes) for boxes in levels.values())
            return tall + ranks * self.theme.ranksep > AREA_HEIGHT or wide_level > AREA_WIDTH
        broad = sum(max(w for w, _ in boxes) for boxes in levels.values())
        tall_level = max(sum(h for _, h in boxes) for boxes in levels.values())
        return broad + ranks * self.theme.ranksep > AREA_WIDTH or tall_level > AREA_HEIGHT

    def widest(self, part: _Part) -> int:
        """The most claims a part puts on one level."""
        levels: dict[int, int] = {}
        for claim_id in part.shown:
            depth = self.graph.depth(claim_id)
            levels[depth] = levels.get(depth, 0) + 1
        return max(levels.values())

    def plan_branch(self, root: str) -> list[_Part]:
        """The parts for `root`'s branch, depth first: slides of the root with as many of
        its answers as fit, each followed by the continuations of what it cuts."""
        graph = self.graph
        children = list(graph.nodes[root].children)
        levels = self.levels_below(root)
        if not children or levels == 0:
            return [self.alone(root)]
        groups: list[_Part] = []
        separate: list[str] = []  # answers too big to share a slide with the root
        start = 0
        while start < len(children):
            batch = children[start : start + MAX_ACROSS]
            # Without link stubs (the notes list the links) before a slide of one box.
            best = self.best_group(root, batch, levels) or self.best_group(
                root, batch, levels, stubs=False
            )
            if best is None:
                separate.append(children[start])
                start += 1
                continue
            groups.append(best)
            start += len(best.children)
        if not groups:
            # Not even the claim with one answer fits: the claim alone, then its answers.
            groups = [self.alone(root)]
        for index, group in enumerate(groups, start=1):
            group.chunk = (index, len(groups))
        parts: list[_Part] = []
        cap = self.cap(root)
        for group in groups:
            parts.append(group)
            for claim_id in group.shown:
                if claim_id == group.root or claim_id not in group.hidden_below:
                    continue
                if cap is not None and graph.depth(claim_id) - graph.depth(root) >= cap:
                    continue  # below --depth: a plain "+N more" stub
                group.continued.append(claim_id)
                parts += self.plan_branch(claim_id)
        firsts = []
        for child in separate:
            planned = self.plan_branch(child)
            firsts.append(planned[0])
            parts += planned
        for group in groups:
            group.elsewhere = [g for g in groups if g is not group] + firsts
        return parts

    def alone(self, root: str) -> _Part:
        """A slide of `root` without its answers: the first layout that fits, with its link
        stubs if they fit beside it, else without them (a claim with many `see` links)."""
        candidates = [
            _Part(root, (), 0, wrap, rankdir=rankdir, stubs=stubs)
            for stubs in (True, False)
            for rankdir, wrap in LAYOUTS
        ]
        for part in candidates:
            self.fill(part)
        found = self.first_fitting([[part] for part in candidates])
        return found[0] if found is not None else candidates[len(LAYOUTS)]

    def best_group(
        self, root: str, candidates: list[str], levels: int, stubs: bool = True
    ) -> _Part | None:
        """The root with the first answers of `candidates` that fit a slide: the most claims,
        then the most answers, the most levels, the first layout. None if not even the
        first answer fits."""
        options: list[_Part] = []
        for count in range(1, len(candidates) + 1):
            group = tuple(candidates[:count])
            for depth in range(1, levels + 1):
                for rankdir, wrap in LAYOUTS:
                    part = _Part(root, group, depth, wrap, rankdir=rankdir, stubs=stubs)
                    self.fill(part)
                    if (
                        len(part.shown) <= MAX_BOXES
                        and self.widest(part) <= MAX_ACROSS
                        and not self.surely_too_big(part)
                    ):
                        options.append(part)
        if not options:
            return None
        fitting = [p for p, ok in zip(options, self.fitting(options), strict=True) if ok]
        if not fitting:
            return None
        order = {layout: index for index, layout in enumerate(LAYOUTS)}
        return max(
            fitting,
            key=lambda p: (len(p.shown), len(p.children), p.depth, -order[p.rankdir, p.wrap]),
        )

    # The whole deck -------------------------------------------------------------------------

    def deck(self) -> Deck:
        graph = self.graph
        groups = overview_groups(graph, self.tops)
        planned: list[_Part] = []
        for done, top in enumerate(self.tops, start=1):
            planned += self.plan_branch(top)
            if self.progress is not None:
                self.progress(done, len(self.tops))
        branches, appendix = self.within_budget(planned, 1 + len(groups) + 2 + 1)
        # Number the slides: title, overview, legend, branches (steps), appendix, closing.
        number = 1 + len(groups) + 2 + 1
        for part in [*branches, *appendix]:
            part.number = number
            self.first_slide.setdefault(part.root, number)
            number += self.steps(part)
        slides = [self.title_slide()]
        overview = overview_slides(graph, self.labels, self.weighing, groups, self.first_slide)
        slides += overview
        diagram_slides: list[Slide] = []
        for legend in self.legend_slides():
            slides.append(legend)
            diagram_slides.append(legend)
        shown_on: dict[str, Slide] = {c: s for s in overview for c in s.claims}
        for part in [*branches, *appendix]:
            head = "Appendix · " if part in appendix else ""
            for slide in self.branch_slides(part, [*branches, *appendix], head):
                slides.append(slide)
                diagram_slides.append(slide)
            if part in branches:
                for claim_id in part.shown:
                    shown_on.setdefault(claim_id, slide)
        closing = self.closing_slide()
        left_out = self.tell_left_out(shown_on)
        closing.sections = (*closing.sections, Section("", (left_out,), 20.0))
        slides.append(closing)
        # Measure every final diagram at once: its scale places it on the slide.
        unique: dict[str, Size] = {}
        # Pinned reveal steps last: in one `dot` run, the graphs after one of them would
        # be drawn as pinned too (see `reveal_layout.pinned_last`).
        pending = pinned_last({s.source for s in diagram_slides if s.source is not None})
        assert closing.chart is not None
        chart_size, *sizes = measure([closing.chart, *pending])
        for source, size in zip(pending, sizes, strict=True):
            unique[source] = size
        self.place_chart(closing, chart_size)
        for slide in diagram_slides:
            assert slide.source is not None
            slide.size = unique[slide.source]
        return Deck(debate_id(graph), plain(graph.debate.title), self.theme, slides)

    def within_budget(self, planned: list[_Part], fixed: int) -> tuple[list[_Part], list[_Part]]:
        """The parts that get slides within `--max-slides`, and those left out (slides in
        the appendix when asked for); a one-box continuation goes on its parent's slide."""
        budget = self.options.max_slides
        if budget is None:
            budget = lecture_slides(len(self.graph))
        if not budget:
            return planned, []
        moves = dict(contributions(self.graph, self.weighing, MOTION_ID))
        steps = [self.steps(part) for part in planned]
        room = max(0, budget - fixed)
        selection = select_parts(planned, moves, room, steps)
        kept = [planned[i] for i in selection.kept]
        drawn = {c for part in kept for c in part.shown[1:]}
        # A kept part that draws only its root, already drawn on its parent's slide.
        kept = [p for p in kept if len(p.shown) > 1 or p.root not in drawn]
        left = [p for p in planned if p not in kept]
        # "(1/2)" counts the slides a claim's answers are drawn on, not those planned.
        _renumber(kept)
        _renumber(left)
        return kept, left if self.options.appendix else []

    def tell_left_out(self, shown_on: dict[str, Slide]) -> str:
        """Add each claim without a slide to the notes of the slide of its nearest shown
        ancestor; the closing slide's line saying what was left out."""
        claims = [n.id for top in self.tops for n in self.graph.subtree(top, self.options.depth)]
        found = homes(self.graph, set(shown_on), claims)
        told: dict[int, list[str]] = {}
        for claim_id in claims:
            if claim_id in found:
                told.setdefault(id(shown_on[found[claim_id]]), []).append(claim_id)
        for slide in {id(s): s for s in shown_on.values()}.values():
            extra = told.get(id(slide))
            if extra:
                slide.notes += "\n\nNot on a slide, told here:\n\n" + slide_notes(
                    self.graph, self.labels, extra, self.weighing
                )
        if not found:
            return "Every claim is on a slide."
        return (
            f"Not on a slide: {len(found)} of {len(claims)} claims, those that move the "
            "verdict least (told in the notes)."
        )

    def steps(self, part: _Part) -> int:
        """Slides a part takes: one, or one per level it draws when the deck builds up."""
        if not self.options.reveal:
            return 1
        base = self.graph.depth(part.root)
        return 1 + max(self.graph.depth(c) - base for c in part.shown)

    def more_text(self, part: _Part, branches: list[_Part]) -> dict[str, str]:
        """The "+N more" stubs' final text, naming the slide where each cut carries on."""
        texts = {c: f"+{n} more" for c, n in part.hidden_below.items()}
        first_of: dict[str, _Part] = {}
        for other in branches:
            first_of.setdefault(other.root, other)
        next_number = part.number + self.steps(part)

        def where(numbers: list[int]) -> str:
            if numbers == [next_number]:
                return "next slide"
            if len(numbers) == 1:
                return f"slide {numbers[0]}"
            if len(numbers) <= 3:
                return "slides " + ", ".join(map(str, numbers))
            return f"slides {numbers[0]}–{numbers[-1]}"

        for claim_id in part.continued:
            count = part.hidden_below[claim_id]
            if claim_id in first_of:
                texts[claim_id] = f"+{count} more, {where([first_of[claim_id].number])}"
            else:
                texts[claim_id] = f"+{count} more, in the notes"
        elsewhere = [other for other in part.elsewhere if other in branches]
        if part.root in part.hidden_below and elsewhere:
            numbers = sorted(other.number for other in elsewhere)
            texts[part.root] = f"+{part.hidden_below[part.root]} more, {where(numbers)}"
        elif part.root in part.hidden_below and part.elsewhere:
            texts[part.root] = f"+{part.hidden_below[part.root]} more, in the notes"
        return texts

    def branch_slides(self, part: _Part, branches: list[_Part], head: str = "") -> list[Slide]:
        """The slide of a part, or one slide per level when the deck builds up; `head`
        goes before the title (the appendix's)."""
        graph = self.graph
        node = graph.nodes[part.root]
        index, count = part.chunk
        steps = self.steps(part)
        # One title line, suffixes "(2/3)" and "(step 1/4)" included.
        prefix = head + (f"{side_word(graph, part.root)} · " if node.depth == 1 else "")
        suffix = f" ({index}/{count})" if count > 1 else ""
        room = TITLE_CHARS - len(prefix) - len(suffix) - (len(" (step 9/9)") if steps > 1 else 0)
        title = prefix + title_text(plain(node.text), room) + suffix
        crumb = breadcrumb(graph, part.root)
        texts = self.more_text(part, branches)
        slides = []
        base = graph.depth(part.root)
        hiding = [
            frozenset(c for c in part.shown if graph.depth(c) - base > step)
            for step in range(steps - 1)
        ] + [frozenset()]

        def draw(hidden: frozenset[str], sizes: Mapping[str, BoxSize] | None) -> str:
            # A label shows from the step that shows the branch below it.
            settling = frozenset(unsettled(graph, part.shown, hidden))
            return self.source(part, texts, hidden, settling, sizes)

        # Each step laid out for the boxes it shows, those shown before kept in place.
        sources = deck_steps(draw, hiding) if steps > 1 else [draw(frozenset(), None)]
        for step, (hidden, source) in enumerate(zip(hiding, sources, strict=True)):
            step_title = f"{title} (step {step + 1}/{steps})" if steps > 1 else title
            shown = tuple(c for c in part.shown if c not in hidden)
            slides.append(
                Slide(
                    "branch",
                    step_title,
                    crumb,
                    source=source,
                    claims=shown,
                    notes=slide_notes(graph, self.labels, shown, self.weighing),
                )
            )
        return slides

    def legend_slides(self) -> list[Slide]:
        """How to read the diagrams: the boxes, then the links (one table is too tall)."""
        boxes, links = debate_legends(self.graph, self.labels, self.theme)
        slides = []
        for table, what in ((boxes, "boxes"), (links, "links")):
            source = (
                "digraph legend {\n"
                f'\tgraph [bgcolor="{self.theme.background}" pad="{PAD:g}" margin="0"]\n'
                f'\tnode [fontname="{FONTNAME}"]\n'
                f"\tlegend [label=<{table}> shape=plaintext margin=0]\n}}\n"
            )
            slides.append(
                Slide(
                    "legend",
                    f"How to read the diagrams: {what}",
                    "Every diagram in this deck draws claims and links this way",
                    source=source,
                    notes=(
                        "Arrows point at the claim answered. A claim stands when every "
                        "rebuttal of it is defeated (grounded semantics); support changes "
                        "no label. A '+N more' box names the slide where the branch goes on."
                    ),
                )
            )
        return slides

    def title_slide(self) -> Slide:
        graph = self.graph
        debate = graph.debate
        pro = sum(1 for n in graph.claims() if n.side is Side.PRO)
        con = len(graph) - pro
        sections = [
            Section("", (shorten(plain(debate.motion), 200),), 28.0),
            Section("", (verdict_line(graph, self.reading),), 24.0),
            Section("", (f"{len(graph)} claims: {pro} for the motion, {con} against",), 20.0),
        ]
        if debate.summary:
            sections.append(Section("", (shorten(plain(debate.summary), 260),), 20.0))
        notes = [plain(debate.title), "Motion: " + plain(debate.motion)]
        notes.append(verdict_line(graph, self.reading))
        notes += [plain(line) for line in self.reading.lines(graph)[1:]]
        notes.append(plain(strict_reading(graph, self.labels)))
        if debate.summary:
            notes.append(plain(debate.summary))
        return Slide(
            "title",
            shorten(plain(debate.title), 80),  # two lines at 40 pt
            sections=tuple(sections),
            claims=(MOTION_ID,),
            notes="\n\n".join(notes),
        )

    def closing_slide(self) -> Slide:
        graph, labels = self.graph, self.labels
        stands = [c for c in self.tops if labels[c] is Label.STANDING]
        falls = [c for c in self.tops if labels[c] is not Label.STANDING]

        def listing(claims: list[str]) -> tuple[str, ...]:
            lines = [claim_line(graph, c, CLOSING_CHARS) for c in claims[:CLOSING_ITEMS]]
            if len(claims) > CLOSING_ITEMS:
                lines.append(f"… and {len(claims) - CLOSING_ITEMS} more")
            return tuple(lines) or ("none",)

        # The grounded labels are the strict reading, named so under the verdict: a list
        # headed "What stands" beside a verdict leaning the other way reads as a contradiction.
        total = len(self.tops)
        sections = (
            Section(f"Strictly standing ({len(stands)} of {total})", listing(stands), 22.0),
            Section(f"Strictly defeated ({len(falls)} of {total})", listing(falls), 22.0),
        )
        notes = [verdict_line(graph, self.reading), plain(strict_reading(graph, labels))]
        notes += [claim_notes(graph, labels, c, self.weighing) for c in [*stands, *falls]]
        return Slide(
            "closing",
            "Where the debate ends",
            f"Verdict: {plain(self.reading.title())}, {self.reading.word}",
            sections=sections,
            claims=tuple([*stands, *falls]),
            notes="\n\n".join(notes),
            chart=chart_source(graph, self.reading, self.theme),
        )

    def place_chart(self, closing: Slide, size: Size) -> None:
        """Keep the closing slide's chart if it fits beside the text at 18 pt; else say
        the movers in words."""
        assert closing.chart is not None
        if fits(closing.chart, size, CHART_WIDTH):
            closing.chart_size = size
            return
        closing.chart = None
        movers = verdict_movers(self.graph, self.reading, CLOSING_ITEMS)
        heading = "Claims that move the verdict most"
        closing.sections += (Section(heading, tuple(movers) or ("none",), 22.0),)


#: Called with (branches planned, branches in all) as the planner goes.
Progress = Callable[[int, int], None]


def build_deck(
    graph: ArgumentGraph, options: DeckOptions | None = None, progress: Progress | None = None
) -> Deck:
    """Plan the deck of a debate: every slide's content, diagram and size.

    `progress`, when given, is called after each top-level claim's branch is planned.
    Raises ExportError for bad options, a missing `dot` program or a failed layout.
    """
    options = options or DeckOptions()
    options.check()
    try:
        return _Planner(graph, options, progress).deck()
    except RenderError as exc:
        raise ExportError(str(exc)) from exc
