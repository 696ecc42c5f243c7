"""Product quality complaints and suspected tampering: the complaint half of `screen()`.

Phrase and concept tables find the wording (patterns.py, concepts_quality*.py); the gates in
complaint_gates.py decide whether it is about one of our products (not merchandise, a shipping
box, a web shop) and whether a tampering finding is also a packaging complaint (a threat is
not). When no rule finds a complaint, the learned model may (model.py).
"""

from __future__ import annotations

import re

from caredesk.safety.screening import complaint_gates as gates
from caredesk.safety.screening import concepts_quality, model, patterns, service_talk
from caredesk.safety.screening.codes import ComplaintCategory, SpecialSituation
from caredesk.safety.screening.context import Scope, Span, asserted
from caredesk.safety.screening.praise import praised
from caredesk.safety.screening.result import Evidence, ScreeningResult
from caredesk.safety.screening.text import Sentence


def _either(phrases: re.Pattern[str], concept: re.Pattern[str] | None) -> re.Pattern[str]:
    """One regex for a code: the phrase table's pattern OR the concept table's."""
    return phrases if concept is None else re.compile(f"{phrases.pattern}|{concept.pattern}")


COMPLAINT = {
    c: _either(r, concepts_quality.COMPLAINT.get(c)) for c, r in patterns.COMPLAINT.items()
}
TAMPERING = _either(patterns.TAMPERING, concepts_quality.TAMPERING)
IT_SENSITIVE_COMPLAINTS = (
    ComplaintCategory.FOREIGN_MATTER,  # "the spreadsheet you sent has a bug"
    ComplaintCategory.DEVICE_MALFUNCTION,
    ComplaintCategory.LABELING,
    ComplaintCategory.QUANTITY,
)

# Categories a delighted sentence can seem to hold: a smell, a taste, a look, a feel.
PRAISE_SENSITIVE = (ComplaintCategory.APPEARANCE, ComplaintCategory.FOREIGN_MATTER)

Scoped = list[tuple[Sentence, list[Span]]]


def sentence_at(scoped: Scoped, pos: int) -> Sentence | None:
    """The sentence holding character `pos`."""
    return next((sent for sent, _ in scoped if sent.start <= pos < sent.end), None)


def _in_praise(scoped: Scoped, pos: int) -> bool:
    sent = sentence_at(scoped, pos)
    return sent is not None and praised(sent.text)


def in_it_sentence(norm: str, scoped: Scoped, pos: int) -> bool:
    """The sentence holding `pos` is about IT rather than a product (complaint_gates)."""
    sent = sentence_at(scoped, pos)
    return sent is not None and gates.in_it_sentence(norm, sent.start, sent.end)


def find_complaints(norm: str, scoped: Scoped, result: ScreeningResult) -> None:
    """Complaint categories and tampering, with evidence, into `result`."""
    logistics = gates.logistics(norm)
    if gates.merchandise_only(norm):
        return
    for category, rx in COMPLAINT.items():
        found = asserted(norm, rx, scoped)
        if category is ComplaintCategory.PACKAGING and logistics:
            found = [(a, b) for a, b in found if not gates.packaging_in_transit(norm, a)]
        if category is ComplaintCategory.APPEARANCE and logistics and gates.product_intact(norm):
            found = []  # "box squashed, the products perfect": the look of the shipment
        if category in PRAISE_SENSITIVE:  # "smells like a forest walk, love it"
            found = [(a, b) for a, b in found if not _in_praise(scoped, a)]
        if category in IT_SENSITIVE_COMPLAINTS:
            found = [(a, b) for a, b in found if not in_it_sentence(norm, scoped, a)]
        if found:
            result.complaint_categories.append(category)
            result.evidence.extend(Evidence(a, b, f"complaint:{category}") for a, b in found)
    if ComplaintCategory.COUNTERFEIT in result.complaint_categories and (
        service_talk.about_a_service(norm) or gates.merchandise_only(norm)
    ):  # "the reviews about you are fake", "fake tote bags with your logo"
        result.complaint_categories.remove(ComplaintCategory.COUNTERFEIT)
    _tampering(norm, scoped, logistics, result)
    if SpecialSituation.COUNTERFEIT in result.special_situations and (
        ComplaintCategory.COUNTERFEIT not in result.complaint_categories
    ):
        result.complaint_categories.append(ComplaintCategory.COUNTERFEIT)
    if not result.complaint_categories:
        _model_complaint(norm, scoped, logistics, result)
    if not result.tampering:
        _model_tampering(norm, scoped, logistics, result)
    result.product_complaint = bool(result.complaint_categories)


def _tampering(norm: str, scoped: Scoped, logistics: bool, result: ScreeningResult) -> None:
    """Suspected tampering: a described product problem (a cut seal) is also a packaging
    complaint; a threat to tamper with products ("I'll put something in your pills") is not,
    since no product defect is described. A threat is silenced only by a negation (it is
    hypothetical by nature: "unless you pay")."""
    found = asserted(norm, TAMPERING, scoped)
    found += [s for s in asserted(norm, gates.THREAT, scoped, (Scope.NEGATED,)) if s not in found]
    in_shipment = logistics and not gates.names_product_seal(norm)
    if not found or (in_shipment and not gates.contents_tampered(norm)):
        return
    result.tampering = True
    result.evidence.extend(Evidence(a, b, "tampering") for a, b in sorted(found))
    physical = [
        (a, b)
        for a, b in found
        for sent, _ in scoped
        if sent.start <= a < sent.end
        and not gates.threat_span(norm, a, b, range(sent.start, sent.end))
    ]
    if physical and not result.complaint_categories:
        result.complaint_categories.append(ComplaintCategory.PACKAGING)


def _model_complaint(norm: str, scoped: Scoped, logistics: bool, result: ScreeningResult) -> None:
    """The learned complaint recall path, when no rule found a complaint. The category is the
    likeliest one; the evidence is the sentence that scores highest. A message that is all
    questions is left to the rules ("what if the cap breaks?"), and so is a threat: it is
    tampering, not a complaint about a product defect."""
    cm = model.load_complaints()
    asserted_sents = [s for s, _ in scoped if not s.question]
    if cm is None or not asserted_sents or result.tampering:
        return
    if cm.complaint.probability(norm) < cm.complaint.threshold:
        return
    category = ComplaintCategory(cm.category(norm))
    if logistics and (category is ComplaintCategory.PACKAGING or gates.product_intact(norm)):
        return  # the shipment's state, or a product said to be fine
    best = max(asserted_sents, key=lambda s: cm.complaint.probability(s.text))
    if category in PRAISE_SENSITIVE and praised(best.text):
        return  # "smells like a warm hug, no notes"
    result.complaint_categories.append(category)
    result.evidence.append(Evidence(best.start, best.end, f"complaint:{category}"))


def _model_tampering(norm: str, scoped: Scoped, logistics: bool, result: ScreeningResult) -> None:
    """The learned tampering recall path, when no rule found tampering: the message scores over
    the model's threshold and states something (a message of questions only is left to the
    rules, and so is a shipment whose product is said to be fine). The evidence is the
    statement that scores highest. It names no complaint category by itself: the complaint
    paths above decide that."""
    tm = model.load_tampering()
    statements = [s for s, _ in scoped if not s.question]
    if tm is None or not statements or (logistics and gates.product_intact(norm)):
        return
    if tm.probability(norm) < tm.threshold:
        return
    best = max(statements, key=lambda s: tm.probability(s.text))
    result.tampering = True
    result.evidence.append(Evidence(best.start, best.end, "tampering"))
