"""Web chat: an embeddable widget (one script tag), a self-service bot answering from the
program's approved knowledge base, and live chat with an agent over server-sent events.

Every customer message is stored through the inbox (`store_inbound`, idempotent per client
message id) so it lands on the case screened like any channel's. The bot decides synchronously
with the screener: safety content (adverse event, special situation, complaint, tampering) stops
the bot and puts the chat first in the agents' console. Bot answers are written on the case's
timeline (they are not a person's first response, and their text is approved content, not the
customer's words to screen); agent replies are outbound interactions (`log_interaction`).
"""
