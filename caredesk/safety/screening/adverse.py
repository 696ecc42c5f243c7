"""Adverse-event mentions: symptoms and harm wording that the writer asserts happened.

Sources of mentions: the symptom lexicon (lexicon.py), agent shorthand ("pt c/o N/V", "SOB"),
and generic harm cues ("side effects", "reaction", "made me feel"). Each mention is dropped when
it sits in a negation, hypothetical, reason-for-use or history scope (context.py) or inside an
idiom ("sick of waiting", "a pain in the neck").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

from caredesk.safety.screening import clinical, consumer, service_talk
from caredesk.safety.screening.assertion import asserting_spans
from caredesk.safety.screening.context import Scope, Span, scopes_of
from caredesk.safety.screening.lexicon import clinical_lexicon, lay_lexicon
from caredesk.safety.screening.product_words import product_word_spans
from caredesk.safety.screening.text import Sentence, tokens

SHORTHAND = re.compile(
    r"(?<![\w'])(?:n/v(?:/d)?|n\s?&\s?v|n\+v|h/a|sob|doe|cp|abd pain|gi upset|loc|sz|"
    r"s/e|ses|ae|ade|adr|sx|c/o|complain(?:s|ed|ing)? of|reports? (?:feeling|having)|"
    r"experienc(?:ed|ing)|suffer(?:ed|ing)(?! from)|developed|broke out|se queja de|presenta|"
    r"presento|refiere)(?![\w'])"
)
# After "c/o" (complains of) the next words are the complaint itself, whatever they are.
COMPLAINS_OF = re.compile(r"(?<![\w'])(?:c/o|complain(?:s|ed|ing)? of|se queja de)(?![\w'])")
IDIOM = re.compile(
    r"(?<![\w'])(?:sick (?:of|and tired)|tired of|pain in the (?:neck|butt|ass)|headache "
    r"(?:to|of|for us|for me)|what a (?:pain|headache)|dying to|killing me|killed it|"
    r"hurt my feelings|side of|reaction (?:time|from (?:your|the) (?:team|staff|company))|"
    r"chain reaction|weak (?:signal|connection|wifi|password)|sore loser|burning question|"
    r"itching to|allergic to (?:paperwork|waiting|hold music)|me muero de ganas|"
    r"out of stock|stock|temperature (?:of|in) the (?:room|house|warehouse)|"
    r"(?:the|a|each|one|every|inside the|in the|of the|empty) blisters?|blisters? (?:pack|strip|"
    r"card|foil|sheet|packaging)s?|(?:is|am|are|i'm|he's|she's|was|were|i am|being) allergic to|"
    r"(?:[a-z]+ )?[a-z]+ "
    r"(?:pills?|meds?|medicines?|medications?|tablets?|relief|relievers?|killers?|spray|"
    r"drops|syrup|cream|gummies|chews?|collar|treatment|remedy|formula|patch(?:es)?|clinic|"
    r"doctor|specialist|management|supplements?|capsules?|caplets?|softgels?|tabs|ointment|"
    r"lozenges?|inhaler|shampoo|wash|lotion|powder|suppositor(?:y|ies)|foam|mousse|serum|"
    r"packs?)(?![\w'])|(?:vet|veterinario|veterinaria|doctor|hospital|a&e|er)(?: \w+){0,3} "
    r"(?:made (?:him|her|it|them) (?:be )?(?:sick|vomit|throw up)|induced (?:vomiting|emesis)|"
    r"(?:le|lo|la|les) (?:hizo|hicieron) vomitar)|(?:the|a|wrong|right|new|replacement|spare|"
    r"correct|different|pipe|hose|tap|wall|light) fittings?|infection (?:control|prevention)|"
    r"(?:passed out|fainted|had a heart attack|had a stroke|died|collapsed|keeled over)"
    r"(?: \w+){0,2} (?:when|at|over|after) (?:i saw|seeing|i got|i read|i opened|i heard) (?:the|"
    r"my|your|this|that) (?:queue|line|price|bill|total|invoice|receipt|quote|statement|wait|"
    r"cost|fee|charge|letter|email)|failure (?:of|by) (?:your|the|their|our) (?:couriers?|"
    r"drivers?|staff|team|company|systems?|website|app|service|delivery)|failure to (?:deliver|"
    r"respond|reply|refund|send|ship|answer|call)|(?:delivery|payment|login|system|card|"
    r"transaction|courier|service) failures?|(?:can't|cannot|couldn't) get (?:up|down|in|"
    r"through)(?: to)? (?:the )?(?:\w+ )?(?:floor|level|stairs|steps|aisles?|door)|(?:milk|meat|"
    r"egg) withdrawal|withhold(?:ing)? (?:time|period)|(?:etiqueta|letra|impresion|texto|foto|"
    r"imagen|prospecto|label|print|writing|text|photo|image|picture)s?(?: [\w']+){0,4} "
    r"(?:borros[oa]s?|blurry|blurred|smudged)|(?:wee |little |tiny )?floaty bits|(?:people|"
    r"someone|somebody|customers|kids|children) (?:will|would|could|are going to|is going to) "
    r"(?:get )?(?:hurt|harmed|sick|die)|"
    r"(?:poison|poisoning|contaminat\w+)(?: \w+)? (?:products|stock|shelves|your \w+)|"
    r"mou?ld (?:growing|grew|on|in|inside)|(?:pain|fever|allergy) reducer|"
    r"(?:such|what|a real|real|total|absolute|complete|been|(?:it|this|that|which|process|"
    r"order|delivery|return|site|website|system)(?:'s| is| was| has been| became| turned "
    r"into)) (?:a |an )?(?:real |total |absolute |complete |huge |big |major )?(?:headache|"
    r"nightmare|pain|disaster)|heart attack (?:when|at|over|from) (?:i saw|seeing|the (?:bill|"
    r"price|total|invoice))|dolor de cabeza (?:con|este|esta|ese|esa)|pesadilla con|"
    r"(?:markings|instructions|directions|label|it|that|this|website|site|form) (?:\w+ )?"
    r"confused me|confusing|"
    r"bruised (?:apples?|fruit|bananas?|peach(?:es)?|pears?|tomato(?:es)?|box|ego)|"
    # A disease in a vaccine's name, a device that measures a body function, a packaging
    # "blister", faint print, a mix-up of products and a sharps injury (an exposure) are not harms.
    r"(?:yellow fever|hay fever|flu|influenza|shingles|measles|rabies|hepatitis \w|tetanus|covid|"
    r"pneumonia|chickenpox|typhoid|cholera|parvo|distemper|kennel cough|lyme|hpv|rsv|"
    r"whooping cough)(?:-19)? (?:jabs?|vaccines?|vaccinations?|shots?|boosters?|vacuna)|"
    r"(?:blood pressure|blood sugar|glucose|heart rate|oxygen|temperature) (?:machine|monitor|cuff|"
    r"meter|reader|readings?|check|log|app)|(?:el|un|del|los|en el|cada) blister(?:es)?|"
    r"(?:print|printing|writing|label|markings|ink|letters|text)(?: \w+){0,3} (?:faint|faded)|"
    r"(?:bacteria|mou?ld|fungus|something) growing|se confundi\w* de|"
    r"(?:sharps|needle-?\s?stick) injur(?:y|ies)|(?:the |a )?withdrawal (?:period|time|interval)s?"
    r")(?![\w'])"
)

# Harm-looking words whose subject is the product, not a person or an animal: spots, blotches
# or a burn mark *on a tablet* (appearance), blister packs ("blisters all intact"), a meter or
# its readings "flat-lining", a sensor that "died". Said of a body they stay harms.
_PRODUCT = (
    r"(?:pills?|tablets?|tabs|capsules?|caplets?|softgels?|gel ?caps?|gummies|lozenges?|chews|"
    r"treats|pastillas?|comprimidos?|capsulas?|grageas?|cream|gel|ointment|lotion|syrup|liquid|"
    r"suspension|solution|powder|product|coating|crema|jarabe|polvo)(?! site| area| spot)"
)
_MARK = (
    r"(?:spots?|blotch(?:es)?|blotchy|marks?|burn(?:t|ed)? marks?|scorch(?:ed)? marks?|burns?|"
    r"burnt|scorched|specks?|speckles?|speckled|stains?|bumps|lumps|discolou?ration|manchas?|"
    r"puntos|quemad[oa]s?|quemaduras?|marcas?|grumos)"
)
_DET = (
    r"(?:(?:the|my|a|an|one|some|two|three|each|every|several|half the|all the|these|those|both|"
    r"most|many|las|los|una|un|unas|unos|algunas|algunos|mis|tus|sus|la|el) )?(?:[\w-]+ )?"
)
_GAP = r"(?:(?!and |but |then |so |now |after |from |since )[\w'-]+ )"
_DEVICE = (
    r"(?:meter|monitor|sensor|pump|device|machine|readings?|graph|trace|screen|display|numbers|"
    r"values|oximeter|ecg|ekg|cgm|app|reader|transmitter|battery|batteries|charger|pen|inhaler|"
    r"unit|glucometro|sensor|medidor|aparato|lecturas?)(?:'s)?"
)
PRODUCT_OBSERVATION = re.compile(
    r"(?<![\w'])(?:(?:[\w-]+ ){0,2}" + _MARK + r" (?:all )?(?:on|in|across|over|all over|"
    r"covering|en|sobre) " + _DET + _PRODUCT + r"|" + _PRODUCT + r" " + _GAP + r"{0,2}(?:have|"
    r"has|had|with|show|shows|showed|showing|covered in|covered with|got|tienen|tiene|tenian|"
    r"con|traen|vienen con|llegaron con) " + _GAP + r"{0,3}" + _MARK + r"(?:(?:,| and| or| &| y)"
    r"(?: [\w-]+)? " + _MARK + r")*|blisters? (?:are |were |was |is )?(?:all |both |still |"
    r"each )?(?:intact|sealed|unopened|unbroken|empty|punctured|crushed|full|undamaged|popped "
    r"through|pushed through|intactos?|cerrados?)|" + _DEVICE + r"(?: [\w-]+){0,3} (?:flat-?\s?"
    r"lin\w*|flatlin\w*|went flat|goes flat)|" + _DEVICE + r"(?: [\w-]+){0,2} (?:died|dies|"
    r"has died|had died|is dead|went dead|just died|murio|se murio))(?![\w'])"
)


# A product's state in harm words: "the capsules have gone cloudy and some are dented and
# flat", "the gel has turned from clear to a yellowish colour", "the tube ... is oozing",
# "tablets ... they're damp and swollen".
_STATE = (
    r"(?:dented|flat|squashed|deflated|swollen|misshapen|soft|sticky|damp|wet|oozing|leaking|"
    r"weeping|seeping|bloated|puffed up|yellow(?:ish)?|brown(?:ish)?|orange(?:ish)?|pink(?:ish)?|"
    r"green(?:ish)?|discolou?red|cloudy|blistered|bubbled|bubbling|crusty|crusted)"
)
PRODUCT_STATE = re.compile(
    r"(?<![\w'])(?:" + _PRODUCT + r"|tube|tubes|bottle|sachets?|pouch|vial|ampoule|tub)"
    r"(?: (?!my |his |her |their |our |your |skin|face|eyes?|lips?|mouth|tongue|ankles?|legs?|"
    r"arms?|hands?|feet|foot|body|he |she |i )[\w',-]+){0,10}? (?:are|is|were|was|they're|it's|"
    r"look|looks|looked|gone|went|turned|"
    r"become|became|got|has|have)(?: all| really| very| a bit| slightly| quite| now| gone| turned)?"
    r"(?: from \w+)?(?: to| into)?(?: an?)? " + _STATE + r"(?:,? (?:and |or )?(?:some |a few |"
    r"many |most |all |others |several |one |two )?(?:of them )?(?:are |is |were |was |look |"
    r"looks |have |has )?(?:gone |turned |become )?(?:all |really |very |a bit |slightly )?"
    + _STATE
    + r")*"
    r"(?![\w'])"
)


def product_observations(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans in norm[start:end] where harm-looking words describe the product itself."""
    found = [(m.start(), m.end()) for m in PRODUCT_OBSERVATION.finditer(norm, start, end)]
    return found + [(m.start(), m.end()) for m in PRODUCT_STATE.finditer(norm, start, end)]


