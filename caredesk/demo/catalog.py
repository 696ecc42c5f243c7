"""The demo's fixed cast: two clients, four programs, their products, lots, queues and users.

Everything here is fictional (brands, NDC labeler codes, GS1 company prefixes). The four
programs cover the four kinds of product CareDesk serves in the US: an OTC analgesic, a dietary
supplement, a glucose meter (device) and an Rx product answered by pharmacists.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from caredesk.cases.models import CaseType
from caredesk.people.models import PersonRole
from caredesk.tenancy.models import ProductType, Role

DEMO_PASSWORD = "CareDesk-demo-2026"  # noqa: S105 - documented in docs/demo-users.md


@dataclass(frozen=True)
class ProductSpec:
    name: str
    product_type: str
    strength: str
    ingredients: str
    ndc: str = ""
    gtin: str = ""
    udi_di: str = ""
    sku: str = ""
    lot_prefix: str = ""
    serialised: bool = False


@dataclass(frozen=True)
class ProgramSpec:
    code: str
    name: str
    client: str
    time_zone: str
    short: str  # used in usernames: agent.<short>
    share: int  # relative share of persons and cases
    roles: dict[str, int]  # person role -> weight
    case_types: dict[str, int]  # case type -> weight
    products: tuple[ProductSpec, ...] = field(default_factory=tuple)
    closures: tuple[tuple[str, str], ...] = ()


def gtin14(body13: str) -> str:
    """A GTIN-14 with its GS1 check digit (the same algorithm serves UDI-DIs issued by GS1)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body13)))
    return body13 + str((10 - total % 10) % 10)


CLIENTS = ("Halcyon Consumer Health (demo)", "Meridian Life Sciences (demo)")

