"""`screen()`: one pass over a text that finds adverse events, special situations, product
complaints, tampering and seriousness, each with evidence spans into the caller's text.

Pure Python, no database and no network, so it runs inline on every inbound interaction and in
the `caredesk triage` batch command alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from caredesk.safety.screening import (
    adverse,
    clinical,
    concepts,
    concepts_quality,
    model,
    patterns,
    service_talk,
)
from caredesk.safety.screening.catalog import ProductCatalog, catalog_for, find_generics
from caredesk.safety.screening.codes import ComplaintCategory, Seriousness, SpecialSituation
from caredesk.safety.screening.complaint_gates import merchandise_only, threat_sentence
from caredesk.safety.screening.complaints import find_complaints, in_it_sentence, sentence_at
from caredesk.safety.screening.concepts_families_results import LABEL_FACT, SAME_SPECIES_USE
from caredesk.safety.screening.context import (
    LINKAGE,
    SILENT_FOR_FINDINGS,
    Scope,
    Span,
    asserted,
    scopes_for,
)
from caredesk.safety.screening.harm_vocabulary import may_tell_of_harm
from caredesk.safety.screening.not_taken import NEED_EXPOSURE, not_taken_yet
from caredesk.safety.screening.result import Evidence, ScreeningResult
from caredesk.safety.screening.text import Sentence, normalise, sentences

IT_SENSITIVE = (SpecialSituation.LACK_OF_EFFICACY, SpecialSituation.MEDICATION_ERROR)
# Codes the learned path may not give a product used on its own species.
_AGAINST_THE_LABEL = (SpecialSituation.OFF_LABEL_USE, SpecialSituation.MISUSE)
# Amount, use and "did not work" words that a service sentence uses too ("the 4-week
# subscription is too much", "my points still haven't gone through").
SERVICE_SENSITIVE = (
    SpecialSituation.OVERDOSE,
    SpecialSituation.WITHDRAWAL,
    SpecialSituation.MISUSE,
    SpecialSituation.ABUSE,
    SpecialSituation.LACK_OF_EFFICACY,
    SpecialSituation.MEDICATION_ERROR,
)


def _either(phrases: re.Pattern[str], concept: re.Pattern[str] | None) -> re.Pattern[str]:
    """One regex for a code: the phrase table's pattern OR the concept table's."""
    return phrases if concept is None else re.compile(f"{phrases.pattern}|{concept.pattern}")


SPECIAL = {c: _either(r, concepts.SPECIAL.get(c)) for c, r in patterns.SPECIAL.items()}
SERIOUS = {c: _either(r, concepts_quality.SERIOUS.get(c)) for c, r in patterns.SERIOUS.items()}
# Seriousness words alone ("my mom is in the hospital") need a harm or a drug link to count.
OUTCOME_CRITERIA = (Seriousness.DEATH, Seriousness.LIFE_THREATENING, Seriousness.HOSPITALIZATION)
# Product problems that can themselves hurt someone: next to an outcome they link it.
HARMFUL_COMPLAINTS = frozenset(
    f"complaint:{c}"
    for c in (
        ComplaintCategory.DEVICE_MALFUNCTION,
        ComplaintCategory.FOREIGN_MATTER,
        ComplaintCategory.COUNTERFEIT,
    )
)


def screen(
    text: str, program: str | None = None, catalog: ProductCatalog | None = None
) -> ScreeningResult:
    """Screen one text. `catalog` (or the one registered for `program`) links product/lot names."""
    norm = normalise(text)
    result = ScreeningResult()
    sents = sentences(norm)
    scoped = [(s, scopes_for(s)) for s in sents]
    mentions, silenced = _adverse_events(norm, scoped)
    ae_hits = _reported_harms(norm, mentions, scoped)
    untaken = not_taken_yet(norm)  # "haven't given him anything yet": nothing was taken
    _special_situations(norm, scoped, result)
    if untaken:
        result.special_situations = [s for s in result.special_situations if s not in NEED_EXPOSURE]
    find_complaints(norm, scoped, result)
    complaint_at = [e.start for e in result.evidence if e.label in HARMFUL_COMPLAINTS]
    serious = _seriousness(norm, scoped, has_harm=bool(ae_hits), complaint_at=complaint_at)
    outcome = any(c in OUTCOME_CRITERIA for c, _, _ in serious)
    if untaken:
        ae_hits, outcome, result.ae_score = [], False, 0.0
    elif not ae_hits and not outcome:
        other = model.other_finding(
            result.special_situations, result.product_complaint, result.tampering
        )
        read = _model_sentences(norm, scoped, silenced, mentions)
        ae_hits, result.ae_score = _model_harms(read, other)
        if ae_hits:  # the model found the harm: the criteria in the text now count too
            serious = _seriousness(norm, scoped, has_harm=True, complaint_at=complaint_at)
    else:
        result.ae_score = 1.0
    result.adverse_event = bool(ae_hits) or outcome
    if result.adverse_event:
        result.evidence.extend(ae_hits)
        result.seriousness = sorted({e[0] for e in serious}, key=list(Seriousness).index)
        result.evidence.extend(Evidence(a, b, f"seriousness:{c}") for c, a, b in serious)
    _link_products(text, norm, catalog or catalog_for(program), result)
    result.evidence.sort(key=lambda e: (e.start, e.end, e.label))
    return result


def model_inputs(text: str) -> list[tuple[str, list[str]]]:
    """The (normalised sentence, rule hints) pairs the model would read for `text`
    (eval/train_model.py uses this to train and pick its threshold on what the runtime scores)."""
    norm = normalise(text)
    scoped = [(s, scopes_for(s)) for s in sentences(norm)]
    mentions, silenced = _adverse_events(norm, scoped)
    return [(s.text, hints) for s, hints in _model_sentences(norm, scoped, silenced, mentions)]


def _model_sentences(
    norm: str,
    scoped: list[tuple[Sentence, list[Span]]],
    silenced: list[int],
    mentions: list[tuple[Evidence, adverse.Wording]],
) -> list[tuple[Sentence, list[str]]]:
    """Sentences the model may read, each with hints from the rules: which kinds of harm
    mention they hold that the voice rule did not count (a clinical term in a consumer
    sentence, say). The rules own the scopes, so a sentence where one silenced a harm ("no
    nausea, vomiting or dizziness", "I take it for headaches") is left to them, and so is a
    sentence about a service only ("my nausea bands order is late": service_talk) or a threat
    ("people will get hurt unless...")."""
    out = []
    for sent, _ in scoped:
        if any(sent.start <= pos < sent.end for pos in silenced):
            continue
        if service_talk.about_a_service(sent.text) or threat_sentence(sent.text):
            continue
        if not may_tell_of_harm(sent.text):
            continue  # nothing in it to read (harm_vocabulary)
        kinds = {w.name.lower() for e, w in mentions if sent.start <= e.start < sent.end}
        read = replace(sent, text=adverse.masked_for_model(norm, sent))
        out.append((read, sorted(kinds)))
    return out


def _model_harms(
    sents: list[tuple[Sentence, list[str]]], other: bool = False
) -> tuple[list[Evidence], float]:
    """The learned recall path: the sentence the model scores highest, when over its threshold
    (a higher one when `other`: the rules found a special situation or a complaint, see
    model.LinearModel).

    Only consulted when no rule found a harm, so rule evidence (exact spans) wins when both do.
    """
    lm = model.load()
    if lm is None or not sents:
        return [], 0.0
    best, score = sents[0][0], -1.0
    for sent, hints in sents:
        p = lm.probability(sent.text, hints)
        if p > score:
            best, score = sent, p
    if score >= lm.threshold_for(other_finding=other):
        return [Evidence(best.start, best.end, "adverse_event")], score
    return [], score


def _reported_harms(
    norm: str,
    mentions: list[tuple[Evidence, adverse.Wording]],
    scoped: list[tuple[Sentence, list[Span]]],
) -> list[Evidence]:
    """Which asserted harm mentions make an adverse event.

    A report to the company (first person, agent notes, a relative, a pet) counts every one. A
    clinical case sentence counts only harms in a sentence that ties them to a drug, or a
    consumer phrase family (no case report says "going off it was hell"). Anything else counts
    consumer wording, and clinical terms only when so tied.
    """
    lay, consumer = adverse.Wording.LAY, adverse.Wording.CONSUMER
    linked = [s for s, _ in scoped if clinical.linked(s.text) or LINKAGE.search(s.text)]
    if clinical.report_voice(norm) or clinical.short_fragment(norm):
        onset = linked + [s for s, _ in scoped if clinical.ONSET.search(s.text)]
        return [
            e for e, w in mentions if w >= lay or any(s.start <= e.start < s.end for s in onset)
        ]
    strict = clinical.CLINICAL_VOICE.search(norm) is not None
    return [
        e
        for e, w in mentions
        if w is consumer
        or (w is lay and not strict)
        or any(s.start <= e.start < s.end for s in linked)
    ]


def _adverse_events(
    norm: str, scoped: list[tuple[Sentence, list[Span]]]
) -> tuple[list[tuple[Evidence, adverse.Wording]], list[int]]:
    """Asserted harm mentions (with how each is worded), and where a scope silenced one (a
    negation, a hypothetical, the reason for use or past history: the model does not read those
    sentences, the rules own them)."""
    hits: list[tuple[Evidence, adverse.Wording]] = []
    silenced: list[int] = []
    for sent, spans in scoped:
        for mention in adverse.mentions_in(norm, sent, spans):
            if not mention.scopes:
                evidence = Evidence(mention.start, mention.end, "adverse_event")
                hits.append((evidence, mention.wording))
            elif mention.scopes:
                silenced.append(mention.start)
    return hits, silenced


def _special_situations(
    norm: str, scoped: list[tuple[Sentence, list[Span]]], result: ScreeningResult
) -> None:
    # No product, use or clinician anywhere, and a service or a purchase named: no special
    # situation ("my friend got the birthday discount"), except a pack that fails a code check.
    service_only = service_talk.about_a_service(norm) or service_talk.about_a_purchase(norm)
    service_only = service_only and not find_generics(norm)  # "bought 'diazepam' off Snapchat"
    figures = service_talk.figurative_spans(norm, 0, len(norm))  # "an overdose of emails"
    for code, rx in SPECIAL.items():
        if service_only and code is not SpecialSituation.COUNTERFEIT:
            continue
        if code is SpecialSituation.COUNTERFEIT and merchandise_only(norm):
            continue  # "fake tote bags with your logo"
        # A suspected counterfeit ("could be fake") must reach quality: only negation silences it.
        silent = (Scope.NEGATED,) if code is SpecialSituation.COUNTERFEIT else SILENT_FOR_FINDINGS
        found = asserted(norm, rx, scoped, silent)
        found = [(a, b) for a, b in found if not any(x <= a < y for x, y in figures)]
        if code in SERVICE_SENSITIVE:
            # An amount or a use word said of a service, in its sentence.
            found = [(a, b) for a, b in found if not _in_service_sentence(norm, scoped, a)]
        if code in IT_SENSITIVE:
            found = [(a, b) for a, b in found if not in_it_sentence(norm, scoped, a)]
        if found:
            result.special_situations.append(code)
            result.evidence.extend(Evidence(a, b, str(code)) for a, b in found)
    if not service_only:
        _model_special(norm, scoped, result)


def _in_service_sentence(norm: str, scoped: list[tuple[Sentence, list[Span]]], pos: int) -> bool:
    sent = sentence_at(scoped, pos)
    return sent is not None and service_talk.about_a_service(norm, sent)


def _model_special(
    norm: str, scoped: list[tuple[Sentence, list[Span]]], result: ScreeningResult
) -> None:
    """The learned special-situation recall path, per code no rule found. It reads only the
    statements (questions are the rules' call: "can I take it while pregnant?"), and the
    evidence is the statement that scores highest."""
    models = model.load_special()
    statements = [s for s, _ in scoped if not s.question]
    if not models or not statements:
        return
    text = " ".join(s.text for s in statements)
    for code, lm in models.items():
        ss = SpecialSituation(code)
        if ss in result.special_situations or lm.probability(text) < lm.threshold:
            continue
        best = max(statements, key=lambda s: lm.probability(s.text))
        if ss in IT_SENSITIVE and in_it_sentence(norm, scoped, best.start):
            continue
        if ss in _AGAINST_THE_LABEL and SAME_SPECIES_USE.search(best.text):
            continue  # "the dog shampoo on our dog"
        if LABEL_FACT.search(best.text):
            continue  # "the hologram is there to stop fakes"
        result.special_situations.append(ss)
        result.evidence.append(Evidence(best.start, best.end, code))


def _seriousness(
    norm: str,
    scoped: list[tuple[Sentence, list[Span]]],
    has_harm: bool,
    complaint_at: Sequence[int] = (),
) -> list[tuple[Seriousness, int, int]]:
    """ICH criteria asserted in the text. Without a harm word an outcome counts only in a
    sentence that ties it to the product: a linking phrase, or a product problem in the same
    sentence ("the meter read 80 but I was at 400 and ended up in the hospital": a device
    malfunction that put someone in hospital is a serious injury to report)."""
    all_scopes = (Scope.NEGATED, Scope.HYPOTHETICAL, Scope.INDICATION, Scope.HISTORY)
    found: list[tuple[Seriousness, int, int]] = []
    device = adverse.product_observations(norm, 0, len(norm))  # "the sensor died"
    for code, rx in SERIOUS.items():
        for a, b in asserted(norm, rx, scoped, silent=all_scopes):
            if not any(x <= a < y for x, y in device):
                found.append((code, a, b))
    if has_harm:
        return found
    linked = [
        s
        for s, _ in scoped
        if LINKAGE.search(s.text) or any(s.start <= at < s.end for at in complaint_at)
    ]
    return [
        (c, a, b)
        for c, a, b in found
        if c in OUTCOME_CRITERIA and any(s.start <= a < s.end for s in linked)
    ]


def _link_products(
    text: str, norm: str, catalog: ProductCatalog | None, result: ScreeningResult
) -> None:
    if catalog is not None:
        result.products.extend(catalog.find_products(norm))
        result.lots.extend(catalog.find_lots(text))
    else:
        result.lots.extend(ProductCatalog().find_lots(text))
    taken = {(m.start, m.end) for m in result.products}
    result.products.extend(m for m in find_generics(norm) if (m.start, m.end) not in taken)
    result.evidence.extend(Evidence(m.start, m.end, m.kind) for m in result.products)
    result.evidence.extend(Evidence(m.start, m.end, "lot") for m in result.lots)
