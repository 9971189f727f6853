"""Café Altura: a seeded, deterministic simulation of a specialty-coffee business.

``generate()`` returns the behavioural events, the known people and the survey answers of six
months (2026-03 to 2026-08) of an online shop and three cafés in Valencia, with the business's
journey map; ``write()`` saves them as the files Recorrido ingests. ``PLANTED_TRUTHS`` lists
facts hidden in the data that analytics must find. See ``docs/sample-world.md``.
"""

from .sample import SampleData, SampleFiles, generate, write
from .truths import PLANTED_TRUTHS, Truth

__all__ = ["PLANTED_TRUTHS", "SampleData", "SampleFiles", "Truth", "generate", "write"]
