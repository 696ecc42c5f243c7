from django.urls import path

from caredesk.routing import views, views_agents

app_name = "routing"
urlpatterns = [
    path("board/", views.board, name="board"),
    path("agent/", views_agents.agent_control, name="agent_control"),
    path("agent/status/", views_agents.status_change, name="status"),
    path("agent/next/", views_agents.take_next, name="next"),
]
