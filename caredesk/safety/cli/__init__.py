"""Sub-commands of `caredesk safety`. Each module exposes `add_arguments(parser)` and `run(options)`.

`run` returns the process exit code; it raises `CommandError` for a clear one-line error.
"""
