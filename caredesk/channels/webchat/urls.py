"""Web chat routes under /chat/: the public widget, demo and article pages, the visitor's JSON
and event-stream endpoints, and the agents' console."""

from django.urls import path

from caredesk.channels.webchat import views_console, views_public

app_name = "webchat"
urlpatterns = [
    path("widget.js", views_public.widget_js, name="widget_js"),
    path("demo/<slug:program_code>/", views_public.demo_page, name="demo"),
    path("kb/<slug:program_code>/<int:article_id>/", views_public.article_page, name="article"),
    path("api/<slug:program_code>/sessions", views_public.start, name="start"),
    path("api/sessions/<str:session_id>/messages", views_public.send, name="send"),
    path("api/sessions/<str:session_id>/close", views_public.close, name="close"),
    path("api/sessions/<str:session_id>/events", views_public.events, name="events"),
    path("console/", views_console.console, name="console"),
    path("console/<int:chat_id>/", views_console.chat_page, name="chat"),
    path("console/<int:chat_id>/join/", views_console.join, name="join"),
    path("console/<int:chat_id>/reply/", views_console.reply, name="reply"),
    path("console/<int:chat_id>/end/", views_console.end, name="end"),
]
