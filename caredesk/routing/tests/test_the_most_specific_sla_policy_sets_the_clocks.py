"""SLA policies per program, case type, channel of first contact and customer type: the most
specific matching policy sets a new case's clocks (channel and customer type > customer type
> channel > the case type's catch-all; an exact role before the `hcp` group)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from caredesk.cases.models import Case, CaseType
from caredesk.cases.services.interactions import InteractionInput, log_interaction
from caredesk.cases.services.lifecycle import CaseInput, create_case
from caredesk.channels.models import InboundMessage
from caredesk.errors import InvalidInput
from caredesk.people.models import Channel, PersonRole
from caredesk.routing.models_sla import CaseSlaClock
from caredesk.routing.services.sla import policy_for
from caredesk.testing import factories as f
from caredesk.testing.api import ApiClient

pytestmark = pytest.mark.django_db
NY = ZoneInfo("America/New_York")
GENERAL = CaseType.GENERAL_INQUIRY
BUSINESS_DAY = 12 * 60  # the desk is open 08:00-20:00 on weekdays


def ny(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=NY)


def policy(program, minutes, *, channel="", customer_type="", **fields):
    return f.SlaPolicyFactory(
        program=program,
        case_type=GENERAL,
        channel=channel,
        customer_type=customer_type,
        first_response_minutes=minutes,
        resolution_minutes=10 * BUSINESS_DAY,
        **fields,
    )


@pytest.fixture
def policies(world):
    """Program A's policies for general inquiries, first-response minutes as their names."""
    p = world.program_a
    return {
        "any": policy(p, 240),
        "email": policy(p, 1440, channel=Channel.EMAIL),
        "hcp": policy(p, 30, customer_type="hcp"),
        "pharmacist": policy(p, 5, customer_type=PersonRole.PHARMACIST),
        "phone+pharmacist": policy(p, 2, channel=Channel.PHONE, customer_type="pharmacist"),
        "sms+hcp": policy(p, 15, channel=Channel.SMS, customer_type="hcp"),
    }


@pytest.mark.parametrize(
    ("channel", "role", "expected"),
    [
        ("", "", "any"),
        ("", PersonRole.CONSUMER, "any"),
        (Channel.WEBCHAT, PersonRole.CONSUMER, "any"),
        (Channel.EMAIL, PersonRole.CONSUMER, "email"),
        (Channel.EMAIL, "", "email"),
        (Channel.EMAIL, PersonRole.PHYSICIAN, "hcp"),  # customer type outranks channel
        (Channel.EMAIL, PersonRole.PHARMACIST, "pharmacist"),  # exact role before hcp group
        (Channel.WEBCHAT, PersonRole.NURSE, "hcp"),
        (Channel.PHONE, PersonRole.PHARMACIST, "phone+pharmacist"),  # both set wins
        (Channel.PHONE, PersonRole.PHYSICIAN, "hcp"),
        (Channel.SMS, PersonRole.PHARMACIST, "sms+hcp"),  # channel + group beats role alone
        (Channel.SMS, PersonRole.CAREGIVER, "any"),
    ],
)
def test_the_most_specific_policy_wins(world, policies, channel, role, expected):
    chosen = policy_for(world.program_a, GENERAL, channel=channel, customer_type=role)
    assert chosen == policies[expected]


def test_another_programs_or_case_types_policies_never_match(world, policies):
    policy(world.program_b, 1, customer_type=PersonRole.PHARMACIST)
    assert policy_for(world.program_b, GENERAL, customer_type="consumer") is None
    assert policy_for(world.program_a, CaseType.ADVERSE_EVENT, customer_type="pharmacist") is None


def test_a_pharmacists_request_is_due_for_first_response_within_five_minutes(world):
    policy(world.program_a, 240, business_hours_only=False)
    policy(world.program_a, 5, customer_type="pharmacist", business_hours_only=False)
    case = create_case(
        world.program_a,
        CaseInput(
            subject="Can I substitute the 200 mg?",
            person=world.pharmacist_a,
            channel=Channel.PHONE,
            opened_at=ny("2026-06-02 10:00"),
        ),
        acting_user=world.agent_a,
    )
    assert case.first_response_due == ny("2026-06-02 10:05")
    clock = CaseSlaClock.objects.get(case=case)
    assert (clock.channel, clock.customer_type) == ("phone", "pharmacist")


def test_an_email_is_due_for_first_response_within_one_business_day(world):
    open_hours = dict(business_hours_only=True, opens_at=time(8), closes_at=time(20))
    policy(world.program_a, 240, **open_hours)
    policy(world.program_a, BUSINESS_DAY, channel=Channel.EMAIL, **open_hours)
    consumer = f.PersonFactory(program=world.program_a, role=PersonRole.CONSUMER)
    case = create_case(
        world.program_a,
        CaseInput(
            subject="Where can I buy it?",
            person=consumer,
            channel=Channel.EMAIL,
            opened_at=ny("2026-06-05 15:00"),  # a Friday afternoon
        ),
        acting_user=world.agent_a,
    )
    assert case.first_response_due == ny("2026-06-08 15:00")  # Monday, same hour


def test_a_message_arriving_by_email_opens_its_case_under_the_email_policy(
    world, django_capture_on_commit_callbacks
):
    policy(world.program_a, 240, business_hours_only=False)
    policy(world.program_a, 1440, channel=Channel.EMAIL, business_hours_only=False)
    body = {
        "channel": "email",
        "provider_message_id": "<m1@example.test>",
        "from_address": "new.person@example.test",
        "subject": "Where can I buy it?",
        "body": "Hello",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = ApiClient(world.agent_a).post(f"/programs/{world.program_a.pk}/inbound", body)
    assert response.status_code == 202, response.content
    row = InboundMessage.objects.system_scope().get(pk=response.json()["id"])
    case = Case.objects.system_scope().get(pk=row.case_id)
    assert case.first_response_due == case.opened_at + timedelta(minutes=1440)


def test_an_unknown_channel_is_refused(world):
    with pytest.raises(InvalidInput) as exc:
        create_case(
            world.program_a,
            CaseInput(subject="Hello", channel="pigeon"),
            acting_user=world.agent_a,
        )
    assert "channel" in exc.value.fields


def test_a_case_an_agent_opens_takes_the_channel_of_its_first_contact(world):
    open_hours = dict(business_hours_only=True, opens_at=time(8), closes_at=time(20))
    policy(world.program_a, 240, **open_hours)
    policy(world.program_a, BUSINESS_DAY, channel=Channel.EMAIL, **open_hours)
    consumer = f.PersonFactory(program=world.program_a, role=PersonRole.CONSUMER)
    case = create_case(
        world.program_a,
        CaseInput(subject="Where can I buy it?", person=consumer, opened_at=ny("2026-06-05 15:00")),
        acting_user=world.agent_a,
    )
    assert case.first_response_due == ny("2026-06-05 19:00")  # any channel: 4 hours
    contact = InteractionInput(channel=Channel.EMAIL, direction="inbound", body="Hello")
    log_interaction(case, contact, acting_user=world.agent_a)
    case.refresh_from_db()
    assert case.first_response_due == ny("2026-06-08 15:00")  # the e-mail policy now
    assert CaseSlaClock.objects.get(case=case).channel == "email"
    log_interaction(
        case,
        InteractionInput(channel=Channel.PHONE, direction="inbound", body="Me again"),
        acting_user=world.agent_a,
    )
    case.refresh_from_db()
    assert case.first_response_due == ny("2026-06-08 15:00")  # only the first contact counts
