"""A case is opened, contacts are logged, requests resolved, and it closes only with a reason."""

from __future__ import annotations

import pytest

from caredesk.audit.models import AuditEvent
from caredesk.cases.models import CaseStatus, ImmutableRecordError, Interaction, TimelineKind
from caredesk.cases.services.interactions import (
    AttachmentInput,
    InteractionInput,
    correct_interaction,
    log_interaction,
)
from caredesk.cases.services.lifecycle import CaseInput, change_status, create_case
from caredesk.cases.services.requests import add_request, resolve_request
from caredesk.errors import Conflict, Forbidden, InvalidInput, NotFound
from caredesk.safety.services.findings import mark_no_safety_content

pytestmark = pytest.mark.django_db


def test_open_log_and_close_a_case(world):
    case = create_case(
        world.program_a,
        CaseInput(subject="Dosing question", person=world.pharmacist_a, lot=world.lot_a),
        acting_user=world.agent_a,
    )
    assert case.reference.startswith("CD-")
    assert case.product == world.product_a
    call = log_interaction(
        case,
        InteractionInput(channel="phone", direction="inbound", body="Asked about max daily dose"),
        acting_user=world.agent_a,
    )
    question = add_request(
        case, kind="question", summary="Max daily dose", interaction=call, acting_user=world.agent_a
    )
    with pytest.raises(InvalidInput):
        change_status(case, CaseStatus.CLOSED, acting_user=world.agent_a)
    with pytest.raises(Conflict):
        change_status(case, CaseStatus.CLOSED, acting_user=world.agent_a, reason="answered")
    resolve_request(case, question.pk, resolution="Read label", acting_user=world.agent_a)
    with pytest.raises(Conflict, match="no safety disposition"):
        change_status(case, CaseStatus.CLOSED, acting_user=world.agent_a, reason="answered")
    mark_no_safety_content(call, acting_user=world.agent_a, note="dosing question only")
    change_status(case, CaseStatus.CLOSED, acting_user=world.agent_a, reason="answered")
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED and case.close_reason == "answered"
    kinds = list(case.timeline.values_list("kind", flat=True))
    assert kinds[0] == TimelineKind.CREATED and TimelineKind.INTERACTION in kinds
    assert AuditEvent.objects.filter(model="cases.case", object_id=str(case.pk)).count() >= 2


def test_interactions_are_immutable_and_corrections_are_versions(world):
    original = log_interaction(
        world.case_a,
        InteractionInput(channel="email", direction="inbound", body="Tylenl"),
        acting_user=world.agent_a,
    )
    original.body = "edited"
    with pytest.raises(ImmutableRecordError):
        original.save()
    fixed = correct_interaction(original, body="Tylenol", reason="typo", acting_user=world.agent_a)
    assert fixed.version == 2 and fixed.corrects == original
    assert Interaction.objects.get(pk=original.pk).body == "Tylenl"


def test_bad_attachment_rejects_whole_interaction(world):
    before = Interaction.objects.count()
    with pytest.raises(InvalidInput) as err:
        log_interaction(
            world.case_a,
            InteractionInput(
                channel="email",
                direction="inbound",
                body="see file",
                attachments=[AttachmentInput("run.exe", b"MZ", "application/x-msdownload")],
            ),
            acting_user=world.agent_a,
        )
    assert "attachments" in err.value.fields
    assert Interaction.objects.count() == before


def test_other_program_and_read_only_users_cannot_write(world):
    data = InteractionInput(channel="phone", direction="inbound", body="hello")
    with pytest.raises(NotFound):
        log_interaction(world.case_b, data, acting_user=world.agent_a)
    with pytest.raises(Forbidden):
        log_interaction(world.case_a, data, acting_user=world.auditor_a)
