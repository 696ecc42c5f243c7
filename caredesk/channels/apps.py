from django.apps import AppConfig


class ChannelsInboxConfig(AppConfig):
    name = "caredesk.channels"
    label = "channels_inbox"
    verbose_name = "Channels inbox"
