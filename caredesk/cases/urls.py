from django.urls import path

from caredesk.cases import views

app_name = "cases"
urlpatterns = [
    path("", views.inbox, name="inbox"),
]
