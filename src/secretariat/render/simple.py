"""Render record texts that only substitute values, without compiling a Jinja template.

Compiling a Jinja template costs about a millisecond per paragraph, which dominates a long report.
Most record texts are prose with ``{{ path | filter(args) }}`` substitutions; those are evaluated here
with Jinja's own lookup rules, filters, finalize and sums (``a + b``). Anything else (statements, comments,
whitespace control, other operators, tests, and undefined values) is left to Jinja: ``render_simple``
returns None and the caller compiles the text.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import jinja2

from secretariat.errors import LimitError, TemplateError
from secretariat.render.sandbox import BoundedSandbox

_EXPRESSION = re.compile(r"\{\{(.*?)\}\}", re.S)
_NOT_SIMPLE = re.compile(r"\{%|\{#|\{\{-|-\}\}")


class _NotSimple(Exception):
    """The expression needs the full Jinja compiler."""


def render_simple(env: jinja2.Environment, where: str, text: str, context: Mapping[str, Any]) -> str | None:
    """Return the rendered text, or None if it is not a plain substitution text."""
    if _NOT_SIMPLE.search(text) or text.count("{{") != text.count("}}"):
        return None  # statements, or unbalanced braces Jinja must report
    parts: list[str] = []
    end = 0
    finalize = env.finalize
    for match in _EXPRESSION.finditer(text):
        try:
            value = _evaluate(env, _parse(match.group(1)), context)
        except (SyntaxError, _NotSimple, RecursionError, MemoryError):
            return None  # Jinja compiles it and reports what is wrong, deep nesting included
        except (ValueError, TypeError, ArithmeticError, KeyError) as e:
            raise TemplateError.at(where, _line(text, match.start()), f"bad value: {e}") from e
        parts.append(text[end : match.start()])
        parts.append(finalize(value) if finalize is not None else str(value))
        end = match.end()
    parts.append(text[end:])
    return "".join(parts)


@lru_cache(maxsize=4096)
def _parse(expression: str) -> ast.expr:
    """Parse a substitution as a Python expression: Jinja's path and filter syntax is a subset of it."""
    return ast.parse(expression.strip(), mode="eval").body


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _evaluate(env: jinja2.Environment, node: ast.expr, context: Mapping[str, Any]) -> Any:
    if isinstance(node, ast.Name):
        if node.id not in context:
            raise _NotSimple
        return context[node.id]
    if isinstance(node, ast.Attribute):
        return _defined(env.getattr(_evaluate(env, node.value, context), node.attr))
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        return _defined(env.getitem(_evaluate(env, node.value, context), node.slice.value))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        left = node.left
        if isinstance(left, ast.BinOp) and not isinstance(left.op, ast.BitOr) and left.col_offset == node.col_offset:
            raise _NotSimple  # "a + b | f" unbracketed: Jinja filters b alone, Python would filter the sum
        return _filter(env, node.right, _evaluate(env, node.left, context))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(env, BoundedSandbox):
        left, right = _evaluate(env, node.left, context), _evaluate(env, node.right, context)
        try:
            return env.binop("+", left, right)
        except (LimitError, ValueError, TypeError, ArithmeticError) as e:
            raise _NotSimple from e  # Jinja reports it, with the line of the text
    raise _NotSimple


def _defined(value: Any) -> Any:
    if isinstance(value, jinja2.Undefined):
        raise _NotSimple  # Jinja reports it with its own message, or a filter such as default handles it
    return value


def _filter(env: jinja2.Environment, node: ast.expr, value: Any) -> Any:
    call = node if isinstance(node, ast.Call) else None
    name_node = call.func if call is not None else node
    if not isinstance(name_node, ast.Name):
        raise _NotSimple
    function = env.filters.get(name_node.id)
    if function is None or getattr(function, "jinja_pass_arg", None) is not None:
        raise _NotSimple  # let Jinja report the unknown filter or pass it its context
    if call is None:
        return function(value)
    try:
        args = [ast.literal_eval(arg) for arg in call.args]
        kwargs = {kw.arg: ast.literal_eval(kw.value) for kw in call.keywords if kw.arg is not None}
    except ValueError as e:
        raise _NotSimple from e
    if len(kwargs) != len(call.keywords):
        raise _NotSimple
    return function(value, *args, **kwargs)
