"""The agent's case workspace: inbox order, case page, logging a contact with htmx, requests,
status changes with the service's own error messages, assignment, and opening a case."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from caredesk.cases.models import Case, CaseRequest, CaseStatus, Interaction
from caredesk.cases.services.interactions import (
    InteractionInput,
    correct_interaction,
    log_interaction,
)
from caredesk.cases.services.requests import add_request
from caredesk.testing import factories as f

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def agent(client, world):
    client.force_login(world.agent_a)
    return client


def test_inbox_lists_open_cases_by_priority_then_due_time(agent, world):
    now = timezone.now()
    queue = f.QueueFactory(program=world.program_a, name="Consumers")
    late = f.CaseFactory(program=world.program_a, priority=2, queue=queue, subject="Later due")
    late.first_response_due = now + timedelta(hours=5)
    late.save()
    soon = f.CaseFactory(program=world.program_a, priority=2, queue=queue, subject="Sooner due")
    soon.first_response_due = now + timedelta(hours=1)
    soon.save()
    urgent = f.CaseFactory(program=world.program_a, priority=1, subject="Critical one")
    f.CaseFactory(program=world.program_a, status=CaseStatus.CLOSED, subject="Closed one")
    page = agent.get("/").content.decode()
    order = [page.index(s) for s in (urgent.subject, soon.subject, late.subject)]
    assert order == sorted(order)
    assert "Closed one" not in page and world.case_b.subject not in page
    assert f'data-due="{soon.first_response_due.isoformat()}"' in page
    assert 'hx-trigger="every 30s"' in page


def test_inbox_filters_by_queue_and_answers_htmx_with_the_table_only(agent, world):
    queue = f.QueueFactory(program=world.program_a, name="Pharmacists")
    in_queue = f.CaseFactory(program=world.program_a, queue=queue, subject="In the queue")
    response = agent.get("/", {"queue": queue.pk}, **HTMX)
    page = response.content.decode()
    assert in_queue.subject in page and world.case_a.subject not in page
    assert "<html" not in page and 'id="inbox-table"' in page


def test_case_page_shows_header_and_the_timeline_with_bodies(agent, world):
    log_interaction(
        world.case_a,
        InteractionInput(
            channel="email",
            direction="inbound",
            body="fallback text",
            body_html="<p>Hello <b>team</b><script>alert(1)</script></p>",
        ),
        acting_user=world.agent_a,
    )
    page = agent.get(f"/cases/{world.case_a.pk}/").content.decode()
    assert world.case_a.reference in page and "RLV2401A" in page and "Ana Pharma" in page
    assert "<b>team</b>" in page and "alert(1)" not in page


def test_corrected_interactions_show_both_versions_linked(agent, world):
    original = log_interaction(
        world.case_a,
        InteractionInput(channel="phone", direction="inbound", body="Took Tylenl"),
        acting_user=world.agent_a,
    )
    fixed = correct_interaction(
        original, body="Took Tylenol", reason="typo", acting_user=world.agent_a
    )
    page = agent.get(f"/cases/{world.case_a.pk}/").content.decode()
    assert "Took Tylenl" in page and "Took Tylenol" in page
    assert (
        f'href="#interaction-{fixed.pk}"' in page and f'href="#interaction-{original.pk}"' in page
    )


def test_logging_a_call_with_htmx_appends_it_to_the_timeline(agent, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("photo.png", b"\x89PNG fake", content_type="image/png")
    response = agent.post(
        f"/cases/{world.case_a.pk}/interactions/",
        {
            "channel": "phone",
            "direction": "inbound",
            "body": "Caller felt dizzy",
            "attachments": [upload],
        },
        **HTMX,
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'hx-swap-oob="beforeend:#timeline"' in page and "Caller felt dizzy" in page
    assert 'id="interaction-form"' in page and 'id="case-header" ' in page
    interaction = Interaction.objects.system_scope().get(case=world.case_a)
    assert interaction.author == world.agent_a and interaction.attachments.count() == 1


def test_an_empty_interaction_is_answered_with_the_services_message(agent, world):
    response = agent.post(
        f"/cases/{world.case_a.pk}/interactions/",
        {"channel": "phone", "direction": "inbound", "body": " "},
        **HTMX,
    )
    assert response.status_code == 422
    assert "an interaction needs text, an attachment or a recording" in response.content.decode()


def test_closing_needs_a_reason_and_resolved_requests(agent, world):
    url = f"/cases/{world.case_a.pk}/status/"
    response = agent.post(url, {"status": "closed", "reason": ""}, **HTMX)
    assert response.status_code == 422
    assert "A reason is required to close a case" in response.content.decode()
    add_request(world.case_a, kind="question", summary="Dose?", acting_user=world.agent_a)
    response = agent.post(url, {"status": "closed", "reason": "answered"}, **HTMX)
    assert response.status_code == 422
    assert "1 request(s) on this case are not resolved" in response.content.decode()


def test_requests_are_added_resolved_and_then_the_case_closes(agent, world):
    case = world.case_a
    response = agent.post(f"/cases/{case.pk}/requests/", {"kind": "question", "summary": "Dose?"})
    assert response.status_code == 302
    request = CaseRequest.objects.system_scope().get(case=case)
    url = f"/cases/{case.pk}/requests/{request.pk}/resolve/"
    assert agent.post(url, {"resolution": ""}, **HTMX).status_code == 422
    response = agent.post(url, {"resolution": "Read the label"}, **HTMX)
    assert response.status_code == 200 and "Resolved: Read the label" in response.content.decode()
    response = agent.post(f"/cases/{case.pk}/status/", {"status": "closed", "reason": "done"})
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED and case.close_reason == "done"
    page = agent.get(f"/cases/{case.pk}/").content.decode()
    assert "Reopen" in page


def test_assign_to_me_and_to_a_queue_of_the_same_program_only(agent, world):
    queue_a = f.QueueFactory(program=world.program_a, name="Escalations")
    queue_b = f.QueueFactory(program=world.program_b, name="B queue")
    url = f"/cases/{world.case_a.pk}/assign/"
    agent.post(url, {"to_me": "1", "queue": queue_a.pk})
    case = Case.objects.system_scope().get(pk=world.case_a.pk)
    assert case.owner == world.agent_a and case.queue == queue_a
    response = agent.post(url, {"queue": queue_b.pk}, **HTMX)
    assert response.status_code == 422 and "B queue" not in response.content.decode()


def test_open_a_case_for_a_person(agent, world):
    url = f"/cases/new/for-person/{world.pharmacist_a.pk}/"
    assert agent.get(url).status_code == 200
    response = agent.post(url, {"subject": "", "case_type": "general_inquiry", "priority": 4})
    assert response.status_code == 422 and "a case needs a subject" in response.content.decode()
    response = agent.post(
        url,
        {
            "subject": "Bad lot",
            "case_type": "product_complaint",
            "priority": 3,
            "lot": world.lot_a.pk,
        },
    )
    case = Case.objects.system_scope().get(subject="Bad lot")
    assert response.status_code == 302 and response["Location"] == f"/cases/{case.pk}/"
    assert case.person == world.pharmacist_a and case.product == world.product_a


def test_a_product_of_another_program_is_not_a_choice(agent, world):
    url = f"/cases/new/for-person/{world.pharmacist_a.pk}/"
    data = {"subject": "x", "case_type": "general_inquiry", "priority": 4}
    response = agent.post(url, {**data, "product": world.product_b.pk})
    assert response.status_code == 422 and "GlucoTrack" not in response.content.decode()


def test_an_auditor_can_read_but_not_write(client, world):
    client.force_login(world.auditor_a)
    assert client.get(f"/cases/{world.case_a.pk}/").status_code == 200
    response = client.post(
        f"/cases/{world.case_a.pk}/interactions/",
        {"channel": "phone", "direction": "inbound", "body": "x"},
    )
    assert response.status_code == 403


def test_another_programs_case_is_the_404_page(agent, world):
    response = agent.get(f"/cases/{world.case_b.pk}/")
    assert response.status_code == 404
    assert "Not found" in response.content.decode()
