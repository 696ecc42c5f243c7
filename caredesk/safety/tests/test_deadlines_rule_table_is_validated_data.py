"""The rule table is data (rules.yaml): every contract kind is there with a citation, VERIFY points
are carried as notes, a malformed table refuses to load, and rule versions switch on the day."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
import yaml

from caredesk.safety.reportability import RuleError, Situation, load_rules, reports_for
from caredesk.safety.reportability.rules import RULES_FILE, parse_rules

from .test_deadlines_contract_cases import CONTRACT_KINDS


def _document() -> dict:
    return yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))


def test_every_contract_kind_has_a_cited_initial_rule():
    rules = load_rules()
    initial = {r.kind: r for r in rules.rules if r.trigger == "initial"}
    assert set(initial) >= CONTRACT_KINDS
    for kind in CONTRACT_KINDS:
        assert initial[kind].citation.strip(), kind
        assert initial[kind].basis.strip(), kind


def test_business_and_working_day_rules_name_their_calendar():
    for rule in load_rules().rules:
        if rule.unit.value != "calendar_days":
            assert rule.calendar == "US-federal", rule.id


def test_points_marked_verify_in_the_regulations_carry_a_verify_note():
    by_id = {r.id: r for r in load_rules().rules}
    marked = ["eu-vet", "us-otc-serious", "ca-serious-adr-natural-health-product"]
    marked += ["us-device-supplemental", "uk-serious", "uk-device-serious-incident"]
    for rule_id in marked:
        assert by_id[rule_id].verify, rule_id


def test_the_periodic_schedules_are_in_the_table():
    ids = {p.id for p in load_rules().periodic}
    assert {"us-rx-periodic", "us-animal-periodic"} <= ids


BROKEN = [
    ("unknown key", lambda r: r.update(colour="red"), "unknown keys"),
    ("unknown flag", lambda r: r.update(when="serious and pregnant"), "unknown flag or term"),
    ("bad unit", lambda r: r.update(unit="fortnights"), "unit"),
    ("calendar on calendar days", lambda r: r.update(calendar="US-federal"), "takes no calendar"),
    ("zero clock", lambda r: r.update(clock=0), "positive"),
    ("bad date", lambda r: r.update(effective_from="2026-13-01"), "YYYY-MM-DD"),
    ("ends before it starts", lambda r: r.update(effective_to="1900-01-01"), "before"),
    ("unbalanced", lambda r: r.update(when="(serious or death"), "ends too early"),
    ("bad jurisdiction", lambda r: r.update(jurisdiction="XX"), "jurisdiction"),
    ("missing clock", lambda r: r.pop("clock"), "missing"),
]


@pytest.mark.parametrize(("name", "breaks", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_malformed_rule_refuses_to_load(name, breaks, message):
    document = _document()
    first = next(r for r in document["rules"] if r["id"] == "us-rx-15-day-alert")
    breaks(first)
    with pytest.raises(RuleError, match=message):
        parse_rules(document)


def test_a_term_defined_by_itself_refuses_to_load():
    document = _document()
    document["terms"]["serious_event"] = "serious or serious_event"
    with pytest.raises(RuleError, match="itself"):
        parse_rules(document)


def _two_versions(first_end: str, second_start: str) -> dict:
    document = _document()
    old = next(r for r in document["rules"] if r["id"] == "eu-serious")
    new = copy.deepcopy(old)
    old["effective_to"] = dt.date.fromisoformat(first_end)
    new.update(id="eu-serious-v2", clock=7, effective_from=dt.date.fromisoformat(second_start))
    document["rules"].append(new)
    return document


def test_overlapping_versions_of_one_rule_refuse_to_load():
    with pytest.raises(RuleError, match="overlap"):
        parse_rules(_two_versions("2030-01-01", "2030-01-01"))


def test_a_new_rule_version_applies_from_its_first_day():
    rules = parse_rules(_two_versions("2029-12-31", "2030-01-01"))

    def due(day: str) -> list[tuple[str, str]]:
        situation = Situation("EU", "rx_drug", dt.date.fromisoformat(day), frozenset({"serious"}))
        return [(r.kind, r.due.isoformat()) for r in reports_for(situation, rules)]

    assert due("2029-12-31") == [("eu_serious", "2030-01-15")]
    assert due("2030-01-01") == [("eu_serious", "2030-01-08")]


def test_follow_up_and_forwarding_rules_are_separate_triggers():
    day = dt.date(2026, 7, 2)
    flags = frozenset({"serious"})
    follow_up = reports_for(Situation("US", "rx_drug", day, flags, trigger="follow_up"))
    assert [(r.kind, r.due) for r in follow_up] == [
        ("us_rx_15_day_follow_up", dt.date(2026, 7, 17))
    ]
    forward = reports_for(Situation("US", "rx_drug", day, flags, trigger="nonapplicant_forwarding"))
    assert [(r.kind, r.due) for r in forward] == [
        ("us_rx_nonapplicant_forwarding", dt.date(2026, 7, 7))
    ]
    alert = reports_for(Situation("US", "animal_drug", day, frozenset({"product_defect"}),
                                  trigger="field_alert"))  # fmt: skip
    assert [(r.kind, r.due) for r in alert] == [("us_animal_field_alert", dt.date(2026, 7, 8))]
