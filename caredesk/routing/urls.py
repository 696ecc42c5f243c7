from django.urls import path

from caredesk.routing import views

app_name = "routing"
urlpatterns = [
    path("board/", views.board, name="board"),
]
