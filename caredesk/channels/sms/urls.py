"""Twilio webhooks, under /hooks/twilio/ (signed requests; no session, no CSRF token)."""

from django.urls import path

from caredesk.channels.sms import views

app_name = "sms_hooks"
urlpatterns = [
    path("sms/", views.inbound_message, name="inbound"),
    path("status/", views.status_callback, name="status"),
]
