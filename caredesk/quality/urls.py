from django.urls import path

from caredesk.quality import views, views_alerts, views_shipments

app_name = "quality"

C = "complaints/<int:complaint_id>/"
urlpatterns = [
    path("", views.complaints, name="complaints"),
    path(C, views.complaint_detail, name="complaint"),
    path(C + "edit/", views.edit, name="edit"),
    path(C + "reportability/", views.reportability, name="reportability"),
    path(
        C + "investigation-decision/",
        views.investigation_decision,
        name="investigation_decision",
    ),
    path(C + "investigation/", views.investigation, name="investigation"),
    path(C + "reply/", views.reply, name="reply"),
    path(C + "close/", views.close, name="close"),
    path(C + "reopen/", views.reopen, name="reopen"),
    path(C + "shipments/", views_shipments.shipment_request, name="shipment_request"),
    path("shipments/<int:shipment_id>/", views_shipments.shipment_step, name="shipment_step"),
    path("lots/<int:lot_id>/", views_shipments.lot, name="lot"),
    path("alerts/", views_alerts.alerts, name="alerts"),
    path("alerts/<int:alert_id>/", views_alerts.alert_detail, name="alert"),
    path("alerts/<int:alert_id>/release/", views_alerts.alert_release, name="alert_release"),
    path("notifications/", views_alerts.notifications, name="notifications"),
    path(
        "notifications/<int:notification_id>/read/",
        views_alerts.notification_read,
        name="notification_read",
    ),
]
