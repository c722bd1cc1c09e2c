"""An argument graph as a Graphviz diagram: scope, themes, escaped labels, legend and stubs.

Node names are synthetic (`n0000` for the motion, then `n0001`... in document order), so a
claim id never reaches DOT syntax as a name; the id and text live in HTML-like labels built
with full escaping. Everything is emitted in document order, so the same debate always
gives byte-identical DOT.

The work is done in rooms by role; this module builds the digraph and keeps every name
other modules use importable from here:

- `dot_theme`: themes and the colour maths of faded claims;
- `dot_text`: escaping, wrapping, shortening and quoting;
- `dot_scope`: which claims a diagram draws;
- `dot_layout`: rank direction, layout choice by size, drawing options;
- `dot_legend`: the marks (link styles, states, shapes) and the legend;
- `dot_builder`: the builder that writes the DOT.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.collector import collector_paused
from argmap.export.dot_builder import _Builder
from argmap.export.dot_layout import (
    AUTO_LR_WIDTH,
    FAST_LAYOUT_PASSES,
    LARGE_DIAGRAM,
    LAYOUTS,
    RANKDIRS,
    TREE_DIAGRAM,
    Drawing,
    choose_rankdir,
    fast_layout,
    uses_fast_layout,
    uses_tree_layout,
)
from argmap.export.dot_legend import (
    CUT_MARK,
    EDGE_GLYPHS,
    EDGE_STYLES,
    KIND_SHAPES,
    STATE_MARKS,
    debate_legends,
    edge_kind,
    legend_table,
)
from argmap.export.dot_scope import (
    Scope,
    ScopeError,
    branch_sides,
    compute_scope,
    debate_id,
    hidden_below_level,
    subtree_sizes,
    unknown_root_message,
    unsettled,
)
from argmap.export.dot_text import escape_html, html_lines, quick_quote, shorten, wrap_lines
from argmap.export.dot_theme import FONTNAME, THEMES, Theme, mix
from argmap.model import SIDES

if TYPE_CHECKING:
    import graphviz

    from argmap.export import ExportOptions
    from argmap.graph import ArgumentGraph

__all__ = [
    "AUTO_LR_WIDTH",
    "CUT_MARK",
    "EDGE_GLYPHS",
    "EDGE_STYLES",
    "FAST_LAYOUT_PASSES",
    "FONTNAME",
    "KIND_SHAPES",
    "LARGE_DIAGRAM",
    "LAYOUTS",
    "RANKDIRS",
    "SIDES",
    "STATE_MARKS",
    "THEMES",
    "TREE_DIAGRAM",
    "Drawing",
    "Scope",
    "ScopeError",
    "Theme",
    "branch_sides",
    "build_digraph",
    "choose_rankdir",
    "compute_scope",
    "debate_id",
    "debate_legends",
    "edge_kind",
    "escape_html",
    "fast_layout",
    "hidden_below_level",
    "html_lines",
    "legend_table",
    "mix",
    "quick_quote",
    "shorten",
    "subtree_sizes",
    "unknown_root_message",
    "unsettled",
    "uses_fast_layout",
    "uses_tree_layout",
    "wrap_lines",
]


def build_digraph(
    graph: ArgumentGraph,
    options: ExportOptions,
    *,
    scope: Scope | None = None,
    theme: Theme | None = None,
    drawing: Drawing | None = None,
) -> graphviz.Digraph:
    """The `graphviz.Digraph` of a debate (or the part `options` scopes), fully styled.

    `scope`, `theme` and `drawing` let a slide deck choose the claims, the sizes and the
    details itself. Raises ScopeError for an unknown root or a root outside the chosen side.
    """
    if scope is None:
        scope = compute_scope(graph, options.root, options.depth, options.side)
    if drawing is None and options.reveal is not None:
        from argmap.export.reveal_layout import reveal_drawing

        drawing = reveal_drawing(graph, options, scope, theme or THEMES[options.theme])
    # Emission makes many short-lived strings and lists and no reference cycles; with the
    # cyclic collector running, each of its passes would rescan the whole loaded debate.
    with collector_paused():
        return _Builder(graph, options, theme or THEMES[options.theme], drawing).build(scope)
