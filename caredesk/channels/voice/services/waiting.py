"""What a waiting caller hears and may do, and what becomes of a call when it leaves the queue.

The wait URL (Twilio fetches it again each time its document ends) announces the place in line
and the estimated wait, offers a callback (1) or voicemail (2), then holds. A callback hangs up
politely; voicemail leaves the queue (`<Leave>`), and the `<Enqueue>` action then records the
message. The `<Enqueue>` action also says how the wait ended (answered, hung up, left).
"""

from __future__ import annotations

from django.utils import timezone

from caredesk.channels.voice.models import CallRecord, QueueState, VoiceRoute
from caredesk.channels.voice.services.calls import add_step, call_for
from caredesk.channels.voice.services.config import ivr_config, voice_of
from caredesk.channels.voice.services.ivr import voicemail
from caredesk.channels.voice.services.links import hook
from caredesk.channels.voice.services.queueing import (
    callback_text,
    estimate_wait,
    minutes_text,
    request_callback,
)
from caredesk.channels.voice.services.routes import Params, first
from caredesk.channels.voice.services.twiml import TwiML

HOLD_SECONDS = 20
# Twilio's QueueResult values and what they mean for the call's wait.
QUEUE_RESULTS = {
    "bridged": QueueState.ANSWERED,
    "bridging-in-process": QueueState.ANSWERED,
    "redirected-from-bridged": QueueState.ANSWERED,
    "hangup": QueueState.ABANDONED,
    "leave": QueueState.LEFT,
    "redirected": QueueState.LEFT,
    "queue-full": QueueState.LEFT,
    "error": QueueState.LEFT,
    "system-shutdown": QueueState.LEFT,
}


def wait_music(route: VoiceRoute, params: Params) -> str:
    """Announce the estimate from live queue state and offer a callback."""
    call = call_for(route, params)
    config = ivr_config(route.program)
    estimate = estimate_wait(call, config)
    twiml = TwiML(voice_of(config))
    twiml.say(
        f"You are number {estimate.position} in line. The estimated wait is about "
        f"{minutes_text(estimate.minutes)}."
    )
    if config.offer_callback:
        gather = twiml.gather(hook("wait_choice"), speech=False, numDigits="1", timeout="8")
        twiml.say(
            "To be called back instead of waiting, press 1. To leave a message, press 2.", gather
        )
    return str(twiml.pause(HOLD_SECONDS))


def wait_choice(route: VoiceRoute, params: Params) -> str:
    """1: a callback, then goodbye; 2: leave the queue for voicemail; else keep waiting."""
    call = call_for(route, params)
    config = ivr_config(route.program)
    digit = first(params, "Digits").strip()[:1]
    twiml = TwiML(voice_of(config))
    if digit == "1":
        callback = request_callback(call, config)
        if callback is not None:
            add_step(call, "wait", action="callback", callback=callback.pk)
            return str(twiml.say(callback_text(callback)).hangup())
        twiml.say("Sorry, we cannot call you back: your number is withheld. Please hold.")
    elif digit == "2":
        add_step(call, "wait", action="voicemail")
        return str(twiml.leave())
    return str(twiml.redirect(hook("wait")))


def _wants_voicemail(call: CallRecord) -> bool:
    last = (call.steps or [{}])[-1]
    return last.get("step") == "wait" and last.get("action") == "voicemail"


def queue_done(route: VoiceRoute, params: Params) -> str:
    """How the wait ended; a caller who left for voicemail records it now."""
    call = call_for(route, params)
    config = ivr_config(route.program)
    state = QUEUE_RESULTS.get(first(params, "QueueResult").strip(), QueueState.LEFT)
    if call.queue_state == QueueState.WAITING:
        call.queue_state, call.dequeued_at = state, timezone.now()
        call.save(update_fields=["queue_state", "dequeued_at", "updated_at"])
    if state in (QueueState.ANSWERED, QueueState.ABANDONED) or call.queue_state == "callback":
        return str(TwiML(voice_of(config)).hangup())
    if _wants_voicemail(call):
        return str(voicemail(config))
    twiml = TwiML(voice_of(config)).say("Sorry, no specialist could take your call.")
    return str(voicemail(config, twiml))
