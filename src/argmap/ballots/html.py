"""The class's vote on an exported page: lines under the verdict (`argmap export --ballots`)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from argmap.ballots.summary import class_lines, class_tally
from argmap.export.html import Annotate, DebateFacts, with_strengths
from argmap.graph import ArgumentGraph


def with_class(folder: Path) -> Annotate:
    """Strengths and the headline (`with_strengths`), then the class's split and its most
    contested claims from the ballots in `folder`; nothing more without ballots."""

    def annotate(graph: ArgumentGraph, facts: DebateFacts) -> DebateFacts:
        facts = with_strengths(graph, facts)
        result = class_tally(graph, folder)
        if result is None:
            return facts
        return replace(facts, headline=(*facts.headline, *class_lines(graph, result)))

    return annotate
