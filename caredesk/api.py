"""The REST API: one NinjaAPI, each app contributing its router."""

from __future__ import annotations

from ninja import NinjaAPI

api = NinjaAPI(
    title="CareDesk API",
    version="1",
    description="Program-scoped CRM for healthcare customer care.",
    urls_namespace="api",
)
