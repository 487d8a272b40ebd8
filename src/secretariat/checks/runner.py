"""Discover the check plugins, run them, apply the waivers the records declare."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from secretariat.checks import plugins
from secretariat.checks.context import CheckContext
from secretariat.checks.finding import Finding, Severity
from secretariat.checks.routine import fold_routine
from secretariat.errors import Location, Problem, SecretariatError, TemplateError
from secretariat.records import ReportRecords
from secretariat.registers.place import RegisterPlace


@dataclass(frozen=True)
class Plugin:
    """One check: its name, the codes it can report, and the function that runs it."""

    name: str
    codes: dict[str, str]
    run: Callable[[CheckContext], Iterable[Finding]]


@dataclass(frozen=True)
class CheckRun:
    """The findings of one run, in a stable order, and which checks ran."""

    findings: tuple[Finding, ...]
    checks: tuple[str, ...]

    def failed(self, strict: bool = False) -> bool:
        """Return whether the run fails: an unwaived error, or with strict an unwaived warning."""
        failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
        return any(f.counts and f.severity in failing for f in self.findings)


@cache
def discover() -> tuple[Plugin, ...]:
    """Return every plugin module in secretariat.checks.plugins, sorted by name."""
    found = []
    for info in sorted(pkgutil.iter_modules(plugins.__path__), key=lambda i: i.name):
        module: ModuleType = importlib.import_module(f"{plugins.__name__}.{info.name}")
        if hasattr(module, "run") and hasattr(module, "CODES"):
            found.append(Plugin(info.name, dict(module.CODES), module.run))
    return tuple(found)


def all_codes() -> dict[str, str]:
    """Return every finding code any plugin can report, with its description."""
    codes = {"check-failed": "a check could not run on these records",
             "invalid-record": "a record file cannot be read or does not match its schema, so no check ran",
             "text-render-failed": "a record text cannot be rendered (an unknown filter or name, a bad value): "
                                   "the checks that read the printed text did not run; the others did",
             "waiver-unused": "a waiver in waivers.json matches no finding",
             "routine-code-unknown": "report.json routine_notes names a code no check reports"}
    for plugin in discover():
        codes.update(plugin.codes)
    return codes


class _Rendered:
    """The rendered text of a report, made the first time a check asks for it and shared by every check."""

    def __init__(self, render: Callable[[], Mapping[str, str]] | None) -> None:
        self._render = render
        self._texts: Mapping[str, str] | None = None
        self.error: SecretariatError | None = None

    def __call__(self) -> Mapping[str, str]:
        if self._texts is None:
            try:
                self._texts = self._render() if self._render is not None else {}
            except SecretariatError as e:
                self.error = e
                raise
        return self._texts


def run_checks(records: ReportRecords, render: Callable[[], Mapping[str, str]] | None = None,
               select: Iterable[str] | None = None, registers: RegisterPlace | None = None) -> CheckRun:
    """Run the selected checks (all by default) on loaded records and apply the waivers."""
    # render returns the printed text of each paragraph: called only if a selected check reads it
    wanted = set(select) if select is not None else None
    rendered = _Rendered(render)
    findings: list[Finding] = []
    ran = []
    for plugin in discover():
        if wanted is not None and plugin.name not in wanted:
            continue
        context = CheckContext(records, check=plugin.name, render=rendered, place=registers)
        ran.append(plugin.name)
        try:
            findings.extend(plugin.run(context))
        except Exception as e:  # a check must never take the run down; say which one failed and why
            if rendered.error is not None and e is rendered.error:
                continue  # reported once below; the checks that do not read the printed text still run
            findings.append(context.finding(
                "check-failed", Severity.ERROR, "report.json", "",
                f"the {plugin.name} check could not run: {e}" if isinstance(e, SecretariatError)
                else f"the {plugin.name} check failed on these records ({type(e).__name__}: {e})"))
    if rendered.error is not None:
        findings.append(_render_finding(records, rendered.error))
    # a waiver for a check that could not read the text is not unused: say nothing of it
    findings = apply_waivers(records, findings, report_unused=wanted is None and rendered.error is None)
    findings = fold_routine(records, findings, set(all_codes()))
    return CheckRun(tuple(sorted(findings, key=Finding.sort_key)), tuple(ran))


def _render_finding(records: ReportRecords, error: SecretariatError) -> Finding:
    """Return the one finding for a text that cannot be rendered, at the record text it comes from."""
    where = error.location if isinstance(error, TemplateError) else None
    message = error.message
    if where is not None and ": " in message:  # the location is the finding's own; keep the plain sentence
        message = message.split(": ", 1)[1]
    record = records.files.get(Path(where.path).name) if where is not None and where.pointer else None
    if where is not None and where.pointer and record is not None:
        # the error's line counts within the text; the finding's is the record file's, like every other finding
        if where.line is not None and where.line > 1:
            message = f"line {where.line} of the text: {message}"
        where = record.locate(where.pointer)
    return Finding("text-render-failed", Severity.ERROR, where or Location(""), message,
                   check="render")


def _matches(waiver: dict[str, Any], finding: Finding) -> bool:
    if waiver["code"] != finding.code:
        return False
    file = waiver.get("file")
    if file is not None and not finding.location.path.endswith(file):
        return False
    pointer = waiver.get("pointer")
    if pointer is not None and not (finding.location.pointer or "").startswith(pointer):
        return False
    return True


def apply_waivers(records: ReportRecords, findings: list[Finding], report_unused: bool = True) -> list[Finding]:
    """Mark the findings a waiver covers as accepted; report waivers that cover nothing (after a full run)."""
    result = list(findings)
    context = CheckContext(records, check="waivers")
    for index, waiver in enumerate(records.waivers):
        hits = [i for i, f in enumerate(result) if f.counts and _matches(waiver, f)]
        for i in hits:
            result[i] = result[i].waive(waiver["reason"])
        if not hits and report_unused:
            result.append(context.finding(
                "waiver-unused", Severity.WARNING, "waivers.json", f"/waivers/{index}",
                f"expected a {waiver['code']} finding for this waiver to cover, found none"))
    return result


def run_from_error(error: SecretariatError) -> CheckRun:
    """Return a run whose findings are the problems that stopped the records from loading."""
    where = error.location if isinstance(error, TemplateError) else None
    problems = error.problems or (Problem(where or Location(""), error.message),)
    findings = tuple(Finding("invalid-record", Severity.ERROR, problem.location, problem.message)
                     for problem in problems)
    return CheckRun(tuple(sorted(findings, key=Finding.sort_key)), ())
