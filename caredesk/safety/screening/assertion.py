"""Whether a harm mention is asserted, beyond the general scopes of context.py: the refinements
that only harm mentions need (context.py's scopes also serve special situations and complaints).

- NegEx pseudo-negations and clause breaks: "not worth the side effects", "no wonder", "did not
  help and caused...", "no problems other than a headache".
- The reason for use, said without a use verb: a symptom that persists despite the product
  ("eczema as bad as ever after a month on the ointment"), a symptom that made someone take more
  ("took 6 because the pain was so bad"), a product named for a symptom ("on the seizure medicine
  for nerve pain"), a product put on a symptom ("spray it on my rash").
- History by time: "had a heart attack in 2019, before any of this".
"""

from __future__ import annotations

import re
from dataclasses import replace

from caredesk.safety.screening.context import LINKAGE, Scope, Span
from caredesk.safety.screening.text import Sentence
from caredesk.safety.screening.text import word_rx as _rx

# NegEx pseudo-negations: a negation word that does not deny the harm after it ("not worth the
# side effects", "no wonder I felt sick", "not happy about the weight gain", "no one warned me
# about the tremor", "never had a panic attack before I started it").
PSEUDO_NEGATION = re.compile(
    r"(?:(?:not|no|never|n't)\s+(?:worth|only|just|wonder|doubt|matter|necessarily|"
    r"surprisingly|(?:\w+ )?(?:happy|pleased|thrilled|impressed|fond|a fan) (?:about|with|of))|"
    r"no[ -]one (?:\w+ )?(?:told|warned|prepared?|mentioned|explained)|"
    r"(?:no|not|never|\w+n't)(?: (?:have|get|had|got|notice|noticed|experience|experienced|"
    r"seen))? (?:any )?other (?:side[- ]?effects?|symptoms?|reactions?))(?![\w'])"
)
# The negated harm is one the writer had before ("no nausea like I had last week", "without the
# dreams that I had on the drugs"): it was experienced, so the negation does not clear it.
HAD_BEFORE = re.compile(
    r"(?<![\w'])(?:like|that|which|as|the way) (?:i|he|she|we|they) (?:had|experienced|got|"
    r"suffered|used to (?:get|have))(?! (?:noticed|seen|heard|known|been told|read|expected|"
    r"feared|thought|hoped|imagined|been warned|worried))(?![\w'])"
)
# A harm "that went away after a month": it happened and resolved, so neither "went away"
# scope (gone = negated, better = the reason for use) applies. A resolution said of the
# product's use ("went away after two weeks of the cream") stays the reason for use.
RESOLVED_LATER = re.compile(
    r"(?:that|which|but|and|then|it|they) (?:went away|wore off|subsided|eased off|faded) "
    r"(?:on (?:its|their) own|by itself|after (?:about |around )?(?:a while|(?:a|an|one|two|"
    r"three|a few|a couple of|several|\d+) (?:weeks?|months?)(?: or so)?(?! (?:of|on|using|"
    r"taking|with))))"
)
NEW_SINCE = re.compile(
    r"(?<![\w'])(?:before|until|till) (?:i |he |she |we )?(?:started|starting|began|took|taking|"
    r"going on|went on|got on|this|these|that|the (?:drug|med|meds|medication|pills?|tablets?|"
    r"shot|vaccine|injection))(?![\w'])"
)
# A new clause inside a negation's window that states an effect or a cause: "did not help my
# depression and caused suicidal thoughts", "no side effects other than a headache", "I didn't
# eat much due to nausea". The negation stops there.
NEGATION_BREAK = re.compile(
    r"(?<![\w'])(?:(?:and |, ?)?(?:it |this |that |which )?(?:caused|gave|made|left|causing|"
    r"giving|making)|other than|apart from|aside from|besides|due to|because (?:of|i|he|she|"
    r"they|it|the))(?![\w'])|"
    r"[,;:] ?(?:just|only)(?![\w'])|, ?(?:came|went|got|felt|developed|started|broke|woke|"
    r"became|ended up)(?![\w'])"
)


