from django.apps import AppConfig


class ChannelsSmsConfig(AppConfig):
    name = "caredesk.channels.sms"
    label = "channels_sms"
    verbose_name = "SMS and WhatsApp channel"

    def ready(self) -> None:
        # The auto-acknowledgement runs once a message is filed on a case (inbox processing).
        from caredesk.channels.services.processing import AFTER_PROCESSED
        from caredesk.channels.sms.services.acknowledge import acknowledge_new_case
        from caredesk.channels.sms.services.media import queue_media_after_filing

        for hook in (acknowledge_new_case, queue_media_after_filing):
            if hook not in AFTER_PROCESSED:
                AFTER_PROCESSED.append(hook)
