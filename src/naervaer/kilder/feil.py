"""The one error type of the data-source clients."""

from __future__ import annotations


class KildeFeil(Exception):
    """A data source could not give us what we asked for.

    The message is Norwegian bokmål and meant for the person running Nærvær, so it says what went
    wrong and, where we know it, what to do about it. ``status`` is the HTTP status when there was
    one, ``url`` the address we asked.
    """

    def __init__(self, melding: str, *, status: int | None = None, url: str | None = None) -> None:
        super().__init__(melding)
        self.melding = melding
        self.status = status
        self.url = url

    def __str__(self) -> str:
        return self.melding
