"""Words without which a sentence cannot tell of a harm: body parts, feelings, symptoms, signs
in animals, care settings and outcomes, in English and Spanish, matched as word beginnings.

Why: the AE model scores every sentence the rules leave to it, and a linear model gives a
sentence of neutral words a score near its threshold ("I like to buy things made in the UK"
0.27, "My dad loved the tin more than the sweets" 0.41, against 0.21). Chatty customer messages
by a new writer were flagged 29 times in 300 that way. A harm told in any words still needs one
of these ("my head's in a fog", "the dog's hiding under the bed", "me dio un bajón"), so the
model reads only sentences that hold one. The list is deliberately wide: it is a gate against
sentences with nothing to read, not a detector.
"""

from __future__ import annotations

import re

_EN = (
    # the body
    r"head|brain|mind|eye|ear|nose|nostril|sinus|mouth|lip|tongue|throat|neck|chest|heart|lung|"
    r"breath|stomach|tumm|belly|gut|bowel|bladder|kidney|liver|skin|face|cheek|arm|leg|hand|"
    r"finger|thumb|wrist|foot|feet|toe|ankle|knee|hip|joint|muscle|bone|blood|pee|wee|"
    r"urin|poo|stool|period|vagin|penis|genital|testic|breast|nipple|gum|teeth|tooth|jaw|scalp|"
    r"hair|nail|vein|pulse|temperature|weight|appetite|energy|sleep|slept|dream|nightmare|mood|"
    r"anxi|depress|panic|suicid|hallucin|confus|memory|concentrat|sugar|glucose|pressure|bp|"
    r"hypo|hyper|body|bod|system|hormon|libido|erect|sex|"
    # feelings and symptoms
    r"feel|felt|sick|ill|unwell|poorly|pain|ache|achy|aching|hurt|sore|swell|swollen|puff|rash|"
    r"hive|itch|burn|sting|bleed|bled|bruis|blister|spot|pimple|acne|lump|bump|red|numb|tingl|"
    r"pins and needles|dizz|faint|woozy|light-?head|vomit|throw|threw|puk|nause|queas|diarr|"
    r"runs|constip|cramp|spasm|shak|trembl|twitch|seiz|fit|collaps|pass(?:ed)? out|tired|"
    r"exhaust|fatigu|letharg|drows|dozy|groggy|insomn|awake|weak|wobbl|stagger|wheez|cough|"
    r"sneez|fever|hot|cold|chill|sweat|flush|pale|yellow|jaund|discharg|infect|pus|ulcer|wound|"
    r"scar|allerg|reaction|react|side.?effect|fog|zombie|wired|jitter|racing|pound|thump|"
    r"palpitat|flutter|weird|strange|funny|rough|awful|terrible|horrible|dreadful|worse|"
    r"agony|unbearable|crying|cried|tears|scream|irritab|grump|angry|rage|restless|"
    r"spaced|high|buzz|blurr|vision|see|hearing|deaf|ringing|taste|smell|choke|chok|gag|"
    r"swallow|peeling|flak|crack|dry|sunburn|stiff|"
    # care and outcomes
    r"hospital|a&e|er\b|emergenc|ambulance|paramedic|doctor|gp|vet|nurse|clinic|surgery|"
    r"admit|ward|icu|drip|died|dead|death|pass(?:ed)? away|kill|put down|put to sleep|"
    r"antibiotic|steroid|epipen|adrenaline|antihistamine|diagnos|develop|present(?:ed|s) "
    r"(?:with|at)|ingest|poison|toxic|overdos|recover|treated|treatment|absces|cultur|positive|"
    r"grew|isolat|bacteri|germ|virus|salmonella|inr|alt|ast|crp|ecg|scan|x-ray|biops|"
    r"downstairs|bother|scour|flat-?lin|arrest|cpr|resus|unrespons|unconscious|coma|patient|"
    r"raw|belli|glassy|blowing|woke|went down|picking at|bathroom|toilet|loo|train of thought|"
    r"(?:my|his|her|their|lower|upper) back|backache|"
    # what reviews of psychiatric drugs tell without a body word
    r"withdraw|addict|hooked|crash|naps?\b|asleep|orgasm|arous|desire|emotion|despond|darkness|"
    r"freak|bizarre|wean|taper|doses?\b|dosage|mg\b|side.?affect|effects|esophag|oesophag|"
    r"lost interest|loss (?:of )?interest|lack of (?:care|interest|motivation)|(?:can't|cannot|"
    r"couldn't|could not|can not) (?:drive|function|concentrate|remember|think|stop|get out)|"
    r"behind the wheel|(?:do|doing) (?:nothing|anything)|stable|motivat|focus|remember|wake|"
    r"cry\b|cries|missed (?:so much )?work|in this state|biggest i|outweighs?|"
    # animals
    r"eat|ate|food|drink|drank|limp|lame|hiding|hid|quiet|listless|scratch|lick|drool|froth|"
    r"foam|fur|coat|bald|egg|milk|lay|off (?:his|her|its|their) (?:food|feed|legs)|panting|"
    r"pant|bloat|colic|staring"
)
_ES = (
    r"cabeza|ojo|oido|oreja|nariz|boca|labio|lengua|garganta|cuello|pecho|corazon|pulmon|"
    r"respir|estomago|panza|barriga|tripa|piel|cara|brazo|pierna|mano|dedo|pie|rodilla|"
    r"espalda|cadera|musculo|hueso|sangr|orina|pis|caca|regla|dolor|duel|ardor|arde|ardia|"
    r"pica|picaz|roncha|granit|sarpull|hinch|mare|vomit|nause|diarr|estren|calambr|temblor|"
    r"convuls|desmay|cansad|sueno|insomn|debil|tos|fiebre|sud|escalofr|infecc|pus|llaga|"
    r"herida|alergi|reacc|hospital|urgencia|guardia|medico|doctor|veterinari|murio|muert|"
    r"fallec|raro|rara|mal|peor|fatal|come|comer|comia|bebe|beber|cojea|decaid|bajon|"
    r"siento|sentia|senti|hormigue|mancha|irrit|ansie|depre|nervio|presion|azucar|glucosa|"
    r"ingres|internad|sed|muri|tembl|camin|cresta|absces|cultiv|germen|bulto|chichon|"
    r"golpe|frente|cuero|lomo|escam|pelo|costra|huele|atontad|morad|hongo|cogote|ampolla|"
    r"comezon|quemad|hinchad|inflam|mocos|flema|atragant|ahog|vista|diagnost|recuper|trat|"
    r"pacient|refiere|potasio|sodio"
)
# Clinical words by their endings: keratitis, necrosis, anaemia, neuralgia, neuropathy.
_CLINICAL_ENDING = r"\w+(?:itis|osis|emia|aemia|algia|pathy|penia|uria|rrhea|rrhoea|oma)\b"


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern string (nested groups kept whole)."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(pattern):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    out.append(pattern[start:])
    return out


