"""Detect which column of a file plays which role (person, time, event…).

Names are compared after normalising them: lower case, accents removed, every run of
other characters turned into ``_``. The user overrides any role with ``role=column``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

from ..errors import IngestError, did_you_mean

__all__ = ["ROLES", "detect_roles", "normalise", "parse_overrides"]

# fmt: off
_PERSON = (
    "person_id", "person", "user_id", "userid", "user", "customer_id", "customerid",
    "customer", "client_id", "clientid", "cliente_id", "id_cliente", "cliente", "usuario_id",
    "id_usuario", "usuario", "contact_id", "lead_id", "member_id", "distinct_id",
)
_TIME = (
    "timestamp", "ts", "time", "event_time", "event_timestamp", "created_at", "datetime",
    "date_time", "occurred_at", "sent_at", "submitted_at", "answered_at", "fecha_hora",
    "marca_de_tiempo", "fecha", "hora", "date",
)

ROLES: dict[str, dict[str, tuple[str, ...]]] = {
    "events": {
        "event_id": ("event_id", "id_evento", "uuid", "message_id", "insert_id"),
        "person": _PERSON,
        "anonymous_id": (
            "anonymous_id",
            "anon_id",
            "anonymous_user_id",
            "device_id",
            "visitor_id",
            "cookie_id",
            "id_anonimo",
            "anonimo_id",
        ),
        "time": _TIME,
        "event": (
            "event",
            "event_name",
            "event_type",
            "action",
            "activity",
            "evento",
            "accion",
            "actividad",
            "tipo_evento",
            "nombre_evento",
        ),
        "session": ("session_id", "session", "sesion_id", "id_sesion", "sesion"),
        "channel": ("channel", "canal", "source", "utm_source", "medium", "utm_medium"),
        "value": (
            "value",
            "revenue",
            "amount",
            "price",
            "total",
            "valor",
            "importe",
            "monto",
            "precio",
        ),
    },
    "feedback": {
        "response_id": (
            "response_id",
            "id_respuesta",
            "answer_id",
            "feedback_id",
            "survey_response_id",
        ),
        "person": _PERSON,
        "time": _TIME,
        "touchpoint": ("touchpoint", "touchpoint_id", "punto_de_contacto", "punto_contacto"),
        "stage": ("stage", "stage_id", "etapa", "fase"),
        "metric": ("metric", "metrica", "question_type", "survey_type", "tipo_encuesta"),
        "score": ("score", "puntuacion", "nota", "rating_value", "value", "valor"),
        "scale": ("scale", "escala"),
        "comment": (
            "comment",
            "comments",
            "comentario",
            "comentarios",
            "text",
            "feedback",
            "texto",
            "verbatim",
            "open_answer",
            "respuesta_abierta",
        ),
        "language": ("language", "lang", "idioma", "lengua"),
    },
    "people": {"person": _PERSON},
}
"""Per kind of file, each role and the column names that play it, most specific first."""
# fmt: on

REQUIRED: dict[str, tuple[str, ...]] = {
    "events": ("time", "event"),
    "feedback": ("time",),
    "people": ("person",),
}


def normalise(name: str) -> str:
    """``"Fecha Hora"`` → ``"fecha_hora"``; ``"Puntuación"`` → ``"puntuacion"``."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_")


def parse_overrides(items: Sequence[str], kind: str) -> dict[str, str]:
    """``["person=cliente", "time=fecha"]`` → ``{"person": "cliente", "time": "fecha"}``."""
    roles = ROLES[kind]
    overrides: dict[str, str] = {}
    for item in items:
        role, sep, column = item.partition("=")
        role, column = role.strip(), column.strip()
        if not sep or not role or not column:
            raise IngestError(
                f"--column {item!r}: expected ROLE=COLUMN, e.g. person=cliente_id",
                code="usage_column",
            )
        if role not in roles:
            raise IngestError(
                f"--column {item!r}: unknown role '{role}' for {kind} files"
                f"{did_you_mean(role, roles)}",
                code="usage_column",
            )
        overrides[role] = column
    return overrides


def detect_roles(
    columns: Sequence[str], kind: str, overrides: Mapping[str, str], *, source: str
) -> dict[str, str]:
    """Role → column for a file of ``kind`` with these columns.

    Overrides win; a role is otherwise played by the first candidate name found. Missing
    required roles raise :class:`IngestError` listing the file's columns.
    """
    by_name = {normalise(column): column for column in reversed(columns)}
    roles: dict[str, str] = {}
    for role, column in overrides.items():
        if column not in columns:
            raise IngestError(
                f"{source}: --column {role}={column}: no column '{column}' in the file"
                f"{did_you_mean(column, columns)}",
                code="column_not_found",
            )
        roles[role] = column
    taken = set(roles.values())
    for role, candidates in ROLES[kind].items():
        if role in roles:
            continue
        for candidate in candidates:
            found = by_name.get(candidate)
            if found is not None and found not in taken:
                roles[role] = found
                taken.add(found)
                break
    missing = [role for role in REQUIRED[kind] if role not in roles]
    if kind in ("events", "feedback") and "person" not in roles and "anonymous_id" not in roles:
        missing.insert(0, "person")
    if missing:
        listed = ", ".join(columns)
        hints = "; ".join(
            f"{role} (looked for {', '.join(ROLES[kind][role][:6])}…)" for role in missing
        )
        example = f"--column {missing[0]}=<column>"
        raise IngestError(
            f"{source}: no column found for {hints}; the file has: {listed}; name it with "
            f"{example}",
            code="column_missing",
        )
    return roles
