"""What Café Altura sells and where: products, cafés, cities, campaigns and web pages."""

from __future__ import annotations

__all__ = [
    "BLOG_POSTS",
    "CAFE_ITEMS",
    "CAMPAIGNS",
    "CITIES",
    "FREE_SHIPPING_FROM",
    "PRODUCTS",
    "SHIPPING",
    "STORES",
    "campaign_on",
]

STORES = ("centro", "norte", "playa")
"""The three cafés in Valencia, by id (the ``store`` column)."""

CITIES: dict[str, float] = {
    "Madrid": 0.24,
    "Barcelona": 0.16,
    "Sevilla": 0.08,
    "Bilbao": 0.06,
    "Zaragoza": 0.06,
    "Málaga": 0.06,
    "Alicante": 0.05,
    "Murcia": 0.04,
    "Ciudad de México": 0.03,
    "Guadalajara (MX)": 0.02,
}
"""Where online shoppers outside Valencia live (weights); Valencia is chosen separately."""

# slug → (price in EUR, line): "diaria" is the economy line, "origen" the premium one.
PRODUCTS: dict[str, tuple[float, str]] = {
    "mezcla_de_la_casa": (9.90, "diaria"),
    "descafeinado_suave": (8.50, "diaria"),
    "molido_clasico": (6.90, "diaria"),
    "capsulas_compatibles": (12.90, "diaria"),
    "cold_brew_botella": (4.50, "diaria"),
    "etiopia_yirgacheffe": (14.50, "origen"),
    "colombia_huila": (13.90, "origen"),
    "mexico_chiapas": (13.50, "origen"),
    "oaxaca_pluma": (15.90, "origen"),
    "geisha_panama": (29.00, "origen"),
    "kit_v60": (34.00, "origen"),
    "molinillo_manual": (59.00, "origen"),
    "pack_oficina_5kg": (89.00, "oficina"),
    "suscripcion_oficina": (129.00, "oficina"),
}

SHIPPING = 4.95
FREE_SHIPPING_FROM = 35.0
"""Orders under 35 € pay 4.95 € shipping: a surprise at checkout for many."""

# item → (price in EUR, line)
CAFE_ITEMS: dict[str, tuple[float, str]] = {
    "cafe_con_leche": (1.90, "diaria"),
    "cortado": (1.60, "diaria"),
    "tostada_tomate": (2.40, "diaria"),
    "croissant": (1.80, "diaria"),
    "flat_white": (3.20, "origen"),
    "v60_filtro": (3.90, "origen"),
    "cold_brew": (3.80, "origen"),
    "tarta_zanahoria": (4.20, "origen"),
    "bolsa_origen_250g": (14.50, "origen"),
    "pedido_oficina": (18.00, "oficina"),
}

BLOG_POSTS = (
    "como-preparar-v60",
    "que-es-el-cafe-de-especialidad",
    "tueste-claro-o-oscuro",
    "cafe-de-chiapas-y-oaxaca",
    "moler-en-casa",
    "cold-brew-en-verano",
    "guia-de-origenes",
)

# (first day, last day, campaign id), days counted from 2026-03-01.
CAMPAIGNS = (
    (4, 18, "dia_del_padre"),
    (19, 60, "primavera_de_origen"),
    (50, 63, "dia_de_la_madre"),
    (64, 105, "cafe_de_especialidad"),
    (106, 183, "cold_brew_verano"),
)


def campaign_on(day: int) -> str:
    """The ad campaign running on a day (the latest that started), or the brand campaign."""
    running = "marca_altura"
    for first, last, name in CAMPAIGNS:
        if first <= day <= last:
            running = name
    return running
