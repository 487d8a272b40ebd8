"""Consistency checks: each plugin in ``checks/plugins`` proves one family of facts about a report."""

from secretariat.checks.finding import Finding, Severity
from secretariat.checks.runner import CheckRun, discover, run_checks

__all__ = ["CheckRun", "Finding", "Severity", "discover", "run_checks"]
