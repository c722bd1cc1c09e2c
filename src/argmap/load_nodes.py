"""The node builder: a composed YAML node tree to plain data, with a position for every node."""

from __future__ import annotations

from typing import Any

import yaml

from argmap.diagnostics import Diagnostic, error
from argmap.ids import KeyPath, Pos, Positions
from argmap.load_limits import (
    CLAIM_LISTS,
    DEFAULT_MAX_CLAIMS,
    MAX_ALIAS_EXPANSIONS,
    MAX_DEPTH,
    too_many_claims_message,
)
from argmap.load_yaml import CONSTRUCTOR, MAP_TAG, SCALAR_CONSTRUCTORS, SEQ_TAG, STR_TAG


class NodeBuilder:
    """Turns a composed node tree into plain data, recording positions, without recursion."""

    def __init__(
        self,
        name: str,
        positions: Positions,
        diagnostics: list[Diagnostic],
        claim_limit: int = DEFAULT_MAX_CLAIMS,
    ) -> None:
        self.name = name
        self.claim_limit = claim_limit
        self.claims = 0
        self.positions = positions
        self.diagnostics = diagnostics
        #: Key paths of values with a tag we refuse; validation errors there are noise.
        self.refused: set[KeyPath] = set()

    def _pos(self, node: yaml.Node) -> Pos:
        return self.positions.pos(node.start_mark.index)

    def build(self, root: yaml.Node, *, release: bool = False) -> Any:
        """Plain data from the node tree; positions and diagnostics go to the builder's.

        With `release` (only for a tree without anchors, where no node is shared), each
        collection node lets go of its children once they are on the stack, so the tree
        is freed as the data grows instead of both being held at once.
        """
        holder: list[Any] = [None]
        values = self.positions.values
        keys = self.positions.keys
        scalar_node = yaml.ScalarNode
        # Each entry: node, its key path, the container to put it in, and the slot there.
        # Plain text values (most of a debate) are stored as they are met, without a
        # round trip through the stack: this loop runs for every node of the file.
        stack: list[tuple[yaml.Node, KeyPath, Any, Any]] = [(root, (), holder, 0)]
        push = stack.append
        entered: set[int] = set()
        expansions = 0
        max_path = 2 * MAX_DEPTH + 2
        while stack:
            node, path, container, slot = stack.pop()
            values[path] = node.start_mark.index
            if type(node) is scalar_node:
                container[slot] = node.value if node.tag == STR_TAG else self._scalar(node, path)
                continue
            # Only a tree with anchors can share nodes (and expand aliases).
            if not release and id(node) in entered:
                expansions += 1
                if expansions > MAX_ALIAS_EXPANSIONS:
                    self.diagnostics.append(
                        error(
                            self.name,
                            self._pos(node),
                            "alias-bomb",
                            f"YAML aliases expand more than {MAX_ALIAS_EXPANSIONS} times; "
                            "refusing to expand them (is this file an alias bomb?)",
                        )
                    )
                    return None
            if not release:
                entered.add(id(node))
            # A claim at depth d has a key path of length 2d; its own keys add two more.
            if len(path) > max_path:
                self.diagnostics.append(
                    error(
                        self.name,
                        self._pos(node),
                        "too-deep",
                        f"claims nest deeper than {MAX_DEPTH} levels; argmap reads debates "
                        f"up to {MAX_DEPTH} levels deep",
                    )
                )
                return None
            if isinstance(node, yaml.SequenceNode):
                if node.tag != SEQ_TAG:
                    self._bad_tag(node, path)
                children = node.value
                items: list[Any] = [None] * len(children)
                container[slot] = items
                for index in range(len(children) - 1, -1, -1):
                    child = children[index]
                    child_path = (*path, index)
                    if type(child) is scalar_node and child.tag == STR_TAG:
                        values[child_path] = child.start_mark.index
                        items[index] = child.value
                    else:
                        push((child, child_path, items, index))
                if release:
                    node.value = []
            elif isinstance(node, yaml.MappingNode):
                if node.tag != MAP_TAG:
                    self._bad_tag(node, path)
                mapping: dict[Any, Any] = {}
                container[slot] = mapping
                pending: list[tuple[yaml.Node, KeyPath, Any, Any]] = []
                for key_node, value_node in node.value:
                    if type(key_node) is not scalar_node:
                        self.diagnostics.append(
                            error(
                                self.name,
                                self._pos(key_node),
                                "bad-key",
                                "a key must be plain text",
                            )
                        )
                        continue
                    key = key_node.value if key_node.tag == STR_TAG else str(key_node.value)
                    if key in mapping:
                        line, col = self.positions.pos(keys[(*path, key)])
                        self.diagnostics.append(
                            error(
                                self.name,
                                self._pos(key_node),
                                "duplicate-key",
                                f"key '{key}' is given twice in this mapping "
                                f"(first at line {line}, column {col}); only one is allowed",
                            )
                        )
                        continue
                    child_path = (*path, key)
                    keys[child_path] = key_node.start_mark.index
                    if key in CLAIM_LISTS and isinstance(value_node, yaml.SequenceNode):
                        # Counted as the tree is walked, before any model is built.
                        self.claims += len(value_node.value)
                        if self.claims > self.claim_limit:
                            self.diagnostics.append(
                                error(
                                    self.name,
                                    self._pos(key_node),
                                    "too-many-claims",
                                    too_many_claims_message(self.claim_limit),
                                )
                            )
                            return None
                    if type(value_node) is scalar_node and value_node.tag == STR_TAG:
                        values[child_path] = value_node.start_mark.index
                        mapping[key] = value_node.value
                    else:
                        mapping[key] = None
                        pending.append((value_node, child_path, mapping, key))
                stack.extend(reversed(pending))
                if release:
                    node.value = []
        return holder[0]

    def _bad_tag(self, node: yaml.Node, path: KeyPath) -> None:
        self.refused.add(path)
        self.diagnostics.append(
            error(
                self.name,
                self._pos(node),
                "yaml-tag",
                f"unsupported YAML tag '{node.tag}'; debate files use plain YAML",
            )
        )

    def _scalar(self, node: yaml.ScalarNode, path: KeyPath) -> Any:
        if node.tag == STR_TAG:
            return node.value
        constructor = SCALAR_CONSTRUCTORS.get(node.tag)
        if constructor is None:
            self._bad_tag(node, path)
            return node.value
        try:
            return constructor(CONSTRUCTOR, node)
        except (ValueError, yaml.YAMLError):
            return node.value
