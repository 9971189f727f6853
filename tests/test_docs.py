"""The docs stay true: every setting, map field, column role and link is documented."""

from __future__ import annotations

import re
import typing
from pathlib import Path

from pydantic import BaseModel

from recorrido.ingest.columns import ROLES
from recorrido.map.models import JourneyMap
from recorrido.settings import Settings

DOCS = Path(__file__).resolve().parents[1] / "docs"
README = DOCS.parent / "README.md"


def models_of(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in models_of(arg)]


def all_fields(model: type[BaseModel], seen: set[type[BaseModel]] | None = None) -> set[str]:
    seen = seen if seen is not None else set()
    if model in seen:
        return set()
    seen.add(model)
    names = set(model.model_fields)
    for field in model.model_fields.values():
        for inner in models_of(field.annotation):
            names |= all_fields(inner, seen)
    return names


def test_every_map_field_is_in_the_format_reference() -> None:
    text = (DOCS / "map-format.md").read_text(encoding="utf-8")
    missing = sorted(name for name in all_fields(JourneyMap) if f"`{name}`" not in text)
    assert not missing, f"undocumented journey.yaml fields: {missing}"


def test_every_setting_is_documented_with_its_variable() -> None:
    text = (DOCS / "settings.md").read_text(encoding="utf-8")
    for name in Settings.model_fields:
        assert f"`{name}`" in text and f"`RECORRIDO_{name.upper()}`" in text, name


def test_every_column_role_and_name_is_documented() -> None:
    text = (DOCS / "ingestion.md").read_text(encoding="utf-8")
    for roles in ROLES.values():
        for role, names in roles.items():
            assert f"`{role}`" in text, role
            for name in names:
                assert re.search(rf"\b{re.escape(name)}\b", text), name


def test_links_in_readme_and_docs_point_to_files() -> None:
    for page in [README, *DOCS.glob("*.md")]:
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).exists(), f"{page.name} links to missing {target}"
