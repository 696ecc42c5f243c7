"""Which mentions are asserted: NegEx/ConText-style scopes for negation, hypotheticals,
reasons for use and past history, in English and Spanish.

A trigger opens a scope that runs forward (or backward) to the end of the clause: the sentence
end, a contrast word ("but", "pero") or a fixed character window. A mention inside a scope is not
an asserted event: "no side effects", "can it cause drowsiness?", "I take it for headaches",
"history of asthma". A drug-linkage cue in the same sentence ("after taking", "since I started",
"gave me", "desde que") cancels the reason-for-use and history scopes, because then the symptom is
reported as an outcome.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from caredesk.safety.screening.text import Sentence
from caredesk.safety.screening.text import word_rx as _rx


class Scope(StrEnum):
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"
    INDICATION = "indication"
    HISTORY = "history"


@dataclass(frozen=True, slots=True)
class Span:
    scope: Scope
    start: int
    end: int
    trigger_start: int
    trigger_end: int


WINDOW = 70
TERMINATOR = _rx(
    r"but|however|although|though|except|yet|and then|and (?:i|he|she|we|they)|then|after|"
    r"afterwards|since|until|"
    r"now|later|which|whereas|while|when|who|whom|in whom|pero|aunque|sin embargo|despues|"
    r"luego|ahora|cuando|y (?:llevo|tengo|tiene|me|le|les|estoy|esta|ando|anda|amaneci\w*|"
    r"empece|empezo|siento|siente|sigo|sigue|se \w+|lo notamos|la notamos|lo vimos)|hizo|tuvo|"
    r"vomito|(?:me|le|les|nos|la|lo) \w{3,}(?:o|io|"
    r"aron|ieron)|(?:me|le|les|nos) (?:dan|da|dio|dieron|causan|"
    r"causa|causo|provocan|provoca|provoco)|(?:they|it|these|this) (?:make|made|makes|give|gave|"
    r"gives) (?:me|him|her|us)"
    r")(?![\w'])|,\s*(?:i|i'm|i've|he|she|they|it's|we|so|quede|me|le|se|y|pero|ahora|luego|"
    r"despues|tengo|tiene|estoy|esta)(?![\w'])|(?<![\w'])(?:y luego)(?![\w'])|"
    # a dash between clauses ("nobody had reduced it - presented with melaena")
    r"(?:(?<=\s)[\u2013\u2014-]+(?=\s)"
)
FORWARD = {
    Scope.NEGATED: _rx(
        r"no|not|never|without|denie[sd]|deny|denying|free of|negative for|absence of|none|nor|"
        r"zero|didn't|did not|don't|do not|doesn't|does not|haven't|hasn't|have not|has not|"
        r"hadn't|wasn't|weren't|isn't|aren't|won't|no longer|nothing like|ruled out|"
        r"ni|sin|nunca|ningun|ninguna|ningunos|jamas|tampoco|nada de"
    ),
    Scope.HYPOTHETICAL: _rx(
        r"if|in case|whether|can it|could it|can this|could this|can they|does it|do they|"
        r"will it|would it|may cause|might cause|can cause|could cause|risk of|risks|"
        r"chance of|possible|possibly|worried|worry|afraid|concerned|concern|scared|prevent|"
        r"(?<!never )(?<!n't )(?<!not )expected (?:a|an|some|to (?:get|have|feel))|"
        r"avoid|avoiding|warning|warnings|warns|what are|is it normal|should i|in the event of|"
        r"watch for|look out for|watch out for|keep an eye out for|be careful of|beware of|"
        r"leaflet says|label says|listed|known to|reported to|lists|"
        r"si|en caso de|puede causar|puede dar|podria|riesgo de|prevenir|evitar|me preocupa|"
        r"potential|potentially|should be|be aware|aware of|monitor(?:ed|ing)? for|observe for|"
        r"index of suspicion|suspicion of|may (?:induce|lead|result|produce|occur|develop)|"
        r"can (?:induce|lead|result|produce|occur|develop)|could (?:induce|lead|result)|"
        r"hypothesi[sz]e|screened for|to rule out|to exclude|to evaluate|to assess|to determine|"
        r"to investigate|to study|is more common|are more common|is rare|are rare"
    ),
    Scope.INDICATION: _rx(
        r"to treat|to help with|helps with|help with|helped with|helps|helped|to relieve|"
        r"relieves|relieved|to control|to manage|to prevent|treatment of|treatment for|"
        r"indicated for|against|good for|works for|worked for|cured|got rid of|relief from|"
        r"relief for|para tratar|para el|para la|para mi|para los|para las|para su|contra|"
        r"me ayuda con|alivia|improvement (?:in|of)|improved|cessation of|resolution of|"
        r"relief of|reduces|reduced|reduction (?:in|of)|control of|treatment-resistant|"
        r"refractory|resistant|prophylaxis (?:of|for|against)|for (?:my|his|her|their|our|your)"
    ),
    Scope.HISTORY: _rx(
        r"history of|hx of|h/o|used to have|used to get|suffered from|suffer from|suffers from|"
        r"suffering from|diagnosed (?:(?:my|his|her|our|the|him|them|it) )?(?:\w+ )?with|"
        r"(?:my|his|her|our) \w+ (?:is|are|has been|was born)(?= (?:registered |partially |"
        r"completely |totally )?(?:blind|deaf|partially sighted|visually impaired|hard of hearing|"
        r"diabetic|epileptic|disabled|autistic))|"
        r"known case of|past medical|years ago|as a child|"
        r"prior to|pre-existing|preexisting|chronic|antecedentes de|sufre de|padece|"
        r"diagnosticado con|diagnosticada con|hace anos|underlying|in the setting of|"
        r"(?:patients?|man|woman|men|women|boy|girl|child|children|infants?|subjects?|"
        r"individuals?|cases?|people|recipients?|those|adults?|neonates?) (?:with|having)|"
        r"(?:treatment|management|therapy) (?:of|for)|treated for|for (?:the )?(?:treatment|"
        r"prophylaxis|prevention|management) of"
    ),
}
# Negation words inside an idiom that denies nothing after it: "sin embargo" (however), "sin
# darme cuenta" / "without realising", "sin querer" / "without meaning to" (an accident: the
# medication error or exposure that follows is asserted), "sin parar" (non-stop); "won't stop
# shaking" / "no para de toser" assert what does not stop.
NOT_A_NEGATION = _rx(
    r"sin (?:embargo|duda|falta|parar|cesar|querer(?:lo)?|intencion|saber(?:lo)?|pensar(?:lo)?|"
    r"mirar|leer|fijarme|fijarse|fijarnos|(?:ningun |ninguna )?(?:razon|motivo)|previo aviso|"
    r"avisar|(?:dar|darme|darse|darte|darle|darles|darnos) cuenta)|"
    r"without (?:realising|realizing|noticing|thinking|meaning to|meaning it|knowing|"
    r"intending to|looking|checking|reading|a doubt|doubt|fail|delay|(?:any )?warning|"
    r"(?:any )?(?:reason|explanation))|no doubt|si no (?:me |nos |le |les )?(?:devuelven|pagan|"
    r"pagais|pagas|paga|dan|depositan|transfieren|responden|contestan)|"
    r"(?:won't|can't|cannot|couldn't|wouldn't|didn't|did not|doesn't|does not|don't|do not|"
    r"hasn't|haven't|has not|have not|will not|could not|never) (?:seem to )?(?:stop|stops|"
    r"stopped|quit)(?= [\w'-]+ing(?![\w']))|"
    r"no (?:para|paraba|paro|deja|dejaba|dejo|ha parado|ha dejado) de"
)
# A worry about a harm already there ("concerned about the wooziness", "worried about my
# rash") is no hypothetical; one about what might come ("worried about the side effects",
# "about getting a rash", "about the risk") still is.
NOT_A_HYPOTHETICAL = _rx(
    r"(?:eso|pues|claro que|creo que|dijo que|ahora|bueno|que) si|si(?=,)|si que|"
    r"(?:worried|concerned|scared|afraid) (?:about|by) (?:the|my|his|her|this|these|that|"
    r"those) (?!(?:possible |potential |long[- ]term )?(?:side[- ]?effects?|effects?|risks?|"
    r"chances?|dangers?|possib\w*|potential|long[- ]term|future|warnings?|interactions?|"
    r"reactions?|ingredients?|dose|dosage|price|cost|order|delivery|refund)(?![\w']))[\w'-]+"
)
BACKWARD = {
    Scope.NEGATED: _rx(r"ruled out|was denied|were denied|not present|resolved before|went away"),
    Scope.INDICATION: _rx(
        r"is gone|are gone|went away|is better|got better|improved|se me quito|like before|"
        r"as before|as usual|same as before|como antes|cleared up|cleared|healed|is healing|"
        r"went down|is gone now|disappeared|"
        r"(?:is|are) (?:the reason |why )(?:i|we|he|she|they) (?:take|use|bought|buy|started)"
    ),
    Scope.HISTORY: _rx(
        r"for years|since childhood|since i was|desde nino|desde nina|desde hace|(?:\d+|two|three|"
        r"many|several|some) years ago|a long time ago|nothing to do with (?:any|the|your|this) "
        r"(?:product|medicine|medication|tablets|pills|drug)s?"
    ),
}
# "I take it for my headaches": "for" opens an indication scope only after a use verb.
USE_FOR = re.compile(
    r"(?<![\w'])(?:take|takes|took|taking|use|uses|used|using|prescribed|given|gave|recommended|"
    r"treated|treatment|therapy|receiving|received|indicated|"
    r"bought|buy|started|start|on it|on this|tomo|toma|tome|uso|usa|receto|recetaron|put|putting|"
    r"puts|apply|applying|applied|rub|rubbing|considering|consider|commenced|commence|initiated|"
    r"initiate|prescribing|prescribe|starting|trialling|trial of|(?:pt|patient|resident)(?: [\w/]+)"
    r"{0,3} on|"
    r"(?:he|she|they|who) (?:is|are|was) on)"
    # up to twelve words between, so a dose and a schedule fit ("on valproate 500 mg BD for")
    r"(?:\s+[\w'/.%-]+){0,12}?\s+(?:for|por)(?![\w'])(?! (?:(?:a|an|one|two|three|four|five|six|"
    r"several|a few|a couple of|about|around|over|nearly|almost|the (?:last|past|first|next)|"
    r"\d+) )*(?:days?|weeks?|wks?|months?|years?|yrs?|hours?|mins?|minutes?|nights?|fortnight|"
    r"while|ages|dias|semanas|meses|anos)(?![\w']))"
)
LINKAGE = re.compile(
    r"(?<![\w'])(?:after (?:taking|using|starting|i took|i started|he took|she took|giving|"
    r"applying|the (?:first|second)|my (?:first|second)|the shot|the injection|the vaccine|"
    r"the dose|a dose|one dose|two|it|this)|since (?:taking|starting|using|i started|i began|"
    r"he started|she started|the)|started (?:taking|using|on)|caused|causing|gave me|gave him|"
    r"gave her|made me|made him|made her|makes me|side effects?|reaction|worse|worsened|"
    r"because of (?:the|this|it)|due to (?:the|this|it)|from (?:the|this) (?:medication|"
    r"medicine|drug|pill|tablet|product|shot|vaccine|injection)|desde que|despues de (?:tomar|"
    r"usar|aplicar|la|el)|me causo|le causo|me provoco|le provoco|me dio|le dio|me dejo|le dejo|"
    r"me ha dejado|le ha dejado|me han salido|le han salido|desde (?:el|la|los|las) "
    r"(?:nuev[oa]s? )?(?:\w+ )?(?:pastillas?|comprimidos?|parches?|cremas?|jarabe|vacuna|"
    r"inyeccion|medicamento|tratamiento|diuretico|antibiotico|pomada|gotas)|efectos? "
    r"secundarios?|reaccion|peor|post[- ]?(?:inj|injection|dose|vaccine|vax|shot|infusion|"
    r"application)|(?:\d+|an?|one|two|few) ?(?:h|hr|hrs|min|mins|hours?|minutes?|days?|weeks?) "
    r"(?:after|post|later|into)|while on|on (?:the|this|it|these)|started on|since (?:the|my|"
    r"his|her|starting|using|taking)|ever since|after (?:the|my|his|her|their|our|each|every|"
    r"using|taking|applying|giving))(?![\w'])"
)
WEAK_LINKS = frozenset(
    {
        "side effect",
        "side effects",
        "reaction",
        "worse",
        "worsened",
        "efecto secundario",
        "efectos secundarios",
        "reaccion",
        "peor",
        "caused",
        "causing",
    }
)
EXPERIENCE = re.compile(
    r"(?<![\w'])(?:i have|i've|i had|i got|i get|i am|i'm|i was|i've been|i developed|i feel|"
    r"i felt|i keep|he has|she has|he had|she had|he got|she got|he is|she is|he's|she's|"
    r"it gave|it made|my \w+ (?:has|had|is|was|got|started)|been having|started having|"
    r"started getting|broke out|tengo|tuve|me dio|me salio|le salio|tiene|tuvo|estoy|"
    r"i gave|we gave|i took|i used|i put|i applied|i've given|i've taken|i've used|"
    r"i've been (?:taking|giving|using)|le di|le dimos|me tome|"
    r"me siento|me senti)(?![\w'])"
)
REQUEST = re.compile(
    r"(?<![\w'])(?:what dose|how much (?:should|can|do)|how many (?:should|can)|can i (?:give|"
    r"take|use)|can he take|can she take|is it (?:ok|okay|safe) to|should i (?:give|take|use)|"
    r"which (?:one|product) (?:is|for)|recommend something|que dosis|cuanto le doy|puedo "
    r"(?:tomar|darle|usar))(?![\w'])"
)


def scopes_for(sentence: Sentence) -> list[Span]:
    """All scopes opened in one sentence, in absolute character offsets."""
    text, base = sentence.text, sentence.start
    linked = LINKAGE.search(text) is not None
    spans: list[Span] = []
    if sentence.question and not EXPERIENCE.search(text) and not _strongly_linked(text):
        spans.append(Span(Scope.HYPOTHETICAL, base, sentence.end, base, base))
    if REQUEST.search(text) and not linked:
        spans.append(Span(Scope.INDICATION, base, sentence.end, base, base))
    for scope, rx in FORWARD.items():
        if linked and scope in (Scope.INDICATION, Scope.HISTORY):
            continue
        for m in rx.finditer(text):
            if scope is Scope.NEGATED and _inside(NOT_A_NEGATION, text, m.start()):
                continue
            if scope is Scope.HYPOTHETICAL and _inside(NOT_A_HYPOTHETICAL, text, m.start()):
                continue
            end = _clause_end(text, m.end())
            spans.append(Span(scope, base + m.end(), base + end, base + m.start(), base + m.end()))
    if not linked:
        for m in USE_FOR.finditer(text):
            end = min(_clause_end(text, m.end()), _indication_end(text, m.end()))
            spans.append(
                Span(Scope.INDICATION, base + m.end(), base + end, base + m.start(), base + m.end())
            )
    for scope, rx in BACKWARD.items():
        if linked and scope in (Scope.INDICATION, Scope.HISTORY):
            continue
        for m in rx.finditer(text):
            start = _clause_start(text, m.start())
            spans.append(
                Span(scope, base + start, base + m.start(), base + m.start(), base + m.end())
            )
    return spans


# What a drug is "for" is a short noun phrase: it ends at a clause word or at a verb that tells
# what happened next ("for tremor and within a week he fainted", "for epilepsy developed a rash").
_INDICATION_END = re.compile(
    r"(?<![\w'])(?:and|but|then|developed|develops|developing|came|broke|woke|started|began|"
    r"became|got|gets|felt|feels|fainted|collapsed|had|has|now|within|after|since|pero|"
    r"desarrollo|empezo|le salio|le salieron)(?![\w'])|[,;:]"
)


def _indication_end(text: str, pos: int) -> int:
    m = _INDICATION_END.search(text, pos + 1, pos + 40)
    return m.start() if m else min(len(text), pos + 40)


def _inside(rx: re.Pattern[str], text: str, pos: int) -> bool:
    return any(m.start() <= pos < m.end() for m in rx.finditer(text))


def _strongly_linked(text: str) -> bool:
    """A link to the product beyond the bare nouns "side effect" / "reaction" (which a question
    names without reporting one: "can it cause a reaction?")."""
    return any(m.group() not in WEAK_LINKS for m in LINKAGE.finditer(text))


def _clause_end(text: str, pos: int) -> int:
    limit = min(len(text), pos + WINDOW)
    m = TERMINATOR.search(text, pos, limit)
    return m.start() if m else limit


def _clause_start(text: str, pos: int) -> int:
    lo = max(0, pos - WINDOW)
    last = lo
    for m in TERMINATOR.finditer(text, lo, pos):
        last = m.end()
    return last


def scopes_of(spans: list[Span], start: int, end: int) -> frozenset[Scope]:
    """The scopes a mention [start, end) falls in; empty when it is asserted.

    A trigger inside the mention itself ("not eating", "can't sleep") does not count.
    """
    found: set[Scope] = set()
    for span in spans:
        if span.trigger_start >= start and span.trigger_end <= end and span.trigger_end > start:
            continue
        if span.start <= start < span.end:
            found.add(span.scope)
    return frozenset(found)


SILENT_FOR_FINDINGS = (Scope.NEGATED, Scope.HYPOTHETICAL)


def asserted(
    norm: str,
    rx: re.Pattern[str],
    scoped: list[tuple[Sentence, list[Span]]],
    silent: tuple[Scope, ...] = SILENT_FOR_FINDINGS,
) -> list[tuple[int, int]]:
    """Matches of `rx` (per sentence) that fall in none of the `silent` scopes."""
    out = []
    for sent, spans in scoped:
        for m in rx.finditer(norm, sent.start, sent.end):
            if not scopes_of(spans, m.start(), m.end()) & set(silent):
                out.append((m.start(), m.end()))
    return out
