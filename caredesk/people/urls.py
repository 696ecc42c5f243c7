from django.urls import path

from caredesk.people import views

app_name = "people"
urlpatterns = [
    path("search/", views.search, name="search"),
    path("new/", views.person_create, name="create"),
    path("<int:person_id>/", views.person_detail, name="detail"),
]
