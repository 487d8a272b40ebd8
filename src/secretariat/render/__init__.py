"""Render records through Jinja templates into the document model."""
