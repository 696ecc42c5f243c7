from django.urls import path

from caredesk.quality import views

app_name = "quality"
urlpatterns = [
    path("", views.complaints, name="complaints"),
    path("complaints/<int:complaint_id>/", views.complaint_detail, name="complaint"),
    path(
        "complaints/<int:complaint_id>/reportability/",
        views.reportability,
        name="reportability",
    ),
]
