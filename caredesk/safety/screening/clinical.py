"""Clinical (case-report) wording: condition names by their Greek/Latin make-up, drug names by
their INN stems, and the phrases literature uses to tie an event to a drug.

Why: a contact-center message is itself a report about a product, so an asserted symptom is an
adverse event. A clinical sentence ("A 45-year-old woman presented with fever") describes a
patient without blaming a drug; there the screener needs a causal link to a drug or a therapy
("X-induced Y", "Y associated with X", "developed Y during X therapy", "Y secondary to X").
Word shapes generalise where a list of terms seen in one corpus would not.
"""

from __future__ import annotations

import re
from functools import lru_cache

from caredesk.safety.screening.catalog import generic_lexicon
from caredesk.safety.screening.text import tokens
from caredesk.safety.screening.text import word_rx as _rx

# Condition names by suffix ("hepatitis", "neutropenia", "rhabdomyolysis", "nephrotoxicity").
CONDITION_WORD = re.compile(
    r"(?<![\w'-])(?!(?:diagnosis|prognosis|osmosis|hypnosis|analysis|dialysis|hemodialysis|"
    r"haemodialysis|sympathy|empathy|basis|emphasis|hypothesis|thesis|synthesis|trophy|"
    r"diploma|aroma|academia|criteria|media|utopia|hernia)(?![\w]))"
    r"[a-z]{2,}(?:itis|itides|osis|oses|emia|aemia|emias|penia|cytosis|algia|algias|pathy|"
    r"pathies|plegia|paresis|rrhea|rrhoea|rrhage|rrhagia|rrhages|uria|trophy|megaly|toxicity|"
    r"toxicities|lysis|spasm|spasms|edema|oedema|ataxia|kinesia|kinesias|tonia|phagia|phasia|"
    r"thymia|somnia|cardia|arrhythmia|ectasia|plasia|sthesia|sthesias|ptosis|necrosis|"
    r"oma|omas|itis)(?![\w'])"
)
CONDITION_PHRASE = _rx(
    r"(?:failure|insufficiency|dysfunction|injury|damage|toxicity|syndrome|disorder|"
    r"reaction|reactions|eruption|lesions?|hemorrhage|haemorrhage|bleeding|infarction|"
    r"thrombosis|embolism|arrest|prolongation|elevation|impairment|deficit|abnormalit(?:y|ies)|"
    r"complications?|intoxication|poisoning|toxic effects?|adverse effects?|side effects?)|"
    r"torsades? de pointes|qt (?:interval )?prolongation|prolonged qt|stevens-?johnson|"
    r"steven-?johnson|dress syndrome|delirium|coma|psychosis|mania|hypotension|hypertension|"
    r"bradycardia|tachycardia|fever|rash|hallucinations?|seizures?|death|died"
)
# Drugs by INN stem ("-mab", "-pril", "-azole") and by class words.
DRUG_WORD = re.compile(
    r"(?<![\w'])[a-z]{2,}(?:mab|nib|pril|prilat|sartan|olol|alol|azole|mycin|micin|cillin|"
    r"cycline|floxacin|oxacin|statin|vir|platin|taxel|rubicin|dipine|tidine|prazole|triptan|"
    r"barbital|azepam|zolam|oxetine|pramine|triptyline|apine|oxapine|peridol|profen|fenac|"
    r"coxib|olone|parin|xaban|gatran|grel|gliptin|gliflozin|glutide|formin|dronate|caine|"
    r"setron|lukast|terol|tropium|conazole|fungin|ciclovir|vudine|navir|tegravir|metasone|"
    r"semide|thiazide|tiazem|pamil|mustine|trexate|uracil|citabine|limus|sporine|oquine|afil|"
    r"lutamide|relin|ximab|zumab|umab|ciclib|parib|lisib|zomib|tretinoin|amide|azine|azide|"
    r"sulfan|thioprine|phylline|setron|dronate|flurane|curium|curonium|tadine|pirone|zodone|"
    r"faxine|pramine|amivir|ifene|oxifen|trozole|nidazole|azosin|osin|artan|olamine|"
    r"cillin|penem)(?![\w'])|(?<![\w'])(?:cef|ceph|sulfa)[a-z]{3,}(?![\w'])"
)
DRUG_CLASS = _rx(
    r"drugs?|medications?|medicines?|agents?|therapy|therapies|treatment|chemotherapy|"
    r"vaccines?|vaccination|immuni[sz]ation|injections?|infusions?|antibiotics?|steroids?|"
    r"corticosteroids?|antidepressants?|antipsychotics?|anticonvulsants?|antiepileptics?|"
    r"neuroleptics?|anticoagulants?|immunosuppress\w+|interferon(?:-?alpha|-?beta)?|ivig|bcg|"
    r"insulin|heparin|lithium|warfarin|contrast|opioids?|nsaids?|doses?|dosage|mg|"
    r"administration|ingestion|intake|overdose|regimen|tablets?|capsules?|pills?"
)
# "X-induced", "Y associated with", "secondary to", "toxicity": the sentence blames something.
CAUSAL = _rx(
    r"[\w-]+-(?:induced|associated|related|mediated|provoked|triggered|exacerbated|evoked)|"
    r"induced|induces?|inducing|associated with|in association with|attributed to|"
    r"attributable to|secondary to|caused by|causing|caused|cause of|resulting from|"
    r"as a result of|consequence of|related to|in relation to|complication of|complications of|"
    r"provoked|precipitated|triggered|exposure to|reactions? to|hypersensitivity to|"
    r"allerg\w+ to|toxicity|toxic|adverse|side effects?|intoxication|poisoning|"
    r"rechallenge|re-?exposure|re-?administration|dechallenge|discontinu\w+|withdrawal of|"
    r"implicated|culprit|causal|causative|probabl[ey]|naranjo|causes?|lead to|leads to|led to|"
    r"resulted in|results? in|responsible for|linked (?:to|with)|aggravat\w+|exacerbat\w+|"
    r"complicating|complicated by|gives? rise to|gave rise to|undesired effect|unwanted effect|"
    r"untoward|adversely"
)
# Time words that link an event to a drug only when the sentence also names a drug or therapy.
TEMPORAL = _rx(
    r"after|following|during|while (?:on|receiving|taking|being treated)|on (?:\w+ )?"
    r"(?:therapy|treatment)|receiving|treated with|due to|because of|developed|develop|"
    r"developing|onset|occurred|appeared|emerged|resolved|subsided|reversible|reversed|"
    r"stopp(?:ed|ing)|ceased|cessation|withdrawn|started|initiated|initiation|begun|"
    r"administered|given|took|taken|taking|ingested|ingestion|use of|from|under|by|"
    r"in a patient (?:on|taking|"
    r"receiving|treated)|patients? (?:on|taking|receiving|treated with)"
)


