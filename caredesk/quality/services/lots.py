"""Complaints seen from a lot: how many, of which categories, so quality sees a lot pattern.

One complaint about a cracked cap is noise; eight on the same lot within a month is a signal
that sends the lot to investigation (and perhaps to a recall).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from caredesk.quality.models import Complaint, ComplaintStatus, Reportability, Shipment
from caredesk.tenancy.models import Lot


@dataclass
class LotComplaints:
    lot: Lot
    complaints: list[Complaint]
    by_category: list[tuple[str, int]] = field(default_factory=list)
    by_status: dict[str, int] = field(default_factory=dict)
    tampering: int = 0
    reportable: int = 0
    open: int = 0
    samples_returned: int = 0

    @property
    def count(self) -> int:
        return len(self.complaints)


def lot_complaints(user: Any, lot: Lot) -> LotComplaints:
    """The complaints of the user's programs on `lot` (already accessed), newest first, with
    counts by category (a complaint with two categories counts in both) and by status."""
    complaints = list(
        Complaint.objects.visible_to(user)
        .filter(lot=lot)
        .select_related("case", "product")
        .order_by("-received_at", "-pk")
    )
    categories: Counter[str] = Counter()
    for complaint in complaints:
        categories.update(set(complaint.categories))
    statuses = Counter(c.status for c in complaints)
    returned = (
        Shipment.objects.visible_to(user)
        .filter(complaint__lot=lot, return_received_at__isnull=False)
        .count()
    )
    return LotComplaints(
        lot=lot,
        complaints=complaints,
        by_category=sorted(categories.items(), key=lambda kv: (-kv[1], kv[0])),
        by_status={s: statuses.get(s, 0) for s in ComplaintStatus.values},
        tampering=sum(1 for c in complaints if c.tampering),
        reportable=sum(1 for c in complaints if c.reportability == Reportability.REPORTABLE),
        open=sum(1 for c in complaints if c.status != ComplaintStatus.CLOSED),
        samples_returned=returned,
    )
