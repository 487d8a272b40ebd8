"""Party counts: the number of parties and the list of new parties agree with the treaty register."""

from __future__ import annotations

from collections.abc import Generator, Iterable, Iterator
from dataclasses import replace
from typing import Any

from secretariat.checks.context import CheckContext
from secretariat.checks.finding import Finding, Severity
from secretariat.checks.party_lists import Names, new_parties_findings
from secretariat.dates import Period, period_of, written
from secretariat.errors import RegisterError, UnknownRegisterError
from secretariat.registers.treaties import (
    PublishedCount,
    TreatyRegister,
    treaty_register,
)

CODES = {
    "party-count-mismatch": "the register (or the count published for that day) proves the stated number of "
                            "parties wrong",
    "party-count-unconfirmed": "the register cannot confirm the stated number of parties: it lists fewer, or "
                               "some dates are known only to a period",
    "new-parties-mismatch": "a State listed as a new party joined outside the period or is no known country, "
                            "or a State that joined in the period is missing from the list",
    "new-parties-unconfirmed": "a State listed as a new party is not a party in the register",
    "new-parties-uncertain": "a party's date is known only to a period that straddles a boundary of the "
                             "new-parties period: the register cannot say whether it belongs in the list",
    "new-parties-order": "the new parties are not in English alphabetical order of the UN short names in force "
                         "at the report date (\"the\" ignored), as the report prints them",
    "register-unknown": "the records name a treaty register that does not exist",
    "register-empty": "the treaty register lists no participants",
    "register-invalid": "the treaty register file does not match its schema or contradicts itself",
    "register-figure-unchecked": "a register figure cannot be checked: its value, as_of date or the previous "
                                 "session is missing or of the wrong kind",
}
FILE = "figures.json"


def run(ctx: CheckContext) -> Iterator[Finding]:
    """Check every figure that names a treaty register against that register."""
    loaded: dict[str, TreatyRegister | None] = {}
    named = ctx.records.report.get("treaty", {}).get("register")
    if isinstance(named, str):
        loaded[named] = yield from _load(ctx, named, "report.json", "/treaty/register")
    for index, figure in enumerate(ctx.records.figures.values()):
        link = figure.get("register")
        if not isinstance(link, dict):
            continue
        name = str(link.get("treaty"))
        if name not in loaded:
            loaded[name] = yield from _load(ctx, name, FILE, f"/figures/{index}/register/treaty")
        register = loaded[name]
        if register is None or figure.get("value") is None or figure.get("as_of") is None:
            continue  # a value not entered yet is the gaps check's finding
        paragraph = ctx.figure_paragraph(str(figure.get("id")))
        where = (f"/figures/{index}", paragraph)
        if link.get("measure") == "parties":
            yield from _citing(register, _count(ctx, register, figure, where))
        elif link.get("measure") == "new-parties":
            yield from _citing(register, new_parties_findings(ctx, register, figure, where))


def _citing(register: TreatyRegister, findings: Iterable[Finding]) -> Iterator[Finding]:
    """Name the register file behind each finding, so the officer knows which file to correct."""
    return (replace(f, register=str(register.path)) for f in findings)


def _load(ctx: CheckContext, name: str, file: str,
          pointer: str) -> Generator[Finding, None, TreatyRegister | None]:
    try:
        register = treaty_register(name, ctx.folder, ctx.registers)
    except UnknownRegisterError as e:
        yield ctx.finding("register-unknown", Severity.ERROR, file, pointer, str(e),
                          expected="the id of a register in data/registers/", found=name)
        return None
    except RegisterError as e:
        yield ctx.finding("register-invalid", Severity.ERROR, file, pointer, str(e),
                          register=e.problems[0].location.path if e.problems else None)
        return None
    if not register.participants:
        yield ctx.finding("register-empty", Severity.ERROR, file, pointer,
                          f"expected the treaty register {name!r} ({register.path}) to list participants, "
                          "found none: nothing can be checked against it", expected="participants", found="none",
                          register=register.path)
        return None
    return register


def _count(ctx: CheckContext, register: TreatyRegister, figure: dict[str, Any],
           where: tuple[str, str | None]) -> Iterator[Finding]:
    pointer, paragraph = where
    stated = figure.get("value")
    try:
        on = period_of(str(figure.get("as_of")))
    except ValueError as e:
        yield ctx.finding("register-figure-unchecked", Severity.WARNING, FILE, pointer,
                          f"expected an as_of date to count the parties at: {e}", paragraph=paragraph)
        return
    if not isinstance(stated, int) or isinstance(stated, bool):
        yield ctx.finding("register-figure-unchecked", Severity.WARNING, FILE, pointer,
                          f"expected a number of parties, found {stated!r}", paragraph=paragraph)
        return
    certain, possible = register.parties_at(on)
    published = register.published_count(on.start) if on.exact else None
    yield from _verdict(ctx, register, stated, on, certain, possible, published, where)


def _verdict(ctx: CheckContext, register: TreatyRegister, stated: int, on: Period, certain: frozenset[str],
             possible: frozenset[str], published: PublishedCount | None,
             where: tuple[str, str | None]) -> Iterator[Finding]:
    pointer, paragraph = where
    names = Names(ctx, register)
    periods = sum(1 for c in certain if names.inexact(c))
    at = written(on.start) if on.exact else f"some day from {written(on.start)} to {written(on.end)}"
    listed = (f"the register lists {len(certain)} parties at {at}"
              + (f" ({periods} of them with dates known only to a period, all ended by then)" if periods else "")
              + (f" and {len(possible)} more that may have joined by then" if possible else ""))
    said = f"the report states {stated}"
    if published is not None:
        said += (", as does" if published.parties == stated else f", but {published.parties} is") + \
                f" the count published for that day ({published.source})"
    message = f"{listed}; {said}{_earlier_gap(register, on)}"
    high = len(certain) + len(possible)
    if stated < len(certain) or (published is not None and published.parties != stated):
        expected = published.parties if published is not None else f"at least {len(certain)}"
        proof = f": the register alone proves at least {len(certain)}" if stated < len(certain) else ""
        yield ctx.finding("party-count-mismatch", Severity.ERROR, FILE, pointer, message + proof,
                          expected=expected, found=stated, paragraph=paragraph)
    elif stated > high:
        missing = stated - high
        tail = "one party is" if missing == 1 else f"{missing} parties are"
        yield ctx.finding("party-count-unconfirmed", Severity.WARNING, FILE, pointer,
                          f"{message}: {tail} not in the register", expected=high, found=stated,
                          paragraph=paragraph)
    elif possible:
        yield ctx.finding("party-count-unconfirmed", Severity.WARNING, FILE, pointer,
                          f"{message}: the register can only say between {len(certain)} and {high}",
                          expected=f"{len(certain)} to {high}", found=stated, paragraph=paragraph)


def _earlier_gap(register: TreatyRegister, on: Period) -> str:
    """Say which earlier published count already exceeds what the register can hold at its day, if any."""
    for count in sorted(register.counts, key=lambda c: c.as_of, reverse=True):
        if count.basis != "published" or count.as_of >= on.start:
            continue
        most = sum(len(s) for s in register.parties_at(count.as_of))
        if count.parties > most:
            return (f"; the count published for {written(count.as_of)} ({count.parties}) is already more than the "
                    f"register can hold then (at most {most})")
    return ""
