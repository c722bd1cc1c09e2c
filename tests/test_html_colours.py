"""Text colours of the web page: WCAG contrast, and theme colours made readable."""

from __future__ import annotations

import pytest

from argmap.export.dot import THEMES
from argmap.export.html_colours import TEXT_CONTRAST, contrast, readable


def test_contrast_matches_the_wcag_examples() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    # #767676 is the lightest grey that passes on white; #777777 just fails.
    assert contrast("#767676", "#FFFFFF") >= TEXT_CONTRAST > contrast("#777777", "#FFFFFF")


def test_a_readable_colour_is_left_alone() -> None:
    assert readable("#1A1A1A", ["#FFFFFF"], "#000000") == "#1A1A1A"


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_every_theme_colour_becomes_readable_and_stays_close(theme: str) -> None:
    t = THEMES[theme]
    grounds = [t.background, t.motion_fill]
    for colour in (t.pro_border, t.con_border, t.muted):
        text = readable(colour, grounds, t.text)
        assert all(contrast(text, g) >= TEXT_CONTRAST for g in grounds)
        # Only as far towards the text colour as needed: one step less would not do.
        if text != colour.upper():
            assert contrast(text, t.background) < TEXT_CONTRAST + 1.5
