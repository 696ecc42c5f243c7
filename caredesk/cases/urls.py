from django.urls import path

from caredesk.cases import views, views_actions

app_name = "cases"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("cases/<int:case_id>/", views.case_detail, name="detail"),
    path("cases/new/for-person/<int:person_id>/", views.case_create, name="create"),
    path(
        "cases/<int:case_id>/interactions/",
        views_actions.interaction_create,
        name="interaction_create",
    ),
    path("cases/<int:case_id>/requests/", views_actions.request_create, name="request_create"),
    path(
        "cases/<int:case_id>/requests/<int:request_id>/resolve/",
        views_actions.request_resolve,
        name="request_resolve",
    ),
    path("cases/<int:case_id>/status/", views_actions.status_change, name="status"),
    path("cases/<int:case_id>/assign/", views_actions.assign, name="assign"),
    path(
        "cases/attachments/<int:attachment_id>/",
        views_actions.attachment_download,
        name="attachment",
    ),
]
