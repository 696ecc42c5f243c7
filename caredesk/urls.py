"""Top-level routes: the agent UI per app, the REST API under /api/v1."""

from django.urls import include, path

from caredesk.api import api

urlpatterns = [
    path("api/v1/", api.urls),
    path("accounts/", include("caredesk.accounts.urls")),
    path("hooks/twilio/voice/", include("caredesk.channels.voice.urls")),
    path("hooks/twilio/", include("caredesk.channels.sms.urls")),
    path("chat/", include("caredesk.channels.webchat.urls")),
    path("voice/", include("caredesk.channels.voice.urls_agents")),
    path("knowledge/", include("caredesk.knowledge.urls")),
    path("audit/", include("caredesk.audit.urls")),
    path("people/", include("caredesk.people.urls")),
    path("routing/", include("caredesk.routing.urls")),
    path("safety/", include("caredesk.safety.urls")),
    path("safety/", include("caredesk.safety.urls_rules")),
    path("quality/", include("caredesk.quality.urls")),
    path("insights/", include("caredesk.insights.urls")),
    path("", include("caredesk.cases.urls")),
]
