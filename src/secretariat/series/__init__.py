"""Reports of a series: start the next report from the last one."""

from secretariat.series.start import NewOptions, NewResult, start_next_report

__all__ = ["NewOptions", "NewResult", "start_next_report"]
