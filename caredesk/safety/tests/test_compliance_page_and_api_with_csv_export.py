"""The compliance report through its page, its CSV export and its API routes (JSON and CSV),
scoped to the caller's programs; plus the API of the calendar, late reasons, the fulfilling
submission and the safety lead."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client

from caredesk.safety.models_submission import SubmissionStatus as S
from caredesk.safety.tests.oversight_data import ny, report, safety_case, submission
from caredesk.testing.api import ApiClient
from caredesk.testing.mfa import login_with_mfa

pytestmark = pytest.mark.django_db
RECEIVED = ny("2026-03-02 09:00")


@pytest.fixture
def data(world):
    """Program A, March 2026: one on time, one rejected and resubmitted late, one never sent;
    program B: one late report that A's users must never see."""
    on_time = safety_case(world.program_a, RECEIVED, forwarded_at=RECEIVED)
    report(on_time, "us_otc_serious", "2026-03-16")
    submission(on_time, ny("2026-03-15 10:00"), status=S.ACKNOWLEDGED)
    rejected = safety_case(world.program_a, RECEIVED, forwarded_at=RECEIVED)
    late = report(rejected, "us_otc_serious", "2026-03-16")
    first = submission(rejected, ny("2026-03-14 10:00"), status=S.REJECTED)
    submission(rejected, ny("2026-03-19 10:00"), resubmission_of=first)
    never = safety_case(world.program_a, RECEIVED)
    report(never, "us_otc_serious", "2026-03-17")
    other = safety_case(world.program_b, RECEIVED, forwarded_at=RECEIVED)
    report(other, "us_device_30_day", "2026-03-10")
    return {"late": late, "never": never, "first": first, "rejected": rejected}


def test_the_api_gives_rows_and_late_reports_with_causes(world, data):
    api = ApiClient(world.safety_a)
    answer = api.get("/api/v1/safety/compliance", months="2026-03")
    assert answer.status_code == 200, answer.content
    (row,) = answer.json()["items"]
    assert (row["jurisdiction"], row["report_kind"], row["month"]) == (
        "US",
        "us_otc_serious",
        "2026-03",
    )
    assert (row["due"], row["on_time"], row["late"], row["overdue"]) == (3, 1, 1, 1)
    assert row["on_time_share"] == pytest.approx(1 / 3)
    causes = {lr["case_reference"]: lr["causes"] for lr in row["late_reports"]}
    assert causes == {
        data["rejected"].case.reference: ["rejected_resubmitted_late"],
        data["never"].case.reference: ["hand_off_late", "not_submitted"],
    }
    assert api.get("/api/v1/safety/compliance", months="March").status_code == 422
    other = api.get("/api/v1/safety/compliance", program=world.program_b.pk)
    assert other.status_code == 404


def test_the_api_csv_and_the_page_export(world, data):
    api = ApiClient(world.safety_a)
    body = api.get("/api/v1/safety/compliance.csv", months="2026-03", part="late").content
    lines = list(csv.DictReader(io.StringIO(body.decode())))
    assert [line["cause"] for line in lines] == ["rejected_resubmitted_late", "hand_off_late"]
    assert "GlucoTrack" not in body.decode() and "us_device_30_day" not in body.decode()
    client = Client()
    login_with_mfa(client, world.safety_a)
    page = client.get("/safety/compliance/?from=2026-03&to=2026-03")
    text = page.content.decode()
    assert page.status_code == 200 and "us_otc_serious" in text and "33%" in text
    assert "Rejected by the receiver, resubmitted late" in text
    assert "us_device_30_day" not in text
    export = client.get("/safety/compliance/export.csv?from=2026-03&to=2026-03&part=summary")
    assert export["Content-Type"].startswith("text/csv")
    assert export.content.decode().splitlines()[1].startswith("2026-03,US,us_otc_serious,3,1,1,1,0")
    assert client.get("/safety/compliance/?from=2026-13").status_code == 422
    assert client.get(f"/safety/compliance/?program={world.program_b.pk}").status_code == 404


def test_the_calendar_api_and_writes_on_a_report(world, data):
    api = ApiClient(world.safety_a)
    due = api.get("/api/v1/safety/due-reports", month="2026-03").json()["items"]
    assert [d["kind"] for d in due] and all(d["program_id"] == world.program_a.pk for d in due)
    url = f"/api/v1/safety/reports/{data['late'].pk}"
    answer = api.post(f"{url}/late-reason", {"reason": "Receiver outage"})
    assert answer.status_code == 200 and answer.json()["late_reason"] == "Receiver outage"
    linked = api.post(f"{url}/submission", {"submission_id": data["first"].pk})
    assert linked.json()["submission_id"] == data["first"].pk
    assert ApiClient(world.agent_a).post(f"{url}/late-reason", {"reason": "x"}).status_code == 403
    assert ApiClient(world.agent_b).post(f"{url}/late-reason", {"reason": "x"}).status_code == 404


def test_a_program_admin_names_the_safety_lead_through_the_api(world):
    url = f"/api/v1/safety/programs/{world.program_a.pk}/oversight"
    admin = ApiClient(world.admin_a)
    assert admin.get(url).json() == {
        "program_id": world.program_a.pk,
        "safety_lead_id": None,
        "urgent_forward_hours": 24,
    }
    answer = admin.request(
        "PUT", url, {"safety_lead_id": world.safety_a.pk, "urgent_forward_hours": 12}
    )
    assert answer.status_code == 200 and answer.json()["safety_lead_id"] == world.safety_a.pk
    refused = ApiClient(world.safety_a).request("PUT", url, {"safety_lead_id": None})
    assert refused.status_code == 403
    wrong = admin.request("PUT", url, {"safety_lead_id": world.agent_a.pk})
    assert wrong.status_code == 422
