"""The exit codes of every command: 0 clean, 1 problems found in the records, 2 the command could
not run as asked; 141 (a shell's 128 + SIGPIPE) when the reader of its output went away first."""

OK, PROBLEMS, CANNOT_RUN = 0, 1, 2
CUT_OFF = 141
