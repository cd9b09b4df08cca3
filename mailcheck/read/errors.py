"""The one error every reader raises."""

from __future__ import annotations


class ReadError(Exception):
    """A draft that cannot be read; ``str()`` is one line: ``path: why``.

    ``path`` is the display path (``Drafts:3`` inside a mailbox), ``reason``
    the why alone, for callers that print the path themselves.
    """

    def __init__(self, path: str, reason: str) -> None:
        # Both in args, so the error pickles (worker processes, caches).
        super().__init__(str(path), " ".join(str(reason).split()))

    @property
    def path(self) -> str:
        return self.args[0]

    @property
    def reason(self) -> str:
        return self.args[1]

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"
