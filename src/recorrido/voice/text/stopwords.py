"""Word lists that tell languages apart: frequent function words, folded (no accents).

Spanish and English also list frequent words of customer comments (order, delivery…), so
short comments have enough evidence. French, Portuguese, German, Italian, Catalan and Dutch
are listed only so that a comment in one of them is recognised as *not* Spanish or English.
"""

from __future__ import annotations

__all__ = ["CHARACTER_CUES", "STOPWORDS", "SUFFIX_CUES"]


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS: dict[str, frozenset[str]] = {
    "es": _set(
        """
        el la los las lo un una unos unas de del al en y o que por para con sin sobre entre
        es son fue fueron era eran esta estan estaba estaban estuve estuvo ser estar hay habia
        muy mas pero aunque porque cuando donde como tambien tampoco ya todavia aun siempre nunca
        nada nadie algo alguien todo toda todos todas otro otra otros otras mismo misma
        me te se nos os le les mi mis tu tus su sus nuestro nuestra este ese esos esas estos
        yo ella ellos ellas usted ustedes vosotros eso esto aqui alli asi bien mal
        he ha han hemos habeis tengo tiene tienen tenia tuve hace hizo pude puede pueden
        hasta desde hacia segun durante cada solo sino ni si no q xq pq tb dia dias vez veces
        pedido pedi envio entrega gracias muchas mucho mucha muchos poco poca bueno buena buenos
        malo mala genial atencion servicio cliente camarero camarera precio precios caro cara
        tienda local cola espera esperando tardaron llego llegado paquete cafe leche tostada
        cuenta pagar pago web pagina correo telefono llame todavia sigue sigo estoy vengo volver
        quedo ahora despues antes luego mejor peor tan tanto demasiado bastante hoy ayer
        semana semanas minutos hora horas calidad trato personal amable amables gusto gusta
        encanta encanto rico rica siguiente tarde manana noche gente sitio mesa mesas ningun
        ninguna alguna algun pues vale oye hola adios usted sus unas
        """
    ),
    "en": _set(
        """
        the a an of to in on at for with without from by about into over after before
        is are was were be been being am do does did done have has had having will would
        can could should shall may might must it its it's i i'm i've i'd we we're we've you
        your you're they they're their them he she his her him my our me us this that these
        those there here what which who whom when where why how and or but so if then than
        not no never nothing nobody none don't doesn't didn't isn't wasn't weren't aren't
        won't can't couldn't wouldn't hasn't haven't dont doesnt didnt isnt wasnt cant wont
        very really too quite just only also still again even ever always all any some
        much many more most less little bit lot lots every each other another same such
        order ordered delivery delivered shipping parcel staff service customer price prices
        shop store coffee milk website site checkout thanks thank great good bad nice lovely
        ok okay waited wait waiting queue minutes hour hours day days week weeks arrived
        came got get went go back will be well friendly rude cheap expensive worth value
        time today yesterday morning evening first second last next my mine ours yours
        """
    ),
    "fr": _set(
        """
        le la les un une des du de au aux et ou est sont etait etaient ete avec sans pour par
        dans sur sous chez ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre
        vos leur leurs je tu il elle nous vous ils elles on ne pas plus jamais rien personne
        tres trop peu beaucoup bien mal aussi encore toujours deja mais donc car qui que quoi
        dont ou c'est j'ai n'est qu'il d'un d'une l'accueil c'etait j'etais il y a nous avons
        avons avez ont ai as suis es sommes etes fait faire tout toute tous toutes rapide
        livraison colis commande serveur accueil prix cher merci recommande attendu minutes
        site paiement client jamais reviendra reviendrons dommage plaisir pas mal simple
        """
    ),
    "pt": _set(
        """
        o a os as um uma uns umas de do da dos das no na nos nas em e ou que por para com sem
        foi foram era eram esta estava estavam estou sao ser estar tem tinha nao muito muita
        muitos muitas mais mas porque quando onde como tambem ja ainda sempre nunca nada
        ninguem tudo todo toda todos todas outro outra meu minha seu sua nosso nossa voce
        voces eles elas ele ela isso isto aqui ali entao pelo pela pelos pelas ao aos num numa
        atendimento entrega encomenda chegou demorou pessimo otimo obrigado obrigada gostei
        adorei consegui site compra preco qualidade recomendo esperei vergonha funcionarios
        atenciosos experiencia embalagem rasgada ambiente musica alta justo produto sempre
        """
    ),
    "de": _set(
        """
        der die das den dem des ein eine einen einem einer und oder aber nicht kein keine
        ist sind war waren wird werden wurde hat haben hatte hatten bin bist sein mit ohne fur
        von zu zum zur bei nach vor uber unter auf aus an im in ins am ich du er sie es wir ihr
        mein meine dein sein ihr unser euer sehr zu viel mehr immer nie noch schon auch nur
        dass wenn weil wie was wer wo hier dort gut schlecht danke bitte gerne wieder mussten
        kaffee lieferung bestellung bedienung personal kundenservice webseite paket teuer
        freundlich unfreundlich schnell langsam warten stunde minuten alles niemand sofort
        """
    ),
    "it": _set(
        """
        il lo la i gli le un uno una di del della dei degli delle da dal dalla in nel nella
        con su per tra fra e ed o ma non che chi cui come dove quando perche anche ancora
        sempre mai niente nessuno tutto tutti molto troppo poco piu meno gia sono sei era
        erano stato stata ho hai ha abbiamo avete hanno essere avere questo questa quello
        quella mio mia tuo tua suo sua nostro nostra vostro ci ne si mi ti vi bene male
        grazie buono buona ottimo pessimo consegna pacco sito servizio clienti prezzi prezzo
        personale gentile locale pulito accogliente aspettato minuti qualita arrivato
        """
    ),
    "ca": _set(
        """
        el la els les un una uns unes de del dels al als en i o que per amb sense sobre es
        son era eren va van vam vau ser estar hi ha havia molt mes pero perque quan on com
        tambe ja encara sempre mai res ningu tot tota tots totes altre altra aquest aquesta
        aquests aquestes meu meva seu seva nostre nostra vostre jo tu ell ella nosaltres
        vosaltres ells elles bo bona servei comanda arribar tard avis local agradable atencio
        mitja hora esperar cap quina vergonya mica lent
        """
    ),
    "nl": _set(
        """
        de het een en of maar niet geen is zijn was waren wordt worden werd heeft hebben had
        ben bent met zonder voor van naar bij op uit aan in om te tot over onder ik jij je hij
        zij ze wij we jullie mijn jouw zijn haar ons onze heel erg zeer veel meer altijd nooit
        nog al ook alleen dat als wanneer hoe wat wie waar hier daar goed slecht dank bedankt
        graag weer koffie levering bestelling bediening personeel website pakket duur
        vriendelijk snel langzaam wachten uur minuten alles netjes verpakt aanrader zeker
        terug werkt wil betalen komen lauw traag
        """
    ),
}
"""Per language, folded words that are frequent in it."""

