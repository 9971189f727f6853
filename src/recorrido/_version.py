"""The installed version of Recorrido."""

__version__ = "0.1.0"
