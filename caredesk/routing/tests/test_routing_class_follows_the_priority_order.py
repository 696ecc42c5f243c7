"""The routing class: tampering > serious AE > AE > recall > HCP request > complaint > general,
from the case's findings that are not dismissed, its type and its person's role."""

from __future__ import annotations

import pytest

from caredesk.cases.models import CaseType
from caredesk.routing.models_agents import RoutingClass
from caredesk.routing.services.priority import Finding, RoutingFacts, classify

AE = Finding("adverse_event")
SERIOUS_AE = Finding("adverse_event", serious=True)
SS = Finding("special_situation")
PC = Finding("product_complaint")
TAMPER = Finding("tampering")
GI = CaseType.GENERAL_INQUIRY

CASES = [
    # (case type, findings, person role) → class
    ("nothing", GI, (), "consumer", RoutingClass.GENERAL),
    ("tampering", GI, (TAMPER,), "consumer", RoutingClass.TAMPERING),
    ("serious AE", GI, (SERIOUS_AE,), "consumer", RoutingClass.SERIOUS_ADVERSE_EVENT),
    ("AE", GI, (AE,), "consumer", RoutingClass.ADVERSE_EVENT),
    ("special situation ranks as AE", GI, (SS,), "patient", RoutingClass.ADVERSE_EVENT),
    ("AE case type", CaseType.ADVERSE_EVENT, (), "consumer", RoutingClass.ADVERSE_EVENT),
    ("recall", CaseType.RECALL_INQUIRY, (), "consumer", RoutingClass.RECALL),
    ("pharmacist", GI, (), "pharmacist", RoutingClass.HCP_REQUEST),
    ("physician", CaseType.MEDICAL_INFORMATION, (), "physician", RoutingClass.HCP_REQUEST),
    ("nurse", GI, (), "nurse", RoutingClass.HCP_REQUEST),
    ("veterinarian", GI, (), "veterinarian", RoutingClass.HCP_REQUEST),
    ("complaint finding", GI, (PC,), "consumer", RoutingClass.COMPLAINT),
    ("complaint type", CaseType.PRODUCT_COMPLAINT, (), "caregiver", RoutingClass.COMPLAINT),
    ("consumer MI", CaseType.MEDICAL_INFORMATION, (), "consumer", RoutingClass.GENERAL),
    ("order", CaseType.ORDER_ACCESS, (), "", RoutingClass.GENERAL),
    # mixed facts: the highest wins
    ("tampering beats serious AE", GI, (SERIOUS_AE, TAMPER), "", RoutingClass.TAMPERING),
    ("serious beats plain AE", GI, (AE, SERIOUS_AE), "", RoutingClass.SERIOUS_ADVERSE_EVENT),
    ("AE beats recall", CaseType.RECALL_INQUIRY, (AE,), "", RoutingClass.ADVERSE_EVENT),
    ("recall beats HCP", CaseType.RECALL_INQUIRY, (), "pharmacist", RoutingClass.RECALL),
    ("HCP beats complaint", GI, (PC,), "pharmacist", RoutingClass.HCP_REQUEST),
    ("AE beats HCP", GI, (AE, PC), "physician", RoutingClass.ADVERSE_EVENT),
    ("complaint beats general", GI, (PC,), "other", RoutingClass.COMPLAINT),
    (
        "serious special situation only",
        GI,
        (Finding("special_situation", True),),
        "",
        RoutingClass.ADVERSE_EVENT,
    ),
]


@pytest.mark.parametrize(
    ("case_type", "findings", "role", "expected"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_class_of_the_facts(case_type, findings, role, expected):
    facts = RoutingFacts(case_type=case_type, findings=findings, person_role=role)
    assert classify(facts) == expected


def test_the_classes_are_served_in_the_stated_order():
    assert sorted(RoutingClass, key=int) == [
        RoutingClass.TAMPERING,
        RoutingClass.SERIOUS_ADVERSE_EVENT,
        RoutingClass.ADVERSE_EVENT,
        RoutingClass.RECALL,
        RoutingClass.HCP_REQUEST,
        RoutingClass.COMPLAINT,
        RoutingClass.GENERAL,
    ]
