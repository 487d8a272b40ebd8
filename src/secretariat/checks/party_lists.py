"""The new-parties list of a report against a treaty register: who joined in the period, in which order."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from secretariat.checks.context import CheckContext
from secretariat.checks.finding import Finding, Severity
from secretariat.dates import period_of, written
from secretariat.errors import SecretariatError
from secretariat.registers.countries import country_register
from secretariat.registers.treaties import Participant, TreatyRegister

FILE = "figures.json"


def when(participant: Participant) -> str:
    """Say when a participant became a party: on a day, or at a date known only to a period."""
    consent = participant.consent
    if consent is None:
        return "never (the register records no consent)"
    if consent.exact:
        return f"on {written(consent.start)}"
    return f"at a date known only to lie from {written(consent.start)} to {written(consent.end)}"


class Names:
    """UN names in force at the report date, for messages and for the order of lists."""

    def __init__(self, ctx: CheckContext, register: TreatyRegister) -> None:
        self.register = register
        try:
            self.on: date | None = ctx.report_date
        except (KeyError, TypeError, ValueError):
            self.on = None

    def name(self, code: str) -> str:
        """Return the running-text name ("the Sudan"), else the register's name, else the code."""
        countries = country_register()
        if self.on is not None and code in countries:
            try:
                return countries.running_text(code, self.on)
            except SecretariatError:
                pass
        participant = self.register.participant(code)
        return participant.name if participant is not None else repr(code)

    def sort_key(self, code: str) -> str | None:
        """Return the English alphabetical key of the short name in force, or None if it is not known."""
        if self.on is None or code not in country_register():
            return None
        try:
            return country_register().sort_key(code, self.on)
        except SecretariatError:
            return None

    def inexact(self, code: str) -> bool:
        """Return whether the register knows this party's date only to a period."""
        participant = self.register.participant(code)
        return participant is not None and participant.consent is not None and not participant.consent.exact


def new_parties_findings(ctx: CheckContext, register: TreatyRegister, figure: dict[str, Any],
                         where: tuple[str, str | None]) -> Iterator[Finding]:
    """Check a list of new parties: every listed State joined in the period, none is missing, in order."""
    pointer, paragraph = where
    listed = figure.get("value")
    previous = ctx.records.report.get("previous_session") or {}
    try:
        after, through = period_of(str(previous.get("end"))), period_of(str(figure.get("as_of")))
        problem = None
    except ValueError as e:
        problem = f"expected report.json /previous_session/end and the figure's as_of as dates: {e}"
    if not isinstance(listed, list) or not all(isinstance(c, str) for c in listed):
        problem = f"expected a list of ISO3 codes of new parties, found {listed!r}"
    if problem is not None or not isinstance(listed, list):
        yield ctx.finding("register-figure-unchecked", Severity.WARNING, FILE, pointer, str(problem),
                          paragraph=paragraph)
        return
    names = Names(ctx, register)
    period = f"after {written(after.end)} and by {written(through.start)}"
    if not through.exact:
        period = f"after {written(after.end)} and by some day from {written(through.start)} to {written(through.end)}"
    certain, possible = register.joined_between(after, through)

    def finding(code: str, severity: Severity, message: str, expected: str, found: str) -> Finding:
        return ctx.finding(code, severity, FILE, pointer, message, expected=expected, found=found,
                           paragraph=paragraph)

    for code in listed:
        name, party = names.name(code), register.participant(code)
        if code in certain:
            continue
        if code in possible and party is not None:
            yield finding("new-parties-uncertain", Severity.NOTE,
                          f"{name} is listed, but became a party {when(party)}: the register cannot say whether "
                          f"that was {period}", "a date in the period", when(party))
        elif party is not None and party.consent is not None:
            yield finding("new-parties-mismatch", Severity.ERROR,
                          f"expected only States that became parties {period}, found {name}, which became a "
                          f"party {when(party)}", f"{name} off the list", f"{name} listed")
        elif party is None and code not in country_register():
            yield finding("new-parties-mismatch", Severity.ERROR,
                          f"expected ISO3 codes of States, found {code!r}, which the country register does not "
                          "know", "a known ISO3 code", repr(code))
        else:
            yield finding("new-parties-unconfirmed", Severity.WARNING,
                          f"{name} is listed, but the register {register.id!r} does not show it as a party: it "
                          f"cannot confirm that it became one {period}", "a party in the register", "none")
    for code in sorted(certain - set(listed), key=names.name):
        party = register.participant(code)
        joined = when(party) if party is not None else ""
        yield finding("new-parties-mismatch", Severity.ERROR,
                      f"expected every State that became a party {period} in the list, found {names.name(code)} "
                      f"missing (a party {joined})", f"{names.name(code)} listed", "missing")
    for code in sorted(possible - set(listed), key=names.name):
        party = register.participant(code)
        joined = when(party) if party is not None else ""
        yield finding("new-parties-uncertain", Severity.NOTE,
                      f"{names.name(code)} is not listed, but became a party {joined}: the register cannot say "
                      f"whether that was {period}, so whether it belongs in the list", "a date outside the period",
                      joined)
    yield from _order(ctx, names, listed, pointer, paragraph)


def _order(ctx: CheckContext, names: Names, listed: list[str], pointer: str,
           paragraph: str | None) -> Iterator[Finding]:
    keyed = [(key, code) for code in listed if (key := names.sort_key(code)) is not None]
    if keyed == sorted(keyed):
        return
    shown = [names.name(code) for _, code in keyed]
    wanted = [names.name(code) for _, code in sorted(keyed)]
    yield ctx.finding("new-parties-order", Severity.WARNING, FILE, pointer,
                      f"expected the new parties in English alphabetical order of their UN short names "
                      f"(\"the\" ignored), as the report prints them: {', '.join(wanted)}; found "
                      f"{', '.join(shown)}", expected=", ".join(wanted), found=", ".join(shown),
                      paragraph=paragraph)
