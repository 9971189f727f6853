"""The report's words in Spanish and English, and numbers and dates as each language writes them.

Every user-facing string of the report is a key of :data:`MESSAGES` with both languages; a
test checks that no key lacks one. Spanish writes ``1.234,5`` and ``38 %``; English ``1,234.5``
and ``38%``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

__all__ = ["LANGUAGES", "MESSAGES", "Lang", "Text"]

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
        "es": "{people} personas, {events} eventos y {answers} respuestas de encuesta.",
        "en": "{people} people, {events} events and {answers} survey answers.",
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
        "es": "Impulsores de la pérdida de clientes (puntos de diferencia)",
        "en": "Drivers of churn (difference in points)",
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
        "es": "Retención semanal por cohorte (% activo)",
        "en": "Weekly retention by cohort (% active)",
    },
    "axis_weeks": {"es": "semanas desde la primera visita", "en": "weeks since the first visit"},
    "axis_cohort": {"es": "cohorte", "en": "cohort"},
    "r_retention": {
        "es": "De media, el {rate} de una cohorte sigue activo una semana después.",
        "en": "On average, {rate} of a cohort is still active one week later.",
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
    "opportunities": {"es": "Oportunidades", "en": "Opportunities"},
    "before": {"es": "antes", "en": "before"},
    "after": {"es": "después", "en": "after"},
    "verdict": {"es": "veredicto", "en": "verdict"},
    "helped": {"es": "ayudó", "en": "helped"},
    "hurt": {"es": "empeoró", "en": "hurt"},
    "no clear change": {"es": "sin cambio claro", "en": "no clear change"},
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
        return MESSAGES[key][self.lang].format(**values)

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

    def date(self, moment: dt.date | dt.datetime | None) -> str:
        """``30 nov 2026`` (es) or ``30 Nov 2026`` (en)."""
        if moment is None:
            return "–"
        months = {
            "es": "ene feb mar abr may jun jul ago sep oct nov dic",
            "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
        }[self.lang].split()
        return f"{moment.day} {months[moment.month - 1]} {moment.year}"
