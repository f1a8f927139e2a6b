"""Offline question answering over Chinese government budget and performance reports."""

from .api import Assistant
from .records import Answer, Citation

__all__ = ["Assistant", "Answer", "Citation"]
