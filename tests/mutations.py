"""Variants of a record with one thing wrong in each, for tests that must never crash."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

WRONG_VALUES = ("", "x\n", -1, 1.5, None, "2016-02-30", "ZZZ", [], {})


def trimmed(value: Any) -> Any:
    """Return the value with every array cut to its first three items (mutations touch no more)."""
    if isinstance(value, list):
        return [trimmed(v) for v in value[:3]]
    if isinstance(value, dict):
        return {k: trimmed(v) for k, v in value.items()}
    return value


def mutations(data: object) -> list[object]:
    """Return the record with each scalar in turn replaced by wrong values, and some keys removed or added."""
    variants: list[object] = []

    def walk(node: object, path: tuple[object, ...]) -> None:
        if isinstance(node, dict):
            for key in list(node):
                walk(node[key], (*path, key))
            variants.append(_edit(data, path, lambda n: n.pop(next(iter(n)), None)))
            variants.append(_edit(data, path, lambda n: n.update(unexpected=1)))
        elif isinstance(node, list):
            for index, item in enumerate(node[:3]):
                walk(item, (*path, index))
        else:
            for wrong in WRONG_VALUES:
                variants.append(_set(data, path, wrong))

    walk(data, ())
    return variants


def _edit(data: object, path: tuple[object, ...], change: Callable[[Any], Any]) -> object:
    copied = copy.deepcopy(data)
    node = copied
    for part in path:
        node = node[part]  # type: ignore[index]
    change(node)
    return copied


def _set(data: object, path: tuple[object, ...], value: object) -> object:
    copied = copy.deepcopy(data)
    node = copied
    for part in path[:-1]:
        node = node[part]  # type: ignore[index]
    node[path[-1]] = value  # type: ignore[index]
    return copied
