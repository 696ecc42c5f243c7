"""SMS and WhatsApp channel: Twilio-convention webhooks in, a provider interface out.

Inbound: `/hooks/twilio/sms/` verifies the X-Twilio-Signature with the route's auth token,
stores the message in the inbox (`store_inbound`) and, in the same transaction, records a
STOP / START / HELP keyword in the consent ledger and answers it with TwiML. Delivery-status
callbacks (`/hooks/twilio/status/`) update the outbound message's status. Outbound: case replies
and auto-acknowledgements go through `SmsProvider` (Twilio REST, or the local outbox file),
each checked against the consent ledger (`caredesk.outreach.services.may_send`) when queued and
again when sent.
"""
