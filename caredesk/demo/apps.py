from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The deterministic demo data set (`caredesk demo`); no models of its own."""

    name = "caredesk.demo"
    label = "demo"
