"""Praise is no complaint: "smells like a forest walk", "tastes exactly like the fruit pastilles
I had as a kid", "looks so cool coming out black", "the most satisfying grainy texture, love it".
A smell, a taste, a colour or a texture said with delight and without a word of contrast
describes the product as it should be. Read off the false positives of an independent writer's
customer-service batch of happy customers and reviewers (eval/customer_service/train_cs_16.txt,
written 2026-12-05 before the screener was run on it; first look: 22/300 flagged, 12 of them
appearance complaints). complaints.find_complaints asks this per sentence.
"""

from __future__ import annotations

import re

PRAISE = re.compile(
    r"(?<![\w'])(?:love|loves|loved|loving|amazing|awesome|great job|gorgeous|prettiest|pretty|"
    r"cute|so cool|satisfying|genius|nostalgic|yum(?:my)?|delicious|lovely|fab(?:ulous)?|"
    r"thumbs up|no notes|obsessed|favou?rite|game[- ]changer|so good|beautiful|adorable|"
    r"heavenly|divine|dreamy|like a (?:dream|hug|warm hug|spa|forest|holiday)|spa day|"
    r"never discontinue|keep (?:it|them) coming|encanta|encantan|delicios[oa]|riquisim[oa]|"
    r"precios[oa]|me fascina|una maravilla)(?![\w'])"
)
# Words that turn praise into a complaint ("I love this cream but this batch smells of
# vinegar"), or name something wrong whatever the tone.
CONTRAST = re.compile(
    r"(?<![\w'])(?:but|however|although|though|except|unfortunately|sadly|weird|odd|strange|"
    r"off|wrong|different|changed|not the same|no longer|used to|horrible|awful|disgusting|"
    r"gross|funny|bad|nasty|rancid|rotten|sour|vinegar|mou?ld\w*|pero|aunque|raro|rar[oa]|"
    r"distint[oa]|asco|podrid[oa])(?![\w'])"
)


def praised(sentence: str) -> bool:
    """The sentence praises and names nothing wrong."""
    return PRAISE.search(sentence) is not None and CONTRAST.search(sentence) is None
