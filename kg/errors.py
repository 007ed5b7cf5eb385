"""Errors a user can cause, each with a message that says what to do."""

from __future__ import annotations

__all__ = ["KgError", "DocumentError", "GraphError", "GoldError", "QueryError", "LexiconError"]


class KgError(Exception):
    """Base class: the CLI prints these as one line and exits non-zero."""


class DocumentError(KgError):
    """A document could not be read or decoded; names the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class GraphError(KgError):
    """A graph file could not be read."""


class GoldError(KgError):
    """A gold annotation file is malformed."""


class QueryError(KgError):
    """A SPARQL query is malformed or refused."""


class LexiconError(KgError):
    """A user lexicon line could not be understood."""
