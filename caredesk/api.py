"""The REST API: one NinjaAPI, each app contributing its router."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import NinjaAPI, Query, Schema

from caredesk.api_support.auth import acting_user, api_auth
from caredesk.api_support.errors import install_error_handlers
from caredesk.api_support.router import ApiRouter
from caredesk.api_support.types import Text100
from caredesk.cases.api import router as cases_router
from caredesk.cases.schemas import CaseOut
from caredesk.cases.services.listing import search_cases
from caredesk.channels.api import router as channels_router
from caredesk.channels.documents.api import router as documents_router
from caredesk.channels.email.api import router as email_router
from caredesk.channels.sms.api import router as sms_router
from caredesk.channels.voice.api import router as voice_router
from caredesk.channels.webchat.api import router as webchat_router
from caredesk.insights.api import router as insights_router
from caredesk.knowledge.api import router as knowledge_router
from caredesk.outreach.api import router as outreach_router
from caredesk.people.api import PersonOut
from caredesk.people.api import router as people_router
from caredesk.people.services.lookup import search_persons
from caredesk.quality.api import router as quality_router
from caredesk.routing.api import router as routing_router
from caredesk.safety.api import router as safety_router
from caredesk.safety.api_rules import router as safety_rules_router
from caredesk.tenancy.api import router as tenancy_router

api = NinjaAPI(
    title="CareDesk API",
    version="1",
    description=(
        "Program-scoped CRM for healthcare customer care. Authenticate with "
        "`Authorization: Bearer <token>` or the browser session (send X-CSRFToken on writes). "
        "Errors answer `{message, errors: {field: why}}`; another program's objects answer 404."
    ),
    urls_namespace="api",
    auth=api_auth(),
)
install_error_handlers(api)


class HealthOut(Schema):
    status: str


@api.get("/health", auth=None, response=HealthOut, tags=["health"])
def health(request: HttpRequest) -> dict[str, str]:
    """Liveness: answers without touching the database or authenticating."""
    return {"status": "ok"}


class SearchParams(Schema):
    q: Text100


class SearchOut(Schema):
    persons: list[PersonOut]
    cases: list[CaseOut]


search_router = ApiRouter(tags=["search"])


@search_router.get("/search", response=SearchOut)
def search(request: HttpRequest, params: Query[SearchParams]) -> dict[str, object]:
    """Persons by name, phone, email or reported lot, and cases by reference."""
    user = acting_user(request)
    return {
        "persons": list(search_persons(user, params.q).prefetch_related("contact_points")),
        "cases": list(search_cases(user, params.q)),
    }


# The inbound route first: every channel's every message resolves it (each route before it
# is one more pattern to try).
api.add_router("", channels_router)
api.add_router("", search_router)
api.add_router("", tenancy_router)
api.add_router("", people_router)
api.add_router("", cases_router)
api.add_router("", safety_router)
api.add_router("", safety_rules_router)
api.add_router("", quality_router)
api.add_router("", routing_router)
api.add_router("", sms_router)
api.add_router("", voice_router)
api.add_router("", webchat_router)
api.add_router("", email_router)
api.add_router("", documents_router)
api.add_router("", outreach_router)
api.add_router("", knowledge_router)
api.add_router("", insights_router)