CHARACTER_CUES: dict[str, dict[str, float]] = {
    "ñ": {"es": 2.0},
    "¿": {"es": 2.0},
    "¡": {"es": 2.0},
    "ã": {"pt": 2.0},
    "õ": {"pt": 2.0},
    "ç": {"pt": 0.7, "fr": 0.7, "ca": 0.7},
    "ß": {"de": 2.0},
    "ä": {"de": 1.5},
    "ö": {"de": 1.5},
    "ü": {"de": 1.0, "es": 0.3},
    "è": {"fr": 0.8, "it": 0.8, "ca": 0.8},
    "ê": {"fr": 1.0, "pt": 1.0},
    "â": {"fr": 0.8, "pt": 0.8},
    "ô": {"fr": 0.8, "pt": 0.8},
    "à": {"fr": 0.7, "it": 0.7, "ca": 0.7, "pt": 0.5},
    "ò": {"it": 1.0, "ca": 1.0},
    "ù": {"it": 1.0, "fr": 0.8},
    "ì": {"it": 1.5},
    "·": {"ca": 1.5},
    "œ": {"fr": 2.0},
}
"""Characters (of the lower-cased, unfolded text) and the languages they point to."""

SUFFIX_CUES: dict[str, tuple[tuple[str, float], ...]] = {
    "es": (
        ("cion", 0.5),
        ("ciones", 0.5),
        ("ado", 0.3),
        ("ada", 0.3),
        ("ido", 0.3),
        ("isimo", 0.8),
        ("isima", 0.8),
        ("aron", 0.6),
        ("amos", 0.4),
        ("ando", 0.4),
        ("iendo", 0.5),
    ),
    "en": (
        ("ing", 0.6),
        ("ness", 0.6),
        ("ly", 0.4),
        ("ed", 0.3),
        ("ful", 0.6),
        ("ght", 0.6),
        ("ough", 0.8),
        ("ould", 0.8),
    ),
    "pt": (("cao", 0.8), ("coes", 0.8), ("inho", 0.8), ("inha", 0.8), ("mos", 0.1)),
    "fr": (
        ("eux", 0.8),
        ("euse", 0.8),
        ("ait", 0.6),
        ("aient", 0.8),
        ("ement", 0.3),
        ("eau", 0.8),
        ("oir", 0.5),
    ),
    "de": (
        ("ung", 0.8),
        ("lich", 0.8),
        ("keit", 0.8),
        ("heit", 0.8),
        ("sch", 0.6),
        ("chen", 0.6),
        ("en", 0.1),
    ),
    "it": (
        ("zione", 0.8),
        ("zioni", 0.8),
        ("ssimo", 0.4),
        ("etto", 0.5),
        ("ato", 0.2),
        ("gli", 0.6),
    ),
    "ca": (("cio", 0.4), ("ny", 0.6), ("ament", 0.4)),
    "nl": (("lijk", 0.9), ("ij", 0.6), ("oo", 0.4), ("ee", 0.3), ("aa", 0.5)),
}
"""Word endings typical of each language, with their weight (per word)."""
