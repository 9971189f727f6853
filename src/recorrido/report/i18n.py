"""The report's words in Spanish and English, and numbers and dates as each language writes them.

Every user-facing string of the report is a key of :data:`MESSAGES` with both languages; a
test checks that no key lacks one. Spanish writes ``1.234,5`` and ``38 %``; English ``1,234.5``
and ``38%``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

__all__ = ["LANGUAGES", "MESSAGES", "SINGULAR", "Lang", "Text"]

Lang = Literal["es", "en"]
LANGUAGES: tuple[Lang, ...] = ("es", "en")

MESSAGES: dict[str, dict[Lang, str]] = {
    "title": {"es": "Mapa del recorrido del cliente", "en": "Customer journey map"},
    "generated": {"es": "Generado el {date}", "en": "Generated on {date}"},
    "period": {"es": "Periodo: {start} – {end}", "en": "Period: {start} – {end}"},
    "all_time": {"es": "Todo el periodo con datos", "en": "The whole period with data"},
    "persona_scope": {"es": "Persona: {name}", "en": "Persona: {name}"},
    "all_customers": {"es": "Todos los clientes", "en": "All customers"},
    "summary": {
        "es": "{people} personas con eventos ({known} clientes conocidos), {events} eventos y "
        "{answers} respuestas de encuesta.",
        "en": "{people} people with events ({known} known customers), {events} events and "
        "{answers} survey answers.",
    },
    "contents": {"es": "Contenido", "en": "Contents"},
    "unavailable": {"es": "No disponible: {reason}", "en": "Not available: {reason}"},
    "no_feedback": {
        "es": "el almacén no tiene respuestas de encuesta; ingiéralas con "
        "recorrido ingest feedback",
        "en": "the store has no survey answers; ingest them with recorrido ingest feedback",
    },
    "no_events": {
        "es": "no hay eventos en este periodo o para esta persona",
        "en": "there are no events in this period or for this persona",
    },
    # sections
    "s_map": {"es": "1. El mapa del recorrido", "en": "1. The journey map"},
    "s_buyer": {"es": "2. Viaje del comprador", "en": "2. Buyer journey"},
    "s_customer": {"es": "3. Viaje del cliente", "en": "3. Customer journey"},
    "s_graph": {
        "es": "4. Recorrido descubierto y conformidad",
        "en": "4. Discovered journey and conformance",
    },
    "s_experience": {"es": "5. Experiencia", "en": "5. Experience"},
    "s_pain": {"es": "6. Puntos de dolor e impulsores", "en": "6. Pain points and drivers"},
    "s_loyalty": {"es": "7. Lealtad", "en": "7. Loyalty"},
    "s_monitor": {"es": "8. Alertas y seguimiento", "en": "8. Alerts and monitoring"},
    # map rows
    "row_touchpoints": {"es": "Puntos de contacto", "en": "Touchpoints"},
    "row_does": {"es": "Hace", "en": "Does"},
    "row_thinks": {"es": "Piensa", "en": "Thinks"},
    "row_feels": {"es": "Siente", "en": "Feels"},
    "row_expects": {"es": "Espera", "en": "Expects"},
    "row_emotion": {"es": "Emoción", "en": "Emotion"},
    "row_pain": {"es": "Puntos de dolor", "en": "Pain points"},
    "row_opportunities": {"es": "Oportunidades", "en": "Opportunities"},
    "row_kpis": {"es": "Indicadores", "en": "KPIs"},
    "people_n": {"es": "{n} personas", "en": "{n} people"},
    "designed": {"es": "diseñada", "en": "designed"},
    "measured": {"es": "medida", "en": "measured"},
    "score": {"es": "puntuación {score}", "en": "score {score}"},
    "target": {"es": "objetivo {target}", "en": "target {target}"},
    "target_h": {"es": "objetivo", "en": "target"},
    "met": {"es": "cumplido", "en": "met"},
    "not_met": {"es": "no cumplido", "en": "not met"},
    "no_value": {"es": "sin valor", "en": "no value"},
    "status_idea": {"es": "idea", "en": "idea"},
    "status_planned": {"es": "planificada", "en": "planned"},
    "status_in_progress": {"es": "en curso", "en": "in progress"},
    "status_done": {"es": "hecha", "en": "done"},
    "status_discarded": {"es": "descartada", "en": "discarded"},
    # charts: titles, axes, readings
    "c_emotion": {
        "es": "Curva emocional: diseñada frente a medida (−2 … +2)",
        "en": "Emotion curve: designed against measured (−2 … +2)",
    },
    "c_emotion_axis": {"es": "emoción (−2 … +2)", "en": "emotion (−2 … +2)"},
    "r_emotion": {
        "es": "La mayor distancia entre lo diseñado y lo medido está en {stage} ({gap}).",
        "en": "The largest gap between designed and measured emotion is at {stage} ({gap}).",
    },
    "r_emotion_none": {
        "es": "No hay emoción medida suficiente para compararla con la diseñada.",
        "en": "There is not enough measured emotion to compare with the designed one.",
    },
    "c_funnel": {
        "es": "Embudo del viaje del comprador (personas por etapa)",
        "en": "Buyer journey funnel (people per stage)",
    },
    "axis_people": {"es": "personas", "en": "people"},
    "r_funnel": {
        "es": "El {drop} de quienes llegaron a {before} no llegó a {after}: la mayor "
        "pérdida del embudo. Convierte el {conversion} de quienes entran.",
        "en": "{drop} of those who reached {before} did not reach {after}: the funnel's "
        "largest loss. {conversion} of those who enter convert.",
    },
    "c_sankey": {
        "es": "Flujos reales entre etapas (personas que pasan de una a otra)",
        "en": "Real flows between stages (people moving from one to the next)",
    },
    "r_sankey": {
        "es": "{backward} de cada 100 movimientos entre etapas van hacia atrás; el más "
        "frecuente es {source} → {target}.",
        "en": "{backward} of every 100 moves between stages go backwards; the most frequent "
        "is {source} → {target}.",
    },
    "c_routes": {"es": "Rutas diseñadas: quién las sigue", "en": "Designed routes: who takes them"},
    "axis_share": {"es": "% de personas", "en": "% of people"},
    "r_routes": {
        "es": "La ruta más seguida es «{route}» ({share} de las personas, convierte el "
        "{conversion}).",
        "en": "The most taken route is “{route}” ({share} of people; {conversion} convert).",
    },
    "c_conformance": {
        "es": "Desviaciones del recorrido diseñado, por tipo",
        "en": "Deviations from the designed journey, by kind",
    },
    "axis_count": {"es": "número", "en": "count"},
    "r_conformance": {
        "es": "El {conforming} de las personas sigue el viaje diseñado sin desviarse "
        "(ajuste medio {fitness}).",
        "en": "{conforming} of people follow the designed journey without deviating "
        "(mean fitness {fitness}).",
    },
    "c_graph": {
        "es": "Recorrido descubierto: los {n} pasos más frecuentes entre puntos de contacto "
        "(grosor: personas)",
        "en": "Discovered journey: the {n} most frequent moves between touchpoints (width: people)",
    },
    "g_forward": {
        "es": "según el diseño (misma etapa o la siguiente)",
        "en": "as designed (same or next stage)",
    },
    "g_skip": {"es": "salta etapas", "en": "skips stages"},
    "g_backward": {"es": "vuelve a una etapa anterior", "en": "goes back to an earlier stage"},
    "g_node": {"es": "{name}: {people} personas", "en": "{name}: {people} people"},
    "g_edge": {
        "es": "{source} → {target}: {people} personas ({count} veces)",
        "en": "{source} → {target}: {people} people ({count} times)",
    },
    "r_graph": {
        "es": "El paso más frecuente entre puntos de contacto es {source} → {target} ({people} "
        "personas). De los {shown} pasos dibujados, {skips} saltan etapas y {backs} vuelven "
        "a una etapa anterior.",
        "en": "The most frequent move between touchpoints is {source} → {target} ({people} "
        "people). Of the {shown} moves drawn, {skips} skip stages and {backs} go back to an "
        "earlier stage.",
    },
    "no_moves": {
        "es": "nadie pasa de un punto de contacto a otro",
        "en": "nobody moves from one touchpoint to another",
    },
    "dev_skipped": {"es": "saltos de etapa", "en": "skipped stages"},
    "dev_out_of_order": {"es": "fuera de orden", "en": "out of order"},
    "dev_backward": {"es": "vueltas atrás", "en": "backward moves"},
    "dev_unexpected": {"es": "inesperadas", "en": "unexpected"},
    "c_csat": {
        "es": "CSAT por punto de contacto (media 1–5)",
        "en": "CSAT by touchpoint (mean 1–5)",
    },
    "c_nps": {
        "es": "NPS por punto de contacto (−100 … 100)",
        "en": "NPS by touchpoint (−100 … 100)",
    },
    "c_ces": {
        "es": "CES por punto de contacto (esfuerzo medio 1–7, menos es mejor)",
        "en": "CES by touchpoint (mean effort 1–7, lower is better)",
    },
    "r_csat": {
        "es": "{place} tiene el CSAT más bajo: {value}/5 ({n} respuestas).",
        "en": "{place} has the lowest CSAT: {value}/5 ({n} answers).",
    },
    "r_nps": {
        "es": "El NPS más bajo es el de {place}: {value} ({n} respuestas).",
        "en": "The lowest NPS is at {place}: {value} ({n} answers).",
    },
    "r_ces": {
        "es": "El mayor esfuerzo está en {place}: {value}/7 ({n} respuestas).",
        "en": "The most effort is at {place}: {value}/7 ({n} answers).",
    },
    "themes": {"es": "Temas de los comentarios", "en": "Comment themes"},
    "theme": {"es": "tema", "en": "theme"},
    "comments": {"es": "comentarios", "en": "comments"},
    "negative_share": {"es": "% negativos", "en": "% negative"},
    "example": {"es": "ejemplo", "en": "example"},
    "c_pain": {
        "es": "Puntos de dolor (puntuación 0–100)",
        "en": "Pain points (score 0–100)",
    },
    "r_pain": {
        "es": "{place} es el peor punto de dolor ({score}/100): {drop} se pierde allí y "
        "{dissatisfied} de las respuestas son insatisfechas.",
        "en": "{place} is the worst pain point ({score}/100): {drop} are lost there and "
        "{dissatisfied} of the answers are dissatisfied.",
    },
    "c_drivers": {
        "es": "Impulsores de la pérdida de clientes (puntos de diferencia; primero, los de "
        "evidencia más firme)",
        "en": "Drivers of churn (difference in points; strongest evidence first)",
    },
    "r_drivers": {
        "es": "Quienes tuvieron «{driver}» abandonaron un {exposed} frente a un {baseline} "
        "del resto comparable.",
        "en": "People with “{driver}” churned {exposed} against {baseline} of comparable people.",
    },
    "d_bad_score": {"es": "mala nota en {place}", "en": "bad score at {place}"},
    "d_negative_comment": {
        "es": "comentario negativo en {place}",
        "en": "negative comment at {place}",
    },
    "d_negative_theme": {
        "es": "comentario negativo sobre {place}",
        "en": "negative comment about {place}",
    },
    "d_contact": {"es": "paso por {place}", "en": "contact with {place}"},
    "d_repeat": {"es": "volvió a {place}", "en": "came back to {place}"},
    "d_long_wait": {"es": "larga espera antes de {place}", "en": "long wait before {place}"},
    "c_matrix": {
        "es": "Matriz de prioridades: importancia × desempeño",
        "en": "Priority matrix: importance × performance",
    },
    "axis_importance": {
        "es": "importancia (correlación con seguir comprando)",
        "en": "importance (correlation with buying again)",
    },
    "axis_performance": {"es": "desempeño (satisfacción 0–100)", "en": "performance (0–100)"},
    "r_matrix": {
        "es": "Arreglar primero: {places}.",
        "en": "Fix first: {places}.",
    },
    "q_fix_first": {"es": "arreglar primero", "en": "fix first"},
    "q_keep_up": {"es": "mantener el nivel", "en": "keep up"},
    "q_monitor": {"es": "vigilar", "en": "monitor"},
    "q_maintain": {"es": "conservar", "en": "maintain"},
    "c_retention": {
        "es": "Retención semanal por cohorte (% activo; en blanco, semanas que los datos "
        "aún no cubren enteras)",
        "en": "Weekly retention by cohort (% active; blank: weeks the data does not yet "
        "cover whole)",
    },
    "axis_weeks": {"es": "semanas desde la primera visita", "en": "weeks since the first visit"},
    "axis_cohort": {"es": "cohorte", "en": "cohort"},
    "r_retention": {
        "es": "De media, el {rate} de una cohorte sigue activo una semana después (cohortes "
        "con esa semana completa).",
        "en": "On average, {rate} of a cohort is still active one week later (cohorts whose "
        "second week is complete).",
    },
    "c_kpis": {"es": "Indicadores frente a su objetivo", "en": "KPIs against their targets"},
    "kpi": {"es": "indicador", "en": "KPI"},
    "value": {"es": "valor", "en": "value"},
    "status": {"es": "estado", "en": "status"},
    "change": {"es": "cambio", "en": "change"},
    "r_kpis": {
        "es": "{met} de {total} indicadores cumplen su objetivo.",
        "en": "{met} of {total} KPIs meet their target.",
    },
    "cases_open": {
        "es": "Casos abiertos: {open} (de {total}).",
        "en": "Open cases: {open} (of {total}).",
    },
    "rule": {"es": "regla", "en": "rule"},
    "kpi_case": {"es": "Indicador: {name}", "en": "KPI: {name}"},
    "opportunity": {"es": "oportunidad", "en": "opportunity"},
    "opportunities": {"es": "Oportunidades", "en": "Opportunities"},
    "before": {"es": "antes", "en": "before"},
    "after": {"es": "después", "en": "after"},
    "verdict": {"es": "veredicto", "en": "verdict"},
    "helped": {"es": "ayudó", "en": "helped"},
    "hurt": {"es": "empeoró", "en": "hurt"},
    "no clear change": {"es": "sin cambio claro", "en": "no clear change"},
    # the map's persona switch (used by the map view)
    "map_all": {"es": "Todos los clientes", "en": "All customers"},
    "map_persona": {"es": "Mapa de {persona}", "en": "Map for {persona}"},
    "map_choose": {"es": "Mapa", "en": "Map"},
    "svg_people": {
        "es": "Número en cada punto de contacto: personas que pasaron por él.",
        "en": "Number on each touchpoint: people who went through it.",
    },
    "svg_pain": {
        "es": "Sombreado: entre los cinco peores puntos de dolor.",
        "en": "Shaded: among the five worst pain points.",
    },
    "p_goals": {"es": "Objetivos", "en": "Goals"},
    "p_needs": {"es": "Necesidades", "en": "Needs"},
    "p_pains": {"es": "Frustraciones", "en": "Pain points"},
    "p_motivations": {"es": "Motivaciones", "en": "Motivations"},
    "p_channels": {"es": "Canales preferidos", "en": "Preferred channels"},
    "p_people": {"es": "{n} personas con eventos", "en": "{n} people with events"},
    "p_note": {
        "es": "Cifras de las personas de este perfil: personas por punto de contacto, "
        "puntuaciones al pasar el ratón, emoción medida y los puntos que peor valoran "
        "(emoción media −2…+2, al menos 30 respuestas). Los KPI están en el mapa de todos "
        "los clientes.",
        "en": "Figures of this persona's people: people per touchpoint, scores on hover, "
        "measured emotion and the touchpoints they feel worst about (mean emotion −2…+2, at "
        "least 30 answers). KPIs are on the all-customers map.",
    },
    # shared by the sections
    "no_persona": {"es": "sin persona asignada", "en": "no persona assigned"},
    "no_channel": {"es": "sin canal", "en": "no channel"},
    "unlinked": {"es": "(sin enlazar)", "en": "(unlinked)"},
    "h_stage": {"es": "etapa", "en": "stage"},
    "h_people": {"es": "personas", "en": "people"},
    "h_share": {"es": "% del grupo", "en": "% of the group"},
    "h_answers": {"es": "respuestas", "en": "answers"},
    "n_people": {"es": "n={n}", "en": "n={n}"},
    "few_sample": {
        "es": "Ningún grupo llega a 30 personas: no hay comparación fiable.",
        "en": "No group has 30 people: there is no reliable comparison.",
    },
    # buyer journey: steps, times, groups
    "no_entrants": {
        "es": "nadie entra en el viaje del comprador ({step}) en estos datos",
        "en": "nobody enters the buyer journey ({step}) in this data",
    },
    "c_buyer_steps": {
        "es": "El viaje del comprador paso a paso (personas, % y tiempo desde la entrada)",
        "en": "The buyer journey step by step (people, % and time since entering)",
    },
    "h_conversion": {"es": "conversión desde la entrada", "en": "conversion from entry"},
    "h_step_conversion": {"es": "desde la etapa anterior", "en": "from the previous stage"},
    "h_drop": {"es": "abandonan (% de la anterior)", "en": "drop off (% of the previous)"},
    "h_median": {"es": "tiempo hasta llegar: mediana", "en": "time to get there: median"},
    "h_p90": {"es": "p90 (el 10 % más lento)", "en": "p90 (the slowest 10%)"},
    "r_buyer_time": {
        "es": "La mitad de quienes llegan a {step} lo hace en {median} o menos desde que entra "
        "en {first}; el 10 % más lento tarda {p90} o más.",
        "en": "Half of those who reach {step} get there within {median} of entering at "
        "{first}; the slowest 10% take {p90} or more.",
    },
    "r_buyer_time_none": {
        "es": "Nadie llega a {step}: no hay tiempo hasta convertir que medir.",
        "en": "Nobody reaches {step}: there is no time to convert to measure.",
    },
    "c_groups": {
        "es": "Conversión por persona y por canal de entrada (% de quienes entran que llegan "
        "al final)",
        "en": "Conversion by persona and by entry channel (% of those who enter who reach the end)",
    },
    "g_persona": {"es": "persona", "en": "persona"},
    "g_channel": {"es": "canal de entrada", "en": "entry channel"},
    "g_first_touch": {"es": "primer contacto", "en": "first touch"},
    "g_last_touch": {"es": "último contacto", "en": "last touch"},
    "axis_conversion": {"es": "% que convierte", "en": "% who convert"},
    "r_best_worst": {
        "es": "por {kind}, convierte más {best} ({best_rate}, n={best_n}) y menos {worst} "
        "({worst_rate}, n={worst_n})",
        "en": "by {kind}, {best} converts most ({best_rate}, n={best_n}) and {worst} least "
        "({worst_rate}, n={worst_n})",
    },
    "r_only_group": {
        "es": "por {kind}, solo {group} llega a 30 personas: convierte el {rate} (n={n})",
        "en": "by {kind}, only {group} has 30 people: {rate} convert (n={n})",
    },
    "r_no_group": {
        "es": "por {kind}, ningún grupo llega a 30 personas",
        "en": "by {kind}, no group has 30 people",
    },
    # customer journey: skips, backward moves, paths
    "c_moves": {
        "es": "Saltos de etapa y vueltas atrás (movimientos entre etapas del viaje diseñado)",
        "en": "Stage skips and backward moves (moves between the designed journey's stages)",
    },
    "h_move": {"es": "movimiento", "en": "move"},
    "h_kind": {"es": "tipo", "en": "kind"},
    "h_times": {"es": "veces", "en": "times"},
    "k_skip": {"es": "salto", "en": "skip"},
    "k_backward": {"es": "vuelta atrás", "en": "backward"},
    "r_moves": {
        "es": "Entre visitas seguidas a etapas del viaje diseñado, {skip_people} personas "
        "saltaron alguna etapa ({skips} movimientos) y {back_people} volvieron atrás "
        "({backs} movimientos); el salto más frecuente es {source} → {target} ({times} veces, "
        "{people} personas).",
        "en": "Between consecutive visits to the designed journey's stages, {skip_people} "
        "people skipped a stage ({skips} moves) and {back_people} went back ({backs} moves); "
        "the most frequent skip is {source} → {target} ({times} times, {people} people).",
    },
    "r_moves_no_skip": {
        "es": "Entre visitas seguidas a etapas del viaje diseñado, nadie saltó una etapa y "
        "{back_people} personas volvieron atrás ({backs} movimientos).",
        "en": "Between consecutive visits to the designed journey's stages, nobody skipped a "
        "stage and {back_people} people went back ({backs} moves).",
    },
    "c_paths_converted": {
        "es": "Quienes completan el viaje del comprador: caminos más frecuentes hasta su "
        "primera llegada a {stage} (últimas {n} etapas, sin repeticiones seguidas)",
        "en": "People who complete the buyer journey: most frequent paths to their first "
        "arrival at {stage} (last {n} stages, consecutive repeats dropped)",
    },
    "c_paths_dropped": {
        "es": "Quienes entran y no lo completan: caminos más frecuentes desde su entrada en "
        "{first} (primeras {n} etapas, sin repeticiones seguidas)",
        "en": "People who enter and do not complete it: most frequent paths from entering at "
        "{first} (first {n} stages, consecutive repeats dropped)",
    },
    "h_path": {"es": "camino", "en": "path"},
    "r_paths_converted": {
        "es": "El camino más frecuente de quienes completan el viaje es {path}: {people} "
        "personas, el {share} de ellas.",
        "en": "The most frequent path of those who complete the journey is {path}: {people} "
        "people, {share} of them.",
    },
    "r_paths_dropped": {
        "es": "El camino más frecuente de quienes no lo completan es {path}: {people} "
        "personas, el {share} de ellas.",
        "en": "The most frequent path of those who do not complete it is {path}: {people} "
        "people, {share} of them.",
    },
    # experience: stages, trends, sentiment
    "c_stages": {"es": "Experiencia por etapa", "en": "Experience by stage"},
    "h_nps": {"es": "NPS (n)", "en": "NPS (n)"},
    "h_csat": {"es": "CSAT, media 1–5 (n)", "en": "CSAT, mean 1–5 (n)"},
    "h_ces": {"es": "CES, media 1–7 (n)", "en": "CES, mean 1–7 (n)"},
    "r_stage_csat": {
        "es": "el CSAT más bajo está en {stage} ({value}/5, {n} respuestas)",
        "en": "the lowest CSAT is at {stage} ({value}/5, {n} answers)",
    },
    "r_stage_nps": {
        "es": "el NPS más bajo, en {stage} ({value}, {n} respuestas)",
        "en": "the lowest NPS is at {stage} ({value}, {n} answers)",
    },
    "c_trend_nps": {
        "es": "NPS por semana (−100 … 100; semanas de 7 días hasta el {end})",
        "en": "NPS per week (−100 … 100; 7-day weeks up to {end})",
    },
    "c_trend_csat": {
        "es": "CSAT por semana (media 1–5; semanas de 7 días hasta el {end})",
        "en": "CSAT per week (mean 1–5; 7-day weeks up to {end})",
    },
    "axis_week": {"es": "semana que empieza el", "en": "week starting"},
    "r_trend": {
        "es": "El {metric} pasó de {before} a {after} en las últimas 4 semanas ({start} – "
        "{end}: {n} respuestas, frente a {n_before} en las 4 anteriores).",
        "en": "{metric} went from {before} to {after} in the last 4 weeks ({start} – {end}: "
        "{n} answers, against {n_before} in the 4 before).",
    },
    "r_trend_few": {
        "es": "El {metric} pasó de {before} a {after} en las últimas 4 semanas ({start} – "
        "{end}), pero con pocas respuestas ({n_before} y {n}; menos de 30): es orientativo.",
        "en": "{metric} went from {before} to {after} in the last 4 weeks ({start} – {end}), "
        "but from few answers ({n_before} and {n}; under 30): take it as a hint.",
    },
    "r_trend_only": {
        "es": "En las últimas 4 semanas ({start} – {end}) el {metric} es {after} ({n} "
        "respuestas); no hay respuestas en las 4 anteriores para comparar.",
        "en": "In the last 4 weeks ({start} – {end}) {metric} is {after} ({n} answers); there "
        "are no answers in the 4 before to compare with.",
    },
    "r_trend_none": {
        "es": "No hay respuestas de {metric} en las últimas 4 semanas ({start} – {end}).",
        "en": "There are no {metric} answers in the last 4 weeks ({start} – {end}).",
    },
    "positive_share": {"es": "% positivos", "en": "% positive"},
    "theme_waiting_time": {"es": "tiempo de espera", "en": "waiting time"},
    "theme_staff_manners": {"es": "trato del personal", "en": "staff manners"},
    "theme_price": {"es": "precio", "en": "price"},
    "theme_delivery": {"es": "entrega", "en": "delivery"},
    "theme_product_quality": {"es": "calidad del producto", "en": "product quality"},
    "theme_website": {"es": "web", "en": "website"},
    "theme_support": {"es": "atención al cliente", "en": "customer support"},
    "theme_store": {"es": "local y ambiente", "en": "premises and atmosphere"},
    "mean_sentiment": {"es": "sentimiento medio (−1 … 1)", "en": "mean sentiment (−1 … 1)"},
    "r_themes": {
        "es": "El tema más comentado es «{theme}» ({n} comentarios, {negative} negativos); el "
        "más negativo, «{worst}» ({worst_negative} de {worst_n}).",
        "en": "The most mentioned theme is “{theme}” ({n} comments, {negative} negative); the "
        "most negative, “{worst}” ({worst_negative} of {worst_n}).",
    },
    # loyalty: repeat purchase, lifecycle, attribution
    "c_repeat": {"es": "Compra repetida", "en": "Repeat purchase"},
    "h_purchase": {"es": "compra", "en": "purchase"},
    "h_buyers": {"es": "compradores", "en": "buyers"},
    "h_repeat": {"es": "compran 2 veces o más", "en": "buy 2 times or more"},
    "h_mean_purchases": {"es": "compras por comprador", "en": "purchases per buyer"},
    "h_gap": {"es": "días entre compras (mediana)", "en": "days between purchases (median)"},
    "any_purchase": {"es": "cualquier compra: {names}", "en": "any purchase: {names}"},
    "r_repeat": {
        "es": "El {share} de quienes compran ({purchase}) compra 2 veces o más; de media, "
        "{mean} compras por comprador.",
        "en": "{share} of buyers ({purchase}) buy 2 times or more; {mean} purchases per buyer "
        "on average.",
    },
    "r_repeat_none": {
        "es": "Nadie ha comprado ({purchase}) en los datos.",
        "en": "Nobody bought ({purchase}) in the data.",
    },
    "c_lifecycle": {
        "es": "Ciclo de vida por semana (personas activas; las que pasan a inactivas, bajo cero)",
        "en": "Lifecycle per week (active people; those gone dormant, below zero)",
    },
    "lc_new": {"es": "nuevas", "en": "new"},
    "lc_returning": {"es": "siguen activas", "en": "returning"},
    "lc_resurrecting": {"es": "vuelven", "en": "resurrected"},
    "lc_dormant": {"es": "pasan a inactivas", "en": "gone dormant"},
    "r_lifecycle": {
        "es": "En la última semana completa ({week}) hubo {active} personas activas: {new} "
        "nuevas, {returning} que siguen y {resurrecting} que vuelven; {dormant} pasaron a "
        "inactivas.",
        "en": "In the last full week ({week}) {active} people were active: {new} new, "
        "{returning} returning and {resurrecting} resurrected; {dormant} went dormant.",
    },
    "r_lifecycle_none": {
        "es": "Aún no hay una semana completa de datos.",
        "en": "There is no full week of data yet.",
    },
    "c_attribution": {
        "es": "Conversión por canal de primer y último contacto (% de quienes entran que "
        "llegan al final)",
        "en": "Conversion by first- and last-touch channel (% of those who enter who reach "
        "the end)",
    },
    "one_channel": {
        "es": "la atribución por canal necesita al menos 2 canales y los datos tienen {n}",
        "en": "attribution by channel needs at least 2 channels and the data has {n}",
    },
    # results in notebooks (report/notebook.py)
    "nb_people": {"es": "personas", "en": "people"},
    "nb_sessions": {"es": "sesiones", "en": "sessions"},
    "nb_none": {"es": "(ninguno)", "en": "(none)"},
    "nb_funnel": {"es": "Embudo ({unit} por paso)", "en": "Funnel ({unit} per step)"},
    "nb_flows": {
        "es": "Flujos entre pasos ({unit} que pasan de uno al siguiente)",
        "en": "Flows between steps ({unit} moving from one to the next)",
    },
    "nb_paths": {"es": "Caminos más frecuentes ({unit})", "en": "Top paths ({unit})"},
    "nb_variants": {"es": "Recorridos más frecuentes ({unit})", "en": "Top journeys ({unit})"},
    "nb_converted": {"es": "convierten", "en": "converted"},
    "nb_dropped": {"es": "abandonan", "en": "dropped"},
    "nb_nps": {"es": "NPS por {by} (−100 … 100)", "en": "NPS by {by} (−100 … 100)"},
    "nb_csat": {"es": "CSAT por {by} (media 1–5)", "en": "CSAT by {by} (mean 1–5)"},
    "nb_ces": {
        "es": "CES por {by} (esfuerzo medio 1–7, menos es mejor)",
        "en": "CES by {by} (mean effort 1–7, lower is better)",
    },
    "nb_nps_all": {"es": "NPS (−100 … 100)", "en": "NPS (−100 … 100)"},
    "nb_csat_all": {"es": "CSAT (media 1–5)", "en": "CSAT (mean 1–5)"},
    "nb_ces_all": {
        "es": "CES (esfuerzo medio 1–7, menos es mejor)",
        "en": "CES (mean effort 1–7, lower is better)",
    },
    "nb_by_touchpoint": {"es": "punto de contacto", "en": "touchpoint"},
    "nb_by_stage": {"es": "etapa", "en": "stage"},
    "nb_by_channel": {"es": "canal", "en": "channel"},
    "nb_by_persona": {"es": "persona", "en": "persona"},
    "nb_by_period": {"es": "periodo", "en": "period"},
    "nb_by_survey": {"es": "encuesta", "en": "survey"},
    "nb_drivers": {
        "es": "Impulsores de {outcome} (diferencia en puntos; primero, los de evidencia más firme)",
        "en": "Drivers of {outcome} (difference in points; strongest evidence first)",
    },
    "nb_nps_points": {"es": "puntos de NPS", "en": "NPS points"},
    "nb_importance": {"es": "importancia (correlación)", "en": "importance (correlation)"},
    "nb_routes_share": {"es": "% de {unit}", "en": "% of {unit}"},
    "nb_convert": {
        "es": "{share} · convierte el {conversion}",
        "en": "{share} · {conversion} convert",
    },
    "nb_retention_week": {
        "es": "Retención semanal por cohorte (% activo)",
        "en": "Weekly retention by cohort (% active)",
    },
    "nb_retention_day": {
        "es": "Retención diaria por cohorte (% activo)",
        "en": "Daily retention by cohort (% active)",
    },
    "nb_since_week": {"es": "semanas desde la entrada", "en": "weeks since joining"},
    "nb_since_day": {"es": "días desde la entrada", "en": "days since joining"},
    "nb_lifecycle": {
        "es": "Ciclo de vida de {unit} por periodo",
        "en": "Lifecycle of {unit} per period",
    },
    "nb_new": {"es": "nuevos", "en": "new"},
    "nb_returning": {"es": "que siguen", "en": "returning"},
    "nb_resurrecting": {"es": "que vuelven", "en": "resurrecting"},
    "nb_dormant": {"es": "pasan a inactivos", "en": "dormant"},
    "nb_skipped": {"es": "pasos saltados", "en": "skipped steps"},
    "nb_out_of_order": {"es": "fuera de orden", "en": "out of order"},
    "nb_backward": {"es": "vueltas atrás", "en": "backward moves"},
    "nb_unexpected": {"es": "inesperados", "en": "unexpected"},
    "nb_more_rows": {"es": "… {n} filas más", "en": "… {n} more rows"},
}


SINGULAR: dict[Lang, dict[str, str]] = {
    "es": {
        "personas": "persona", "respuestas": "respuesta", "comentarios": "comentario",
        "eventos": "evento", "clientes conocidos": "cliente conocido", "veces": "vez",
        "movimientos": "movimiento", "personas saltaron": "persona saltó",
        "personas volvieron": "persona volvió", "volvieron atrás": "volvió atrás",
        "personas activas": "persona activa", "nuevas": "nueva", "que siguen": "que sigue",
        "que vuelven": "que vuelve", "pasaron a inactivas": "pasó a inactiva",
    },
    "en": {
        "people": "person", "answers": "answer", "survey answers": "survey answer",
        "comments": "comment", "events": "event", "known customers": "known customer",
        "times": "time", "moves": "move", "people were active": "person was active",
    },
}  # fmt: skip
"""The words that follow a count in the messages, and their form for a count of one: a
message that writes the number 1 before one of them takes that form ("1 persona", "1 person",
"1 persona saltó", "1 person was active"); the longest match wins."""

_ONE = {
    lang: re.compile(
        r"(?<![\w.,])1 (" + "|".join(sorted(map(re.escape, nouns), key=len, reverse=True)) + r")\b"
    )
    for lang, nouns in SINGULAR.items()
}


def _group(number: str, sep: str) -> str:
    head, _, tail = number.partition(".")
    sign = "-" if head.startswith("-") else ""
    head = head.lstrip("-")
    groups: list[str] = []
    while len(head) > 3:
        groups.insert(0, head[-3:])
        head = head[:-3]
    groups.insert(0, head)
    return sign + sep.join(groups) + (("," if sep == "." else ".") + tail if tail else "")


class Text:
    """Messages and formats of one language."""

    def __init__(self, lang: Lang, currency: str = "") -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"language {lang!r}: use es or en")
        self.lang: Lang = lang
        self.currency = currency

    def money(self, value: float | None) -> str:
        """``117,06 EUR`` (es) or ``117.06 EUR`` (en): two decimals and the currency code."""
        return self.number(value, 2) + (
            f" {self.currency}" if self.currency and value is not None else ""
        )

    def __call__(self, key: str, **values: object) -> str:
        text = MESSAGES[key][self.lang].format(**values)
        nouns = SINGULAR[self.lang]
        return _ONE[self.lang].sub(lambda m: "1 " + nouns[m.group(1)], text)

    def number(self, value: float | None, digits: int = 0) -> str:
        """``1.234,5`` (es) or ``1,234.5`` (en); ``–`` for None."""
        if value is None:
            return "–"
        text = f"{value:.{digits}f}"
        if self.lang == "es":
            # Spanish groups thousands only from five digits: 1234,5 but 12.345
            return text.replace(".", ",") if abs(value) < 10_000 else _group(text, ".")
        return _group(text, ",")

    def signed(self, value: float | None, digits: int = 0) -> str:
        if value is None:
            return "–"
        return ("+" if value > 0 else "") + self.number(value, digits)

    def percent(self, share: float | None, digits: int = 0) -> str:
        """A share 0…1 as ``38 %`` (es) or ``38%`` (en)."""
        if share is None:
            return "–"
        return self.number(100 * share, digits) + (" %" if self.lang == "es" else "%")

    def duration(self, seconds: float | None) -> str:
        """A time as people say it: ``45 s``, ``12 min``, ``2 h 5 min``, then days with one
        decimal (``3,5 días`` / ``3.5 days``); ``–`` for None."""
        if seconds is None:
            return "–"
        if seconds < 59.5:
            return f"{round(seconds)} s"
        if seconds < 3570:
            return f"{round(seconds / 60)} min"
        if seconds < 86_400:
            hours, minutes = divmod(round(seconds / 60), 60)
            return f"{hours} h {minutes} min" if minutes else f"{hours} h"
        days = self.number(seconds / 86_400, 1).removesuffix(",0").removesuffix(".0")
        one = days == "1"
        if self.lang == "es":
            return f"{days} día" if one else f"{days} días"
        return f"{days} day" if one else f"{days} days"

    def sentence(self, parts: list[str]) -> str:
        """Clauses joined by ``;`` into one sentence: capital first letter, final stop."""
        text = "; ".join(part for part in parts if part)
        return text[:1].upper() + text[1:] + "." if text else ""

    def date(self, moment: dt.date | dt.datetime | None) -> str:
        """``30 nov 2026`` (es) or ``30 Nov 2026`` (en)."""
        if moment is None:
            return "–"
        months = {
            "es": "ene feb mar abr may jun jul ago sep oct nov dic",
            "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
        }[self.lang].split()
        return f"{moment.day} {months[moment.month - 1]} {moment.year}"
