"""The IVR's self-service answers and the side-effect report, after the caller has spoken.

- Lot check: the answer of `recall.check_lot`, read out with the next steps; what was asked
  and answered is stored on the case.
- FAQ: the caller's question is stored (and screened); a question that reads as a side effect,
  a product problem or tampering is not answered by the machine but handed to the safety
  specialists; otherwise the best approved article for consumers (knowledge's
  `search_articles`) is read out as its best passage, or, with no approved answer, the caller
  is offered a specialist.
- Report: what the caller said is stored (screened like any text: an adverse event opens a draft
  safety case) and the caller waits in the safety priority queue.
"""

from __future__ import annotations

from caredesk.channels.voice.models import MenuAction, VoiceRoute
from caredesk.channels.voice.services.calls import add_step, call_for, store_caller_words
from caredesk.channels.voice.services.config import ivr_config, voice_of
from caredesk.channels.voice.services.ivr import menu, safety_content, to_safety
from caredesk.channels.voice.services.links import hook
from caredesk.channels.voice.services.recall import check_lot, lot_answer_text
from caredesk.channels.voice.services.routes import Params, first
from caredesk.channels.voice.services.twiml import TwiML
from caredesk.knowledge.services.retrieval import search_articles

HANDOVER = (
    "It sounds like you are telling us about a side effect or a problem with a product. "
    "A safety specialist will take your call."
)


def lot_check(route: VoiceRoute, params: Params) -> str:
    """Recall check for the lot number the caller said or keyed."""
    call = call_for(route, params)
    config = ivr_config(route.program)
    heard = first(params, "SpeechResult").strip() or first(params, "Digits").strip()
    twiml = TwiML(voice_of(config))
    answer = check_lot(route.program, config, heard)
    if answer is None:
        gather = twiml.gather(hook("lot"), finishOnKey="#", timeout="8")
        twiml.say("Sorry, we did not get the lot number. Please say it again.", gather)
        return str(twiml.redirect(hook("menu")))
    text = lot_answer_text(config, answer)
    outcome = {True: "part of a recall", False: "not part of a recall", None: "ambiguous"}
    store_caller_words(
        call,
        "lot",
        f"Recall check by phone: lot {answer.lot} ({outcome[answer.recalled]}, heard "
        f'"{heard[:100]}"). Told the caller: {text}',
        params,
    )
    add_step(call, "lot", lot=answer.lot, recalled=answer.recalled)
    twiml.say(text)
    return str(menu(twiml, config, "To check another lot, press 1."))


def faq_answer(route: VoiceRoute, params: Params) -> str:
    """Read the best approved answer to the caller's question, or offer a specialist."""
    call = call_for(route, params)
    config = ivr_config(route.program)
    question = first(params, "SpeechResult").strip()
    twiml = TwiML(voice_of(config))
    if not question:
        gather = twiml.gather(hook("faq"), timeout="6")
        twiml.say("Sorry, we did not catch that. Please ask your question again.", gather)
        return str(twiml.redirect(hook("menu")))
    store_caller_words(call, "faq", f"Question asked in the IVR: {question}", params)
    if safety_content(question, config):
        add_step(call, "faq", said=question[:200], handed_over=True)
        return str(to_safety(call, config, HANDOVER))
    hits = search_articles(route.program_id, question, limit=1, consumer_only=True)
    if not hits:
        add_step(call, "faq", said=question[:200], article=None)
        intro = (
            "Sorry, we have no approved answer to that question. To talk to a specialist, press 0."
        )
        return str(menu(twiml, config, intro))
    hit = hits[0]
    add_step(call, "faq", said=question[:200], article=hit.article_id, version=hit.version.number)
    twiml.say(f"Here is our approved answer about {hit.title}.").say(hit.passage)
    intro = "If that did not answer your question, press 0 to talk to a specialist."
    return str(menu(twiml, config, intro))


def report(route: VoiceRoute, params: Params) -> str:
    """The caller's account of a side effect or product problem, then the safety queue."""
    call = call_for(route, params)
    config = ivr_config(route.program)
    said = first(params, "SpeechResult").strip()
    body = (
        f"Side effect or product problem reported in the IVR: {said}"
        if said
        else "The caller chose to report a side effect or a problem with a product."
    )
    store_caller_words(call, "report", body, params)
    add_step(call, "report", said=said[:200])
    return str(to_safety(call, config, "Thank you." if said else ""))


__all__ = ["MenuAction", "faq_answer", "lot_check", "report"]
