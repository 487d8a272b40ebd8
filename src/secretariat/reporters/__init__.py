"""Say what happened: text for people, JSON for machines. Reporters only read results."""

FINDINGS_FORMATS = ("text", "json", "sarif")


def plural(count: int, noun: str) -> str:
    """Return "1 error" or "2 errors"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
