"""A FHIR R4 AdverseEvent bundle of a safety case, for exchange with providers and hubs.

Built from the same ICSR mapping as the E2B XML and validated with fhir.resources' R4B models
(R4B leaves AdverseEvent, Patient, Practitioner, RelatedPerson, Medication, Device and
Communication as in R4). A "collection" Bundle: Patient, the reporter (Practitioner for a health
professional, RelatedPerson otherwise), one Medication or Device per suspect product, the
AdverseEvent, and a Communication for the contact that reported it.
"""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime
from typing import Any

from fhir.resources.R4B.bundle import Bundle

from caredesk.safety.e2b.codes import NullFlavor
from caredesk.safety.e2b.model import ICSRMessage
from caredesk.tenancy.models import ProductType

OUTCOMES = {
    "1": "resolved",
    "2": "recovering",
    "3": "ongoing",
    "4": "resolvedWithSequelae",
    "5": "fatal",
    "0": "unknown",
}
OUTCOME_SYSTEM = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome"
SERIOUS_SYSTEM = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness"
MEDDRA = "http://terminology.hl7.org/CodeSystem/mdr"
HCP = {"1", "2", "3"}


def _urn() -> str:
    return f"urn:uuid:{uuid.uuid4()}"


def _date(value: Any) -> str | None:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return None


def _plain(value: Any) -> str | None:
    return None if value is None or isinstance(value, NullFlavor) or value == "" else str(value)


def _patient(m: ICSRMessage) -> dict[str, Any]:
    p = m.patient
    resource: dict[str, Any] = {"resourceType": "Patient"}
    if _plain(p.name):
        resource["name"] = [{"text": str(p.name)}]
    sex = {"1": "male", "2": "female"}.get(str(p.sex))
    resource["gender"] = sex or "unknown"
    born = _date(p.birth_date)
    if born:
        resource["birthDate"] = born[:10]
    return resource


def _reporter(m: ICSRMessage, patient_ref: str) -> dict[str, Any] | None:
    if not m.primary_sources:
        return None
    s = m.primary_sources[0]
    name: dict[str, Any] = {}
    if _plain(s.family_name):
        name["family"] = _plain(s.family_name)
    if _plain(s.given_name):
        name["given"] = [_plain(s.given_name)]
    telecom = [
        {"system": system, "value": _plain(value)}
        for system, value in (("phone", s.telephone), ("email", s.email))
        if _plain(value)
    ]
    base: dict[str, Any] = {"name": [name]} if name else {}
    if telecom:
        base["telecom"] = telecom
    if str(s.qualification) in HCP:
        return {"resourceType": "Practitioner", **base}
    return {"resourceType": "RelatedPerson", "patient": {"reference": patient_ref}, **base}


def _suspect(drug: Any, device: bool) -> dict[str, Any]:
    if device:
        resource: dict[str, Any] = {
            "resourceType": "Device",
            "deviceName": [{"name": drug.product_name, "type": "user-friendly-name"}],
        }
        if drug.lot_numbers:
            resource["lotNumber"] = drug.lot_numbers[0]
        return resource
    resource = {"resourceType": "Medication", "code": {"text": drug.product_name}}
    if drug.lot_numbers:
        resource["batch"] = {"lotNumber": drug.lot_numbers[0]}
    return resource


def _event(m: ICSRMessage, refs: dict[str, Any]) -> dict[str, Any]:
    first = m.reactions[0] if m.reactions else None
    serious = any(r.seriousness.is_serious for r in m.reactions)
    coding = [
        {"system": MEDDRA, "code": r.meddra.code, "display": r.verbatim or r.meddra.code}
        for r in m.reactions
        if r.meddra and r.meddra.code
    ]
    resource: dict[str, Any] = {
        "resourceType": "AdverseEvent",
        "identifier": {
            "system": "urn:oid:2.16.840.1.113883.3.989.2.1.3.1",
            "value": m.case.safety_report_id,
        },
        "actuality": "actual",
        "event": {"coding": coding, "text": "; ".join(r.verbatim or "" for r in m.reactions)},
        "subject": {"reference": refs["patient"]},
        "seriousness": {
            "coding": [{"system": SERIOUS_SYSTEM, "code": "serious" if serious else "non-serious"}]
        },
        "outcome": {
            "coding": [
                {
                    "system": OUTCOME_SYSTEM,
                    "code": OUTCOMES.get(str(first.outcome) if first else "0", "unknown"),
                }
            ]
        },
        "recordedDate": _date(m.case.created),
        "detected": _date(m.case.first_received),
        "suspectEntity": [{"instance": {"reference": ref}} for ref in refs["suspects"]],
    }
    if first is not None and _date(first.start):
        resource["date"] = _date(first.start)
    if refs.get("reporter"):
        resource["recorder"] = {"reference": refs["reporter"]}
    return {k: v for k, v in resource.items() if v not in (None, [], {})}


def _communication(m: ICSRMessage, refs: dict[str, Any]) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "Communication",
        "status": "completed",
        "subject": {"reference": refs["patient"]},
        "about": [{"reference": refs["event"]}],
        "received": _date(m.case.first_received),
        "payload": [{"contentString": m.narrative.case_narrative}],
    }
    if refs.get("reporter"):
        resource["sender"] = {"reference": refs["reporter"]}
    return {k: v for k, v in resource.items() if v is not None}


def fhir_bundle(message: ICSRMessage, safety_case: Any = None) -> Bundle:
    """The validated R4 bundle (raises pydantic's ValidationError if a resource is invalid)."""
    product = getattr(safety_case, "product", None)
    device = product is not None and product.product_type == ProductType.DEVICE
    refs: dict[str, Any] = {"patient": _urn(), "event": _urn(), "suspects": []}
    entries = [(refs["patient"], _patient(message))]
    reporter = _reporter(message, refs["patient"])
    if reporter is not None:
        refs["reporter"] = _urn()
        entries.append((refs["reporter"], reporter))
    for drug in (d for d in message.drugs if str(d.role) in ("1", "3")):
        ref = _urn()
        refs["suspects"].append(ref)
        entries.append((ref, _suspect(drug, device)))
    entries.append((refs["event"], _event(message, refs)))
    entries.append((_urn(), _communication(message, refs)))
    return Bundle.model_validate(
        {
            "resourceType": "Bundle",
            "type": "collection",
            "timestamp": _date(message.case.created),
            "entry": [{"fullUrl": url, "resource": res} for url, res in entries],
        }
    )


def fhir_bundle_json(message: ICSRMessage, safety_case: Any = None) -> str:
    """The bundle as FHIR JSON text."""
    return json.dumps(json.loads(fhir_bundle(message, safety_case).model_dump_json()), indent=2)
