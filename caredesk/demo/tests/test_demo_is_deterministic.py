"""The same seed and `as_of` load the same data; another seed loads other data."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from django.db import transaction

from caredesk.cases.models import Case, CaseRequest, Interaction, TimelineEntry
from caredesk.demo.loader import DemoOptions, load_demo
from caredesk.people.models import ContactPoint, Person

pytestmark = pytest.mark.django_db


def fingerprint(as_of: datetime) -> dict[str, list[Any]]:
    """The loaded data by natural keys (ids differ between loads on PostgreSQL).

    Timeline entries that the safety services wrote during the load carry the real time of
    the load, as the audit trail must: only the data set's own history (up to `as_of`) is
    compared."""
    return {
        "persons": list(
            Person.objects.system_scope()
            .order_by("id")
            .values_list(
                "program__code",
                "first_name",
                "last_name",
                "role",
                "language",
                "time_zone",
                "preferred_channel",
                "date_of_birth",
            )
        ),
        "contacts": list(
            ContactPoint.objects.system_scope()
            .order_by("id")
            .values_list("person__last_name", "kind", "value", "is_primary")
        ),
        "cases": list(
            Case.objects.system_scope()
            .order_by("id")
            .values_list(
                "reference",
                "program__code",
                "subject",
                "case_type",
                "status",
                "priority",
                "person__first_name",
                "person__last_name",
                "product__name",
                "lot__number",
                "owner__username",
                "queue__code",
                "opened_at",
                "first_response_due",
                "first_responded_at",
                "closed_at",
                "sla_state",
            )
        ),
        "interactions": list(
            Interaction.objects.system_scope()
            .order_by("id")
            .values_list(
                "case__reference", "channel", "direction", "occurred_at", "body", "author__username"
            )
        ),
        "requests": list(
            CaseRequest.objects.system_scope()
            .order_by("id")
            .values_list("case__reference", "kind", "summary")
        ),
        "timeline": list(
            TimelineEntry.objects.system_scope()
            .filter(at__lte=as_of)
            .order_by("id")
            .values_list("case__reference", "kind", "at", "summary")
        ),
    }


def load_and_roll_back(options: DemoOptions) -> dict[str, list[Any]]:
    with transaction.atomic():
        load_demo(options)
        data = fingerprint(options.as_of)
        transaction.set_rollback(True)
    return data


def test_same_seed_loads_identical_data(small_demo):
    first = load_and_roll_back(small_demo)
    second = load_and_roll_back(small_demo)
    assert len(first["cases"]) == 500
    assert len(first["persons"]) == 200
    for table, rows in first.items():
        assert rows == second[table], table


def test_another_seed_loads_other_data(small_demo):
    first = load_and_roll_back(small_demo)
    other = load_and_roll_back(DemoOptions(seed=8, persons=200, cases=500, as_of=small_demo.as_of))
    assert first["cases"] != other["cases"]
    assert first["persons"] != other["persons"]
