"""Check plugins, discovered automatically: a module with ``CODES`` and ``run(ctx)`` is a check."""
