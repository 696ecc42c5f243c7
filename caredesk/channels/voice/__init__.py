"""Voice and IVR channel: Twilio-convention voice webhooks answered with TwiML.

A call to a program's number (`VoiceRoute`) is signed-checked with the route's auth token (the
SMS channel's signature check and token convention), stored through the inbox first (channel
`phone`, provider `twilio`, provider id = CallSid) and answered from the program's `IvrConfig`:
greeting, recording-consent notice and a menu (recall check by lot number, FAQ answers read
from approved articles, opening hours, report a side effect or product problem → the safety
priority queue, an agent → the general queue, voicemail). Waiting callers hear an estimate from
live queue state and may ask for a callback (`Callback`). Voicemail recordings are attached to
the call's case as a new interaction carrying the recording reference.
"""
