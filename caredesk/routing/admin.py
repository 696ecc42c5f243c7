"""Admin screens for queues and SLA policies (active once django.contrib.admin is installed).

Program admins configure these through CareDesk's own screens; the Django admin is for staff
who run the installation, which is why it shows every program.
"""

from __future__ import annotations

from django.contrib import admin

from caredesk.routing.models import Queue, SlaPolicy


@admin.register(Queue)
class QueueAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "program", "is_default")
    list_filter = ("program", "is_default")
    search_fields = ("name", "code")


@admin.register(SlaPolicy)
class SlaPolicyAdmin(admin.ModelAdmin):
    list_display = (
        "program",
        "case_type",
        "first_response_minutes",
        "resolution_minutes",
        "business_hours_only",
        "opens_at",
        "closes_at",
        "weekdays",
        "warn_at_percent",
    )
    list_filter = ("program", "case_type", "business_hours_only")
