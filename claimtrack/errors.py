"""One exception tree. The CLI prints ``Error: <message>`` and exits with ``exit_code``."""

from __future__ import annotations

from collections.abc import Iterable


class ClaimtrackError(Exception):
    """Base of every error claimtrack raises on purpose. Its message is one readable line."""

    exit_code = 1


class UsageError(ClaimtrackError):
    """The command line itself is wrong (unknown state, bad option value)."""

    exit_code = 2


class LoadError(ClaimtrackError):
    """An input could not be read as an article: missing, binary, empty, undecodable."""

    def __init__(self, origin: str, why: str) -> None:
        super().__init__(f"{origin}: {why}")
        self.origin = origin
        self.why = why


class RulesError(ClaimtrackError):
    """A rules file (``claimtrack/rules/*.toml``) that cannot be read or does not say what the
    rules need; the message names the file and the key."""


class StoreError(ClaimtrackError):
    """The database cannot be opened or used (not a claimtrack database, missing driver...)."""


class NotFoundError(ClaimtrackError):
    """An id or name given on the command line does not exist."""


class ConflictNotFoundError(NotFoundError):
    """Conflict ids that do not exist: one message wherever a conflict is looked up by id."""

    def __init__(self, ids: Iterable[int]) -> None:
        self.ids = sorted(set(ids))
        noun = "conflict" if len(self.ids) == 1 else "conflicts"
        listed = ", ".join(str(i) for i in self.ids)
        super().__init__(f"no {noun} {listed} (see `claimtrack conflicts`)")


class StaleWriteError(ClaimtrackError):
    """Optimistic concurrency: the row was changed by someone else since it was read."""