class Wording(IntEnum):
    """How a mention is worded; higher values need less context to count as a report."""

    CLINICAL = 0  # a clinical term: in a case sentence it needs a drug link
    LAY = 1  # consumer wording or agent shorthand from the lexicon
    CONSUMER = 2  # a consumer phrase family ("decreased libido", "going off it was hell")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    term: str
    scopes: frozenset[Scope]  # empty = asserted
    wording: Wording

    @property
    def lay(self) -> bool:
        """Consumer wording or agent shorthand, as opposed to a clinical term."""
        return self.wording is not Wording.CLINICAL


def not_harm_spans(norm: str, sentence: Sentence) -> list[tuple[int, int]]:
    """Harm-looking wording that is no harm: idioms, a product's own state, figures of speech
    about a service ("the wrong fitting", "capsules gone yellow", "an overdose of emails")."""
    out = [(m.start(), m.end()) for m in IDIOM.finditer(norm, sentence.start, sentence.end)]
    out += product_observations(norm, sentence.start, sentence.end)
    out += product_word_spans(norm, sentence.start, sentence.end)
    return out + service_talk.figurative_spans(norm, sentence.start, sentence.end)


# Greetings and sign-offs carry no harm, but letters that reported one often opened with them:
# a model scoring sentences read "Good afternoon." or "Afternoon!" as 0.25-0.6.
_SALUTATION = re.compile(
    r"(?<![\w'])(?:good (?:morning|afternoon|evening|day)|(?:morning|afternoon|evening)(?=!)|"
    r"hi(?:ya| there)?|hello(?: there)?|hey|dear (?:sirs?(?: or madam)?|madam|team|all|customer "
    r"(?:care|service)s?|colleagues?)|to whom it may concern|kind(?:est)? regards|best (?:regards|"
    r"wishes)|many thanks|thanks (?:so much|again|in advance)|yours (?:sincerely|faithfully)|"
    r"buen(?:as|os) (?:tardes|dias|noches)|hola|estimad[oa]s?(?: senor(?:es|a)?)?|saludos"
    r"(?: cordiales)?|atentamente|un saludo|cheers)(?![\w'])"
)


