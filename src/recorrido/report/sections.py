"""What each section of the report shows: numbers from the analytics, figures and tables, and
a one-sentence reading of each in the report's language.

The builders live by theme (:mod:`.sections_journey`, :mod:`.sections_voice`,
:mod:`.sections_loyalty`); a section or a part of one that cannot be computed (no survey
answers, no events in the period, a map without KPIs) says why instead of breaking the report
(:func:`~.blocks.safely`, :func:`~.blocks.attempt`). Analyses read by several sections are
computed once per report (:meth:`~.facts.Facts.once`).
"""

from __future__ import annotations

from .blocks import Builder, Section, safely
from .sections_journey import buyer, customer, graph
from .sections_loyalty import loyalty, monitor
from .sections_voice import experience, pain

__all__ = ["SECTIONS", "Section", "safely"]

SECTIONS: tuple[tuple[str, str, Builder], ...] = (
    ("buyer", "s_buyer", buyer),
    ("customer", "s_customer", customer),
    ("graph", "s_graph", graph),
    ("experience", "s_experience", experience),
    ("pain", "s_pain", pain),
    ("loyalty", "s_loyalty", loyalty),
    ("monitor", "s_monitor", monitor),
)
"""The report's sections after the map, in order: id, title key and builder."""
