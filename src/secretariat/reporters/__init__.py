"""Say what happened: text for people, JSON for machines. Reporters only read results."""

FINDINGS_FORMATS = ("text", "json", "sarif")
