"""The exit codes of every command: 0 clean, 1 problems found in the records, 2 the command could
not run as asked."""

OK, PROBLEMS, CANNOT_RUN = 0, 1, 2
