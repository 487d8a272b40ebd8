"""Load a report's record files and validate them against the schemas."""

from secretariat.records.folder import ReportRecords, load_report, report_date

__all__ = ["ReportRecords", "load_report", "report_date"]
