"""Opt-out, opt-in and help keywords, and the replies the carriers' rules ask for.

A keyword counts only as the whole message (case-insensitive, surrounding spaces and trailing
punctuation ignored): "Stop!" is STOP, "please stop sending the coupons" goes to an agent, who
records the revocation (regulations.md 7.1: any reasonable means revokes).

Opt-out: STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT (Twilio's and CTIA's list), REVOKE and
OPT OUT / OPTOUT (FCC 24-18 names them), and in Spanish ALTO, PARAR, DETENER, CANCELAR, BAJA.
Opt-in: START, UNSTOP, and YES only while the number is opted out (a "yes" to an agent's
question is not a subscription), plus Spanish COMENZAR. Help: HELP, INFO, AYUDA.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class KeywordKind(StrEnum):
    OPT_OUT = "opt_out"
    OPT_IN = "opt_in"
    HELP = "help"


@dataclass(frozen=True)
class Keyword:
    kind: KeywordKind
    word: str
    language: str  # "en" or "es": the reply's language


_WORDS: dict[str, tuple[KeywordKind, str]] = {
    **{
        w: (KeywordKind.OPT_OUT, "en")
        for w in ("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT")
    },
    **{w: (KeywordKind.OPT_OUT, "es") for w in ("ALTO", "PARAR", "DETENER", "CANCELAR", "BAJA")},
    **{w: (KeywordKind.OPT_IN, "en") for w in ("START", "UNSTOP", "YES")},
    "COMENZAR": (KeywordKind.OPT_IN, "es"),
    **{w: (KeywordKind.HELP, "en") for w in ("HELP", "INFO")},
    "AYUDA": (KeywordKind.HELP, "es"),
}
_ONLY_WHEN_OPTED_OUT = frozenset({"YES"})
_TRAILING = re.compile(r"[\s.!¡?¿,;:]+")


def keyword_in(body: str, *, opted_out: bool) -> Keyword | None:
    """The keyword the whole message is, if it is one."""
    word = _TRAILING.sub(" ", body).strip().upper()
    word = "OPTOUT" if word == "OPT OUT" else word
    found = _WORDS.get(word)
    if found is None or (word in _ONLY_WHEN_OPTED_OUT and not opted_out):
        return None
    return Keyword(found[0], word, found[1])


_REPLIES = {
    ("en", KeywordKind.OPT_OUT): (
        "You are unsubscribed from {name} messages and will receive no further messages. "
        "Reply START to resubscribe. Msg&data rates may apply."
    ),
    ("es", KeywordKind.OPT_OUT): (
        "Se ha dado de baja de los mensajes de {name} y no recibirá más mensajes. "
        "Responda START para volver a suscribirse. Pueden aplicarse tarifas de mensajes y datos."
    ),
    ("en", KeywordKind.OPT_IN): (
        "You are resubscribed to {name} messages. Reply HELP for help, STOP to unsubscribe. "
        "Msg&data rates may apply."
    ),
    ("es", KeywordKind.OPT_IN): (
        "Se ha vuelto a suscribir a los mensajes de {name}. Responda AYUDA para ayuda, ALTO "
        "para darse de baja. Pueden aplicarse tarifas de mensajes y datos."
    ),
    ("en", KeywordKind.HELP): (
        "{name} customer care{contact}. Reply STOP to unsubscribe. Msg&data rates may apply."
    ),
    ("es", KeywordKind.HELP): (
        "Atención al cliente de {name}{contact}. Responda ALTO para darse de baja. "
        "Pueden aplicarse tarifas de mensajes y datos."
    ),
}


def keyword_reply(keyword: Keyword, *, name: str, contact: str) -> str:
    """The compliant answer to a keyword, naming the program (and, for HELP, how to reach it)."""
    contact_text = f": {contact}" if contact else ""
    template = _REPLIES[(keyword.language, keyword.kind)]
    return template.format(name=name, contact=contact_text)
