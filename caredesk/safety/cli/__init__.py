"""Sub-commands of `caredesk safety`: each module has `add_arguments(parser)` and `run(options)`.

`run` returns the process exit code; it raises `CommandError` for a clear one-line error.
"""
