"""Admin screens for queues, SLA policies, agents' skills and routing rows.
(Active once django.contrib.admin is installed.)

Program admins configure these through CareDesk's own screens; the Django admin is for staff
who run the installation, which is why it shows every program.
"""

from __future__ import annotations

from django.contrib import admin

from caredesk.routing.models import AgentSkills, CaseRouting, Queue, RoutingSettings, SlaPolicy


@admin.register(Queue)
class QueueAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "code",
        "program",
        "is_default",
        "is_safety_priority",
        "assignment_mode",
    )
    list_filter = ("program", "is_default", "is_safety_priority", "assignment_mode")
    search_fields = ("name", "code")


@admin.register(SlaPolicy)
class SlaPolicyAdmin(admin.ModelAdmin):
    list_display = (
        "program",
        "case_type",
        "channel",
        "customer_type",
        "first_response_minutes",
        "resolution_minutes",
        "business_hours_only",
        "opens_at",
        "closes_at",
        "weekdays",
        "warn_at_percent",
    )
    list_filter = ("program", "case_type", "channel", "customer_type", "business_hours_only")


@admin.register(AgentSkills)
class AgentSkillsAdmin(admin.ModelAdmin):
    list_display = ("user", "program", "languages", "safety_trained", "medical_information")
    list_filter = ("program", "safety_trained", "medical_information")
    search_fields = ("user__username",)


@admin.register(CaseRouting)
class CaseRoutingAdmin(admin.ModelAdmin):
    list_display = ("case", "routing_class", "needs_language", "needs_safety_trained")
    list_filter = ("program", "routing_class")


@admin.register(RoutingSettings)
class RoutingSettingsAdmin(admin.ModelAdmin):
    list_display = ("program", "default_language")
