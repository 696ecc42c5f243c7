from django.apps import AppConfig


class ChannelsVoiceConfig(AppConfig):
    name = "caredesk.channels.voice"
    label = "channels_voice"
    verbose_name = "Voice and IVR channel"

    def ready(self) -> None:
        # Once a call's inbox row is filed on a case, the call learns its case, and what was
        # waiting for it (a voicemail, a callback, a move to the safety queue) is applied.
        from caredesk.channels.services.processing import AFTER_PROCESSED
        from caredesk.channels.voice.services.filing import file_call_step

        if file_call_step not in AFTER_PROCESSED:
            AFTER_PROCESSED.append(file_call_step)
