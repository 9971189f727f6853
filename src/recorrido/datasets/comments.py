"""The bank of survey comments: Spanish mostly, some English, by topic and polarity.

Comments are written to be realistic rather than easy: negations ("no está mal"), irony
("Genial, 25 minutos para un cortado"), mixed feelings ("el café buenísimo, pero…"). Every
staff-manners complaint names the rudeness with a word that :data:`STAFF_COMPLAINT` finds,
and every checkout complaint mentions the payment form or the shipping costs
(:data:`CHECKOUT_COMPLAINT`), so planted truths can be checked from the raw text.
"""

from __future__ import annotations

import random
import re
from typing import Literal

__all__ = ["BANK", "CHECKOUT_COMPLAINT", "STAFF_COMPLAINT", "Polarity", "Topic", "pick"]

Topic = Literal[
    "waiting_time", "staff_manners", "price", "delivery", "product_quality", "website", "support"
]
Polarity = Literal["negative", "mixed", "positive"]
Lang = Literal["es", "en"]

STAFF_COMPLAINT = re.compile(
    r"\b(bordes?|groser[oa]s?|maleducad[oa]s?|antipátic[oa]s?|malos modos|malas formas|"
    r"rude|unfriendly|impolite)\b",
    re.IGNORECASE,
)
"""Words of a staff-manners complaint (rude or unfriendly service)."""

CHECKOUT_COMPLAINT = re.compile(
    r"pago|pagar|tarjeta|formulario|envío|gastos|bizum|paypal|payment|card|form|shipping|"
    r"checkout",
    re.IGNORECASE,
)
"""Words of a complaint about the web checkout: the payment form or the shipping costs."""

_S = tuple[str, ...]

