"""The one exception family of secretariat: every error it raises on purpose is defined here."""

from __future__ import annotations

from dataclasses import dataclass


def clipped(text: object, width: int = 200) -> str:
    """Return text (a path, a value) cut to ``width`` characters for a message, marked with … if cut."""
    shown = str(text)
    return shown if len(shown) <= width else shown[:width] + "…"


@dataclass(frozen=True)
class Location:
    """Where a problem is: a file, and inside it a line:column and/or a JSON pointer."""

    path: str
    line: int | None = None
    column: int | None = None
    pointer: str | None = None

    def __str__(self) -> str:
        text = self.path
        if self.line is not None:
            text += f":{self.line}"
            if self.column is not None:
                text += f":{self.column}"
        if self.pointer is not None:
            text += f" {self.pointer or '/'}"
        return text


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where, what was expected and what was found."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class SecretariatError(Exception):
    """Base class: every error secretariat raises on purpose is one of these."""

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems

    def __str__(self) -> str:
        if not self.problems:
            return self.message
        lines = [self.message] + [f"  {p}" for p in self.problems]
        return "\n".join(lines)


class RecordError(SecretariatError):
    """A record file cannot be read or does not match its schema."""


class TemplateError(SecretariatError):
    """A template cannot be loaded or rendered; ``location`` says where, when that is known."""

    def __init__(self, message: str, problems: tuple[Problem, ...] = (), location: Location | None = None) -> None:
        super().__init__(message, problems)
        self.location = location

    @classmethod
    def at(cls, where: str, line: int | None, message: str) -> TemplateError:
        """Return the error of a record text ("content.json /blocks/3/text") or a template file, at a line."""
        file, _, pointer = where.rpartition(" /") if " /" in where else (where, "", "")
        at = f", line {line}" if line is not None else ""
        return cls(f"{where}{at}: {message}", location=Location(file, line, pointer=f"/{pointer}" if pointer else None))


class OutputError(SecretariatError):
    """The draft cannot be written."""


class UsageError(SecretariatError):
    """The command was called wrongly."""


class DocumentError(SecretariatError):
    """A document cannot be read: a .docx not a zip, encrypted, corrupt or not Word; a text file not UTF-8 text."""


class RegisterError(SecretariatError):
    """A register file is unreadable, does not match its schema or contradicts itself."""


class SessionRegisterError(RegisterError):
    """A register of sessions cannot be read or is malformed."""


class UnknownRegisterError(SecretariatError, LookupError):
    """No treaty register has this id."""


class UnknownCountryError(SecretariatError, ValueError):
    """A country code is not in the register."""


class CountryNameUncertainError(SecretariatError, ValueError):
    """The date falls inside the window in which a change of name took effect: the name is unknown."""


class SubmissionError(SecretariatError):
    """A submitted file cannot be taken in at all (wrong type, corrupt, wrong columns); nothing of it is used."""


class DateValueError(SecretariatError, ValueError):
    """A value cannot be read as a date; the message says what was expected."""


class ReviewError(SecretariatError):
    """An edited draft cannot be reviewed against these records, or its edits cannot be applied."""


class LimitError(SecretariatError):
    """A limit of ``secretariat.limits`` was exceeded by a file, a record or a template."""


class UnsafeFileError(SecretariatError):
    """A file is not one secretariat may read or write: a link out of its place, a FIFO, a device, too large."""
