"""Twilio voice webhooks, under /hooks/twilio/voice/ (signed requests; no session, no CSRF)."""

from django.urls import path

from caredesk.channels.voice import views

app_name = "voice_hooks"
urlpatterns = [
    path("", views.incoming_call, name="incoming"),
    path("menu/", views.menu_choice, name="menu"),
    path("menu/agent/", views.silent_menu, name="choose_agent"),
    path("lot/", views.lot_number, name="lot"),
    path("faq/", views.faq_question, name="faq"),
    path("report/", views.problem_report, name="report"),
    path("wait/", views.wait_url, name="wait"),
    path("wait/choice/", views.wait_choice, name="wait_choice"),
    path("queue/done/", views.queue_done, name="queue_done"),
    path("voicemail/", views.voicemail, name="voicemail"),
    path("voicemail/done/", views.voicemail_done, name="voicemail_done"),
    path("recording/", views.recording_status, name="recording"),
    path("status/", views.call_status, name="status"),
]
