"""`python -m claims` runs the `claims` command."""

from claims.cli import main

main()
