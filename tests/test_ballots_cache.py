"""The class's tally kept per debate and ballot folder: made again only when either changes."""

from __future__ import annotations

import os
from pathlib import Path

from argmap.ballots.cache import TallyCache, folder_state
from argmap.load import load_file
from argmap.strength import Verdict

THREE = Path(__file__).parent / "data" / "ballots" / "three.yaml"
# Hand-computed in test_ballots: Ana leans pro, Ben leans con, Cy is balanced.
ANA = "debate: three\nby: Ana\nweights: {a: 5, b: 1}\n"
BEN = "debate: three\nby: Ben\nweights: {a: 1, b: 5, c: 1}\n"
CY = "debate: three\nby: Cy\nweights: {}\n"


def _split(pro: int, balanced: int, con: int) -> dict[Verdict, int]:
    return {Verdict.LEANS_PRO: pro, Verdict.BALANCED: balanced, Verdict.LEANS_CON: con}


def test_a_tally_is_made_again_only_when_the_ballots_or_the_debate_change(
    tmp_path: Path,
) -> None:
    graph = load_file(THREE).graph
    votes = tmp_path / "three"
    votes.mkdir()
    (votes / "ana.yaml").write_text(ANA)
    (votes / "ben.yaml").write_text(BEN)
    cache = TallyCache()
    assert cache.known(graph) is None
    assert cache.refresh(graph, tmp_path)
    first = cache.known(graph)
    assert first is not None and first.split == _split(1, 0, 1)
    assert not cache.refresh(graph, tmp_path)
    assert cache.known(graph) is first  # kept, not tallied again

    (votes / "cy.yaml").write_text(CY)
    assert cache.refresh(graph, tmp_path)
    again = cache.known(graph)
    assert again is not None and again.split == _split(1, 1, 1)

    # A ballot rewritten in place (same name): seen by its size and time.
    (votes / "cy.yaml").write_text(ANA.replace("Ana", "Cy"))
    stat = (votes / "cy.yaml").stat()
    os.utime(votes / "cy.yaml", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert cache.refresh(graph, tmp_path)
    rewritten = cache.known(graph)
    assert rewritten is not None and rewritten.split == _split(2, 0, 1)

    # The debate reloaded: its new graph is tallied afresh, the old tally not shown for it.
    reloaded = load_file(THREE).graph
    assert cache.known(reloaded) is None
    assert cache.refresh(reloaded, tmp_path)
    assert cache.known(reloaded) is not None


def test_no_ballots_means_no_tally_and_nothing_to_redraw(tmp_path: Path) -> None:
    graph = load_file(THREE).graph
    cache = TallyCache()
    assert not cache.refresh(graph, tmp_path / "nowhere")
    assert cache.known(graph) is None
    votes = tmp_path / "three"
    votes.mkdir()
    (votes / "ana.yaml").write_text(ANA)
    assert cache.refresh(graph, tmp_path)
    (votes / "ana.yaml").unlink()
    assert cache.refresh(graph, tmp_path)  # the split shown must go
    assert cache.known(graph) is None


def test_the_folder_state_names_every_file_once(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text("x")
    (tmp_path / "a.yaml").write_text("yy")
    state = folder_state(tmp_path)
    assert [(name, size) for name, size, _ in state] == [("a.yaml", 2), ("b.yaml", 1)]
    assert folder_state(tmp_path / "missing") == ()
