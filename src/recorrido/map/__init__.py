"""The journey map as code: models, YAML loading with positions, validation, templates."""

from .loader import check_map, load_map, parse_map
from .models import JourneyMap
from .templates import TEMPLATES, render_template, template_map

__all__ = [
    "TEMPLATES",
    "JourneyMap",
    "check_map",
    "load_map",
    "parse_map",
    "render_template",
    "template_map",
]