PROGRAMS: tuple[ProgramSpec, ...] = (
    ProgramSpec(
        code="relievium-us",
        name="Relievium Pain Relief (US)",
        client=CLIENTS[0],
        time_zone="America/New_York",
        short="relief",
        share=40,
        roles={
            "consumer": 70,
            "caregiver": 12,
            "patient": 5,
            "pharmacist": 6,
            "physician": 2,
            "nurse": 3,
            "other": 2,
        },
        case_types={
            "general_inquiry": 42,
            "adverse_event": 12,
            "product_complaint": 12,
            "medical_information": 6,
            "recall_inquiry": 5,
            "order_access": 23,
        },
        products=(
            ProductSpec(
                "Relievium Ibuprofen Tablets",
                ProductType.OTC_DRUG,
                "200 mg",
                "ibuprofen",
                ndc="70512-201-24",
                gtin=gtin14("0037051220124"),
                sku="RLV-TAB-24",
                lot_prefix="RLT",
            ),
            ProductSpec(
                "Relievium Liquid Gels",
                ProductType.OTC_DRUG,
                "200 mg",
                "ibuprofen (solubilized)",
                ndc="70512-205-40",
                gtin=gtin14("0037051220540"),
                sku="RLV-LG-40",
                lot_prefix="RLG",
            ),
            ProductSpec(
                "Relievium Children's Suspension",
                ProductType.OTC_DRUG,
                "100 mg/5 mL",
                "ibuprofen",
                ndc="70512-310-04",
                gtin=gtin14("0037051231004"),
                sku="RLV-KID-4OZ",
                lot_prefix="RLC",
            ),
        ),
        closures=(("12-24", "Christmas Eve: reduced staffing, center closed"),),
    ),
    ProgramSpec(
        code="vitabright-us",
        name="VitaBright Supplements (US)",
        client=CLIENTS[0],
        time_zone="America/Chicago",
        short="vita",
        share=20,
        roles={
            "consumer": 78,
            "caregiver": 8,
            "patient": 2,
            "pharmacist": 4,
            "physician": 1,
            "nurse": 3,
            "veterinarian": 1,
            "other": 3,
        },
        case_types={
            "general_inquiry": 45,
            "adverse_event": 8,
            "product_complaint": 12,
            "medical_information": 3,
            "recall_inquiry": 2,
            "order_access": 30,
        },
        products=(
            ProductSpec(
                "VitaBright Vitamin D3",
                ProductType.SUPPLEMENT,
                "2000 IU softgels",
                "cholecalciferol",
                gtin=gtin14("0085123400101"),
                sku="VB-D3-120",
                lot_prefix="VBD",
            ),
            ProductSpec(
                "VitaBright Iron + C",
                ProductType.SUPPLEMENT,
                "65 mg / 125 mg tablets",
                "ferrous sulfate; ascorbic acid",
                gtin=gtin14("0085123400202"),
                sku="VB-FEC-60",
                lot_prefix="VBI",
            ),
            ProductSpec(
                "VitaBright Melatonin Gummies",
                ProductType.SUPPLEMENT,
                "5 mg",
                "melatonin",
                gtin=gtin14("0085123400303"),
                sku="VB-MEL-90",
                lot_prefix="VBM",
            ),
        ),
    ),
    ProgramSpec(
        code="glucotrack-us",
        name="GlucoTrack Diabetes Care (US)",
        client=CLIENTS[1],
        time_zone="America/Los_Angeles",
        short="gluco",
        share=25,
        roles={
            "patient": 60,
            "caregiver": 18,
            "consumer": 4,
            "nurse": 8,
            "physician": 4,
            "pharmacist": 5,
            "other": 1,
        },
        case_types={
            "general_inquiry": 38,
            "adverse_event": 6,
            "product_complaint": 22,
            "medical_information": 4,
            "recall_inquiry": 4,
            "order_access": 26,
        },
        products=(
            ProductSpec(
                "GlucoTrack One Meter",
                ProductType.DEVICE,
                "blood glucose meter",
                "",
                gtin=gtin14("0081234501001"),
                udi_di=gtin14("0081234501001"),
                sku="GT-ONE",
                lot_prefix="GTM",
                serialised=True,
            ),
            ProductSpec(
                "GlucoTrack Test Strips",
                ProductType.DEVICE,
                "50 strips",
                "glucose oxidase strips",
                gtin=gtin14("0081234502050"),
                udi_di=gtin14("0081234502050"),
                sku="GT-STR-50",
                lot_prefix="GTS",
            ),
            ProductSpec(
                "GlucoTrack Lancets",
                ProductType.DEVICE,
                "30G, 100 count",
                "",
                gtin=gtin14("0081234503100"),
                udi_di=gtin14("0081234503100"),
                sku="GT-LAN-100",
                lot_prefix="GTL",
            ),
        ),
    ),
    ProgramSpec(
        code="cardivor-rx-us",
        name="Cardivor Pharmacist Line (US)",
        client=CLIENTS[1],
        time_zone="America/New_York",
        short="cardio",
        share=15,
        roles={
            "pharmacist": 45,
            "patient": 25,
            "physician": 14,
            "nurse": 8,
            "caregiver": 6,
            "other": 2,
        },
        case_types={
            "general_inquiry": 20,
            "adverse_event": 14,
            "product_complaint": 6,
            "medical_information": 35,
            "recall_inquiry": 3,
            "order_access": 22,
        },
        products=(
            ProductSpec(
                "Cardivor",
                ProductType.RX_DRUG,
                "10 mg tablets",
                "cardivastatin calcium",
                ndc="71877-110-30",
                sku="CDV-10-30",
                lot_prefix="CV1",
            ),
            ProductSpec(
                "Cardivor 20",
                ProductType.RX_DRUG,
                "20 mg tablets",
                "cardivastatin calcium",
                ndc="71877-120-30",
                sku="CDV-20-30",
                lot_prefix="CV2",
            ),
        ),
        closures=(("11-28", "Company day of service"),),
    ),
)

# Queues per program: (code, name, case types, skills, is_default)
QUEUES: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...], bool], ...] = (
    ("general", "General care", (CaseType.GENERAL_INQUIRY, CaseType.ORDER_ACCESS), (), True),
    ("safety", "Safety intake", (CaseType.ADVERSE_EVENT,), ("safety",), False),
    ("quality", "Product quality", (CaseType.PRODUCT_COMPLAINT,), ("quality",), False),
    ("medinfo", "Medical information", (CaseType.MEDICAL_INFORMATION,), ("hcp",), False),
    ("recall", "Recall line", (CaseType.RECALL_INQUIRY,), (), False),
    ("spanish", "Atención en español", (), ("es",), False),
)

