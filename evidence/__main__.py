"""`python -m evidence` runs the command line."""

from evidence._cli import run

run()