def asserting_spans(norm: str, sentence: Sentence, spans: list[Span]) -> list[Span]:
    """The scopes as they bear on harm mentions: pseudo-negations dropped, each negation cut
    where a new clause states an effect or a cause (NegEx's pseudo-triggers and terminators),
    and the reason-for-use and history scopes that context.py does not open (below)."""
    out: list[Span] = _reason_spans(norm, sentence, spans)
    for span in spans:
        if _resolved_later(norm, sentence, span):
            continue
        if span.scope is Scope.NEGATED:
            if HAD_BEFORE.search(norm, span.start, span.end) or _cannot_without(norm, span):
                continue
            if PSEUDO_NEGATION.match(norm, span.trigger_start, span.end + 1):
                continue
            if NEW_SINCE.search(norm, span.start, span.end):
                continue
            cut = NEGATION_BREAK.search(norm, span.start, span.end)
            if cut:
                span = replace(span, end=cut.start())
        out.append(span)
    return out


# "Can't stand up without feeling dizzy", "can barely walk without pain": a double negation
# that asserts the harm after "without".
CANNOT = re.compile(
    r"(?<![\w'])(?:can't|cannot|can not|couldn't|could not|can barely|can hardly|could barely|"
    r"could hardly|unable to|not able to|never able to)(?![\w'])"
)
_WITHOUT = re.compile(r"(?<![\w'])without(?![\w'])")


def _cannot_without(norm: str, span: Span) -> bool:
    """The negation is half of "can't X without <harm>" (either half)."""
    trigger = norm[span.trigger_start : span.trigger_end]
    if trigger == "without":
        before = norm[max(0, span.trigger_start - 60) : span.trigger_start]
        return CANNOT.search(before) is not None and not re.search(r"[.;!?]", before)
    return CANNOT.match(norm, span.trigger_start) is not None and bool(
        _WITHOUT.search(norm, span.start, span.end)
    )


def _resolved_later(norm: str, sentence: Sentence, span: Span) -> bool:
    """A backward scope ("... went away") whose harm went away in time, by itself."""
    if span.trigger_start < span.end or span.scope not in (Scope.NEGATED, Scope.INDICATION):
        return False
    lo = max(sentence.start, span.trigger_start - 12)
    return RESOLVED_LATER.search(norm, lo, min(sentence.end, span.trigger_end + 50)) is not None