# Short words that begin many unrelated words ("ear" in "early", "back" in "background", "face"
# in "Facebook", "cara" in "Caracas", "alt" in "alternative"): matched as whole words, with an
# inflection at most. Every other entry matches as a word beginning ("dizz" in "dizziness").
_WHOLE_WORDS = frozenset(
    [
        "ear",
        "arm",
        "leg",
        "back",
        "hand",
        "face",
        "red",
        "hot",
        "see",
        "fit",
        "lay",
        "fur",
        "alt",
        "ast",
        "high",
        "ill",
        "hid",
        "pee",
        "wee",
        "dry",
        "eat",
        "ate",
        "gum",
        "lip",
        "hip",
        "toe",
        "jaw",
        "sex",
        "bod",
        "mind",
        "body",
        "spot",
        "runs",
        "cara",
        "pie",
        "pis",
        "pus",
        "sed",
        "tos",
        "sud",
        "mal",
        "come",
        "mare",
        "ojo",
        "coat",
        "milk",
        "egg",
        "lick",
        "food",
        "taste",
        "smell",
        "system",
    ]
)


def _bounded(word: str, endings: str) -> str:
    if word in _WHOLE_WORDS:
        return word + endings + r"(?![\w'])"
    return word


_HARMFUL = re.compile(
    r"(?<![\w'])(?:"
    + "|".join(_bounded(w, r"(?:s|es|d|ed|ing|y|ies)?") for w in _alternatives(_EN))
    + "|"
    + "|".join(_bounded(w, r"(?:s|es|a|as|o|os)?") for w in _alternatives(_ES))
    + "|"
    + _CLINICAL_ENDING
    + r")"
)


def may_tell_of_harm(text: str) -> bool:
    """True when the normalised text holds a word a harm cannot be told without."""
    return _HARMFUL.search(text) is not None