BANK: dict[tuple[Topic, Polarity], dict[Lang, _S]] = {
    ("waiting_time", "negative"): {
        "es": (
            "Veinte minutos de cola para un café con leche. Así no.",
            "Genial, 25 minutos para un cortado. Todo un récord.",
            "La espera fue eterna y nadie nos dijo nada.",
            "No vuelvo a pedir a la hora del desayuno, imposible.",
            "Tardaron muchísimo en servirnos y el café llegó tibio.",
            "Había sitio de sobra pero el pedido no salía nunca.",
        ),
        "en": (
            "Waited almost half an hour for a flat white.",
            "Way too slow, we gave up and left.",
        ),
    },
    ("waiting_time", "mixed"): {
        "es": (
            "Buen café, pero la cola a primera hora es desesperante.",
            "Tardaron un poco, aunque el flat white lo compensó.",
            "No está mal, pero un sábado por la mañana mejor ni lo intentes.",
        ),
        "en": ("Good coffee, but the queue in the morning is a pain.",),
    },
    ("waiting_time", "positive"): {
        "es": (
            "Rapidísimos incluso con el local lleno.",
            "Ni dos minutos de espera, perfecto para antes de trabajar.",
            "Servicio ágil, no tuve que esperar nada.",
        ),
        "en": ("Super quick service even at rush hour.",),
    },
    ("staff_manners", "negative"): {
        "es": (
            "El camarero fue un borde, contestaba de malas ganas y con malos modos.",
            "Qué trato tan 'encantador': la chica de la barra fue una maleducada.",
            "Personal antipático, nos miraban como si molestáramos.",
            "Me atendieron con malas formas y encima se rieron. No vuelvo.",
            "Un grosero el de la caja. El café estaba bueno, pero así no.",
            "Pedí que me cambiaran la leche y me lo pusieron de malos modos, muy borde.",
            "No es normal que te traten tan mal: gente antipática y maleducada.",
            "Fueron muy bordes con mi madre por preguntar los precios.",
        ),
        "en": (
            "The barista was really rude to us.",
            "Unfriendly staff, they made us feel unwelcome.",
            "Great beans, shame about the rude service at the counter.",
        ),
    },
    ("staff_manners", "mixed"): {
        "es": (
            "El café muy rico, aunque el chico de la barra no fue muy simpático.",
            "Atención correcta, sin más; nadie saluda al entrar.",
        ),
        "en": ("Coffee was great, staff a bit cold.",),
    },
    ("staff_manners", "positive"): {
        "es": (
            "Un trato de diez, se acuerdan de cómo tomo el café.",
            "Las chicas de la barra son encantadoras.",
            "Nos explicaron cada origen con muchísima paciencia.",
            "Da gusto que te atiendan con una sonrisa a las 8 de la mañana.",
            "El barista me recomendó un Chiapas buenísimo. ¡Gracias!",
        ),
        "en": (
            "Lovely staff, they remembered my order.",
            "The baristas really know their stuff and are super friendly.",
        ),
    },
    ("price", "negative"): {
        "es": (
            "Demasiado caro para lo que es.",
            "4 € por un filtro... ni en Madrid.",
            "Han subido los precios otra vez y no se nota en nada.",
            "Qué bien, otro euro más por la leche de avena.",
        ),
        "en": ("Overpriced for what you get.",),
    },
    ("price", "mixed"): {
        "es": (
            "Es caro, pero la calidad se nota.",
            "No es barato, aunque tampoco es un robo.",
            "Buen producto, precio algo alto para tomarlo a diario.",
        ),
        "en": ("Pricey, but worth it now and then.",),
    },
    ("price", "positive"): {
        "es": (
            "Buena relación calidad-precio.",
            "Por lo que cuesta, no encuentras nada mejor en la zona.",
            "El menú de desayuno a buen precio, repetiré.",
        ),
        "en": ("Fair prices for specialty coffee.",),
    },
    ("delivery", "negative"): {
        "es": (
            "El pedido llegó una semana tarde y nadie avisó.",
            "Paquete abollado y una bolsa abierta. Un desastre.",
            "El repartidor dijo que no estaba en casa y no se movió de la furgoneta.",
            "Pagar 4,95 € de gastos de envío para que llegue tarde, estupendo.",
            "Seguimiento del envío inútil: 'en tránsito' durante seis días.",
        ),
        "en": (
            "Order arrived a week late, no updates at all.",
            "Shipping took forever and the bag was torn.",
        ),
    },
    ("delivery", "mixed"): {
        "es": (
            "Tardó un poco más de lo prometido, pero llegó bien.",
            "El envío correcto, el embalaje mejorable.",
        ),
        "en": ("A day late, but well packed.",),
    },
    ("delivery", "positive"): {
        "es": (
            "Llegó al día siguiente y perfectamente embalado.",
            "Envío rapidísimo, el café aún olía a recién tostado.",
            "Todo perfecto, entrega puntual.",
        ),
        "en": ("Fast delivery, great packaging.",),
    },
    ("product_quality", "negative"): {
        "es": (
            "El café estaba quemado, nada que ver con lo de otras veces.",
            "La bolsa de Etiopía sabía a rancio.",
            "No sé qué ha pasado, pero el tueste ya no es el mismo.",
            "El croissant era de ayer, seguro.",
        ),
        "en": ("Coffee tasted burnt, not what I expected.",),
    },
    ("product_quality", "mixed"): {
        "es": (
            "El Colombia muy bueno, el descafeinado no tanto.",
            "Rico, aunque esperaba más de un café de especialidad.",
            "No está mal, pero el Geisha no justifica el precio.",
        ),
        "en": ("Decent beans, but not as fruity as described.",),
    },
    ("product_quality", "positive"): {
        "es": (
            "El mejor café de Valencia, sin discusión.",
            "El Chiapas es una maravilla, ya voy por la tercera bolsa.",
            "Se nota que el tueste es reciente. Espectacular.",
            "No había probado un cold brew tan bueno nunca.",
            "Muy buen café, nada que ver con el de supermercado.",
        ),
        "en": (
            "Best coffee in town, hands down.",
            "The Oaxaca beans are amazing.",
        ),
    },
    ("website", "negative"): {
        "es": (
            "El formulario de pago me dio error tres veces con la tarjeta.",
            "Imposible pagar: la página de pago se queda cargando.",
            "Me obligaban a crear una cuenta para pagar. Lo dejé.",
            "Los gastos de envío aparecen al final del pago, qué sorpresa tan agradable.",
            "¿4,95 € de envío por una bolsa de 250 g? No, gracias.",
            "No aceptan Bizum ni PayPal y la tarjeta me la rechazaba.",
            "El formulario borra la dirección cada vez que hay un error.",
            "Al pagar me pidió el código de la tarjeta dos veces y luego falló.",
        ),
        "en": (
            "The payment form kept rejecting my card.",
            "Shipping costs only show up at the very end of checkout.",
            "Checkout is a nightmare, had to type my address three times.",
        ),
    },
    ("website", "mixed"): {
        "es": (
            "La web es bonita, pero el proceso de pago es lentísimo.",
            "Al final pude pagar, aunque el formulario es un lío.",
            "Buena tienda, pero los gastos de envío deberían verse antes.",
        ),
        "en": ("Nice shop, clunky payment form.",),
    },
    ("website", "positive"): {
        "es": (
            "Compra rápida y sin complicaciones.",
            "Pagar fue fácil, en dos minutos listo.",
            "Todo claro, incluso los gastos de envío.",
        ),
        "en": ("Quick and easy checkout.",),
    },
    ("support", "negative"): {
        "es": (
            "Tres llamadas para que me devolvieran el dinero. Agotador.",
            "El chat te pasa de un agente a otro y nadie resuelve nada.",
            "Me prometieron que me llamarían y sigo esperando.",
            "Tuve que explicar el problema cuatro veces. Qué eficiencia.",
            "No me solucionaron nada, solo excusas.",
        ),
        "en": (
            "Had to explain my issue four times, still not solved.",
            "Support chat was useless.",
        ),
    },
    ("support", "mixed"): {
        "es": (
            "Me lo solucionaron, pero costó lo suyo.",
            "Amables, aunque tardaron dos días en responder.",
        ),
        "en": ("Solved in the end, but it took a while.",),
    },
    ("support", "positive"): {
        "es": (
            "Me resolvieron el problema en una sola llamada.",
            "Por el chat en cinco minutos tenía un pedido nuevo en camino.",
            "Atención al cliente de diez, muy resolutivos.",
        ),
        "en": ("Sorted my problem in one call, great support.",),
    },
}

_ENDINGS: dict[tuple[Polarity, Lang], tuple[str, ...]] = {
    ("negative", "es"): ("", "", "", " 😠", " 👎", " Una pena."),
    ("negative", "en"): ("", "", "", " 😠", " Shame."),
    ("mixed", "es"): ("", "", "", " 🤷", " En fin."),
    ("mixed", "en"): ("", "", "", " 🤷"),
    ("positive", "es"): ("", "", "", " ☕", " 🙂", " ¡Volveré!"),
    ("positive", "en"): ("", "", "", " ☕", " Will be back!"),
}


def pick(rng: random.Random, topic: Topic, polarity: Polarity, lang: Lang) -> str:
    """A comment of this topic and polarity, in ``lang``, with an occasional ending."""
    return rng.choice(BANK[topic, polarity][lang]) + rng.choice(_ENDINGS[polarity, lang])
