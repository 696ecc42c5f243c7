from django.apps import AppConfig


class OutreachConfig(AppConfig):
    name = "caredesk.outreach"
    label = "outreach"
    verbose_name = "Outreach (consent ledger)"
