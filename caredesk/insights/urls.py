from django.urls import path

from caredesk.insights import views, views_case

app_name = "insights"

S = "signals/<int:signal_id>/"
urlpatterns = [
    path("signals/", views.signals, name="signals"),
    path("signals/export.csv", views.signals_export, name="signals_csv"),
    path(S, views.signal_detail, name="signal"),
    path(S + "review/", views.signal_review, name="signal_review"),
    path(S + "close/", views.signal_close, name="signal_close"),
    path(S + "actions/", views.signal_action, name="signal_action"),
    path(S + "counts.csv", views.signal_counts_export, name="signal_counts_csv"),
    path(S + "article88.pdf", views.signal_report, name="signal_pdf"),
    path("cases/<int:case_id>/flag/", views_case.case_flag, name="case_flag"),
]
