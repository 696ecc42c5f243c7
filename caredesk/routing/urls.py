from django.urls import path

from caredesk.routing import views, views_agents, views_classification

app_name = "routing"
urlpatterns = [
    path("board/", views.board, name="board"),
    path("agent/", views_agents.agent_control, name="agent_control"),
    path("agent/status/", views_agents.status_change, name="status"),
    path("agent/next/", views_agents.take_next, name="next"),
    path(
        "cases/<int:case_id>/classification/",
        views_classification.classification,
        name="classification",
    ),
]
