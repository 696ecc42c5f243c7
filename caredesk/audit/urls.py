from django.urls import path

from caredesk.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.index, name="index"),
    path("<str:model_label>/<str:object_id>/", views.record, name="record"),
    path("<str:model_label>/<str:object_id>/export.csv", views.export_csv, name="export"),
]
