"""Run the command line with ``python -m secretariat``."""

from secretariat.cli import main

main()