# SLA per case type: (first response minutes, resolution minutes, business hours only)
SLAS: dict[str, tuple[int, int, bool]] = {
    CaseType.ADVERSE_EVENT: (60, 24 * 60, False),
    CaseType.PRODUCT_COMPLAINT: (4 * 60, 5 * 24 * 60, True),
    CaseType.MEDICAL_INFORMATION: (4 * 60, 2 * 24 * 60, True),
    CaseType.RECALL_INQUIRY: (2 * 60, 24 * 60, False),
    CaseType.GENERAL_INQUIRY: (8 * 60, 3 * 24 * 60, True),
    CaseType.ORDER_ACCESS: (8 * 60, 3 * 24 * 60, True),
}


@dataclass(frozen=True)
class UserSpec:
    username: str
    display_name: str
    role: str
    programs: tuple[str, ...]
    languages: str = "en"


_HALCYON = ("relievium-us", "vitabright-us")
_MERIDIAN = ("glucotrack-us", "cardivor-rx-us")
_ALL = _HALCYON + _MERIDIAN

USERS: tuple[UserSpec, ...] = (
    UserSpec("agent.relief", "Riley Chen", Role.CARE_SPECIALIST, ("relievium-us",)),
    UserSpec("agent.relief.2", "Jordan Price", Role.CARE_SPECIALIST, ("relievium-us",)),
    UserSpec("agent.relief.es", "Lucía Morales", Role.CARE_SPECIALIST, ("relievium-us",), "en,es"),
    UserSpec("agent.vita", "Morgan Lee", Role.CARE_SPECIALIST, ("vitabright-us",)),
    UserSpec("agent.vita.es", "Diego Ramírez", Role.CARE_SPECIALIST, ("vitabright-us",), "en,es"),
    UserSpec("agent.gluco", "Sam Okafor", Role.CARE_SPECIALIST, ("glucotrack-us",)),
    UserSpec("agent.gluco.2", "Taylor Brooks", Role.CARE_SPECIALIST, ("glucotrack-us",)),
    UserSpec("agent.gluco.es", "Ana Sofía Ruiz", Role.CARE_SPECIALIST, ("glucotrack-us",), "en,es"),
    UserSpec("agent.cardio", "Casey Patel", Role.CARE_SPECIALIST, ("cardivor-rx-us",)),
    UserSpec("agent.cardio.es", "Mateo Vargas", Role.CARE_SPECIALIST, ("cardivor-rx-us",), "en,es"),
    UserSpec("supervisor.halcyon", "Dana Whitfield", Role.SUPERVISOR, _HALCYON),
    UserSpec("supervisor.meridian", "Chris Romero", Role.SUPERVISOR, _MERIDIAN),
    UserSpec("safety.halcyon", "Dr. Priya Raman", Role.SAFETY_SPECIALIST, _HALCYON),
    UserSpec("safety.meridian", "Dr. Owen Hart", Role.SAFETY_SPECIALIST, _MERIDIAN),
    UserSpec("quality.halcyon", "Grace Kim", Role.QUALITY_SPECIALIST, _HALCYON),
    UserSpec("quality.meridian", "Victor Nguyen", Role.QUALITY_SPECIALIST, _MERIDIAN),
    UserSpec("medinfo.halcyon", "Dr. Hannah Levy, PharmD", Role.MEDICAL_INFORMATION, _HALCYON),
    UserSpec("medinfo.meridian", "Dr. Ravi Shah, PharmD", Role.MEDICAL_INFORMATION, _MERIDIAN),
    UserSpec("recall.halcyon", "Elena Fischer", Role.RECALL_COORDINATOR, _HALCYON),
    UserSpec("recall.meridian", "Marcus Bell", Role.RECALL_COORDINATOR, _MERIDIAN),
    UserSpec("admin.halcyon", "Noah Sinclair", Role.PROGRAM_ADMIN, _HALCYON),
    UserSpec("admin.meridian", "Iris Delgado", Role.PROGRAM_ADMIN, _MERIDIAN),
    UserSpec("auditor", "Pat Quinn (QA auditor)", Role.AUDITOR, _ALL),
)

PERSON_ROLES = tuple(PersonRole.values)
