"""The voice pages, under /voice/: the callback worklist and the program admin's IVR page."""

from django.urls import path

from caredesk.channels.voice import views_callbacks, views_ivr

app_name = "voice"
urlpatterns = [
    path("callbacks/", views_callbacks.worklist, name="callbacks"),
    path("callbacks/summary/", views_callbacks.summary, name="summary"),
    path("callbacks/<int:callback_id>/claim/", views_callbacks.claim, name="claim"),
    path("callbacks/<int:callback_id>/outcome/", views_callbacks.outcome, name="outcome"),
    path("ivr/", views_ivr.programs, name="ivr_programs"),
    path("ivr/<int:program_id>/", views_ivr.edit, name="ivr"),
]
