"""The self-service bot: answers from the program's approved knowledge base, and steps aside.

Each customer line is screened synchronously (`caredesk.safety.screening.screen`) for the bot's
decision only; the inbox processing screens the stored interaction again and records the
findings as for any channel. Safety content — an adverse event, a special situation (overdose,
pregnancy, medication error …), a product complaint or tampering — stops the bot at once: it
says a specialist will take over and the chat waits, flagged as priority, in the agents'
console. A customer asking for a person waits without the flag. Otherwise the best approved
consumer article answers with its best passage and names its source; below MIN_SCORE the bot
says it has no answer rather than guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from caredesk.knowledge.models import ArticleVersion
from caredesk.knowledge.services.retrieval import search_articles
from caredesk.knowledge.services.text import fold
from caredesk.safety.screening import ScreeningResult, screen

MIN_SCORE = 1.5


def _words(text: str) -> list[str]:
    return text.split()


_ASKS_FOR_PERSON = re.compile(
    r"\b(agent|human|person|representative|someone|operator|agente|persona|humano|asesor)\b"
)
_SPANISH = frozenset(_words("el la los las que de por para con una tengo mi es esta como donde"))
_ENGLISH = frozenset(_words("the is are my have with for what how where does do and it i"))

TEXTS = {
    "en": {
        "safety": (
            "Thank you for telling us. I am handing this chat to a specialist who will take "
            "over shortly to help you and record what happened. Please stay in this chat."
        ),
        "person": "I am connecting you with a care specialist. Please stay in this chat.",
        "unknown": (
            "I am sorry, I could not find an answer to that. Rephrase your question, or type "
            '"agent" to talk to a person.'
        ),
    },
    "es": {
        "safety": (
            "Gracias por contárnoslo. Paso este chat a un especialista que le atenderá en "
            "breve para ayudarle y registrar lo ocurrido. Por favor, permanezca en el chat."
        ),
        "person": "Le comunico con un especialista. Por favor, permanezca en el chat.",
        "unknown": (
            "Lo siento, no encontré una respuesta. Reformule su pregunta o escriba "
            '"agente" para hablar con una persona.'
        ),
    },
}


@dataclass(frozen=True)
class BotTurn:
    """What the bot does with one customer line."""

    text: str
    source: ArticleVersion | None = None
    handover: bool = False
    priority: bool = False
    reason: str = ""


def language_of(text: str) -> str:
    words = re.findall(r"[a-z]+", fold(text))
    spanish = sum(w in _SPANISH for w in words) + 2 * ("¿" in text or "ñ" in text.lower())
    return "es" if spanish > sum(w in _ENGLISH for w in words) else "en"


def safety_reasons(result: ScreeningResult) -> list[str]:
    """What in the screener's result makes this a specialist's conversation."""
    reasons = []
    if result.adverse_event:
        reasons.append("adverse event")
    if result.special_situations:
        reasons.append("special situation")
    if result.product_complaint:
        reasons.append("product complaint")
    if result.tampering:
        reasons.append("tampering")
    return reasons


def bot_turn(program_id: int, text: str) -> BotTurn:
    """The bot's answer to one customer line (see the module doc)."""
    language = language_of(text)
    reasons = safety_reasons(screen(text))
    if reasons:
        reason = ", ".join(reasons)
        return BotTurn(TEXTS[language]["safety"], handover=True, priority=True, reason=reason)
    if _ASKS_FOR_PERSON.search(fold(text)):
        return BotTurn(TEXTS[language]["person"], handover=True, reason="asked for a person")
    hits = search_articles(program_id, text, limit=1, consumer_only=True)
    if not hits or hits[0].score < MIN_SCORE:
        return BotTurn(TEXTS[language]["unknown"])
    return BotTurn(hits[0].passage, source=hits[0].version)
