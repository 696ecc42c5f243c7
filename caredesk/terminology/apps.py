from django.apps import AppConfig


class TerminologyConfig(AppConfig):
    name = "caredesk.terminology"
    label = "terminology"
    verbose_name = "Terminology (event coding)"
