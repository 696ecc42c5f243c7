"""The MedWatch 3500A-style PDF and the FHIR R4 AdverseEvent bundle come from the same ICSR
mapping: the PDF parses with its sections and key facts, the bundle validates with
fhir.resources (R4B models, identical to R4 for these resources)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle

from caredesk.safety.exports.fhir import fhir_bundle, fhir_bundle_json
from caredesk.safety.exports.medwatch import medwatch_pdf
from caredesk.safety.models_submission import SubmissionKind
from caredesk.safety.services.icsr_mapping import message_for_safety_case
from caredesk.safety.services.submissions import create_submission
from caredesk.safety.tests.complete_case import complete_safety_case

pytestmark = pytest.mark.django_db


def test_the_medwatch_pdf_has_the_form_sections_and_key_facts(world):
    sc = complete_safety_case(world)
    message = message_for_safety_case(sc)
    pdf = medwatch_pdf(message, sc, compress=False)
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert re.search(rb"/Type /Pages", pdf) and re.search(rb"/Count [1-9]", pdf)
    text = pdf.decode("latin-1")
    for needle in (
        "A. PATIENT INFORMATION",
        "B. ADVERSE EVENT OR PRODUCT PROBLEM",
        "C. PRODUCT AVAILABILITY",
        "D. SUSPECT PRODUCTS",
        "G. INITIAL REPORTER / ALL MANUFACTURERS",
        "Hospitalization",
        "Relievium 200 mg",
        "RLV2401A",
        message.case.safety_report_id,
    ):
        assert needle in text, needle
    assert "E. SUSPECT MEDICAL DEVICE" not in text  # a drug report leaves the device block out


def test_a_medwatch_submission_freezes_the_pdf(world):
    sc = complete_safety_case(world)
    submission = create_submission(sc, kind=SubmissionKind.MEDWATCH, acting_user=world.safety_a)
    assert bytes(submission.content).startswith(b"%PDF-")
    assert submission.content_type == "application/pdf"


def test_the_fhir_bundle_validates_and_links_its_resources(world):
    sc = complete_safety_case(world)
    bundle = fhir_bundle(message_for_safety_case(sc), sc)
    entries: list[Any] = list(bundle.entry or [])
    kinds = [entry.resource.get_resource_type() for entry in entries]
    assert kinds == ["Patient", "Practitioner", "Medication", "AdverseEvent", "Communication"]
    event: Any = entries[3].resource
    assert event.actuality == "actual" and event.seriousness.coding[0].code == "serious"
    assert event.subject.reference == entries[0].fullUrl
    assert event.suspectEntity[0].instance.reference == entries[2].fullUrl
    again = Bundle.model_validate_json(fhir_bundle_json(message_for_safety_case(sc), sc))
    assert again.type == "collection"


def test_a_consumer_reporter_is_a_related_person(world):
    sc = complete_safety_case(world)
    world.pharmacist_a.role = "consumer"
    world.pharmacist_a.save(update_fields=["role"])
    sc.refresh_from_db()
    bundle = fhir_bundle(message_for_safety_case(sc), sc)
    entries: list[Any] = list(bundle.entry or [])
    assert entries[1].resource.get_resource_type() == "RelatedPerson"
