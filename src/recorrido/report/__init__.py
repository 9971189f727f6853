"""The report: the journey map drawn from the data and every analysis beside it, in one
self-contained HTML file, in Spanish or English (``recorrido report``)."""

from .i18n import LANGUAGES, MESSAGES, Text
from .render import render_report
from .scope import scoped_store

__all__ = ["LANGUAGES", "MESSAGES", "Text", "render_report", "scoped_store"]
