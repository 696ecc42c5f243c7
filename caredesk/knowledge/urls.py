from django.urls import path

from caredesk.knowledge import views

app_name = "knowledge"
urlpatterns = [
    path("", views.article_list, name="list"),
    path("new/", views.article_new, name="new"),
    path("articles/<int:article_id>/", views.article_detail, name="article"),
    path("versions/<int:version_id>/submit/", views.version_submit, name="submit"),
    path("versions/<int:version_id>/approve/", views.version_approve, name="approve"),
    path("versions/<int:version_id>/reject/", views.version_reject, name="reject"),
    path("cases/<int:case_id>/suggestions/", views.case_suggestions, name="case_suggestions"),
]
