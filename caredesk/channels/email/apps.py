from django.apps import AppConfig


class ChannelsEmailConfig(AppConfig):
    name = "caredesk.channels.email"
    label = "channels_email"
    verbose_name = "Email channel"
