"""Factories for test data. Write through models directly: tests of services call services."""

from __future__ import annotations

from typing import Any

import factory
from django.utils import timezone

from caredesk.accounts.models import User
from caredesk.cases.models import Case, CaseType, Direction, Interaction
from caredesk.people.models import Channel, ContactPoint, Person
from caredesk.routing.models import Queue, SlaPolicy
from caredesk.tenancy.models import Client, Lot, Membership, Product, ProductType, Program, Role

PASSWORD = "correct horse battery staple"  # noqa: S105


class ClientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Client

    name = factory.Sequence(lambda n: f"Client {n}")


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program

    client = factory.SubFactory(ClientFactory)
    code = factory.Sequence(lambda n: f"prog-{n}")
    name = factory.Sequence(lambda n: f"Program {n}")
    country = "US"
    time_zone = "America/New_York"


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    program = factory.SubFactory(ProgramFactory)
    name = factory.Sequence(lambda n: f"Relievium {n}")
    product_type = ProductType.OTC_DRUG
    strength = "200 mg"


class LotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lot

    product = factory.SubFactory(ProductFactory)
    number = factory.Sequence(lambda n: f"L{n:05d}A")
    units_distributed = 10000


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.test")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj: User, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            obj.save()


def member(program: Program, role: str = Role.CARE_SPECIALIST, **user_fields: Any) -> User:
    """A user assigned to `program` in `role`."""
    user: User = UserFactory(**user_fields)  # type: ignore[assignment]
    Membership.objects.create(user=user, program=program, role=role)
    return user


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    program = factory.SubFactory(ProgramFactory)
    first_name = factory.Sequence(lambda n: f"Pat{n}")
    last_name = "Example"
    search_name = factory.LazyAttribute(lambda p: f"{p.first_name} {p.last_name}".lower())


class ContactPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPoint

    person = factory.SubFactory(PersonFactory)
    program = factory.SelfAttribute("person.program")
    kind = "phone"
    value = factory.Sequence(lambda n: f"+1202555{n:04d}")


class QueueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Queue

    program = factory.SubFactory(ProgramFactory)
    code = factory.Sequence(lambda n: f"q{n}")
    name = factory.Sequence(lambda n: f"Queue {n}")
    is_default = True


class SlaPolicyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SlaPolicy

    program = factory.SubFactory(ProgramFactory)
    case_type = CaseType.GENERAL_INQUIRY
    first_response_minutes = 60
    resolution_minutes = 24 * 60
    business_hours_only = False


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    program = factory.SubFactory(ProgramFactory)
    reference = factory.Sequence(lambda n: f"CD-T{n:06d}")
    subject = factory.Sequence(lambda n: f"Question {n}")
    case_type = CaseType.GENERAL_INQUIRY
    person = factory.SubFactory(PersonFactory, program=factory.SelfAttribute("..program"))
    opened_at = factory.LazyFunction(timezone.now)


class InteractionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interaction

    case = factory.SubFactory(CaseFactory)
    program = factory.SelfAttribute("case.program")
    person = factory.SelfAttribute("case.person")
    channel = Channel.PHONE
    direction = Direction.INBOUND
    occurred_at = factory.LazyFunction(timezone.now)
    received_at = factory.LazyFunction(timezone.now)
    body = "Caller asked about dosing."


class ComplaintFactory(factory.django.DjangoModelFactory):
    """A product complaint on an interaction of a case (as a confirmed finding would open it)."""

    class Meta:
        model = "quality.Complaint"

    interaction = factory.SubFactory(InteractionFactory)
    case = factory.SelfAttribute("interaction.case")
    program = factory.SelfAttribute("case.program")
    received_at = factory.SelfAttribute("interaction.received_at")
    complainant = factory.SelfAttribute("case.person")
    complainant_name = factory.LazyAttribute(
        lambda o: o.complainant.full_name if o.complainant else ""
    )
    product = factory.SelfAttribute("case.product")
    lot = factory.SelfAttribute("case.lot")
    categories = factory.LazyFunction(lambda: ["packaging"])
    nature = "The bottle cap was cracked when it arrived."
    created_at = factory.LazyFunction(timezone.now)
