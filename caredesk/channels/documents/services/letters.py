"""Letters and faxes from a case: a PDF generated from the agent's text, recorded on the case.

The PDF is the outbound interaction's attachment, so the case shows exactly what went out. A
fax is handed to the fax provider at once (the local default drops it in the outbox folder); a
letter waits to be printed and posted, and a person marks it posted. The consent ledger is
asked first, as for every outbound channel: a recorded opt-out stops it before anything is
written.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.utils import timezone
from fpdf import FPDF

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_created, record_event
from caredesk.cases.models import Case, Direction
from caredesk.cases.services.interactions import (
    AttachmentInput,
    InteractionInput,
    log_interaction,
)
from caredesk.channels.documents.models import LetterChannel, LetterStatus, OutboundDocument
from caredesk.channels.documents.services.providers import fax_provider
from caredesk.errors import Conflict, InvalidInput
from caredesk.outreach.models import ConsentPurpose
from caredesk.outreach.services import may_send, normalize_address
from caredesk.pdf import core_font_text
from caredesk.tenancy.services import check_can_write

logger = logging.getLogger(__name__)
MAX_BODY = 20_000
FIELDS = ["case", "interaction", "channel", "recipient", "status", "provider_id"]


def letter_pdf(case: Case, recipient: str, body: str, *, signed_by: str) -> bytes:
    """The letter as a one-or-more page A4 PDF: letterhead, date, recipient, text, signature."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 8, core_font_text(case.program.name), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 6, f"{timezone.localdate():%B %d, %Y}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.multi_cell(0, 5, core_font_text(recipient))
    pdf.ln(6)
    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(0, 6, f"Your reference: {case.reference}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, core_font_text(body))
    pdf.ln(8)
    pdf.multi_cell(0, 6, core_font_text(f"{signed_by}\n{case.program.name}"))
    return bytes(pdf.output())


def _checked(channel: str, recipient: str, body: str, case: Case) -> tuple[str, str]:
    errors: dict[str, str] = {}
    if channel not in LetterChannel.values:
        errors["channel"] = "fax or mail"
    text = body.strip()
    if not text or len(text) > MAX_BODY:
        errors["body"] = f"1 to {MAX_BODY} characters"
    to = recipient.strip()
    if not to:
        errors["recipient"] = "a fax number, or the postal address lines"
    elif channel == LetterChannel.FAX:
        try:
            to = normalize_address(case.program, "fax", to)
        except InvalidInput as exc:
            errors["recipient"] = str(exc.fields.get("value", exc.message))
    if errors:
        raise InvalidInput("Invalid letter", errors)
    return to, text


def send_letter(
    case: Case, *, channel: str, recipient: str, body: str, acting_user: Any
) -> OutboundDocument:
    """Write the letter or fax on the case (PDF attached); a fax goes to the provider now."""
    check_can_write(acting_user, case.program_id)
    to, text = _checked(channel, recipient, body, case)
    address = to if channel == LetterChannel.FAX else to.splitlines()[0]
    state = may_send(case.program_id, channel, address, ConsentPurpose.CASE_REPLY)
    if not state.allowed:
        raise Conflict("Consent does not allow this letter", {"consent": state.reason})
    signer = acting_user.get_full_name() or acting_user.get_username()
    pdf = letter_pdf(case, to, text, signed_by=signer)
    name = f"{'fax' if channel == LetterChannel.FAX else 'letter'}-{case.reference}.pdf"
    with transaction.atomic():
        interaction = log_interaction(
            case,
            InteractionInput(
                channel=channel,
                direction=Direction.OUTBOUND,
                body=text,
                attachments=[AttachmentInput(name, pdf, "application/pdf")],
            ),
            acting_user=acting_user,
        )
        document = OutboundDocument.objects.create(
            program_id=case.program_id,
            case=case,
            interaction=interaction,
            channel=channel,
            recipient=to,
            status=LetterStatus.TO_POST,
            created_by=acting_user,
        )
        if channel == LetterChannel.FAX:
            _fax(document, pdf)
        record_created(document, acting_user=acting_user, fields=FIELDS)
    return document


def _fax(document: OutboundDocument, pdf: bytes) -> None:
    try:
        document.provider_id = fax_provider().send(
            document.recipient, pdf, reference=document.case.reference
        )
        document.status = LetterStatus.SENT
    except OSError as exc:
        logger.warning("fax %s not handed over: %s", document.pk, exc)
        document.status, document.last_error = LetterStatus.FAILED, str(exc)[:2000]
    document.save(update_fields=["provider_id", "status", "last_error"])


def mark_posted(document: OutboundDocument, *, acting_user: Any) -> OutboundDocument:
    """A person posted the printed letter."""
    check_can_write(acting_user, document.program_id)
    if document.status != LetterStatus.TO_POST:
        raise Conflict("Only a letter waiting to be posted can be marked posted")
    with transaction.atomic():
        document.status, document.posted_at = LetterStatus.POSTED, timezone.now()
        document.save(update_fields=["status", "posted_at"])
        record_event(
            AuditAction.UPDATE,
            acting_user=acting_user,
            instance=document,
            changes={"status": [LetterStatus.TO_POST, LetterStatus.POSTED]},
        )
    return document
