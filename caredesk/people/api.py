"""REST API of persons (with contact points) and organizations."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Query, Schema, Status

from caredesk.api_support.auth import acting_user
from caredesk.api_support.pagination import Page, PageParams, paginate
from caredesk.api_support.router import ApiRouter
from caredesk.api_support.types import LanguageCode, ObjectId, Text40, Text100, Text200, Text500
from caredesk.people.models import (
    Channel,
    ContactKind,
    ContactPoint,
    Organization,
    OrganizationKind,
    Person,
    PersonRole,
)
from caredesk.people.services.listing import list_organizations, list_persons
from caredesk.people.services.lookup import access_organization, access_person, view_person
from caredesk.people.services.persons import (
    PersonInput,
    add_contact_point,
    create_organization,
    create_person,
    update_person,
)
from caredesk.tenancy.services import access_program

router = ApiRouter(tags=["people"])

NoChannel = Literal[""]


class ContactPointOut(Schema):
    id: int
    kind: ContactKind
    value: str
    label: str
    is_primary: bool


class PersonOut(Schema):
    id: int
    program_id: int
    first_name: str
    last_name: str
    full_name: str
    role: PersonRole
    language: str
    time_zone: str
    preferred_channel: str
    date_of_birth: date | None
    contact_points: list[ContactPointOut]
    created_at: datetime
    updated_at: datetime


class PersonCreateIn(Schema):
    program_id: ObjectId
    first_name: Text100 = ""
    last_name: Text100 = ""
    role: PersonRole = PersonRole.CONSUMER
    language: LanguageCode = "en"
    time_zone: Text40 = ""
    preferred_channel: Channel | NoChannel = ""
    date_of_birth: date | None = None
    phones: list[Text40] = Field([], max_length=10)
    emails: list[Text200] = Field([], max_length=10)
    addresses: list[Text500] = Field([], max_length=10)


class PersonPatchIn(Schema):
    """Only the fields sent are changed; `reason` says why, for the audit trail."""

    reason: Text500 = Field(..., min_length=1)
    first_name: Text100 = ""
    last_name: Text100 = ""
    role: PersonRole = PersonRole.CONSUMER
    language: LanguageCode = "en"
    time_zone: Text40 = ""
    preferred_channel: Channel | NoChannel = ""
    date_of_birth: date | None = None


class ContactPointIn(Schema):
    kind: ContactKind
    value: Text500 = Field(..., min_length=1)
    label: Text40 = ""


class PersonFilters(PageParams):
    program: ObjectId | None = None
    role: PersonRole | None = None
    name: Text100 | None = Field(None, description="Part of the person's name")


class OrganizationOut(Schema):
    id: int
    program_id: int
    name: str
    kind: OrganizationKind
    phone: str
    address: str


class OrganizationIn(Schema):
    program_id: ObjectId
    name: Text200 = Field(..., min_length=1)
    kind: OrganizationKind
    phone: Text40 = ""
    address: Text500 = ""


class OrganizationFilters(PageParams):
    program: ObjectId | None = None
    kind: OrganizationKind | None = None


@router.get("/persons", response=Page[PersonOut])
def persons(request: HttpRequest, filters: Query[PersonFilters]) -> dict[str, Any]:
    found = list_persons(
        acting_user(request), program_id=filters.program, role=filters.role, name=filters.name
    )
    return paginate(found, filters)


@router.get("/persons/{person_id}", response=PersonOut)
def get_person(request: HttpRequest, person_id: ObjectId) -> Person:
    """A person's record; every read of it is written to the audit trail."""
    return view_person(acting_user(request), person_id)


@router.post("/persons", response={201: PersonOut})
def post_person(request: HttpRequest, payload: PersonCreateIn) -> Status[Person]:
    user = acting_user(request)
    program = access_program(user, payload.program_id)
    data = PersonInput(**payload.dict(exclude={"program_id"}))
    return Status(201, create_person(program, data, acting_user=user))


@router.patch("/persons/{person_id}", response=PersonOut)
def patch_person(request: HttpRequest, person_id: ObjectId, payload: PersonPatchIn) -> Person:
    user = acting_user(request)
    person = access_person(user, person_id)
    changes = payload.dict(exclude_unset=True, exclude={"reason"})
    return update_person(person, changes, acting_user=user, reason=payload.reason)


@router.post("/persons/{person_id}/contact-points", response={201: ContactPointOut})
def post_contact_point(
    request: HttpRequest, person_id: ObjectId, payload: ContactPointIn
) -> Status[ContactPoint]:
    user = acting_user(request)
    person = access_person(user, person_id)
    point = add_contact_point(
        person, payload.kind, payload.value, acting_user=user, label=payload.label
    )
    return Status(201, point)


@router.get("/organizations", response=Page[OrganizationOut])
def organizations(request: HttpRequest, filters: Query[OrganizationFilters]) -> dict[str, Any]:
    found = list_organizations(acting_user(request), program_id=filters.program, kind=filters.kind)
    return paginate(found, filters)


@router.get("/organizations/{organization_id}", response=OrganizationOut)
def get_organization(request: HttpRequest, organization_id: ObjectId) -> Organization:
    return access_organization(acting_user(request), organization_id)


@router.post("/organizations", response={201: OrganizationOut})
def post_organization(request: HttpRequest, payload: OrganizationIn) -> Status[Organization]:
    user = acting_user(request)
    program = access_program(user, payload.program_id)
    org = create_organization(
        program,
        name=payload.name,
        kind=payload.kind,
        phone=payload.phone,
        address=payload.address,
        acting_user=user,
    )
    return Status(201, org)
