"""`python -m equitykit` runs the command line."""

from .cli import main

main()