# The product did not help: the symptom named is the one it was taken for (lack of efficacy).
NO_EFFECT = _rx(
    r"(?:as|just as|every bit as) \w+ as (?:ever|before|always)|(?:exactly |just )?the same as "
    r"(?:always|ever|usual|before)|no (?:change|difference|effect|"
    r"improvement|better)|zero effect|still (?:can't|cannot|unable|\w+ing|there|the same|here|"
    r"going)|(?:hasn't|haven't|has not|have not) (?:shifted|budged|improved|changed|cleared|"
    r"slowed)|(?:isn't|wasn't|is not|not) (?:working|helping|doing (?:anything|its job))|"
    r"(?:didn't|did not|doesn't|does not|don't) (?:work|help|do anything)|came (?:straight|right) "
    r"back|even though i (?:take|use|took|used|give|gave)|despite (?:taking|using|the)|"
    r"(?:does|did|do) (?:nothing|nowt|sweet fa|sod all)|still (?:wheezy|itchy|blocked|sore|stuffy|"
    r"congested|runny|red|swollen|lousy|bunged up|full of)|(?:eaten alive|bitten|bites|stung)"
    r"(?: [\w'-]+){0,3} anyway|(?:precisely |exactly )?as it was"
)
# The symptom the product took away ("worked a treat, headache gone in twenty minutes"): the
# reason for use, in the same way.
RELIEVED = _rx(
    r"worked a treat|(?:headache|pain|cough|itch|itching|rash|fever|symptoms?|cramps?|"
    r"heartburn|congestion|dolor|tos|fiebre) (?:was |were |had |has )?(?:gone|went|cleared|"
    r"eased|se fue|se quito) (?:away )?(?:in|within|after|en) (?:\w+ ){0,2}(?:minutes?|mins?|"
    r"hours?|an hour|minutos|horas?)"
)
# It names a harm caused by the product after all ("didn't help and gave me a rash"), or one
# that came on stopping it (withdrawal).
CAUSED = _rx(
    r"caused|causing|gave (?:me|him|her|them)|made (?:me|him|her|them|my \w+|his \w+|her \w+|"
    r"their \w+)|side[- ]?effects?|"
    r"reaction|(?:ever )?since (?:starting|taking|(?:i|he|she|we) (?:started|switched|changed|"
    r"went on|began)|the (?:new|first|last|second)|switching)|(?:started|began|came on) (?:right "
    r"|just )?after|after (?:starting|taking|(?:the|my|his|her|1st|2nd|first|second) (?:\w+ )?"
    r"(?:dose|pill|tablet|shot|injection|jab|application))|from the (?:new )?(?:pills?|tablets?|"
    r"meds?|medicine|medication|drug)|(?:go|went|going|gone|come|came|coming|get|got|getting) "
    r"off|stopp(?:ed|ing)|quit(?:ting)?|withdrawa?l"
)
# More of a product, or another dose, "because" of a symptom: the symptom is the reason.
MORE_BECAUSE = re.compile(
    r"(?<![\w'])(?:took|take|taking|gave|give|giving|had|used|using|applied|another|extra|"
    r"second|more|double|\d+ of|buy|buying|bought|uso|usa|compro|tomo)(?![\w'])"
    r"(?:(?!stopp|quit| off |switch)[^.;!?])*?(?<![\w'])(?:because|as|since|cos|cause|porque)"
    r"(?![\w'])"
)
# A product named for a symptom ("the seizure medicine for nerve pain"), or put on one.
PRODUCT_FOR = _rx(
    r"(?:medicines?|medications?|meds|drugs?|tablets?|pills?|spray|cream|gel|drops|ointment|"
    r"antibiotics?|inhaler|patch|syrup|remedy|treatment|chews?) (?:\w+ ){0,3}?(?:for|whenever "
    r"(?:i|he|she|they) (?:get|gets|have|has))|(?:put|putting|puts|apply|applying|applied|"
    r"spray|spraying|sprayed|rub|rubbing|rubbed|dab|dabbing|using|use|used) (?:\w+ ){0,5}?on "
    r"(?:my|his|her|their|a|the|our)(?: own)?"
)
# "..., which is why I keep your cream", "..., so we're stocking up on the emollient": all that
# comes before is the reason for buying or using it.
WHY_I_BUY = _rx(
    r"(?:which|that|this) is (?:why|the reason) (?:i|we|he|she|they)(?:'m| am| are|'re)? "
    r"(?:always )?(?:keep|buy|buying|use|using|take|taking|order|ordering|stock|bought|have|"
    r"asking|looking|enquiring|writing|calling|interested)|"
    r"so (?:i'm|we're|i am|we are|i|we) (?:always )?(?:stocking up|buying|ordering|keep|getting "
    r"more)|so (?:i|we|he|she)(?: always| only| usually| just)? (?:buy|order|get|keep)|y (?:cada "
    r"(?:primavera|verano|invierno|otono|ano|mes)|siempre|todos los \w+) (?:compro|uso|pido)"
)
BEFORE_ANY = _rx(
    r"before (?:any of this|all (?:of )?this|(?:i|he|she|we) (?:ever )?(?:started|began|took)|"
    r"starting|taking (?:it|this|the))|(?:in|back in) (?:19|20)\d\d"
)
_NEGATION_WORD = _rx(r"no|not|never|n't|didn't|haven't|hasn't|hadn't|wasn't")


_CLAUSE_STOP = re.compile(r",|;|(?<![\w'])(?:and|but|then|so|which|y|pero)(?![\w'])")


def _reason_spans(norm: str, sentence: Sentence, spans: list[Span]) -> list[Span]:
    """Reason-for-use and history scopes by the patterns above, each to the end of its clause;
    none where the sentence says the product caused a harm ("gave me", "since starting")."""
    text, base = sentence.text, sentence.start
    if CAUSED.search(text):
        return []
    found: list[Span] = []
    for rx in (NO_EFFECT, RELIEVED):
        for m in rx.finditer(text):  # the symptom is named before or after it, in its clause
            stop = base + _clause_stop(text, m.end())
            found.append(Span(Scope.INDICATION, base, stop, base, base))
    for rx in (MORE_BECAUSE, PRODUCT_FOR):
        for m in rx.finditer(text):
            stop = _clause_stop(text, m.end(), 40)
            found.append(
                Span(
                    Scope.INDICATION, base + m.end(), base + stop, base + m.start(), base + m.end()
                )
            )
    why = WHY_I_BUY.search(text)
    if why:
        found.append(Span(Scope.INDICATION, base, base + why.start(), base + why.start(), base))
    if BEFORE_ANY.search(text) and not _NEGATION_WORD.search(text) and not LINKAGE.search(text):
        found.append(Span(Scope.HISTORY, base, sentence.end, base, base))
    return found


def _clause_stop(text: str, pos: int, window: int = 200) -> int:
    cut = _CLAUSE_STOP.search(text, pos + 1, pos + window)
    return cut.start() if cut else min(len(text), pos + window)
