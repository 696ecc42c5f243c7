"""The skills a case needs: the caller's language unless it is the program's default, safety
training for tampering/AE/complaint classes (or any open finding), medical information for HCP
requests and medical-information cases."""

from __future__ import annotations

import pytest

from caredesk.cases.models import CaseType
from caredesk.people.models import PersonRole
from caredesk.routing.models_agents import RoutingSettings
from caredesk.routing.services.priority import (
    Finding,
    RoutingFacts,
    facts_of,
    refresh_case_routing,
    route,
)
from caredesk.testing import factories as f

GI = CaseType.GENERAL_INQUIRY
NEEDS = [
    # (case type, findings, role, language) → (language needed, safety, medical information)
    ("plain", GI, (), "consumer", "en", ("", False, False)),
    ("spanish caller", GI, (), "consumer", "es", ("es", False, False)),
    ("regional variant", GI, (), "consumer", "es-MX", ("es", False, False)),
    ("default variant", GI, (), "consumer", "en-US", ("", False, False)),
    ("tampering", GI, (Finding("tampering"),), "consumer", "en", ("", True, False)),
    ("AE", GI, (Finding("adverse_event"),), "consumer", "fr", ("fr", True, False)),
    ("AE type", CaseType.ADVERSE_EVENT, (), "consumer", "en", ("", True, False)),
    ("complaint type", CaseType.PRODUCT_COMPLAINT, (), "consumer", "en", ("", True, False)),
    ("HCP", GI, (), "pharmacist", "en", ("", False, True)),
    ("consumer MI", CaseType.MEDICAL_INFORMATION, (), "consumer", "en", ("", False, True)),
    ("HCP complaint", GI, (Finding("product_complaint"),), "physician", "en", ("", True, True)),
    ("recall", CaseType.RECALL_INQUIRY, (), "consumer", "en", ("", False, False)),
]


@pytest.mark.parametrize(
    ("case_type", "findings", "role", "language", "expected"),
    [n[1:] for n in NEEDS],
    ids=[n[0] for n in NEEDS],
)
def test_needs_of_the_facts(case_type, findings, role, language, expected):
    facts = RoutingFacts(
        case_type=case_type, findings=findings, person_role=role, person_language=language
    )
    routing = route(facts)
    got = (
        routing.needs_language,
        routing.needs_safety_trained,
        routing.needs_medical_information,
    )
    assert got == expected


@pytest.mark.django_db
def test_the_programs_default_language_needs_no_skill(world):
    RoutingSettings.objects.create(program=world.program_a, default_language="es")
    spanish = f.PersonFactory(program=world.program_a, language="es")
    english = f.PersonFactory(program=world.program_a, language="en")
    case_es = f.CaseFactory(program=world.program_a, person=spanish)
    case_en = f.CaseFactory(program=world.program_a, person=english)

    assert facts_of(case_es).default_language == "es"
    assert refresh_case_routing(case_es).required_skills == []
    assert refresh_case_routing(case_en).required_skills == ["lang:en"]


@pytest.mark.django_db
def test_a_pharmacists_case_needs_medical_information(world):
    routing = refresh_case_routing(world.case_a)  # Ana Pharma, a pharmacist
    assert world.case_a.person.role == PersonRole.PHARMACIST
    assert routing.required_skills == ["medical_information"]
