"""A message that says the product has not been taken yet reports no exposure: "haven't given
him anything yet", "she's not on anything at the moment", "aún no le hemos dado nada". Its
symptoms are the reason someone is asking (a medical-information question before starting),
so they are no adverse event, and no special situation that needs an exposure (a pregnancy, a
feed, an overdose, a use against the label, a lack of effect) follows from it. A fake or a
wrong product handed over, an infected batch or an exposure at work still count.

Read off the training batches: the pattern as it stands matches 60 messages in `train_6` …
`train_34`; 12 of them were screened as adverse events, and none of the 60 is one (the
twenty-second writer's medical-information batch, train_33, first look AE precision 0.65, held
most of them). A first, looser version also matched "worse than before I started", a
withdrawal report; the "than" guard and the narrower objects leave such reports alone.
"""

from __future__ import annotations

import re

from caredesk.safety.screening.codes import SpecialSituation as SS

_OBJECT = r"(?: (?:him|her|it|them|me|us))?(?: (?:anything|any of (?:it|them)|either|any))?"
NOT_TAKEN_YET = re.compile(
    r"(?<![\w'])(?:"
    r"(?:haven't|have not|hasn't|has not|not|i've not|he's not|she's not) (?:yet )?(?:taken|"
    r"given|had|started|used|tried|applied|begun)" + _OBJECT + r" (?:yet|so far)|"
    r"(?:haven't|have not|hasn't|has not) (?:taken|given|had|used|tried|started) (?:anything|"
    r"either|any of (?:it|them))(?: (?:yet|so far|today)|(?= ?[.,;!?]|$))|"
    r"(?:isn't|is not|not|he's not|she's not|i'm not) (?:taking|on) (?:anything|any (?!other)"
    r"\w+) (?:at the moment|currently|yet|right now|so far)|(?:been|is|was|i'm|i am) on "
    r"nothing|not started (?:yet|reducing)|(?<!than )before (?:she|he|i|they|we) (?:starts?|"
    r"begins?) (?:it|them|taking|on)|"
    r"(?:aun|todavia) no (?:le |lo |la |se )?(?:he|hemos|ha|han) (?:dado|tomado|empezado|pautado|"
    r"usado|puesto|aplicado)|no le (?:hemos|he|han) dado nada|no (?:he|ha|hemos|han) (?:tomado|"
    r"empezado|usado) nada"
    r")(?![\w'])"
)
# Special situations that need the product to have been taken or used.
NEED_EXPOSURE = frozenset(
    {
        SS.PREGNANCY,
        SS.BREASTFEEDING,
        SS.OVERDOSE,
        SS.LACK_OF_EFFICACY,
        SS.OFF_LABEL_USE,
        SS.MISUSE,
        SS.ABUSE,
        SS.WITHDRAWAL,
    }
)


def not_taken_yet(norm: str) -> bool:
    """The writer says the product has not been taken or given yet."""
    return NOT_TAKEN_YET.search(norm) is not None
