"""The loader's quicker tag resolution gives every node the tag PyYAML's own loader gives."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.load_yaml import BaseSafeLoader, FastSafeLoader

# Plain scalars that start like the implicit patterns (numbers, booleans, null, dates,
# `.inf`, `<<`, `=`) and ones that only look close, plus anything at all.
TRICKY = [
    "~",
    "null",
    "Null",
    "NULL",
    "",
    "true",
    "True",
    "yes",
    "No",
    "on",
    "OFF",
    "y",
    "n",
    "1",
    "-1",
    "+1",
    "0x1F",
    "0o17",
    "0b101",
    "1_000",
    "1:30",
    "1.5",
    "-.5",
    ".inf",
    "-.Inf",
    ".nan",
    ".NaN",
    "1e3",
    "6.02e+23",
    "2024-01-31",
    "2024-01-31 10:00:00",
    "<<",
    "=",
    "Yesterday",
    "nothing",
    "online",
    "~tilde",
    "12 angry men",
    "-flag",
    ".dotted",
    "Tuesday",
    "Off-topic",
    "false alarm",
    "NaNa",
    "!",
    "&",
    "*",
]
plain = st.one_of(
    st.sampled_from(TRICKY),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=12),
)


def _tags(text: str, loader: type[Any]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    stack = [yaml.compose(text, Loader=loader)]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        value = node.value
        found.append((node.tag, value if isinstance(value, str) else type(node).__name__))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(value)
        elif isinstance(node, yaml.MappingNode):
            for key, item in value:
                stack.extend((key, item))
    return found


def _documents(words: list[str]) -> list[str]:
    # Each word plain where YAML allows it (else quoted), as a value and in a flow list,
    # and quoted too; one small document each, so no word can spoil another's line.
    found = []
    for word in words:
        quoted = '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'
        for line in (f"k: {word}", f"l: [{word}]"):
            found.append(line if _parses(line) and "#" not in word else f"{line[:2]} {quoted}")
        found.append(f"q: {quoted}")
    return [line + "\n" for line in found]


def _parses(line: str) -> bool:
    try:
        node = yaml.compose(line + "\n", Loader=BaseSafeLoader)
    except yaml.YAMLError:
        return False
    return isinstance(node, yaml.MappingNode) and len(node.value) == 1


@settings(max_examples=300, deadline=None)
@given(st.lists(plain, min_size=1, max_size=8))
def test_tags_are_pyyamls(words: list[str]) -> None:
    for text in _documents(words):
        assert _tags(text, FastSafeLoader) == _tags(text, BaseSafeLoader), text


@settings(max_examples=100, deadline=None)
@given(
    st.recursive(
        st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.dates(), plain),
        lambda c: st.one_of(st.lists(c, max_size=3), st.dictionaries(plain, c, max_size=3)),
        max_leaves=20,
    )
)
def test_dumped_documents_get_pyyamls_tags(document: Any) -> None:
    text = yaml.safe_dump(document, allow_unicode=True)
    assert _tags(text, FastSafeLoader) == _tags(text, BaseSafeLoader)


def test_every_tricky_word_plain_is_resolved_as_pyyaml_does() -> None:
    tags = []
    for text in _documents(TRICKY):
        tags.extend(_tags(text, FastSafeLoader))
        assert _tags(text, FastSafeLoader) == _tags(text, BaseSafeLoader), text
    # The document holds more than text: the comparison covers real resolutions.
    assert {
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:timestamp",
    } <= {t for t, _ in tags}
