from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "caredesk.safety"
    label = "safety"
    verbose_name = "Safety (pharmacovigilance intake)"
