"""The IVR conversation: greeting and consent notice, the menu, and each menu choice.

Every function takes a route already signature-checked and Twilio's parameters, and returns a
TwiML document. A choice is a key (`Digits`) or words (`SpeechResult`): words are stored as the
caller's words and screened like any text; words that the screener reads as a side effect, a
product problem or tampering take the caller to the safety specialists whatever else they
match, and otherwise the first option whose words they contain is taken.
"""

from __future__ import annotations

import re

from django.utils import timezone

from caredesk.channels.voice.models import CallRecord, IvrConfig, MenuAction, VoiceRoute
from caredesk.channels.voice.services.calls import (
    add_step,
    call_for,
    start_call,
    store_caller_words,
)
from caredesk.channels.voice.services.config import (
    MenuOption,
    general_queue,
    hours_text,
    is_open,
    ivr_config,
    menu_options,
    safety_queue,
    voice_of,
)
from caredesk.channels.voice.services.links import hook
from caredesk.channels.voice.services.queueing import enqueue
from caredesk.channels.voice.services.routes import Params, first
from caredesk.channels.voice.services.twiml import TwiML
from caredesk.safety.screening import screen

MENU_TRIES = 3
VOICEMAIL_SECONDS = 180


def answer_call(route: VoiceRoute, params: Params) -> str:
    """Incoming call: stored first; greeting, consent-to-record notice, then the menu."""
    start_call(route, params)
    config = ivr_config(route.program)
    twiml = TwiML(voice_of(config)).say(config.greeting).say(config.consent_notice)
    return str(menu(twiml, config))


def menu(twiml: TwiML, config: IvrConfig, intro: str = "", tries: int = 1) -> TwiML:
    """The menu as a <Gather> of keys or words; silence repeats it, then a specialist."""
    options = menu_options(config)
    hints = ", ".join(word for option in options for word in option.words)
    gather = twiml.gather(hook("menu", tries=tries), numDigits="1", timeout="6", hints=hints[:900])
    twiml.say(intro, gather)
    for option in options:
        twiml.say(option.prompt, gather)
    if tries >= MENU_TRIES:
        return twiml.redirect(hook("choose_agent"))
    return twiml.redirect(hook("menu", tries=tries + 1))


def safety_content(text: str, config: IvrConfig) -> bool:
    """Whether the screener reads a side effect, a product problem or tampering in `text`."""
    found = screen(text, program=config.program.code)
    return bool(found.adverse_event or found.tampering or found.product_complaint)


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"\b{re.escape(word)}\b", text) is not None


def pick(config: IvrConfig, digits: str, speech: str) -> MenuOption | None:
    options = menu_options(config)
    if digits:
        return next((o for o in options if o.key == digits[:1]), None)
    report = next((o for o in options if o.action == MenuAction.REPORT_PROBLEM), None)
    if report is None:
        report = MenuOption("", MenuAction.REPORT_PROBLEM, "", ())
    if safety_content(speech, config):
        return report
    said = speech.lower()
    return next((o for o in options if any(_has_word(said, w) for w in o.words)), None)


def choose(route: VoiceRoute, params: Params, tries: int = 1) -> str:
    """The caller's menu choice (none yet: the menu; `tries` counts silent rounds)."""
    call = call_for(route, params)
    config = ivr_config(route.program)
    digits, speech = first(params, "Digits").strip(), first(params, "SpeechResult").strip()
    if not (digits or speech):
        return str(menu(TwiML(voice_of(config)), config, tries=tries))
    if speech:
        store_caller_words(call, "menu", f"Said at the IVR menu: {speech}", params)
    option = pick(config, digits, speech)
    if option is None:
        twiml = TwiML(voice_of(config))
        return str(menu(twiml, config, "Sorry, that is not one of the choices.", tries + 1))
    add_step(call, "menu", key=option.key, action=option.action.value, said=speech[:200])
    return str(act(call, config, option.action))


def act(call: CallRecord, config: IvrConfig, action: MenuAction) -> TwiML:
    twiml = TwiML(voice_of(config))
    if action == MenuAction.RECALL_CHECK:
        gather = twiml.gather(hook("lot"), finishOnKey="#", timeout="8")
        twiml.say(
            "Please say the lot number printed on the package, or key in its digits and "
            "press the pound key.",
            gather,
        )
        return twiml.redirect(hook("menu"))
    if action == MenuAction.FAQ:
        gather = twiml.gather(hook("faq"), timeout="6")
        twiml.say("Please ask your question in a few words.", gather)
        return twiml.redirect(hook("menu"))
    if action == MenuAction.HOURS:
        twiml.say(hours_text(config))
        return menu(twiml, config, "Is there anything else we can help you with?")
    if action == MenuAction.REPORT_PROBLEM:
        gather = twiml.gather(hook("report"), timeout="5", actionOnEmptyResult="true")
        twiml.say(
            "Please tell us briefly what happened and with which product. A safety "
            "specialist will then take your call.",
            gather,
        )
        return twiml.redirect(hook("report"))
    if action == MenuAction.AGENT:
        return to_agent(call, config)
    return voicemail(config)


def to_agent(call: CallRecord, config: IvrConfig) -> TwiML:
    """The general queue while specialists are at work; voicemail when closed or no queue."""
    queue = general_queue(config)
    if queue is None or not is_open(config.program, timezone.now()):
        twiml = TwiML(voice_of(config))
        twiml.say("Our specialists are not available right now. " + hours_text(config))
        return voicemail(config, twiml)
    return enqueue(call, config, queue, MenuAction.AGENT)


def to_safety(call: CallRecord, config: IvrConfig, intro: str = "") -> TwiML:
    """The safety priority queue, at any hour (a safety report is never sent to voicemail
    first); voicemail only when the program has no queue at all."""
    queue = safety_queue(config)
    if queue is None:
        return voicemail(config, TwiML(voice_of(config)).say(intro))
    return enqueue(call, config, queue, MenuAction.REPORT_PROBLEM, intro=intro)


def voicemail(config: IvrConfig, twiml: TwiML | None = None) -> TwiML:
    """Record a message after the beep; the recording is attached to the call's case."""
    twiml = twiml or TwiML(voice_of(config))
    twiml.say("Please leave your name, your number and your message after the tone.")
    twiml.record(
        action=hook("voicemail_done"),
        status_callback=hook("recording"),
        max_length=VOICEMAIL_SECONDS,
    )
    return twiml.say("We did not receive a message. Goodbye.").hangup()


def choose_agent(route: VoiceRoute, params: Params) -> str:
    """The caller stayed silent at the menu: a specialist (or voicemail) takes over."""
    call = call_for(route, params)
    add_step(call, "menu", action=MenuAction.AGENT.value, said="(no choice)")
    return str(to_agent(call, ivr_config(route.program)))


def voicemail_prompt(route: VoiceRoute, params: Params) -> str:
    call = call_for(route, params)
    add_step(call, "voicemail")
    return str(voicemail(ivr_config(route.program)))


def voicemail_done(route: VoiceRoute, params: Params) -> str:
    config = ivr_config(route.program)
    twiml = TwiML(voice_of(config)).say("Thank you, your message has been saved. Goodbye.")
    return str(twiml.hangup())
