"""A Jinja sandbox with a budget: templates cannot hang a run or build values that exhaust memory.

Jinja's own sandbox keeps templates away from Python's internals; this one also bounds what they cost.
Every call, lookup, operator and loop step is counted against an operations limit and a deadline (a
timer stops loops that make no call at all); a value a template builds (``'a' * n``, ``s ~ s``,
``center(n)``, ``'%*s'``, ``10 ** n``) is refused before it is built if it would pass the output limit.
"""

from __future__ import annotations

import functools
import math
import re
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment, safe_range

from secretariat.errors import LimitError
from secretariat.limits import OUTPUT_CHARS, TEMPLATE_OPERATIONS, TEMPLATE_SECONDS

_MAX_BITS = 14_000  # about 4,300 decimal digits, the most Python prints of an integer
# Field widths and precisions in %-formats and str.format specs ("%1000000s", "{:>1000000}").
_WIDTHS = re.compile(r"%[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?|\{[^{}]*:[^{}\d]*(\d+)?(?:[,_]?\.(\d+))?[^{}]*\}")


class Budget:
    """What one report's templates may still spend: operations and time."""

    def __init__(self) -> None:
        self.operations = 0
        self.max_operations = TEMPLATE_OPERATIONS.value
        self.seconds = TEMPLATE_SECONDS.value
        self.deadline = time.monotonic() + self.seconds
        self.max_value = OUTPUT_CHARS.value

    def tick(self) -> None:
        """Count one operation; raise LimitError once the operations or the time are spent."""
        self.operations += 1
        if self.operations > self.max_operations:
            raise LimitError(TEMPLATE_OPERATIONS.exceeded("more (a loop or a recursion without end?)"))
        if time.monotonic() > self.deadline:
            raise LimitError(TEMPLATE_SECONDS.exceeded("more (a loop or a recursion without end?)"))

    def text(self, size: int, what: str) -> None:
        """Refuse a value of ``size`` characters or items before it is built, if it is over the output limit."""
        if size > self.max_value:
            raise LimitError(OUTPUT_CHARS.exceeded(f"{what} of {size:,}"))

    def checked(self, value: Any) -> Any:
        """Return a text a template built, if it is within the output limit."""
        if isinstance(value, str):
            self.text(len(value), "a text")
        return value

    def widths(self, template: str, args: tuple[Any, ...] = ()) -> None:
        """Refuse a format whose field widths or precisions (or ``*`` arguments) pass the output limit."""
        for match in _WIDTHS.finditer(template):
            for group in match.groups():
                if group is not None and group != "*":
                    self.text(int(group), "a field width")
        self.arguments(args)

    def arguments(self, args: tuple[Any, ...] | list[Any]) -> None:
        """Refuse integer arguments (widths, counts) that pass the output limit."""
        for arg in args:
            if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > self.max_value:
                self.text(abs(arg), "a width or count")

    @contextmanager
    def guard(self) -> Iterator[None]:
        """Stop the templates at the deadline even in a loop that makes no call (main thread only)."""
        if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
            yield
            return

        def expire(signum: int, frame: Any) -> None:
            raise LimitError(TEMPLATE_SECONDS.exceeded("more (a loop without end?)"))

        previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, max(self.deadline - time.monotonic(), 0.001))
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


class _Counted:
    """A range whose every step counts against the budget."""

    def __init__(self, items: range, budget: Budget) -> None:
        self.items, self.budget = items, budget

    def __iter__(self) -> Iterator[int]:
        for item in self.items:
            self.budget.tick()
            yield item

    def __len__(self) -> int:
        return len(self.items)


class _BoundedCodeGenerator(CodeGenerator):
    """Compile ``a ~ b`` through the environment, so that the size of a joined text is checked."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.join_texts((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """An immutable sandbox that counts and bounds what templates do."""

    code_generator_class = _BoundedCodeGenerator
    intercepted_binops = frozenset(["*", "**", "+", "%", "//", "/"])

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.budget = Budget()
        self.globals.pop("lipsum", None)  # no use in a report, and lipsum(10**7) is a way to flood one
        self.globals["range"] = lambda *args: _Counted(safe_range(*args), self.budget)

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.budget.tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.budget.tick()
        return super().getitem(obj, argument)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        __self.budget.tick()
        _precheck_call(__self.budget, __obj, args, kwargs)
        return __self.budget.checked(super().call(__context, __obj, *args, **kwargs))

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        return self.binop(operator, left, right)

    def binop(self, operator: str, left: Any, right: Any) -> Any:
        """Apply an operator within the budget: a template's ``a + b`` and a simple text's alike."""
        self.budget.tick()
        _precheck_binop(self.budget, operator, left, right)
        return self.budget.checked(self.binop_table[operator](left, right))

    def join_texts(self, parts: tuple[Any, ...]) -> str:
        """Join the parts of ``a ~ b`` once their total size is known to be within the output limit."""
        texts = [str(part) for part in parts]
        self.budget.tick()
        self.budget.text(sum(map(len, texts)), "a joined text")
        return "".join(texts)


def _precheck_call(budget: Budget, function: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    owner = getattr(getattr(function, "__wrapped__", function), "__self__", None)
    if not isinstance(owner, str):
        return
    name = getattr(function, "__name__", "")
    if name in ("format", "format_map"):
        budget.widths(owner)
    elif name == "replace" and len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
        times = owner.count(args[0]) if args[0] else len(owner) + 1
        budget.text(len(owner) + times * len(args[1]), "a replaced text")
    budget.arguments([*args, *kwargs.values()])


def _precheck_binop(budget: Budget, operator: str, left: Any, right: Any) -> None:
    sized = (str, list, tuple)
    if operator == "*" and isinstance(left, sized) and isinstance(right, int):
        budget.text(len(left) * max(right, 0), "a repeated value")
    elif operator == "*" and isinstance(right, sized) and isinstance(left, int):
        budget.text(len(right) * max(left, 0), "a repeated value")
    elif operator == "+" and isinstance(left, sized) and isinstance(right, sized):
        budget.text(len(left) + len(right), "a joined value")
    elif operator == "%" and isinstance(left, str):
        budget.widths(left, right if isinstance(right, tuple) else (right,))
    elif operator == "**" and isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0:
        if right * math.log2(abs(left)) > _MAX_BITS:
            raise LimitError(f"expected a power of at most about 4,300 digits, found {left} ** {right}")


def bounded_filter(budget: Budget, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a filter so that its width and count arguments, and the text it returns, stay within the output limit."""
    skip = 2 if getattr(function, "jinja_pass_arg", None) is not None else 1  # the value (and context) as given

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        budget.tick()
        budget.arguments([*args[skip:], *kwargs.values()])
        if name == "format" and len(args) >= skip and isinstance(args[skip - 1], str):
            budget.widths(args[skip - 1])
        if name == "replace" and len(args) >= skip + 2:
            _precheck_call(budget, str(args[skip - 1]).replace, args[skip:skip + 2], {})
        return budget.checked(function(*args, **kwargs))

    return wrapper
