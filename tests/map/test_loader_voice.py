"""The ``surveys:``, ``alerts:`` and ``webhooks:`` sections of journey.yaml."""

from __future__ import annotations

from tests.map.test_loader import VALID, problems_of

from recorrido.map.loader import parse_map
from recorrido.map.models import AlertAction, SurveyMetric, SurveyTiming

VOICE = """\
surveys:
  - id: after_order
    touchpoint: order
    questions:
      - {metric: nps, text: ¿Nos recomendarías?}
      - {metric: comment}
  - id: purchase_followup
    stage: purchase
    when: after_days
    days: 7
    questions: [{metric: csat}]
webhooks:
  - id: crm
    url: https://crm.example.com/hooks/recorrido
    secret_env: CRM_HOOK_SECRET
alerts:
  - id: detractor
    when: nps <= 6
    owner: cx-team
    webhooks: [crm]
  - id: promoter
    when: nps >= 9
    action: advocacy
  - id: bad_checkout
    when: csat <= 2 and touchpoint == "order"
"""


def with_voice(text: str = VOICE) -> str:
    return VALID + text


def test_surveys_alerts_and_webhooks_parse() -> None:
    journey = parse_map(with_voice())
    after_order, followup = journey.surveys
    assert [q.metric for q in after_order.questions] == [SurveyMetric.nps, SurveyMetric.comment]
    assert after_order.when is SurveyTiming.after_touchpoint
    assert (followup.stage, followup.when, followup.days) == ("purchase", "after_days", 7)
    assert [a.action for a in journey.alerts] == [
        AlertAction.case,
        AlertAction.advocacy,
        AlertAction.case,
    ]
    assert journey.webhooks[0].secret_env == "CRM_HOOK_SECRET"
    assert parse_map(VALID).alerts == []


def test_an_alert_rule_on_an_unknown_field_is_located() -> None:
    (problem,) = problems_of(with_voice(VOICE.replace("when: nps <= 6", "when: nsp <= 6")))
    assert problem.startswith("journey.yaml:")
    assert "alerts[0].when: rule 'nsp <= 6'" in problem
    assert "did you mean 'nps'?" in problem


def test_an_alert_rule_that_does_not_parse() -> None:
    (problem,) = problems_of(with_voice(VOICE.replace("when: nps >= 9", "when: nps >= ")))
    assert "alerts[1].when: rule 'nps >='" in problem


def test_an_alert_rule_comparing_a_score_with_text() -> None:
    (problem,) = problems_of(with_voice(VOICE.replace("nps <= 6", 'nps <= "six"')))
    assert "alerts[0].when" in problem


def test_unknown_webhook_and_survey_anchor() -> None:
    (problem,) = problems_of(with_voice(VOICE.replace("webhooks: [crm]", "webhooks: [crn]")))
    assert "alerts[0].webhooks[0]: unknown webhook 'crn'; did you mean 'crm'?" in problem
    (problem,) = problems_of(with_voice(VOICE.replace("touchpoint: order", "touchpoint: ordr")))
    assert "surveys[0].touchpoint: unknown touchpoint 'ordr'" in problem


def test_a_survey_asks_about_one_touchpoint_or_stage() -> None:
    both = VOICE.replace("    touchpoint: order\n", "    touchpoint: order\n    stage: purchase\n")
    (problem,) = problems_of(with_voice(both))
    assert "surveys[0]: give either a 'touchpoint' or a 'stage'" in problem
    neither = VOICE.replace("    touchpoint: order\n", "")
    (problem,) = problems_of(with_voice(neither))
    assert "surveys[0]: needs a 'stage' or a 'touchpoint'" in problem


def test_days_go_with_after_days() -> None:
    (problem,) = problems_of(with_voice(VOICE.replace("    days: 7\n", "")))
    assert "surveys[1].when: 'days' goes with when: after_days" in problem


def test_webhook_secret_is_an_environment_variable_name() -> None:
    found = problems_of(with_voice(VOICE.replace("CRM_HOOK_SECRET", "s3cr3t-value")))
    assert any("webhooks[0].secret_env" in p for p in found)
