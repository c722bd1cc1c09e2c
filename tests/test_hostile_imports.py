"""Imports of hostile files: deep chains refused before any YAML, parsers that stay linear.

The files are small versions of the shapes that used to cost time or memory with the
square of their size; these tests check what is imported or refused, `benchmarks/
bench_hostile_imports.py` checks how the cost grows.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.interop import InteropError, import_aif_all, import_text, read_import
from argmap.interop import argdown_in as argdown
from argmap.interop.textscan import comment_spans, sub_emphasis, sub_links, sub_tags
from argmap.load import MAX_DEPTH


def aif_chain(depth: int) -> str:
    """An AIF file where each claim attacks the one before it, `depth` claims deep."""
    nodes = [{"nodeID": "0", "type": "I", "text": "The motion."}]
    edges = []
    for i in range(1, depth + 1):
        nodes.append({"nodeID": str(i), "type": "I", "text": f"Claim {i}."})
        nodes.append({"nodeID": f"s{i}", "type": "CA", "text": "Default Conflict"})
        edges.append({"edgeID": f"a{i}", "fromID": str(i), "toID": f"s{i}"})
        edges.append({"edgeID": f"b{i}", "fromID": f"s{i}", "toID": str(i - 1)})
    return json.dumps({"nodes": nodes, "edges": edges, "locutions": []})


def argdown_chain(depth: int) -> str:
    """An Argdown relation tree indented one step more on every line."""
    lines = ["[motion]: The motion."]
    lines.extend("  " * i + f"- [c{i}]: Claim {i}." for i in range(1, depth + 1))
    return "\n".join(lines) + "\n"


def argdown_outgoing_chain(depth: int) -> str:
    """The same chain written as blocks, each claim attacking the previous with `->`."""
    blocks = ["[c0]: The motion."]
    blocks.extend(f"[c{i}]: Claim {i}.\n  -> [c{i - 1}]" for i in range(1, depth + 1))
    return "\n\n".join(blocks) + "\n"


def kialo_see_chain(length: int) -> str:
    """`1.i. Pro: -> See 1.(i+1).`: every link points at the next link, the last at a claim."""
    lines = ["Discussion Title: T", "", "1. The thesis."]
    lines.extend(f"1.{i}. Pro: -> See 1.{i + 1}." for i in range(1, length + 1))
    lines.append(f"1.{length + 1}. Con: The last claim.")
    lines.append(f"1.{length + 1}.1. Pro: Under it.")
    lines.extend(f"1.{length + 1}.1.{i}. Con: -> See 1.{i}." for i in range(1, 4))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("fmt", "make"),
    [("aif", aif_chain), ("argdown", argdown_chain), ("argdown", argdown_outgoing_chain)],
)
def test_a_chain_deeper_than_the_limit_is_refused_before_any_yaml_is_written(
    fmt: str, make: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert callable(make)

    def no_yaml(*args: object) -> str:
        raise AssertionError("YAML written for a tree the loader refuses")

    monkeypatch.setattr("argmap.interop.yaml_out.dump_debate", no_yaml)
    with pytest.raises(InteropError, match=f"deeper than {MAX_DEPTH} levels"):
        import_text(fmt, make(MAX_DEPTH + 1), "deep.yaml")


@pytest.mark.parametrize(
    ("fmt", "make"),
    [("aif", aif_chain), ("argdown", argdown_chain), ("argdown", argdown_outgoing_chain)],
)
def test_a_chain_at_the_limit_imports_whole(fmt: str, make: object) -> None:
    assert callable(make)
    outcome = import_text(fmt, make(MAX_DEPTH), "deep.yaml")
    assert outcome.loaded.ok
    assert outcome.claim_count() == MAX_DEPTH


def test_the_cli_names_the_limit_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "chain.json"
    source.write_text(aif_chain(3 * MAX_DEPTH))
    target = tmp_path / "chain.yaml"
    assert main(["import", "aif", str(source), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert f"claims nest deeper than {MAX_DEPTH} levels" in err
    assert "Traceback" not in err
    assert not target.exists()


def test_an_import_larger_than_the_size_cap_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "big.argdown"
    source.write_text(argdown_outgoing_chain(50))
    monkeypatch.setenv("ARGMAP_MAX_BYTES", "100")
    assert main(["import", "argdown", str(source), "-o", "-"]) == 1
    assert "ARGMAP_MAX_BYTES" in capsys.readouterr().err


def test_a_chain_of_kialo_links_leads_every_link_to_the_claim_at_its_end() -> None:
    imported = read_import("kialo", kialo_see_chain(300))
    (last,) = imported.data["con"]
    assert last["id"] == "k-1-301"
    # Each link under the thesis repeats the last claim there, which argmap cannot hold.
    repeats = [
        loss for loss in imported.losses if "repeats k-1-301 under the thesis" in loss.message
    ]
    assert len(repeats) == 300
    # The three links below it all lead through the chain to the last claim: it answers
    # the claim they sit under, once, not three times.
    (under,) = last["support"]
    assert under["id"] == "k-1-301-1"
    assert last["also_rebuts"] == ["k-1-301-1"]


def test_a_loop_of_kialo_links_is_dropped_not_followed_forever() -> None:
    text = "Discussion Title: T\n\n1. Thesis.\n1.1. Pro: A claim.\n"
    text += "1.1.1. Con: -> See 1.1.2.\n1.1.2. Con: -> See 1.1.1.\n"
    imported = read_import("kialo", text)
    assert [loss.message for loss in imported.losses if "does not contain" in loss.message]


def test_one_kialo_claim_linked_from_many_places_gets_each_link_once() -> None:
    lines = ["Discussion Title: T", "", "1. Thesis.", "1.1. Pro: The target."]
    for i in range(2, 402):
        lines.append(f"1.{i}. Con: Claim {i}.")
        lines.append(f"1.{i}.1. Con: -> See 1.1.")
        lines.append(f"1.{i}.2. Con: -> See 1.1.")
    imported = read_import("kialo", "\n".join(lines) + "\n")
    target = imported.data["pro"][0]
    assert target["also_rebuts"] == [f"k-1-{i}" for i in range(2, 402)]


def test_an_argdown_line_of_brackets_is_refused_for_what_it_is() -> None:
    with pytest.raises(InteropError, match="no relations"):
        read_import("argdown", "[" * 20_000 + "\n")
    with pytest.raises(InteropError, match="no relations"):
        read_import("argdown", "#" * 20_000 + "[" * 4_000 + "\n")


def test_thousands_of_headings_in_one_block_are_each_reported() -> None:
    text = "".join(f"# Heading {i}\n" for i in range(5_000))
    text += "[motion]: The motion.\n  - [a]: An attack.\n"
    imported = read_import("argdown", text)
    (headings,) = [loss for loss in imported.losses if loss.message.startswith("headings")]
    assert len(headings.items) == 5_000
    assert imported.data["con"][0]["text"] == "An attack."


def test_many_titles_with_one_slug_get_distinct_ids() -> None:
    titles = ["Same", *(f"Same{'!' * i}" for i in range(1, 300))]
    text = "[motion]: M.\n" + "".join(f"  - [{t}]: Text {i}.\n" for i, t in enumerate(titles))
    imported = read_import("argdown", text)
    ids = [claim["id"] for claim in imported.data["con"]]
    assert len(set(ids)) == 300
    assert ids[:3] == ["same", "same-2", "same-3"]


def test_an_argdown_claim_with_many_cross_links_keeps_each_once() -> None:
    lines = ["[motion]: M.", *(f"  - [c{i}]: Claim {i}." for i in range(300))]
    lines.append("")
    lines.append("[c0]")
    lines.extend(f"  -> [c{i}]" for i in range(1, 300))
    lines.extend(f"  -> [c{i}]" for i in range(1, 300))
    imported = read_import("argdown", "\n".join(lines) + "\n")
    first = imported.data["con"][0]
    assert first["also_rebuts"] == [f"c{i}" for i in range(1, 300)]


def test_unclosed_comments_emphasis_and_tags_leave_the_text_as_written() -> None:
    text = "[motion]: M.\n  - [a]: x <!-- y /* z *a *b #(c [d](e\n"
    imported = read_import("argdown", text)
    assert imported.data["con"][0]["text"] == "x <!-- y /* z *a *b #(c [d](e"


# The expressions the linear scans replace: on any text the scans must find what these
# find (they are correct, only quadratic on some inputs).
_OLD_COMMENTS = re.compile(r"<!--.*?-->|/\*.*?\*/|(?<![\\:/])//[^\n]*", re.DOTALL)
_OLD_BOLD = re.compile(r"(?<!\\)(\*\*|__)(?=\S)(.+?)(?<=\S)(?<!\\)\1")
_OLD_ITALIC = re.compile(r"(?:(?<=\s)|^)([*_])(?=\S)(.+?)(?<=\S)(?<!\\)\1(?=\s|$|[.,;:!?)])")
_KIALO_LINK = re.compile(
    r"(!?)(?<!\\)\[((?:[^\]\\]|\\.)*)\]\(((?:[^()\s]|\([^()\s]*\))+)(?:\s+\"[^\"]*\")?\)"
)
_PIECES = [*'ab *_\\\n[]()!#<>-/.:"', "<!--", "-->", "/*", "*/", "//", "**", "__", "](", "#("]


def test_the_linear_scans_find_what_the_expressions_they_replace_find() -> None:
    rng = random.Random(7)

    def mark(match: re.Match[str]) -> str:
        return "<" + match.group(0) + ">"

    for _ in range(20_000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 14)))
        spans = [(m.start(), m.end()) for m in _OLD_COMMENTS.finditer(text)]
        assert comment_spans(text) == spans, text
        bold = sub_emphasis(text, argdown._BOLD_OPEN, argdown._BOLD_CLOSE, 2)
        assert bold == _OLD_BOLD.sub(r"\2", text), text
        italic = sub_emphasis(text, argdown._ITALIC_OPEN, argdown._ITALIC_CLOSE, 1)
        assert italic == _OLD_ITALIC.sub(r"\2", text), text
        assert sub_links(text, argdown._LINK, mark) == argdown._LINK.sub(mark, text), text
        assert sub_links(text, _KIALO_LINK, mark, image=True) == _KIALO_LINK.sub(mark, text)
        assert sub_tags(text, argdown._TAG, argdown._TAG_WORD, mark) == argdown._TAG.sub(mark, text)


def _conclusions(count: int, long_id: int | None = None, deep: int | None = None) -> str:
    """An AIF file of `count` conclusions, each with one premise; the one at `long_id` has
    a 400-character nodeID, the one at `deep` a chain of attacks past the depth limit."""
    nodes: list[dict[str, str]] = []
    edges: list[dict[str, str]] = []

    def relate(premise: str, conclusion: str, kind: str, key: str) -> None:
        nodes.append({"nodeID": f"s{key}", "type": kind, "text": kind})
        edges.append({"edgeID": f"a{key}", "fromID": premise, "toID": f"s{key}"})
        edges.append({"edgeID": f"b{key}", "fromID": f"s{key}", "toID": conclusion})

    for r in range(count):
        root = "n" + "x" * 400 + str(r) if r == long_id else f"c{r}"
        nodes.append({"nodeID": root, "type": "I", "text": f"Conclusion {r}."})
        nodes.append({"nodeID": f"p{r}", "type": "I", "text": f"Premise {r}."})
        relate(f"p{r}", root, "RA", str(r))
        if r == deep:
            previous = f"p{r}"
            for level in range(MAX_DEPTH + 5):
                node = f"d{r}-{level}"
                nodes.append({"nodeID": node, "type": "I", "text": f"Attack {level}."})
                relate(node, previous, "CA", f"{r}-{level}")
                previous = node
    return json.dumps({"nodes": nodes, "edges": edges, "locutions": []})


def test_import_aif_all_gives_a_conclusion_with_a_long_node_id_a_file_name_that_fits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "many.json"
    source.write_text(_conclusions(20, long_id=12))
    assert main(["import", "aif", str(source), "--all", "-o", str(tmp_path / "out")]) == 0
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(names) == 20
    assert max(len(name) for name in names) <= 90
    assert "20 debates written" in capsys.readouterr().err


def test_import_aif_all_reports_one_bad_conclusion_and_writes_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "many.json"
    source.write_text(_conclusions(15, deep=3))
    assert main(["import", "aif", str(source), "--all", "-o", str(tmp_path / "out")]) == 1
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert len(names) == 14 and "many-c3.yaml" not in names
    err = capsys.readouterr().err
    assert f"many-c3.yaml: claims nest deeper than {MAX_DEPTH} levels" in err
    assert "1 of the 15 debates could not be imported" in err


_LAUGHS = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n"
    for prev, name in zip("abcdef", "bcdefg", strict=True)
)


def test_aliases_in_argdown_front_matter_are_refused_not_expanded() -> None:
    text = "===\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + _LAUGHS
    text += "tags: [*g]\n===\n[motion]: M.\n  - [x]: A.\n"
    with pytest.raises(InteropError, match="aliases"):
        import_text("argdown", text, "bomb.yaml")


def test_an_argdown_data_object_with_aliases_stays_text() -> None:
    data = "{note: &a [lol, lol], tags: [*a, *a]}"
    imported = read_import("argdown", f"[motion]: M.\n  - [x]: Words {data}\n")
    claim = imported.data["con"][0]
    assert claim["text"] == f"Words {data}"
    assert "note" not in claim and "tags" not in claim


def test_deeply_nested_argdown_data_and_front_matter_are_refused_cleanly() -> None:
    deep = "{a: " * 300 + "1" + "}" * 300
    imported = read_import("argdown", f"[motion]: M.\n  - [x]: Words {deep}\n")
    assert imported.data["con"][0]["text"].startswith("Words {a: {a:")
    with pytest.raises(InteropError, match="front matter"):
        read_import("argdown", f"===\ntitle: {deep}\n===\n[motion]: M.\n  - [x]: A.\n")


def _roots_sharing(roots: int, premises: int) -> str:
    """`roots` conclusions that all rest on one claim with `premises` premises of its own."""
    nodes = [{"nodeID": "p", "type": "I", "text": "Shared."}]
    edges = []

    def relate(premise: str, conclusion: str, key: str) -> None:
        nodes.append({"nodeID": f"s{key}", "type": "RA", "text": "RA"})
        edges.append({"edgeID": f"a{key}", "fromID": premise, "toID": f"s{key}"})
        edges.append({"edgeID": f"b{key}", "fromID": f"s{key}", "toID": conclusion})

    for j in range(premises):
        nodes.append({"nodeID": f"q{j}", "type": "I", "text": f"Premise {j}."})
        relate(f"q{j}", "p", f"q{j}")
    for i in range(roots):
        nodes.append({"nodeID": f"r{i}", "type": "I", "text": f"Conclusion {i}."})
        relate("p", f"r{i}", f"r{i}")
    nodes.append({"nodeID": "big", "type": "I", "text": "The biggest."})
    for j in range(premises + 5):
        nodes.append({"nodeID": f"b{j}", "type": "I", "text": f"Big premise {j}."})
        relate(f"b{j}", "big", f"b{j}")
    return json.dumps({"nodes": nodes, "edges": edges})


def test_the_motion_is_the_largest_conclusion_even_among_many_sharing_premises(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    imported = read_import("aif", _roots_sharing(50, 20))
    assert imported.data["motion"] == "The biggest."
    # With the comparison cut short, a choice is still made and the note says how.
    monkeypatch.setattr("argmap.interop.aif_roots._COMPARE_BUDGET", 30)
    imported = read_import("aif", _roots_sharing(50, 20))
    (note,) = [loss for loss in imported.losses if "became the motion" in loss.message]
    assert "compared before the comparison grew too costly" in note.message


def test_import_aif_all_refuses_copying_a_shared_argument_past_the_claim_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGMAP_MAX_CLAIMS", "500")
    with pytest.raises(InteropError, match="more than 500 claims in all"):
        import_aif_all(_roots_sharing(40, 20), tmp_path, "x")
    monkeypatch.setenv("ARGMAP_MAX_CLAIMS", "5000")
    outcomes, _, refused = import_aif_all(_roots_sharing(40, 20), tmp_path, "x")
    assert len(outcomes) == 41 and not refused
    claim = outcomes[0][1].loaded.graph.node("aif-p").claim
    assert claim is not None and len(claim.see) == 10


def test_an_s_node_joining_thousands_of_premises_to_thousands_of_conclusions_is_refused() -> None:
    nodes = [{"nodeID": "s", "type": "RA", "text": "RA"}]
    edges = []
    for i in range(40):
        nodes.append({"nodeID": f"p{i}", "type": "I", "text": f"Premise {i}."})
        nodes.append({"nodeID": f"c{i}", "type": "I", "text": f"Conclusion {i}."})
        edges.append({"edgeID": f"a{i}", "fromID": f"p{i}", "toID": "s"})
        edges.append({"edgeID": f"b{i}", "fromID": "s", "toID": f"c{i}"})
    with pytest.raises(InteropError, match="joins 40 premises to 40 conclusions"):
        read_import("aif", json.dumps({"nodes": nodes, "edges": edges}))
    # One conclusion, as real files have it: every premise is read.
    text = json.dumps({"nodes": nodes, "edges": [e for e in edges if e["toID"] in {"s", "c0"}]})
    assert len(read_import("aif", text).data["pro"]) == 40
