"""A reaction or drug entered by mistake can be removed from an open safety case; the removal is
an audit DELETE event that keeps what was removed, and the chain still verifies."""

from __future__ import annotations

import pytest

from caredesk.audit.models import AuditAction, AuditEvent
from caredesk.audit.verification import verify_chain
from caredesk.safety.models import SafetyProduct, SafetyReaction
from caredesk.safety.services.case_form import remove_detail
from caredesk.safety.tests.complete_case import complete_safety_case

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [SafetyReaction, SafetyProduct])
def test_a_removed_detail_leaves_a_delete_event_naming_what_it_was(world, model):
    safety_case = complete_safety_case(world)
    item = model.objects.filter(safety_case=safety_case).first()
    described, pk = str(item), item.pk
    remove_detail(safety_case, item, acting_user=world.safety_a)
    assert not model.objects.filter(pk=pk).exists()
    event = AuditEvent.objects.get(action=AuditAction.DELETE, object_id=str(pk))
    assert event.model == model._meta.label_lower
    assert event.actor_id == world.safety_a.pk and event.program_id == world.program_a.pk
    assert event.changes == {"removed": [described, None]}
    assert verify_chain().ok
