"""crosswire's own error types: everything a caller is expected to catch."""


class CrosswireError(Exception):
    """Base of every error crosswire raises on purpose."""


class InputError(CrosswireError):
    """An input file or record cannot be turned into an article; the batch goes on."""

    def __init__(self, reason: str, path: str | None = None, record: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.path = path
        self.record = record


class StoreError(CrosswireError):
    """The store cannot be opened, migrated or written (locked, read-only, disk full)."""
