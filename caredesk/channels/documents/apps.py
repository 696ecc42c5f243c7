from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "caredesk.channels.documents"
    label = "channels_documents"
    verbose_name = "Channels: fax, postal mail and video calls"
