"""The Spanish sentiment lexicon: words and phrases of customer comments, folded (no accents).

Adjectives are listed once (``bueno``) and expanded to their forms (``buena``, ``buenos``,
``buenas``); unknown words fall back to their base form (``carisimo`` → ``caro`` × 1.3,
``rapidamente`` → ``rapida``, ``superamable`` → ``amable`` × 1.4).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .lexicon import Lexicon, forms, join_phrases, valences, words_of

__all__ = ["SPANISH"]

_ADJECTIVES: dict[str, float] = {
    # positive
    **valences(
        """
        bueno=2 buen=2 gran=2 mejor=2 excelente=3.2 estupendo=3 fantastico=3.2 maravilloso=3.2
        genial=3 perfecto=3 ideal=2.5 increible=2.5 espectacular=3.2 magnifico=3.2 fenomenal=3
        brutal=2.2 top=2.5 chulo=2 bonito=2 precioso=3 agradable=2.2 amable=2.2 simpatico=2.2
        majo=2.2 atento=2 encantador=2.8 rapido=1.8 eficaz=2 eficiente=2 puntual=2 limpio=1.8
        impecable=3 comodo=2 tranquilo=1.5 acogedor=2.3 rico=2.5 delicioso=3 sabroso=2.5
        exquisito=3 fresco=1.2 recomendable=2.5 profesional=2 correcto=0.6 contento=2.5
        satisfecho=2.5 encantado=3 feliz=2.5 facil=1.5 sencillo=1 util=1.5 intuitivo=2
        razonable=1.5 barato=1.2 economico=1.2 asequible=1.5 generoso=2 luminoso=1.5 casero=1.2
        inmejorable=3.2 insuperable=3.2 detallista=2 servicial=2.2 resolutivo=2 educado=2
        cordial=2 cercano=1.8 acertado=2 calido=1.5 guay=2.5 chevere=2.5 lindo=2 hermoso=2.5
        agradecido=2.5 puntualisimo=2.6 comodisimo=2.6 solucionado=2 recomendado=2 exacto=1
        claro=0.8 seguro=0.5
        """
    ),
    # negative
    **valences(
        """
        malo=-2.5 peor=-2.5 pesimo=-3.5 horrible=-3.2 terrible=-3.2 fatal=-3 lamentable=-3
        vergonzoso=-3 asqueroso=-3.2 penoso=-3 deplorable=-3.2 nefasto=-3.2 desastroso=-3.2
        decepcionante=-2.8 decepcionado=-2.8 insoportable=-3 incomodo=-2 lento=-2 caro=-1.8
        sucio=-2.5 roto=-2.5 defectuoso=-2.5 estropeado=-2.5 abollado=-2 danado=-2.5 mojado=-1.5
        equivocado=-2 incorrecto=-2 frio=-1.2 aguado=-2 quemado=-2 seco=-1.2 duro=-1.2
        rancio=-2.5 caducado=-2.5 soso=-2 insipido=-2 borde=-2.8 antipatico=-2.5 maleducado=-3
        maleducao=-3 grosero=-3 desagradable=-2.8 conteston=-2 incompetente=-3 inutil=-2.8
        desesperante=-2.8 agobiante=-2 ruidoso=-2 abarrotado=-1.2 estrecho=-1 oscuro=-1
        triste=-2 cutre=-2.5 chapucero=-2.5 caotico=-2 confuso=-1.5 complicado=-1.5 dificil=-1.5
        imposible=-2.5 insuficiente=-2 escaso=-1.5 raro=-1.2 extrano=-1.2 perdido=-2
        desaparecido=-2 abusivo=-3 excesivo=-2 injusto=-2.5 indignado=-3 enfadado=-2.5
        molesto=-2 harto=-2.8 frustrado=-2.5 cabreado=-3 defraudado=-2.5 inaceptable=-3.2
        intolerable=-3.2 ridiculo=-2.5 absurdo=-2.2 mejorable=-1.5 regular=-1 flojo=-1.5
        pobre=-1.5 deficiente=-2.5 eterno=-2 interminable=-2 desconchado=-2 rayado=-1.5
        podrido=-3 mediocre=-2 desatendido=-2 colgado=-1.5 bloqueado=-1.5 tirado=-1.5
        carisimo=-2.5 pasado=-1 vacio=-0.5 lleno=-0.3 pequeno=-0.4 estresante=-2.2
        lamentablemente=-2 desordenado=-1.8 pegajoso=-2
        """
    ),
}

_WORDS: dict[str, float] = {
    # value, and praise that a turn ("hasta que ves…") takes back
    **valences(
        """
        justificado=1.5 justificada=1.5 justifica=1.5 natural=1 tan_bien=2.3 hasta_que_ves=-2.5
        hasta_que_llegas=-2.5 hasta_que_pruebas=-2.5
        """
    ),
    # adverbs and interjections
    **valences(
        """
        bien=1.8 mal=-2.2 gracias=1.5 bravo=2.5 ole=2 enhorabuena=2.5 ojala=0 uf=-1 puf=-1.5
        jaja=0.5 jajaja=0.5 jajajaja=0.5 xd=0.5 ok=0.5 vale=0.3 rapidisimo=2.5 genialmente=2.5
        """
    ),
    # nouns
    **valences(
        """
        encanto=2.5 maravilla=3 lujo=2.5 placer=2.5 acierto=2.5 exito=2 detalle=1.5 detallazo=3
        sonrisa=1.5 carino=2 joya=3 crack=2.5 recomendacion=1 calidad=0.3 amabilidad=2.2
        profesionalidad=2.2 rapidez=2 eficacia=2 puntualidad=2 problema=-1.5 problemas=-1.5
        queja=-1.5 quejas=-1.5 reclamacion=-1 error=-1.8 errores=-1.8 fallo=-2 fallos=-2
        averia=-2 retraso=-2 retrasos=-2 demora=-1.8 desastre=-3 caos=-2.5 verguenza=-3
        pesadilla=-3 decepcion=-2.8 timo=-3 estafa=-3.5 robo=-3 abuso=-2.8 asco=-3 porqueria=-3
        mierda=-3.5 basura=-3 chapuza=-2.5 ruido=-1.5 suciedad=-2.5 cucaracha=-3 espera=-1
        prisa=-1 prisas=-1 mosca=-1.5 eternidad=-2.5 siglos=-2 lentitud=-2 incidencia=-0.5
        tomadura=-2.5 desorden=-1.8 calor=-0.8 humo=-1 olor=-0.5 peste=-2.5 paciencia=0
        gusto=1.5 normal=0
        """
    ),
    # verbs
    **valences(
        """
        encanta=3 encantan=3 encantaron=3 encantado=3 gusta=2 gustan=2 gustaron=2 gustado=2
        gustaria=0 recomiendo=2.5 recomendaria=2 recomendamos=2.5 repetire=2 repetiremos=2
        repetiria=2 repito=1.5 volvere=1.8 volveremos=1.8 volveria=1.5 volver=1 vuelvo=1.2
        agradezco=2 disfrutamos=2.5 disfrute=2 compensa=1.5 merece=1 solucionaron=2 soluciono=2
        solucionan=2 resolvieron=2 resolvio=2 ayudaron=1.5 ayudo=1.5 ayudan=1.5 aconsejo=1.5
        aconsejaron=1.5 mejorado=1.5 acierta=2 flipa=2.5 flipado=2.5 odio=-3 quejo=-1.5
        queje=-1.5 falla=-2 fallan=-2 rompio=-2 rompieron=-2 perdieron=-2 olvidaron=-1.8
        olvido=-1.8 equivocaron=-2 decepciona=-2.5 decepciono=-2.5 molesta=-2 ignoraron=-2.5
        ignoran=-2.5 grito=-2.5 gritaron=-2.5 gritan=-2.5 tardan=-1 tardaron=-1 tarda=-1
        tardo=-1 tardado=-1 tardamos=-1 demoro=-1.5 demoraron=-1.5 esperar=-0.8 esperando=-1
        espere=-0.8 esperamos=-0.8 esperado=-0.5 colgaron=-2.5 colgo=-2.5 cuelga=-2 estropeo=-2
        mancha=-1 suben=-1 subido=-1 subir=-0.5 subida=-1 cobraron=-0.5 empeorado=-2.5
        empeora=-2 enfria=-1 quema=-1 apesta=-3
        """
    ),
    # phrases
    **valences(
        """
        de_lujo=3 de_diez=3 de_10=3 de_muerte=2.5 de_vicio=2.8 una_pasada=3 da_gusto=2.5
        a_gusto=2.2 con_gusto=1.5 buen_rollo=2.5 como_en_casa=2.5 un_sol=2.5 merece_la_pena=2.5
        merecio_la_pena=2.5 vale_la_pena=2.5 valio_la_pena=2.5 la_pena=0 bien_hecho=2
        nunca_mas=-3 gracias_por_nada=-3 tomadura_de_pelo=-3 tomar_el_pelo=-3 mala_cara=-2
        malas_maneras=-2.8 malos_modos=-2.8 malas_formas=-2.8 mal_educado=-3 mala_educacion=-3
        sin_palabras=0 me_colgaron=-2.5 metio_prisa=-1.8 no_sirve_para_nada=-3
        no_sirven_para_nada=-3 nada_que_ver=-1.5 dejar_mucho_que_desear=-2.5
        deja_mucho_que_desear=-2.5 deja_que_desear=-2 ni_fu_ni_fa=-0.3 nada_del_otro_mundo=-0.8
        la_tarde=0 las_tardes=0 esta_tarde=0 buenas_tardes=0 media_tarde=0 el_pasado=0
        pasado_manana=0 ano_pasado=0 mes_pasado=0 todo_correcto=0.6 bien_de_precio=2
        sale_bien=1.5 muy_bien_de_precio=2.5 en_condiciones=1 por_fin=0.5 sin_mas=0
        tirado_de_precio=2 se_queda_colgada=-2.5 se_queda_colgado=-2.5 una_eternidad=-2.5
        buenos_dias=0 buenas_noches=0 tiene_nada_que_envidiar=2.5 no_tiene_nada_que_envidiar=2.5
        no_se_parece=-2 no_se_parece_en_nada=-2.5 en_nada=1.5 del_dia=1.2 no_tiene_sentido=-2.2
        sin_sentido=-1.5 rechaza=-2 rechazan=-2 rechazado=-2 rechazada=-2 una_maravilla=3
        que_maravilla=3 con_creces=1.5 a_tope=1.5 lo_mejor=2.8 el_mejor=2.8 la_mejor=2.8
        mal_servicio=-2.8 de_risa=-1 fuera_de_fecha=-2.5 mal_estado=-2.5 hora_punta=0
        en_mal_estado=-2.5 cero_estrellas=-3 cinco_estrellas=3
        """
    ),
}

_NEGATORS = frozenset(
    words_of(
        "no nunca jamas ni nadie ningun ninguno ninguna nada sin tampoco poco poca pocos pocas "
        "apenas"
    )
)
_BOOSTERS: dict[str, float] = {
    **valences(
        """
        muy=1.3 super=1.4 tan=1.3 tanto=1.2 demasiado=1.3 demasiada=1.3 demasiados=1.3
        demasiadas=1.3 bastante=1.15 realmente=1.3 totalmente=1.3 completamente=1.3
        absolutamente=1.4 increiblemente=1.4 extremadamente=1.5 sumamente=1.4 mucho=1.2
        muchisimo=1.5 mas=1.1 especialmente=1.2 francamente=1.3 verdaderamente=1.3 de_verdad=1.2
        todavia=1.2 aun=1.1 re=1.2 requete=1.4 siempre=1.1 un_poco=0.6 algo=0.7 ligeramente=0.6
        medio=0.7 casi=0.8 un_pelin=0.6 pelin=0.6 relativamente=0.7 un_tanto=0.7 un_poquito=0.5
        """
    ),
}
_ADVERSATIVES = words_of(
    "pero sin_embargo no_obstante aun_asi eso_si ahora_bien aunque si_bien hasta_que_ves "
    "hasta_que_llegas hasta_que_pruebas"
)
_CONCESSIVES = words_of("aunque a_pesar_de pese_a si_bien")
_EXPECTED = frozenset(
    words_of(
        """
    llega llegan llego llegado llegaron llegue llegara llegar llegaba funciona funcionan
    funciono funcionaba funcionar contesta contestan contesto contestaron contestar responde
    responden respondio respondieron responder respuesta respuestas avisa avisan aviso avisaron
    avisar atiende atienden atendio atendieron atender atendia carga cargan cargar acepta
    aceptan aceptar aceptaron deja dejan dejar aparece aparecer aparecido sirve sirven servir
    saludaron saludo saludar saludan resuelven resolver devuelto devolvieron devuelven devolver
    arreglan arreglaron arreglar encuentro encuentra encontrar entiende entienden entender
    actualiza actualizado actualizarse abre abrir miro miraron mira sabor noticias solucion
    sentarse sentarnos coge cogen cogio cogieron llama llamaron llamo funcionado solucionan
    buenos_dias hola adios saludo atendido atendida
    """
    )
)
_EXCESS = words_of("demasiado demasiada demasiados demasiadas")
_HEDGES = words_of(
    """
    suele suelen normalmente habitualmente a_veces es_normal lo_normal sin_mas
    ni_fu_ni_fa de_momento por_ahora en_general
    """
)
_SUGGESTIONS = words_of(
    """
    estaria_bien seria_genial seria_perfecto seria_ideal estaria_genial seria_estupendo
    seria_bueno seria_de_agradecer vendria_bien ojala podrian deberian me_gustaria
    nos_gustaria no_estaria_mal seria_un_detalle estaria_bien_que seria_mejor habria_que
    seria_bonito seria_interesante
    """
)
_IRONIC_OPENERS = words_of(
    """
    genial perfecto perfecta estupendo estupenda fantastico fantastica maravilloso
    que_maravilla una_maravilla que_bien ideal fenomenal muchas_gracias gracias
    magnifico de_lujo bravo enhorabuena ole increible excelente chapo
    """
)
_IRONIC_CUES = words_of(
    """
    otra_vez de_nuevo ah_no encima dos_veces tres_veces como_no otra otro solo_tardo
    solo_tardaron
    """
)
_SARCASTIC_LOVERS = words_of(
    """
    me_encanta_que me_encanta_como me_encanta_tener_que encanta_que que_bien_que
    me_flipa_que me_chifla_que me_fascina_que
    """
)
_REPETITION = frozenset(
    {"todos_los_dias", "cada_manana", "siempre_que"}
    | {"cada_vez", "otra_vez", "todas_las_veces", "cada_dia", "de_nuevo"}
)
_WAIT = frozenset(
    words_of(
        """
    espera esperar esperando espere esperamos esperado esperaron cola colas tardar tarda tardan
    tardo tardaron tardado tardamos demoro demora demoraron llevo lleva llevamos sigue sigo
    seguimos todavia aun hace en_espera tras
    """
    )
)
_FAST = words_of("en en_menos_de menos_de apenas en_solo en_apenas")
_NUMBERS: dict[str, float] = {
    **valences(
        """
        un=1 una=1 uno=1 dos=2 tres=3 cuatro=4 cinco=5 seis=6 siete=7 ocho=8 nueve=9 diez=10
        quince=15 veinte=20 veinticinco=25 treinta=30 cuarenta=40 cincuenta=50 sesenta=60
        media=0.5 medio=0.5 varias=3 varios=3 unas=3 unos=3
        """
    ),
}
_UNITS: dict[str, float] = {
    **valences(
        """
        minuto=1 minutos=1 min=1 mins=1 hora=60 horas=60 h=60 dia=1440 dias=1440 semana=10080
        semanas=10080 mes=43200 meses=43200
        """
    ),
}

_SUPERLATIVE = re.compile(r"^(.*?)(quisim|guisim|bilisim|cisim|isim)(o|a|os|as)$")
_SUPERLATIVE_BASE = {"quisim": "c", "guisim": "g", "bilisim": "bl", "cisim": "z", "isim": ""}
_PREFIXES = (("super", 1.4), ("requete", 1.4), ("re", 1.2), ("archi", 1.4), ("hiper", 1.4))


def _adjective_forms(word: str) -> Iterator[str]:
    """``bueno`` → bueno, buena, buenos, buenas; ``amable`` → amable, amables."""
    yield word
    if "_" in word:
        return
    if word.endswith("o"):
        yield from (word[:-1] + "a", word + "s", word[:-1] + "as")
    elif word.endswith(("e", "a")):
        yield word + "s"
    elif word.endswith("z"):
        yield word[:-1] + "ces"
    else:
        yield word + "es"


def _stem(word: str) -> Iterator[tuple[str, float]]:
    """Base forms of an unknown Spanish word, with the factor their valence takes."""
    superlative = _SUPERLATIVE.match(word)
    if superlative:
        head, kind, _ = superlative.groups()
        base = head + _SUPERLATIVE_BASE[kind]
        for vowel in ("o", "e", "a", "") if kind != "bilisim" else ("e",):
            yield base + vowel, 1.3
    if word.endswith("mente") and len(word) > 7:
        yield word[:-5], 1.0
    for prefix, factor in _PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 3:
            yield word[len(prefix) :], factor
    for ending, replacement in (("ito", "o"), ("ita", "a"), ("itos", "os"), ("itas", "as")):
        if word.endswith(ending) and len(word) > len(ending) + 3:
            yield word[: -len(ending)] + replacement, 1.0
    if word.endswith("es") and len(word) > 4:
        yield word[:-2], 1.0
    if word.endswith("s") and len(word) > 3:
        yield word[:-1], 1.0


_LOVERS_VALENCE = dict.fromkeys(_SARCASTIC_LOVERS, 3.0)
"""A sarcastic "me encanta que" is praise until a cue turns it."""


def _build() -> Lexicon:
    words = {**forms(_ADJECTIVES, _adjective_forms), **_WORDS, **_LOVERS_VALENCE}
    rule_words = (
        set(words)
        | words_of("tan_bien mas_barato mas_rico mas_rapido mas_amable igual_de_bien")
        | set(_BOOSTERS)
        | _ADVERSATIVES
        | _CONCESSIVES
        | _HEDGES
        | _SUGGESTIONS
        | _IRONIC_OPENERS
        | _IRONIC_CUES
        | _SARCASTIC_LOVERS
        | _REPETITION
        | _WAIT
        | _FAST
        | _EXPECTED
        | _NEGATORS
    )
    return Lexicon(
        language="es",
        words=words,
        phrases=join_phrases(w.replace("_", " ") for w in rule_words if "_" in w),
        negators=_NEGATORS,
        boosters=_BOOSTERS,
        adversatives=_ADVERSATIVES,
        concessives=_CONCESSIVES,
        expected=_EXPECTED,
        excess=_EXCESS,
        hedges=_HEDGES,
        suggestions=_SUGGESTIONS,
        ironic_openers=_IRONIC_OPENERS,
        ironic_cues=_IRONIC_CUES,
        sarcastic_lovers=_SARCASTIC_LOVERS,
        repetition=_REPETITION,
        wait_words=_WAIT,
        fast_markers=_FAST,
        for_words=words_of("para por"),
        transparent=words_of(
            """
            me te se nos os le les lo la los las ha han he has hemos habeis habia habian es
            son era eran fue fueron esta estan estaba estaban estuvo estuvieron
            """
        ),
        numbers=_NUMBERS,
        time_units=_UNITS,
        long_waits=words_of("siglos eternidad una_eternidad"),
        expectations=words_of(
            """
    esperaba esperabamos espero esperaria me_esperaba me_espero deberia deberian
    tendria_que tendrian_que merece merecen
    """
        ),
        comparatives=words_of("mejor mejores mas"),
        unmatched=words_of(
            "tan_bien mejor mas_barato mas_rico mas_rapido mas_amable igual_de_bien"
        ),
        stem=_stem,
    )


SPANISH = _build()
"""The Spanish lexicon."""
