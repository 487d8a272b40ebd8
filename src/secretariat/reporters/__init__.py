"""Say what happened: text for people, JSON for machines. Reporters only read results."""
