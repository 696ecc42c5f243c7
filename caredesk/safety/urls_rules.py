"""URLs of the reportability rule screens, mounted under /safety/ next to the safety app's own
(a separate module so the rules work does not edit the safety URL list others are changing)."""

from django.urls import path

from caredesk.safety import views_rules

app_name = "safety_rules"
urlpatterns = [
    path("rules/", views_rules.rule_list, name="rules"),
    path("rules/propose/", views_rules.propose, name="propose"),
    path("rules/program/<int:program_rule_id>/", views_rules.program_rule, name="program_rule"),
    path("rules/program/<int:program_rule_id>/approve/", views_rules.approve, name="approve"),
    path("rules/program/<int:program_rule_id>/reject/", views_rules.reject, name="reject"),
    path(
        "cases/<int:safety_case_id>/follow-up-information/",
        views_rules.follow_up_information,
        name="follow_up_information",
    ),
]
