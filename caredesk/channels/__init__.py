"""Channels: every way a message reaches a program lands here first.

Adapters (email, SMS/WhatsApp, voice, web chat, fax/mail, the REST route) live in
`caredesk/channels/<kind>/`; each turns what arrives into one `InboundMessageData` and hands it
to `caredesk.channels.services.inbox.store_inbound`, which writes the inbox row before anything
else happens. The worker (`caredesk.channels.tasks`) turns inbox rows into screened interactions.
The Django app label is `channels_inbox`: a top-level `channels` label would clash with the
Django Channels package.
"""
