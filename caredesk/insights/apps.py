from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "caredesk.insights"
    label = "insights"
    verbose_name = "Insights (signals, trends, voice of the customer)"
