"""Starter journey maps: AIDA, five phases and seven stages, in Spanish and English.

``template_map(name, lang, business)`` returns a plain dict that validates as a
:class:`~recorrido.map.models.JourneyMap`; ``render_template`` writes it as commented YAML.
"""

from __future__ import annotations

import io
from typing import Any, Literal

from ruamel.yaml import YAML

from ..errors import UsageError, did_you_mean

__all__ = ["TEMPLATES", "render_template", "template_map"]

Lang = Literal["es", "en"]

# stage id → (English name, Spanish name, English description, Spanish description)
_STAGES: dict[str, tuple[str, str, str, str]] = {
    "attention": (
        "Attention",
        "Atención",
        "The person notices the brand.",
        "La persona repara en la marca.",
    ),
    "interest": ("Interest", "Interés", "They want to know more.", "Quiere saber más."),
    "desire": ("Desire", "Deseo", "They want the product.", "Desea el producto."),
    "action": ("Action", "Acción", "They buy.", "Compra."),
    "awareness": (
        "Awareness",
        "Conciencia",
        "The person becomes aware of a need and of the brand.",
        "La persona toma conciencia de una necesidad y de la marca.",
    ),
    "discovering": (
        "Discovering",
        "Descubrimiento",
        "They look for information to understand the problem.",
        "Busca información para entender el problema.",
    ),
    "learning": (
        "Learning",
        "Aprendizaje",
        "They learn which solutions exist and weigh them.",
        "Aprende qué soluciones existen y las pondera.",
    ),
    "choosing": (
        "Choosing",
        "Elección",
        "The list narrows; they try and compare providers.",
        "La lista se reduce; prueba y compara proveedores.",
    ),
    "purchasing": ("Purchasing", "Compra", "They buy.", "Compra."),
    "consideration": (
        "Consideration",
        "Consideración",
        "They compare the offer with the competition.",
        "Compara la oferta con la competencia.",
    ),
    "decision": (
        "Decision",
        "Decisión",
        "They choose the product that best meets their expectations.",
        "Elige el producto que mejor cumple sus expectativas.",
    ),
    "purchase": ("Purchase", "Compra", "They pay.", "Paga."),
    "post_purchase": (
        "Post-purchase experience",
        "Experiencia posterior a la compra",
        "They use the product and form an opinion.",
        "Usa el producto y se forma una opinión.",
    ),
    "loyalty": (
        "Loyalty",
        "Lealtad",
        "They come back and buy again.",
        "Vuelve y repite la compra.",
    ),
    "advocacy": (
        "Advocacy",
        "Promoción",
        "They recommend the brand to others.",
        "Recomienda la marca a otras personas.",
    ),
}

TEMPLATES: dict[str, list[str]] = {
    "aida": ["attention", "interest", "desire", "action"],
    "five-phases": ["awareness", "discovering", "learning", "choosing", "purchasing"],
    "seven-stages": [
        "awareness",
        "consideration",
        "decision",
        "purchase",
        "post_purchase",
        "loyalty",
        "advocacy",
    ],
}
"""Template name → its stage ids, in order."""

# touchpoint id → (channel, event, English name, Spanish name, stage per template)
_TOUCHPOINTS: list[tuple[str, str, str, str, str, dict[str, str]]] = [
    ("ad_click", "social_ads", "ad_click", "Ad click", "Clic en anuncio",
     {"aida": "attention", "five-phases": "awareness", "seven-stages": "awareness"}),
    ("blog_visit", "blog", "blog_view", "Blog article", "Artículo del blog",
     {"aida": "interest", "five-phases": "discovering", "seven-stages": "consideration"}),
    ("product_view", "website", "product_view", "Product page", "Página de producto",
     {"aida": "interest", "five-phases": "learning", "seven-stages": "consideration"}),
    ("add_to_cart", "website", "add_to_cart", "Add to cart", "Añadir al carrito",
     {"aida": "desire", "five-phases": "choosing", "seven-stages": "decision"}),
    ("order_placed", "website", "purchase", "Order placed", "Pedido realizado",
     {"aida": "action", "five-phases": "purchasing", "seven-stages": "purchase"}),
    ("support_contact", "support", "support_contact", "Customer service", "Atención al cliente",
     {"seven-stages": "post_purchase"}),
    ("newsletter_open", "email", "newsletter_open", "Newsletter", "Newsletter",
     {"seven-stages": "loyalty"}),
    ("review", "website", "review_posted", "Review", "Reseña",
     {"seven-stages": "advocacy"}),
]  # fmt: skip

# route id → (kind, English name, Spanish name, steps): kept when every step is in the template
_ROUTES: list[tuple[str, str, str, str, list[str]]] = [
    ("informative", "informative", "Informative route", "Ruta informativa",
     ["blog_visit", "product_view"]),
    ("ad_to_purchase", "direct_purchase", "From an ad straight to the purchase",
     "Del anuncio a la compra directa", ["ad_click", "order_placed"]),
    ("support", "support", "Customer service after the purchase",
     "Atención al cliente tras la compra", ["order_placed", "support_contact"]),
]  # fmt: skip

