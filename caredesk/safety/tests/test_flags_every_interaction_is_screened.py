"""Every interaction saved on any channel is screened; one contact can carry several findings."""

from __future__ import annotations

import pytest

from caredesk.audit.models import AuditEvent
from caredesk.cases.services.interactions import (
    InteractionInput,
    correct_interaction,
    log_interaction,
)
from caredesk.people.models import Channel
from caredesk.safety.models import FindingKind, FindingSource, FindingStatus, ScreeningRecord
from caredesk.safety.services.catalog import screener_version
from caredesk.safety.tasks import screen_unscreened_now
from caredesk.testing import factories as f

pytestmark = pytest.mark.django_db

AE_AND_COMPLAINT = (
    "I took Relievium 200 mg and got a bad rash and was hospitalized. "
    "Also the bottle from lot RLV2401A had broken pills."
)


def log(world, body, channel="phone"):
    data = InteractionInput(channel=channel, direction="inbound", body=body)
    return log_interaction(world.case_a, data, acting_user=world.agent_a)


@pytest.mark.parametrize("channel", [c.value for c in Channel])
def test_an_interaction_on_any_channel_is_screened_when_saved(world, channel):
    interaction = log(world, "What is the maximum daily dose of Relievium?", channel)
    record = ScreeningRecord.objects.get(interaction=interaction)
    assert record.case == world.case_a and record.program == world.program_a
    assert record.screener_version == screener_version()
    assert record.result["adverse_event"] is False
    assert not interaction.findings.exists()


def test_one_contact_yields_one_finding_per_thing_found(world):
    interaction = log(world, AE_AND_COMPLAINT)
    findings = {(x.kind, x.code): x for x in interaction.findings.all()}
    assert (FindingKind.ADVERSE_EVENT, "adverse_event") in findings
    complaint_codes = {code for kind, code in findings if kind == FindingKind.PRODUCT_COMPLAINT}
    assert complaint_codes >= {"packaging"}
    ae = findings[(FindingKind.ADVERSE_EVENT, "adverse_event")]
    assert ae.status == FindingStatus.FLAGGED and ae.source == FindingSource.SCREENER
    assert ae.seriousness == ["hospitalization"]
    assert ae.products == ["Relievium"] and ae.lots == ["RLV2401A"]
    texts = [e["text"] for e in ae.evidence]
    assert any("rash" in t for t in texts)
    for span in ae.evidence:
        assert AE_AND_COMPLAINT[span["start"] : span["end"]] == span["text"]
    record = ScreeningRecord.objects.get(interaction=interaction)
    assert record.result["product_complaint"] is True  # the raw result is kept
    assert AuditEvent.objects.filter(
        model="safety.screeningrecord", object_id=str(record.pk), actor_username="system:screener"
    ).exists()


def test_special_situation_without_harm_is_a_finding(world):
    interaction = log(world, "My daughter accidentally swallowed two Relievium tablets.")
    codes = list(interaction.findings.values_list("kind", "code"))
    assert (FindingKind.SPECIAL_SITUATION, "accidental_exposure") in codes


def test_a_corrected_version_is_screened_too(world):
    original = log(world, "Caller asked about storage.")
    version = correct_interaction(
        original,
        body="Caller reports dizziness and nausea after taking Relievium.",
        reason="misheard",
        acting_user=world.agent_a,
    )
    assert ScreeningRecord.objects.filter(interaction__in=[original, version]).count() == 2
    assert version.findings.filter(kind=FindingKind.ADVERSE_EVENT).exists()


def test_interactions_saved_around_the_service_are_caught_by_the_sweep(world):
    stray = f.InteractionFactory(
        case=world.case_a, body="Caller reports dizziness after Relievium."
    )
    assert not ScreeningRecord.objects.filter(interaction=stray).exists()
    assert screen_unscreened_now() == 1
    assert stray.findings.filter(kind=FindingKind.ADVERSE_EVENT).exists()
    assert screen_unscreened_now() == 0  # idempotent


def test_a_screener_failure_never_loses_the_contact(world, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("lexicon file unreadable")

    monkeypatch.setattr("caredesk.safety.services.intake.screen", broken)
    interaction = log(world, "Caller reports dizziness after Relievium.")
    assert interaction.pk and not ScreeningRecord.objects.filter(interaction=interaction).exists()
    assert "screening failed" in caplog.text
    monkeypatch.undo()
    assert screen_unscreened_now() == 1
    assert interaction.findings.filter(kind=FindingKind.ADVERSE_EVENT).exists()