@lru_cache(maxsize=1)
def _drug_lexicon_keys() -> frozenset[str]:
    return frozenset(" ".join(k) for k in generic_lexicon().terms)


def has_drug(text: str) -> bool:
    """A drug (by lexicon or INN stem), a drug class or a therapy is named in `text`."""
    if DRUG_CLASS.search(text) or _has_stem_drug(text):
        return True
    return bool(generic_lexicon().find(tokens(text)))


def _has_stem_drug(text: str) -> bool:
    return any(len(m.group()) >= 7 and m.group() not in _COMMON for m in DRUG_WORD.finditer(text))


def condition_spans(norm: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Clinical condition words and phrases between `start` and `end`."""
    out = [(m.start(), m.end(), m.group()) for m in CONDITION_WORD.finditer(norm, start, end)]
    out.extend((m.start(), m.end(), m.group()) for m in CONDITION_PHRASE.finditer(norm, start, end))
    return out


def linked(text: str) -> bool:
    """The sentence ties an event to a drug: a causal phrase, a time phrase plus a drug, or a
    drug name right before a condition ("Tamoxifen retinopathy", "nitrofurantoin lung injury")."""
    if CAUSAL.search(text):
        return True
    if not has_drug(text):
        return False
    return TEMPORAL.search(text) is not None or _drug_names_condition(text)


def _drug_names_condition(text: str) -> bool:
    """A named drug followed, within two words, by a condition word or phrase."""
    ends = [h.end for h in generic_lexicon().find(tokens(text))]
    ends.extend(m.end() for m in DRUG_WORD.finditer(text) if m.group() not in _COMMON)
    for end in ends:
        for m in _NEXT_WORD.finditer(text, end, min(len(text), end + 40)):
            if m.start() - end > 30:
                break
            if CONDITION_WORD.match(text, m.start()) or CONDITION_PHRASE.match(text, m.start()):
                return True
    return False


_NEXT_WORD = re.compile(r"(?<=[\s-])[a-z]")


# Ordinary words that the stem patterns would take for a drug.
_COMMON = frozenset({"control", "patrol", "petrol", "cellular", "discontrol"})


# Who is speaking: a report to the company (first person, agent shorthand, a relative or an
# animal) rather than a clinical sentence about "the patient".
REPORT_VOICE = _rx(
    r"i|i'm|im|i've|ive|i'd|i'll|my|me|mine|myself|you|your|pt|caller|customer|consumer|"
    r"reporter|cust|c/o|mom|mum|mother|dad|father|husband|wife|son|daughter|baby|kid|kids|"
    r"toddler|grandma|grandpa|grandmother|grandfather|sister|brother|boyfriend|girlfriend|"
    r"friend|dog|cat|puppy|kitten|horse|pet|yo|mi|mis|tengo|tuve|estoy|hijo|hija|esposo|esposa|"
    r"perro|perra|gato|gata|called|calling|states|stated|says|said|per|reports|reported that|"
    r"vet|veterinarian|beagle|labrador|retriever|poodle|terrier|spaniel|collie|chihuahua|"
    r"mare|gelding|foal|ferret|parrot|bunny|mija|mijo|abuela|abuelo|mama|papa|"
    r"our (?!patients?|case|cases|study|institution|hospital|department|clinic|experience|"
    r"knowledge|findings|series|center|centre|results|data|report|observations?|unit|"
    r"population|cohort|practice|review|analysis)[a-z]+|"
    r"we (?!report|describe|present|observed|found|studied|investigated|conclude|suggest|"
    r"propose|reviewed|have|evaluated|performed|analy[sz]ed|examined|measured|recommend|"
    r"discuss|believe|hypothesi[sz]e|identified|compared|treated|used|documented|encountered|"
    r"noted|show|showed|demonstrate|retrospectively|prospectively|here|therefore|also|"
    r"previously|recently|now)[a-z]+"
)


def report_voice(norm: str) -> bool:
    """The text reads as a report to the company rather than a clinical case sentence."""
    return REPORT_VOICE.search(norm) is not None


# Case-report and study wording.
CLINICAL_VOICE = _rx(
    r"patients?|case|cases|year-old|yr-old|y/o|man|woman|men|women|boy|girl|infant|neonate|"
    r"child|children|subjects?|we|our|study|studies|trial|reported|report|describe[sd]?|"
    r"present(?:s|ed)?|literature|clinical|therapy|treatment|treated|administ\w+|mg|"
    r"dose|doses|dosage|serum|plasma|levels?|biopsy|diagnosis|diagnosed|admission|admitted|"
    r"hospital|syndrome|occurred|developed|induced|associated|showed|revealed|incidence|"
    r"mechanism|effects?|drug|drugs|toxicity|discontinu\w+|resolved|receiving|received"
)


def clinical_voice(norm: str) -> bool:
    """A clinical/literature sentence about a patient, not a report from the person affected."""
    return not report_voice(norm) and CLINICAL_VOICE.search(norm) is not None


def short_fragment(norm: str) -> bool:
    """A few words with no clinical wording ("No sex drive.", "Heavy sedation, jaw clenching"):
    the shape of a consumer's note, read as a report."""
    return len(norm.split()) <= 8 and CLINICAL_VOICE.search(norm) is None


# A new problem rather than a standing condition ("I have celiac disease").
ONSET = _rx(
    r"got|gets|getting|developed|develops|developing|started|starting|began|begun|broke out|"
    r"came down with|ended up|woke up with|now (?:has|have)|new|c/o|complain\w*|diagnosed|"
    r"turned|became|become|caused|gave|made|since|after|following|me dio|le dio|empece|empezo"
)
