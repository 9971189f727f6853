"""Pure Ibis analytics over the store's tables (no I/O, no backend imports)."""

from .personas import assign_personas
from .touchpoints import UNMAPPED, assign_touchpoints

__all__ = ["UNMAPPED", "assign_personas", "assign_touchpoints"]
