"""journey.yaml: parsing, positions of problems, cross references, templates."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from recorrido.errors import MapError
from recorrido.map.loader import check_map, load_map, parse_map
from recorrido.map.models import JourneyMap
from recorrido.map.templates import TEMPLATES, render_template, template_map

VALID = textwrap.dedent(
    """\
    version: 1
    meta:
      name: Tienda
      language: es
      timezone: Europe/Madrid
    stages:
      - {id: awareness, name: Conciencia}
      - {id: purchase, name: Compra}
    attributes:
      segment: {type: string}
      lifetime_value: {type: number}
    personas:
      - id: premium
        name: Premium
        assign: 'segment == "premium" and lifetime_value >= 500'
    channels:
      - {id: website, name: Web, type: website}
      - {id: ads, name: Anuncios, type: ad, kind: paid}
    touchpoints:
      - id: ad_click
        name: Clic
        channel: ads
        stage: awareness
        match: {event: ad_click}
      - id: order
        name: Pedido
        channel: website
        stage: purchase
        match:
          event: [purchase, order_completed]
    buyer_journey:
      steps: [awareness, purchase]
      conversion: order
    """
)


def problems_of(text: str) -> list[str]:
    with pytest.raises(MapError) as caught:
        parse_map(text, filename="journey.yaml")
    return [str(issue) for issue in caught.value.issues]


def test_valid_map_parses_with_its_sections() -> None:
    journey = parse_map(VALID)
    assert journey.stage_ids() == ["awareness", "purchase"]
    assert journey.touchpoint("order").match.event == ["purchase", "order_completed"]
    assert journey.journey_level() == "stage"
    assert journey.meta.currency == "EUR"


@pytest.mark.parametrize("name", list(TEMPLATES))
@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_template_validates_in_both_languages(name: str, lang: str) -> None:
    journey = parse_map(render_template(name, lang))  # type: ignore[arg-type]
    assert journey.stage_ids() == TEMPLATES[name]
    assert journey.meta.language == lang


def test_template_stage_names_follow_the_seeds() -> None:
    spanish = JourneyMap.model_validate(template_map("seven-stages", "es"))
    assert [s.name for s in spanish.stages] == [
        "Conciencia",
        "Consideración",
        "Decisión",
        "Compra",
        "Experiencia posterior a la compra",
        "Lealtad",
        "Promoción",
    ]
    english = JourneyMap.model_validate(template_map("five-phases", "en"))
    assert [s.name for s in english.stages] == [
        "Awareness",
        "Discovering",
        "Learning",
        "Choosing",
        "Purchasing",
    ]


def test_yaml_syntax_error_names_line_and_column() -> None:
    text = VALID.replace("  name: Tienda", "  name: [Tienda")
    (problem,) = problems_of(text)
    assert problem.startswith("journey.yaml:")
    assert "YAML syntax error" in problem
    line = int(problem.split(":")[1])
    assert 3 <= line <= 6


def test_unknown_key_is_located_and_suggests_the_closest() -> None:
    text = VALID.replace("    channel: ads\n", "    chanel: ads\n")
    found = problems_of(text)
    assert any(
        p.startswith(
            "journey.yaml:22:5: touchpoints[0].chanel: unknown key 'chanel'; "
            "did you mean 'channel'?"
        )
        for p in found
    ), found


def test_wrong_type_is_located() -> None:
    text = VALID.replace("lifetime_value: {type: number}", "lifetime_value: {type: money}")
    (problem,) = problems_of(text)
    assert problem.startswith("journey.yaml:11:")
    assert "attributes.lifetime_value.type" in problem


def test_unknown_stage_suggests_the_closest_valid_id() -> None:
    text = VALID.replace("    stage: purchase\n", "    stage: purchse\n")
    (problem,) = problems_of(text)
    assert problem == (
        "journey.yaml:28:12: touchpoints[1].stage: unknown stage 'purchse'; "
        "did you mean 'purchase'? (valid: awareness, purchase)"
    )


def test_unknown_channel_is_an_error() -> None:
    text = VALID.replace("    channel: ads\n", "    channel: tv\n")
    (problem,) = problems_of(text)
    assert "unknown channel 'tv'" in problem and "(valid: ads, website)" in problem


def test_duplicate_ids_are_errors() -> None:
    text = VALID.replace(
        "  - {id: ads, name: Anuncios, type: ad, kind: paid}",
        "  - {id: website, name: Anuncios, type: ad, kind: paid}",
    )
    found = problems_of(text)
    assert any("duplicate id 'website'" in p for p in found), found


def test_empty_buyer_journey_is_an_error() -> None:
    text = VALID.replace("steps: [awareness, purchase]", "steps: []")
    (problem,) = problems_of(text)
    assert "buyer_journey.steps" in problem


def test_buyer_journey_unknown_step_and_conversion() -> None:
    text = VALID.replace("steps: [awareness, purchase]", "steps: [awareness, purchasing]")
    text = text.replace("conversion: order", "conversion: ordr")
    found = problems_of(text)
    assert any("unknown step 'purchasing'" in p and "did you mean 'purchase'" in p for p in found)
    assert any("unknown touchpoint 'ordr'" in p and "did you mean 'order'" in p for p in found)


def test_rule_on_unknown_attribute_points_into_the_rule() -> None:
    text = VALID.replace('segment == "premium"', 'segmnt == "premium"')
    (problem,) = problems_of(text)
    assert "unknown field 'segmnt'" in problem and "did you mean 'segment'" in problem
    line, column = problem.split(":")[1:3]
    assert line == "15"
    source_line = text.splitlines()[14]
    assert source_line[int(column) - 1 :].startswith("segmnt")


def test_rule_that_does_not_parse() -> None:
    text = VALID.replace('segment == "premium"', 'segment = "premium"')
    (problem,) = problems_of(text)
    assert "personas[0].assign" in problem and "==" in problem


def test_overlapping_touchpoints_name_both() -> None:
    text = VALID.replace("match: {event: ad_click}", "match: {event: purchase}")
    (problem,) = problems_of(text)
    assert "touchpoints 'ad_click' and 'order' can both match event 'purchase'" in problem


def test_touchpoints_on_one_event_separated_by_channel_or_where() -> None:
    by_channel = VALID.replace(
        "match: {event: ad_click}", "match: {event: purchase, channel: [store]}"
    ).replace("event: [purchase, order_completed]", "event: purchase\n      channel: web")
    assert len(parse_map(by_channel).touchpoints) == 2
    by_where = VALID.replace(
        "match: {event: ad_click}",
        "match: {event: purchase, where: 'properties.store == \"centro\"'}",
    ).replace(
        "event: [purchase, order_completed]",
        'event: purchase\n      where: \'properties.store in ["norte", "playa"]\'',
    )
    assert len(parse_map(by_where).touchpoints) == 2


def test_newer_format_version_says_upgrade() -> None:
    (problem,) = problems_of(VALID.replace("version: 1", "version: 2"))
    assert "format version 2" in problem and "upgrade" in problem


def test_missing_required_key() -> None:
    text = VALID.replace("    name: Clic\n", "")
    (problem,) = problems_of(text)
    assert "missing required key 'name'" in problem and "touchpoints[0]" in problem


def test_unknown_time_zone() -> None:
    (problem,) = problems_of(VALID.replace("Europe/Madrid", "Europe/Madird"))
    assert "unknown time zone 'Europe/Madird'" in problem


def test_all_problems_are_reported_at_once() -> None:
    text = VALID.replace("    stage: purchase\n", "    stage: purchse\n").replace(
        "    channel: ads\n", "    channel: tv\n"
    )
    assert len(problems_of(text)) == 2


def test_load_map_missing_file(tmp_path: Path) -> None:
    with pytest.raises(MapError, match="file not found"):
        load_map(tmp_path / "nope.yaml")


def test_load_map_reports_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "mapa.yaml"
    path.write_text(VALID.replace("stage: purchase\n", "stage: purchse\n"), encoding="utf-8")
    with pytest.raises(MapError) as caught:
        load_map(path)
    assert str(caught.value).startswith(f"{path}:28:12:")


def test_check_map_validates_maps_built_in_python() -> None:
    data = template_map("aida", "en")
    data["touchpoints"][0]["stage"] = "atention"
    with pytest.raises(MapError, match="did you mean 'attention'"):
        check_map(JourneyMap.model_validate(data))


def test_a_document_that_is_not_a_mapping() -> None:
    (problem,) = problems_of("- just\n- a list\n")
    assert "must be a mapping" in problem


def test_where_values_that_compare_equal_still_overlap() -> None:
    text = VALID.replace(
        "match: {event: ad_click}", "match: {event: purchase, where: 'properties.size == 3'}"
    ).replace(
        "event: [purchase, order_completed]",
        "event: purchase\n      where: 'properties.size == \"3.0\"'",
    )
    (problem,) = problems_of(text)
    assert "can both match event 'purchase'" in problem
