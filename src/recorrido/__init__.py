"""Recorrido: customer journeys, designed and measured."""

from ._version import __version__
from .errors import RecorridoError

__all__ = ["RecorridoError", "__version__"]