_CHANNELS: dict[str, tuple[str, str, str, str, bool]] = {
    # id: (English name, Spanish name, type, kind, online)
    "social_ads": ("Social ads", "Anuncios en redes", "ad", "paid", True),
    "blog": ("Blog", "Blog", "blog", "owned", True),
    "website": ("Website", "Sitio web", "website", "owned", True),
    "support": ("Customer service", "Atención al cliente", "customer_service", "owned", False),
    "email": ("Email", "Correo electrónico", "email", "owned", True),
}


def template_map(name: str, lang: Lang = "es", business: str | None = None) -> dict[str, Any]:
    """The starter map ``name`` (a key of :data:`TEMPLATES`) in ``lang``."""
    if name not in TEMPLATES:
        raise UsageError(
            f"unknown template '{name}'{did_you_mean(name, TEMPLATES)}", code="unknown_template"
        )
    spanish = lang == "es"
    stages = TEMPLATES[name]
    touchpoints = [tp for tp in _TOUCHPOINTS if name in tp[5]]
    channels = sorted({tp[1] for tp in touchpoints})
    purchase_stage = next(tp[5][name] for tp in touchpoints if tp[0] == "order_placed")
    funnel = stages[: stages.index(purchase_stage) + 1]
    return {
        "version": 1,
        "meta": {
            "name": business or ("Mi negocio" if spanish else "My business"),
            "language": lang,
            "timezone": "Europe/Madrid" if spanish else "UTC",
            "currency": "EUR",
        },
        "stages": [
            {
                "id": stage,
                "name": _STAGES[stage][1 if spanish else 0],
                "description": _STAGES[stage][3 if spanish else 2],
            }
            for stage in stages
        ],
        "attributes": {"segment": {"type": "string"}, "lifetime_value": {"type": "number"}},
        "personas": [
            {
                "id": "premium",
                "name": "Cliente premium" if spanish else "Premium customer",
                "goals": ["Calidad sin complicaciones" if spanish else "Quality without hassle"],
                "preferred_channels": ["website"],
                "assign": 'segment == "premium" or lifetime_value >= 500',
            },
            {
                "id": "economy",
                "name": "Cliente económico" if spanish else "Economy customer",
                "goals": ["El mejor precio" if spanish else "The best price"],
                "preferred_channels": ["social_ads"],
                "assign": 'segment == "economy"',
            },
        ],
        "channels": [
            {
                "id": channel,
                "name": _CHANNELS[channel][1 if spanish else 0],
                "type": _CHANNELS[channel][2],
                "kind": _CHANNELS[channel][3],
                "online": _CHANNELS[channel][4],
            }
            for channel in channels
        ],
        "touchpoints": [
            {
                "id": tp_id,
                "name": es_name if spanish else en_name,
                "channel": channel,
                "stage": per_template[name],
                "match": {"event": event},
            }
            for tp_id, channel, event, en_name, es_name, per_template in touchpoints
        ],
        "scenarios": {
            stages[0]: {
                "does": "Ve un anuncio en redes" if spanish else "Sees an ad on social media",
                "thinks": "¿Esto es para mí?" if spanish else "Is this for me?",
                "feels": "Curiosidad" if spanish else "Curious",
                "expects": "Información clara" if spanish else "Clear information",
                "emotion": 1,
            }
        },
        "buyer_journey": {"steps": funnel, "conversion": "order_placed"},
        "routes": [
            {
                "id": route_id,
                "name": es_name if spanish else en_name,
                "kind": kind,
                "steps": steps,
            }
            for route_id, kind, en_name, es_name, steps in _ROUTES
            if set(steps) <= {tp[0] for tp in touchpoints}
        ],
        "kpis": [{"id": "conversion_rate", "metric": "conversion", "target": 0.05}],
        "opportunities": [],
    }


_HEADER = {
    "es": (
        "Mapa del recorrido del cliente de Recorrido (formato versión 1).\n"
        "Referencia del formato: docs/map-format.md.\n"
        "Valídalo con: recorrido validate journey.yaml\n"
    ),
    "en": (
        "Recorrido customer journey map (format version 1).\n"
        "Format reference: docs/map-format.md.\n"
        "Validate with: recorrido validate journey.yaml\n"
    ),
}


def render_template(name: str, lang: Lang = "es", business: str | None = None) -> str:
    """The starter map as YAML text with a header comment."""
    yaml = YAML(typ="rt")
    yaml.default_flow_style = False
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    buffer = io.StringIO()
    yaml.dump(template_map(name, lang, business), buffer)
    header = "".join(f"# {line}\n" for line in _HEADER[lang].splitlines())
    return header + buffer.getvalue()
