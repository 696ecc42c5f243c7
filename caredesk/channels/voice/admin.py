"""Admin screens for voice routes, IVR scripts, calls, recordings and callbacks.
(Active once django.contrib.admin is installed.)

A program admin edits the IVR script as data: greeting, consent notice, hours, language and
voice, the menu (key, action, prompt, spoken words, in order), the recalled lots and the wait
settings. `IvrConfig.clean` refuses a menu the IVR could not read.
"""

from __future__ import annotations

from django.contrib import admin

from caredesk.channels.voice.models import (
    Callback,
    CallRecord,
    CallRecording,
    IvrConfig,
    VoiceRoute,
)


@admin.register(VoiceRoute)
class VoiceRouteAdmin(admin.ModelAdmin):
    list_display = ("phone_number", "program", "auth_token_env", "received_by", "active")
    list_filter = ("program", "active")
    search_fields = ("phone_number",)


@admin.register(IvrConfig)
class IvrConfigAdmin(admin.ModelAdmin):
    list_display = ("program", "language", "voice", "average_handle_minutes", "offer_callback")
    list_filter = ("language",)


@admin.register(CallRecord)
class CallRecordAdmin(admin.ModelAdmin):
    list_display = ("call_sid", "program", "from_phone", "status", "intent", "queue_state")
    list_filter = ("program", "status", "intent", "queue_state")
    search_fields = ("call_sid", "from_phone")
    readonly_fields = ("inbound", "case", "person", "steps")


@admin.register(CallRecording)
class CallRecordingAdmin(admin.ModelAdmin):
    list_display = ("recording_sid", "call", "duration_seconds", "status", "interaction")
    readonly_fields = ("interaction",)


@admin.register(Callback)
class CallbackAdmin(admin.ModelAdmin):
    list_display = ("phone", "program", "queue", "due_at", "status")
    list_filter = ("program", "status")
