"""Is this lot part of a recall? The IVR's self-service answer.

There is no recall flag on `tenancy.Lot` and no recalls app yet, so the recalled lots are a
per-program list in the IVR configuration (`IvrConfig.recalled_lots`); the program's lots
(`tenancy.Lot`) tell whether the number is one of its products' lots at all. When a recalls app
exists, `check_lot` is the one function to point at it.

A lot number is compared without spaces, dashes or case ("rlv 2401-a" is RLV2401A). A caller
on a keypad cannot type letters, so an all-digit entry matches a lot whose digits are those
digits (2401 matches RLV2401A); when that names several lots with different answers, the
caller is asked to say the full number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from caredesk.channels.voice.models import IvrConfig
from caredesk.tenancy.models import Lot, Program

SPOKEN_DIGITS = {
    "zero": "0",
    "oh": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}
_NOT_ALNUM = re.compile(r"[^0-9A-Z]")
_NOT_DIGIT = re.compile(r"[^0-9]")


def normalise_lot(raw: str) -> str:
    """RLV2401A from "r l v two four zero one a", "RLV-2401 A." or "rlv2401a"."""
    words = [SPOKEN_DIGITS.get(word, word) for word in raw.lower().split()]
    return _NOT_ALNUM.sub("", "".join(words).upper())


@dataclass(frozen=True)
class LotAnswer:
    """`lot`: the number as catalogued (or as heard); `recalled` None: several lots match."""

    lot: str
    recalled: bool | None
    known: bool


def _digits(value: str) -> str:
    return _NOT_DIGIT.sub("", value)


def check_lot(program: Program, config: IvrConfig, raw: str) -> LotAnswer | None:
    """The answer for what the caller said or keyed; None when nothing usable was heard."""
    heard = normalise_lot(raw)
    if not heard:
        return None
    recalled = {normalise_lot(str(n)) for n in (config.recalled_lots or []) if str(n).strip()}
    lots = {
        normalise_lot(n)
        for n in Lot.objects.filter(product__program=program).values_list("number", flat=True)
    }
    if heard in lots or heard in recalled:
        return LotAnswer(heard, heard in recalled, heard in lots)
    if heard.isdigit():
        matches = {n for n in lots | recalled if _digits(n) == heard}
        if matches:
            answers = {n in recalled for n in matches}
            if len(answers) > 1:
                return LotAnswer(heard, None, True)
            lot = sorted(matches)[0] if len(matches) == 1 else heard
            return LotAnswer(lot, answers.pop(), True)
    return LotAnswer(heard, False, False)


def spelled(lot: str) -> str:
    """R L V 2 4 0 1 A: read character by character."""
    return " ".join(lot)


def lot_answer_text(config: IvrConfig, answer: LotAnswer) -> str:
    """What the caller hears."""
    said = spelled(answer.lot)
    if answer.recalled is None:
        return (
            f"More than one of our lots ends in {said}. Please say the full lot number, "
            "letters included, or press 0 to talk to a specialist."
        )
    if answer.recalled:
        return f"Lot {said} is part of a recall. {config.recall_next_steps}"
    if not answer.known:
        return (
            f"We could not find lot {said} among our products' lots, and it is not on our "
            "recall list. Please check the number printed on the package, or press 0 to talk "
            "to a specialist."
        )
    return f"Lot {said} is not part of a recall. {config.not_recalled_text}"
