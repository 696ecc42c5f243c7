from django.apps import AppConfig


class ChannelsEmailConfig(AppConfig):
    name = "caredesk.channels.email"
    label = "channels_email"
    verbose_name = "Email channel"

    def ready(self) -> None:
        from caredesk.channels.email.services.acknowledge import acknowledge_new_email_case
        from caredesk.channels.services.processing import AFTER_PROCESSED

        if acknowledge_new_email_case not in AFTER_PROCESSED:
            AFTER_PROCESSED.append(acknowledge_new_email_case)
