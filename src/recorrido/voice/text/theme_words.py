"""Keyword families of the comment themes, per language, folded (no accents).

An entry is a word or phrase matched whole (``"cola"`` does not match ``"colacao"``); a
trailing ``*`` matches any ending (``"esper*"``: espera, esperamos…); an entry starting with
``re:`` is a regular expression (without ``|``, which separates entries). An entry marked
``~`` is weak: a mere mention (a product, a table, "service") that counts only when the
comment matches no strong entry of any theme.
"""

from __future__ import annotations

__all__ = ["FAMILIES", "SPEED"]


def _split(text: str) -> tuple[str, ...]:
    return tuple(entry.strip() for entry in text.split("|") if entry.strip())


FAMILIES: dict[str, dict[str, tuple[str, ...]]] = {
    "waiting_time": {
        "es": _split(
            r"""espera | esperas | esperar | esperando | esperamos | espere | esperado |
            esperaron | cola | colas | hora punta | minuto | minutos | min | media hora |
            tomaran nota | tomar nota | atendernos | nos atendia | nadie nos atendia |
            ~sirvieron | ~servirnos | ~servir | ~prisa | ~prisas"""
        ),
        "en": _split(
            r"""wait | waited | waiting | waits | queue* | minute | minutes | mins | min |
            half an hour | on hold | understaffed | get served | to be served | took our order |
            in and out | re:\d+\s*min\w* | ~served | ~serving"""
        ),
    },
    "staff_manners": {
        "es": _split(
            r"""camarer* | dependient* | emplead* | encargad* | barista* | trato | trata | tratan |
            trataron | amabl* | simpatic* | antipatic* | borde | bordes | maleduca* |
            mal educad* | educad* | groser* | majo | maja | majos | majas | atento | atenta |
            atentos | atentas | malas maneras | malos modos | malas formas | mala cara |
            sonrisa* | saludaron | saludo | saludar | buenos dias | ignoraron | ignoran | grito |
            gritaron | gritan | carino | encanto | encantador* | un sol | conteston* |
            profesional* | gente muy maja | aconsejo | aconsejaron | ~personal | ~equipo |
            ~la chica | ~el chico | ~los chicos | ~las chicas | ~chica | ~chico | ~atienden |
            ~atendieron | ~atendido |
            ~re:servicio(?!\s+tecnico)(?!\s+de\s+atencion)(?!\s+al\s+cliente)"""
        ),
        "en": _split(
            r"""staff | waiter* | waitress* | barista* | cashier* | manager* | manger | employee* |
            rude* | re:(?<!dog )(?<!user )friendly | unfriendly | polite* | impolite | welcoming |
            unwelcoming | attentive | manners | smil* | charming | warm | warmth | chatty |
            rolled her eyes | rolled his eyes | dirty looks | told off | shout* | said hello |
            looked after | acknowledg* | bad mood | treats us | treated us | treat us |
            so kind | very kind | really kind | ~team |
            ~guy | ~lad | ~lady | ~girl | ~woman | ~people | ~hello | ~goodbye | ~good morning |
            ~re:(?<!customer )service(?!s)"""
        ),
    },
    "price": {
        "es": _split(
            r"""precio | precios | caro | caros | re:(?<!\w)(?<!mala )caras?(?!\w) | carisim* |
            barat* | euro | euros | € |
            cobr* | cuesta | cuestan | costar | coste | ofert* | descuento* | calidad precio |
            abuso | gastos de envio | tarifa* | subida* | suben | subir |
            pagar tanto | economic* | asequible* | fidelidad | ~pagar | ~pague | ~efectivo |
            ~re:\d+[.,]\d+"""
        ),
        "en": _split(
            r"""price* | pricey | pricing | expensive | cheap* | overpriced | value for money |
            good value | great value | cost* | £ | $ | € | quid | re:\d+p | charg* | fee | fees |
            discount* | offer* | bargain* | afford* | rip off | robbery | worth the money |
            worth paying | loyalty | stamps | re:money(?! back) | ~value | ~paid | ~pay that |
            ~cash"""
        ),
    },
    "delivery": {
        "es": _split(
            r"""envio* | enviar | envian | enviais | entreg* | repart* | mensajer* | paquete* |
            a domicilio | seguimiento | tracking | correos | transportista | porteria | retraso* |
            demor* | el pedido llego | de entrega | la caja llego | ~recog* | ~llego | ~llega |
            ~llegado | ~llegue | ~llegaron | ~llegar"""
        ),
        "en": _split(
            r"""deliver* | shipping | shipped | ship | dispatch* | parcel* | package* | courier* |
            driver* | postman | postie | tracking | click and collect | doorstep | turned up |
            out for delivery | ~collect* | ~pick up | ~picked up | ~arriv* | ~next day | ~the box"""
        ),
    },
    "product_quality": {
        "es": _split(
            r"""calidad | sabor* | sabe | sabia | sabian | rico | rica | ricos | ricas | riquisim* |
            delicios* | fresc* | quemado | aguado | caducad* | racion* | ~cafe | ~cafes |
            ~cortado* | ~capuchino* | ~cappuccino | ~latte* | ~espresso | ~expreso |
            ~flat white | ~chai | ~leche* | ~tostada* | ~bocadillo* | ~tarta* | ~bizcocho* |
            ~galleta* | ~cruasan* | ~croissant* | ~napolitana* | ~churro* | ~empanada* | ~zumo* |
            ~pan | ~comida* | ~brunch | ~desayuno* | ~bolleria | ~pastel* | ~grano* | ~tueste* |
            ~molido | ~molinillo* | ~cafetera* | ~taza* | ~producto* | ~carta | ~descafeinado* |
            ~de especialidad | ~de sobre | ~aguacate | ~sin gluten | ~lactosa | ~infusion* |
            ~chocolate* | ~bebida* | ~te chai | ~te verde | ~te negro"""
        ),
        "en": _split(
            r"""quality | tast* | flavour* | flavor* | delicious | yummy | fresh | stale | burnt |
            watery | sour | soggy | portion* | ~coffee* | ~latte* | ~cappuccino* | ~flat white* |
            ~espresso* | ~cortado* | ~tea | ~chai | ~milk | ~toast | ~sandwich* | ~cake* |
            ~brownie* | ~cookie* | ~croissant* | ~pastr* | ~scone* | ~bun | ~buns | ~food |
            ~brunch | ~breakfast | ~pancake* | ~juice | ~bread | ~panini | ~roll | ~beans |
            ~roast* | ~blend* | ~grind* | ~machine | ~kettle* | ~mug* | ~cup | ~cups |
            ~product* | ~menu | ~decaf | ~hot chocolate | ~filter paper* | ~pour over |
            ~avocado | ~crisps | ~ingredients | ~gluten free | ~lactose | ~drinks"""
        ),
    },
    "website": {
        "es": _split(
            r"""web | pagina web | la pagina | app | aplicacion* | carrito | checkout | pasarela |
            proceso de pago | pagina de pago | formulario* | iniciar sesion | contrasena* |
            registr* | mi cuenta | una cuenta | buscador* | filtro* | codigo de descuento |
            cupon* | finalizar la compra | terminar la compra | dar a pagar | bizum | paypal |
            login | desde el movil | en el movil | no carga | se cuelga | colgada |
            datos de facturacion | ~online | ~en linea | ~internet | ~sesion | ~codigo"""
        ),
        "en": _split(
            r"""website* | site | web | app | checkout | basket | cart | payment page |
            payment form | card details | my card | log in | login | password* | register* |
            sign up | filter* | promo code | discount code | crash* | apple pay | paypal |
            guest checkout | re enter | billing details | ~online | ~logged | ~account |
            ~search | ~code | ~error | ~page | ~load | ~loads"""
        ),
    },
    "support": {
        "es": _split(
            r"""atencion al cliente | servicio de atencion | servicio al cliente |
            servicio tecnico | soporte | chat | chatbot | whatsapp | devolucion* | devolv* |
            devuelv* |
            devuelto | reembolso* | garantia* | reclamacion* | incidencia* | colgaron |
            departamento* | me atendieron | factura | facturas | ~telefono | ~llame |
            ~llamada* | ~llamo |
            ~llamaron | ~correo* | ~email* | ~mail | ~solucion*"""
        ),
        "en": _split(
            r"""customer service* | customer care | support | helpdesk | help desk | chat |
            chatbot | live chat | on hold | returns | refund* | warranty | ticket |
            replacement | exchang* | department* | repair* | money back | whatsapp | invoice |
            ~complaint* | ~phone | ~call | ~calls | ~called | ~rang | ~email* | ~return |
            ~returned"""
        ),
    },
    "store": {
        "es": _split(
            r"""local | cafeteria | terraza | silla* | bano | banos | aseo* | limpi* | suci* |
            ambiente | musica | ruido* | decoracion | enchufe* | wifi | luz | calefaccion |
            aire acondicionado | hace frio | un frio | calor | zona de juegos | aparcamiento |
            olia | olor | acogedor* | ~abrieran | ~abran | ~tienda | ~mesa | ~mesas | ~sitio |
            ~lleno | ~llena |
            ~gente | ~entrada | ~sentarse | ~perros | ~abris | ~abren | ~abrir | ~abre |
            ~cierran | ~cierra | ~cerrad* | ~horario*"""
        ),
        "en": _split(
            r"""cafe | venue | terrace | garden | courtyard | seating | chair* | toilet* |
            bathroom* | loo | clean | spotless | dirty | filthy | sticky | atmosphere | vibe |
            decor | music | noisy | noise | loud | socket* | wifi | heating | freezing |
            hot inside | cramped | play corner | parking | opening hours | dog friendly |
            scaffolding | stank | smell* | ~full | ~opened | ~place | ~shop | ~store | ~table |
            ~tables | ~counter | ~floor |
            ~seat | ~seats | ~to sit | ~packed | ~busy | ~crowded | ~dogs | ~bin | ~open |
            ~close | ~closing | ~entrance | ~window | ~windows | ~light"""
        ),
    },
}
"""Per theme and language, the entries that put a comment in the theme."""

SPEED: dict[str, tuple[str, ...]] = {
    "es": _split(
        r"""rapid* | rapidez | enseguida | al momento | en nada | en un momento | lento | lenta |
        lentos | lentas | lentitud | lentisim* | tarda | tardan | tardo | tardaron | tardaba |
        tardaban | tardamos | tardado | tardanza | tardando | tardar | siglos | eternidad"""
    ),
    "en": _split(
        r"""quick* | fast | speedy | prompt* | in no time | straight away | right away | slow |
        slower | slowly | took ages | took forever | for ages | ages | forever"""
    ),
}
"""Speed and delay words: about waiting time unless the comment is about delivery, the
website or support, whose speed they then describe."""
