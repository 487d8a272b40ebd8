"""Draft and validate UN secretariat reports from records."""

__version__ = "0.1.0"
