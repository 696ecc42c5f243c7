"""Harm words that name a product, its parts or its paperwork in a complaint: the foil on these
blisters, drinkable ampoules ("ampollas bebibles"), "Side effects: none" on a form, the cough
mixture, print so faint, a label peeling, a flat battery, a pump screaming an alarm, every
stroke of a vaccinator, a weight-loss pen. Read off the adverse-event false positives of the
seventeenth to twentieth writers' batches (eval/contact_center/train_28.txt … train_31.txt,
a complaint-rich set whose first look had AE precision 0.45). adverse.not_harm_spans adds these
spans, so neither the rules nor the model read them as harms.
"""

from __future__ import annotations

import re

_PACK_PARTS = r"(?:foil|backing|pockets?|cavit(?:y|ies)|tablets?|pills|capsules|strips?)"

PRODUCT_WORDS = re.compile(
    r"(?<![\w'])(?:"
    # packaging blisters and drinkable or injectable ampoules
    + _PACK_PARTS
    + r" (?:on|of|in|from) (?:the |these |those |this |that |a |each |one )?blisters?|"
    r"(?:al|los|las|este|ese) blister(?:es)?|ampollas? (?:bebibles?|inyectables?)|"
    # a form's empty field, a leaflet's section
    r"(?:side|adverse) effects?\s*:?\s*(?:none|no|nil|n/?a|nothing|not known|ninguno)|"
    r"efectos (?:secundarios|adversos)\s*:?\s*(?:ninguno|no|nada)|(?:read|check|know|list|about)"
    r" (?:all )?(?:the |about the |of (?:the )?)?(?:possible |potential )?side effects|"
    # products named for what they treat
    r"cough (?:bottle|mixture|linctus|sweets|sweet)s?|weight[- ]loss (?:pens?|injections?|jabs?|"
    r"drugs?|medications?|tablets|pills|products?|shakes?)|"
    # print and labels
    r"(?:printed|print|printing|lines?|writing|text|lettering|marks?|markings) (?:[\w']+ ){0,2}"
    r"(?:so |too |very |really )?faint|faint (?:lines?|print|writing|marks?|text|bands?)|"
    r"(?:printing|lettering|box|carton|packaging) (?:is |was |looks )?(?:all |really |very |a bit "
    r")?(?:blurr?y|blurred|smudged|fuzzy)|"
    r"(?:labels?|foil|stickers?|pouch(?:es)?|seals?|lids?|coating|paint|print|wrappers?|film)"
    r" (?:(?!skin|lips?|face|hands?|feet|scalp|nails?|says|said)[\w']+ ){0,3}(?:is |are |was |"
    r"were |keeps |kept |started |starting )?(?:peeling|peeled)|"
    # devices
    r"batter(?:y|ies)(?:'s| is| are| was| went| goes| were)? (?:\w+ )?flat|"
    r"(?:pump|alarm|device|meter|monitor|machine|it) (?:keeps |kept |was |is |started )?"
    r"(?:screaming|beeping|shrieking|squealing)|(?:every|each|per) stroke|"
    # a child's taste, skin prepared as instructed, a baby thriving, a question of swallowing
    r"(?:just|being|a bit|so|very) fussy|fussy (?:eater|about)|(?:clean|on|to|onto) dry skin|"
    r"(?:gaining|putting on|gained|put on) weight (?:normally|well|nicely|fine|steadily|as "
    r"(?:expected|normal))|(?:can't|cannot|can not|couldn't|could not|unable to|no puede|no "
    r"puedo) (?:swallow|tragar) (?:them|it|the (?:big |large )?\w+|tablets|pills|capsules|las "
    r"pastillas|los comprimidos)"
    r")(?![\w'])"
)


def product_word_spans(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans in norm[start:end] where a harm word names the product or its paperwork."""
    return [(m.start(), m.end()) for m in PRODUCT_WORDS.finditer(norm, start, end)]
