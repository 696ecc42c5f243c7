from django.apps import AppConfig


class ChannelsWebchatConfig(AppConfig):
    name = "caredesk.channels.webchat"
    label = "channels_webchat"
    verbose_name = "Web chat channel"

    def ready(self) -> None:
        # Once a chat message is filed on a case, the session learns its case and the bot's
        # answers so far are written on the case's timeline.
        from caredesk.channels.services.processing import AFTER_PROCESSED
        from caredesk.channels.webchat.services.filing import file_chat_message

        if file_chat_message not in AFTER_PROCESSED:
            AFTER_PROCESSED.append(file_chat_message)
