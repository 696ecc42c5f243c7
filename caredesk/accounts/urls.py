from django.urls import path

from caredesk.accounts import views, views_tokens

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("mfa/", views.second_factor, name="mfa"),
    path("tokens/", views_tokens.token_list, name="tokens"),
]