def masked_for_model(norm: str, sentence: Sentence) -> str:
    """The sentence as the AE model reads it: wording the rules know is no harm is blanked, so
    the model does not read "the wrong fitting" or "capsules gone yellow" as harm evidence, and
    so are greetings and sign-offs."""
    text, pos = [], sentence.start
    greetings = [
        (m.start(), m.end()) for m in _SALUTATION.finditer(norm, sentence.start, sentence.end)
    ]
    for a, b in sorted(not_harm_spans(norm, sentence) + greetings):
        if a >= pos:
            text.append(norm[pos:a])
            pos = b
    text.append(norm[pos : sentence.end])
    return " ".join(part.strip() for part in text if part.strip())


def mentions_in(norm: str, sentence: Sentence, spans: list[Span]) -> list[Mention]:
    """Every harm mention in the sentence, with the scope that silences it (if any)."""
    if service_talk.about_a_service(norm, sentence):
        return []
    found: list[tuple[int, int, str, Wording]] = []
    toks = tokens(norm, sentence.start, sentence.end)
    found.extend((h.start, h.end, h.term, Wording.LAY) for h in lay_lexicon().find(toks))
    phrases = consumer.harm_spans(norm, sentence.start, sentence.end)
    found.extend((a, b, t, Wording.CONSUMER) for a, b, t in phrases)
    lay_starts = {f[0] for f in found}
    for m in SHORTHAND.finditer(norm, sentence.start, sentence.end):
        end = m.end()
        if COMPLAINS_OF.fullmatch(m.group()):
            end = min(sentence.end, m.end() + 30)
        found.append((m.start(), end, m.group(), Wording.LAY))
    clinical_hits = [(h.start, h.end, h.term) for h in clinical_lexicon().find(toks)]
    clinical_hits.extend(clinical.condition_spans(norm, sentence.start, sentence.end))
    found.extend((a, b, t, Wording.CLINICAL) for a, b, t in clinical_hits if a not in lay_starts)
    idioms = not_harm_spans(norm, sentence)
    spans = asserting_spans(norm, sentence, spans)
    out: list[Mention] = []
    for start, end, term, wording in found:
        if any(a <= start < b for a, b in idioms):
            continue
        out.append(Mention(start, end, term, scopes_of(spans, start, end), wording))
    return out
