"""The Signals pages, API and exports: a reviewer of program A sees A's signals (filtered by
status and source), its chart data, cases and scores; program B's signal is 404 to A; an
agent cannot open the Signals page's signal; the Article 88 PDF and every CSV come out and
are audited; the API closes a signal only with the signer's password."""

from __future__ import annotations

import pytest

from caredesk.audit.models import AuditAction, AuditEvent
from caredesk.insights.models import CandidateSignal, SignalStatus
from caredesk.insights.services.candidates import flag_case
from caredesk.testing import factories as f
from caredesk.testing.api import ApiClient
from caredesk.testing.mfa import login_with_mfa

pytestmark = pytest.mark.django_db


def _signals(world):
    a = flag_case(world.case_a, acting_user=world.agent_a, note="again", event="dizziness")
    b = flag_case(world.case_b, acting_user=world.agent_b, note="again", event="sensor error")
    return a, b


def test_a_reviewer_sees_own_programs_signals_and_b_is_not_found(world, client):
    a, b = _signals(world)
    login_with_mfa(client, world.safety_a)
    page = client.get("/insights/signals/")
    assert page.status_code == 200
    assert f"/insights/signals/{a.pk}/" in page.content.decode()
    assert f"/insights/signals/{b.pk}/" not in page.content.decode()
    filtered = client.get("/insights/signals/?status=validated", HTTP_HX_REQUEST="true")
    assert f"/insights/signals/{a.pk}/" not in filtered.content.decode()
    detail = client.get(f"/insights/signals/{a.pk}/")
    assert detail.status_code == 200
    body = detail.content.decode()
    assert 'id="signal-counts"' in body and "chart.umd.min.js" in body
    assert world.case_a.reference in body
    for url in ("", "counts.csv", "article88.pdf"):
        assert client.get(f"/insights/signals/{b.pk}/{url}").status_code == 404


def test_an_agent_may_not_open_a_signal_but_an_auditor_reads_it(world, client):
    a, _b = _signals(world)
    client.force_login(world.agent_a)
    assert client.get(f"/insights/signals/{a.pk}/").status_code == 403
    client.force_login(world.auditor_a)
    page = client.get(f"/insights/signals/{a.pk}/")
    assert page.status_code == 200 and 'id="start-review"' not in page.content.decode()
    assert client.post(f"/insights/signals/{a.pk}/review/").status_code == 403


def test_pdf_and_csv_exports_are_audited(world, client):
    a, _b = _signals(world)
    login_with_mfa(client, world.safety_a)
    pdf = client.get(f"/insights/signals/{a.pk}/article88.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    counts = client.get(f"/insights/signals/{a.pk}/counts.csv").content.decode()
    assert counts.splitlines()[0] == "week_start,lot,reporters,alert"
    assert f",{world.lot_a.number},1," in counts
    listing = client.get("/insights/signals/export.csv").content.decode().splitlines()
    assert listing[0].startswith("id,program,source,status,product,lot,event")
    assert len(listing) == 2 and "dizziness" in listing[1]
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT).count() == 3


def test_the_api_lists_flags_reviews_and_closes_with_a_signature(world):
    agent = ApiClient(world.agent_a)
    flagged = agent.post(
        f"/cases/{world.case_a.pk}/signal-flags", {"note": "again", "event": "rash"}
    )
    assert flagged.status_code == 201, flagged.content
    signal_id = flagged.json()["id"]
    assert (
        agent.post(
            f"/cases/{world.case_b.pk}/signal-flags", {"note": "x", "event": "y"}
        ).status_code
        == 404
    )
    assert agent.get("/signals").json()["count"] == 0
    safety = ApiClient(world.safety_a)
    assert safety.get("/signals").json()["count"] == 1
    detail = safety.get(f"/signals/{signal_id}").json()
    assert detail["cases"][0]["reference"] == world.case_a.reference
    assert detail["counts"]["series"]
    assert safety.post(f"/signals/{signal_id}/review", {}).status_code == 200
    close = {"outcome": "refuted", "reason": "known, labelled", "password": "wrong"}
    assert safety.post(f"/signals/{signal_id}/close", close).status_code == 403
    close["password"] = f.PASSWORD
    done = safety.post(f"/signals/{signal_id}/close", close)
    assert done.status_code == 200 and done.json()["status"] == SignalStatus.REFUTED
    assert CandidateSignal.objects.get().signature_id is not None


def test_the_case_page_loads_the_flag_form_and_a_flag_links_the_case(world, client):
    client.force_login(world.agent_a)
    page = client.get(f"/cases/{world.case_a.pk}/").content.decode()
    assert f"/insights/cases/{world.case_a.pk}/flag/" in page
    form = client.get(f"/insights/cases/{world.case_a.pk}/flag/")
    assert form.status_code == 200 and "I keep hearing this" in form.content.decode()
    empty = client.post(f"/insights/cases/{world.case_a.pk}/flag/", {"note": "", "event": ""})
    assert empty.status_code == 422
    done = client.post(
        f"/insights/cases/{world.case_a.pk}/flag/",
        {"note": "fourth caller", "event": "headache"},
        HTTP_HX_REQUEST="true",
    )
    assert done.status_code == 200 and 'id="signal-flagged"' in done.content.decode()
    signal = CandidateSignal.objects.get()
    assert list(signal.links.values_list("case_id", "note")) == [(world.case_a.pk, "fourth caller")]
    assert client.get(f"/insights/cases/{world.case_b.pk}/flag/").status_code == 404
