"""The gateway poll (the periodic task): FDA's example ICSRs dropped in a program's inbox become
safety cases of that program; ACK files update the submissions they name; a bad file is kept
with its error and audited; the same file delivered again changes nothing. Signed submissions
go out through the outbox."""

from __future__ import annotations

import shutil

import pytest

from caredesk.audit.models import AuditEvent
from caredesk.errors import Conflict
from caredesk.safety.e2b.schema_files import EXAMPLES_DIR
from caredesk.safety.gateway import LocalFileDropGateway
from caredesk.safety.models import E2BImport, SafetyCase
from caredesk.safety.models_submission import SubmissionStatus
from caredesk.safety.services.submission_desk import send_through_gateway
from caredesk.safety.services.submissions import create_submission, mark_sent, sign_submission
from caredesk.safety.tasks import poll_gateway_now
from caredesk.safety.tests.complete_case import complete_safety_case
from caredesk.safety.tests.test_submission_signing_sending_and_acks import ack_for
from caredesk.testing.factories import PASSWORD

INSTANCES = EXAMPLES_DIR
EXAMPLES = sorted(INSTANCES.glob("FAERS2022Scenario*.xml"))

pytestmark = [
    pytest.mark.django_db,
]


@pytest.fixture
def root(settings, tmp_path):
    settings.GATEWAY, settings.GATEWAY_DIR = "local", tmp_path
    return tmp_path


def inbox(root, program, name, content: bytes):
    folder = root / "inbox" / program.code
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(content)


def signed(world):
    submission = create_submission(complete_safety_case(world), acting_user=world.safety_a)
    return sign_submission(submission, acting_user=world.safety_a, password=PASSWORD)


def test_partner_icsrs_in_the_inbox_become_safety_cases_of_that_program(world, root):
    for path in EXAMPLES[:3]:
        shutil.copy(path, root / "x")  # the partner writes elsewhere, then moves it in
        inbox(root, world.program_a, path.name, (root / "x").read_bytes())
    assert poll_gateway_now() == 3
    imports = list(E2BImport.objects.system_scope().order_by("pk"))
    assert len(imports) == 3 and {i.program_id for i in imports} == {world.program_a.pk}
    assert imports[0].filename == f"gateway/{world.program_a.code}/{EXAMPLES[0].name}"
    assert SafetyCase.objects.system_scope().filter(program=world.program_a).count() == 3
    processed = sorted(p.name for p in (root / "processed" / world.program_a.code).iterdir())
    assert len(processed) == 3 and not list((root / "inbox" / world.program_a.code).iterdir())
    channel = AuditEvent.objects.filter(model="safety.e2bimport", changes__channel__1="gateway")
    assert channel.count() == 3


def test_the_same_file_delivered_again_creates_nothing(world, root):
    inbox(root, world.program_a, "one.xml", EXAMPLES[0].read_bytes())
    poll_gateway_now()
    inbox(root, world.program_a, "one-resent.xml", EXAMPLES[0].read_bytes())
    assert poll_gateway_now() == 1
    assert SafetyCase.objects.system_scope().count() == 1
    assert len(list((root / "processed" / world.program_a.code).iterdir())) == 2


def test_a_bad_file_is_kept_with_its_error_and_audited(world, root):
    inbox(root, world.program_a, "broken.xml", b"<MCCI_IN200100UV01><unclosed>")
    inbox(root, world.program_a, "letter.xml", b"<letter>hello</letter>")
    inbox(root, world.program_b, "truncated.xml", EXAMPLES[0].read_bytes()[:2000])
    assert poll_gateway_now() == 3
    assert SafetyCase.objects.system_scope().count() == 0
    failures = LocalFileDropGateway(root).failures(world.program_a.code)
    errors = {f.filename: f.error for f in failures}
    assert "well-formed" in errors["broken.xml"] and "neither" in errors["letter.xml"]
    assert LocalFileDropGateway(root).failures(world.program_b.code)
    kept = list((root / "failed" / world.program_a.code).glob("*-broken.xml"))
    assert kept and kept[0].read_bytes() == b"<MCCI_IN200100UV01><unclosed>"
    failed = AuditEvent.objects.filter(model="safety.gatewayfile", changes__status__1="failed")
    assert failed.count() == 3 and all(e.reason for e in failed)


def test_a_file_outside_any_known_program_is_failed_not_lost(world, root):
    folder = root / "inbox" / "no-such-program"
    folder.mkdir(parents=True)
    (folder / "r.xml").write_bytes(EXAMPLES[0].read_bytes())
    poll_gateway_now()
    [failure] = LocalFileDropGateway(root).failures("no-such-program")
    assert "no program" in failure.error
    assert SafetyCase.objects.system_scope().count() == 0


def test_an_ack_in_the_inbox_updates_the_submission_and_a_repeat_changes_nothing(world, root):
    submission = mark_sent(signed(world), acting_user=world.safety_a)
    ack = ack_for(submission, "R3ack-positive.ack")
    inbox(root, world.program_a, "ack.xml", ack)
    poll_gateway_now()
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.ACKNOWLEDGED and submission.ack_code == "CA"
    events = AuditEvent.objects.filter(model="safety.submission").count()
    inbox(root, world.program_a, "ack-copy-with-new-name.xml", ack + b"\n")
    poll_gateway_now()
    assert AuditEvent.objects.filter(model="safety.submission").count() == events
    assert not LocalFileDropGateway(root).failures(world.program_a.code)


def test_an_ack_in_another_programs_inbox_does_not_touch_the_submission(world, root):
    submission = mark_sent(signed(world), acting_user=world.safety_a)
    inbox(root, world.program_b, "ack.xml", ack_for(submission, "R3ack-negative.ack"))
    poll_gateway_now()
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SENT
    [failure] = LocalFileDropGateway(root).failures(world.program_b.code)
    assert "No submission of this program" in failure.error


def test_an_ack_for_a_submission_not_yet_sent_is_failed(world, root):
    submission = signed(world)
    inbox(root, world.program_a, "early.xml", ack_for(submission, "R3ack-positive.ack"))
    poll_gateway_now()
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SIGNED
    [failure] = LocalFileDropGateway(root).failures(world.program_a.code)
    assert "only a sent submission" in failure.error


def test_a_signed_submission_goes_out_through_the_outbox(world, root):
    submission = signed(world)
    gateway = LocalFileDropGateway(root)
    send_through_gateway(submission, acting_user=world.safety_a, gateway=gateway)
    assert submission.status == SubmissionStatus.SENT
    out = root / "outbox" / world.program_a.code / f"{submission.message_number}.xml"
    assert out.read_bytes() == bytes(submission.content)
    via = AuditEvent.objects.get(model="safety.submission", changes__sent_via__1="local")
    assert via.changes["gateway_reference"][1].endswith(out.name)
    with pytest.raises(Conflict):
        send_through_gateway(submission, acting_user=world.safety_a, gateway=gateway)
