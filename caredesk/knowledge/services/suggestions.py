"""Articles suggested to an agent for a case: the approved articles that best match what the
customer wrote (the case subject and its latest inbound contacts)."""

from __future__ import annotations

from caredesk.cases.models import Case, Direction, Interaction
from caredesk.knowledge.services.retrieval import Hit, Ranking, rank_articles

RECENT_CONTACTS = 3


def case_text(case: Case) -> str:
    bodies = (
        Interaction.objects.system_scope()  # scoping: ok (a case the caller already accessed)
        .filter(case=case, direction=Direction.INBOUND)
        .order_by("-occurred_at", "-pk")
        .values_list("body", flat=True)[:RECENT_CONTACTS]
    )
    return "\n".join([case.subject, *(b[:2000] for b in bodies)])


def rank_for_case(case: Case) -> Ranking:
    """Every approved article of the case's program matching its text, best first (HCP ones
    included: agents and medical information specialists may send standard responses)."""
    return rank_articles(case.program_id, case_text(case))


def suggestions_for_case(case: Case, limit: int = 3) -> list[Hit]:
    """The best `limit` articles for the case (the case page shows three)."""
    return rank_for_case(case).hits(limit)
