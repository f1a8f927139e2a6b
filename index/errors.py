"""Errors a user sees, in a module of their own so that catching one imports nothing heavy."""


class IndexLoadError(Exception):
    """The index directory cannot be used; the message says why and what to do."""
