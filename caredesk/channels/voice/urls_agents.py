"""The agents' voice pages, under /voice/: the callback worklist."""

from django.urls import path

from caredesk.channels.voice import views_callbacks

app_name = "voice"
urlpatterns = [
    path("callbacks/", views_callbacks.worklist, name="callbacks"),
    path("callbacks/summary/", views_callbacks.summary, name="summary"),
    path("callbacks/<int:callback_id>/claim/", views_callbacks.claim, name="claim"),
    path("callbacks/<int:callback_id>/outcome/", views_callbacks.outcome, name="outcome"),
]
