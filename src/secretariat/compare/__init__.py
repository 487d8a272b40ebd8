"""Compare two drafts of a report: align their blocks, diff them word by word, mark the changes."""

from secretariat.compare.redline import ChangeSummary, Redline, Version, redline

__all__ = ["ChangeSummary", "Redline", "Version", "redline"]
