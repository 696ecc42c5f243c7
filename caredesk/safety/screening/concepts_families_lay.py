"""Lay and Spanish wording of special situations that the earlier families miss, read off the
lead's own probe sentences (written before they were run, 2026-12-05, second session). Same
rules as concepts_families.py: plain pattern strings on normalised text, families not phrases,
narrow enough for ordinary messages.
"""

from __future__ import annotations

from caredesk.safety.screening.codes import SpecialSituation as SS
from caredesk.safety.screening.concepts_families import GULP, KID, MED
from caredesk.safety.screening.concepts_families_animals import SPECIAL_ANIMALS
from caredesk.safety.screening.concepts_families_carers import SPECIAL_CARERS
from caredesk.safety.screening.concepts_families_circumstances import SPECIAL_CIRCUMSTANCES
from caredesk.safety.screening.concepts_families_clinical import SPECIAL_CLINICAL
from caredesk.safety.screening.concepts_families_doses import SPECIAL_DOSES
from caredesk.safety.screening.concepts_families_in_passing import SPECIAL_IN_PASSING
from caredesk.safety.screening.concepts_families_indirect import SPECIAL_INDIRECT
from caredesk.safety.screening.concepts_families_registers import SPECIAL_REGISTERS
from caredesk.safety.screening.concepts_families_results import SPECIAL_RESULTS
from caredesk.safety.screening.concepts_families_spanish import SPECIAL_SPANISH
from caredesk.safety.screening.concepts_families_spanish_events import SPECIAL_SPANISH_EVENTS
from caredesk.safety.screening.concepts_families_uses import SPECIAL_USES

SPECIAL_LAY: dict[SS, str] = {}


def _add(code: SS, pattern: str) -> None:
    SPECIAL_LAY[code] = f"{SPECIAL_LAY[code]}|{pattern}" if code in SPECIAL_LAY else pattern


# Expressing or pumping milk is breastfeeding ("she expresses milk for her son").
_add(
    SS.BREASTFEEDING,
    r"(?:express(?:es|ed|ing)?|pump(?:s|ed|ing)?) (?:\w+ )?(?:breast ?)?milk|"
    r"(?:extraigo|me saco|se saca|saca) (?:la )?leche",
)
# The same dose taken again by forgetting ("forgot and took it again at lunch") and a whole
# container eaten ("wolfed down the whole tub of chews").
CONTAINER = r"(?:tub|box|pack|packet|bottle|tube|jar|bag|strip|blister|sachet|carton|pot|tin)"
_add(
    SS.OVERDOSE,
    r"(?:forgot|forgotten|forgetting|didn't remember)(?: [\w']+){0,5} (?:took|taken|take|gave|"
    r"given|had|used) (?:it|them|another|one|the dose|a dose|my dose|his dose|her dose|more)"
    r"(?: [\w']+){0,2} again|"
    r"(?:" + GULP + r"|ate|eaten|eat|chewed|got into)(?: down| up)? (?:the |a |an )?(?:whole|"
    r"entire|full|complete) " + CONTAINER,
)
# Readings no better after weeks on the product; "no me hace ningun efecto".
_add(
    SS.LACK_OF_EFFICACY,
    r"(?:sugars?|glucose|pressure|bp|readings?|numbers|levels?|cholesterol|weight|a1c|"
    r"temperature) (?:are|is|were|was|have|has|haven't|hasn't)(?: \w+)? (?:no|not|not any|"
    r"barely) (?:lower|better|different|down|improved|changed|come down|gone down) (?:after|"
    r"despite|on|even on|even after|in)|"
    r"no (?:me |le |les |nos )?(?:hace|hizo|ha hecho|hacen|hicieron|han hecho) (?:ningun|"
    r"ni un|nada de|ni el mas minimo) efecto",
)
# A child or a pet sucking, licking or chewing a patch, a cream or tablets (Spanish).
_add(
    SS.ACCIDENTAL_EXPOSURE,
    r"(?:mi|su|el|la|nuestro|nuestra) (?:hij[oa]|niet[oa]|"
    + KID
    + r")(?: \w+)? (?:chupo|lamio|mordio|mordisqueo|"
    r"mastico|se comio|se trago|se metio en la boca) (?:el|la|los|las|un|una|unos|unas) "
    r"(?:\w+ )?(?:parches?|cremas?|pastillas?|comprimidos?|capsulas?|pomadas?|jarabe|"
    r"medicamentos?|medicinas?|" + MED + r")",
)
# Boxes or labels said to be fake, misspelt or with a code that does not exist (Spanish).
_add(
    SS.COUNTERFEIT,
    r"(?:cajas|etiquetas|prospectos|envases|empaques)(?: \w+){0,5} (?:faltas de ortografia|"
    r"mal escrit[oa]s)|(?:son|parecen|eran|estan) (?:\w+ )?(?:falsas|falsos|falsificad[oa]s)|"
    r"(?:codigo|numero de serie|holograma)(?: \w+){0,3} no (?:existe|es valido|aparece)",
)

# Round 2 of the probes.
# Not knowing she was expecting ("didn't know she was expecting and used the lotion").
_add(
    SS.PREGNANCY,
    r"(?:didn't know|did not know|not knowing|unaware|found out|turns out|turned out|realised|"
    r"realized) (?:that )?(?:she|i|we|my (?:wife|partner|daughter|girlfriend)) (?:was|were|am|"
    r"is|are|had been) (?:already )?(?:expecting|pregnant|with child)",
)
# Many tablets over a day ("12 paracetamol over the day"), several taken at once ("4 of the
# sleep aids at once").
MANY = r"(?:9|[1-9]\d|nine|ten|eleven|twelve|fifteen|twenty)"
_add(
    SS.OVERDOSE,
    MANY + r" (?:\w+ )?(?:" + MED + r"|paracetamol|ibuprofen|aspirin|co-codamol|codeine|"
    r"painkillers|sleeping pills|sleep aids?)(?: [\w']+){0,3} (?:over|in|within|during) (?:the|"
    r"a|one|24|twenty-four|a single) (?:day|hours?|evening|night|morning|afternoon)|"
    r"(?:\d+|two|three|four|five|six|several) of (?:the|my|his|her|those|these) (?:[\w-]+ ){0,2}"
    r"[\w-]+ (?:at once|in one go|at the same time|all together|together)",
)
# A product for the skin, the rectum or the lungs taken by mouth; dispensed under another name.
_add(
    SS.MEDICATION_ERROR,
    r"(?:patch(?:es)?|suppositor(?:y|ies)|pessar(?:y|ies)|cream|gel|lotion|ointment|inhaler "
    r"capsules?|mouthwash|nicotine lozenges?)(?: [\w']+){0,3} (?:orally|by mouth)|"
    r"(?:swallowed|swallowing|chewed|ate) (?:the |a |an |his |her |my )?(?:patch|suppository|"
    r"pessary|inhaler capsule|desiccant)|"
    r"(?:con|a|bajo) (?:el )?nombre de otr[oa] (?:persona|paciente|senor|senora)",
)
# Worse than ever even with the product; an infection not cleared after a course.
_add(
    SS.LACK_OF_EFFICACY,
    r"(?:worse|bad|no better)(?: than ever| as ever)? even (?:with|on|after|though|when)|"
    r"(?:after|despite|even after) (?:a |the |my |his |her )?(?:whole |full |complete |entire )?"
    r"(?:course|week|fortnight|month|\w+ days?)(?: [\w']+){0,5} (?:hasn't|has not|haven't|have "
    r"not|didn't|did not|still hasn't|still haven't|isn't|is not|won't) (?:fully )?(?:cleared|"
    r"gone|shifted|budged|improved|worked|helped|healed)",
)
# Running out of a medicine and then feeling unwell.
_add(
    SS.WITHDRAWAL,
    r"(?:ran|run|running) out of (?:my|his|her|the|their) (?:[\w-]+ ){0,2}(?:for (?:\d+|a|two|"
    r"three|a few|a couple of|several) (?:days?|weeks?) )?(?:and|then|so) (?:i |he |she |they )?"
    r"(?:felt|feel|feeling|got|started|been|was (?!told|charged|given|sent|able)|have been|has "
    r"been|had (?!to))",
)
# Fakes sold: "someone is selling fakes", "these aren't your tablets".
_add(
    SS.COUNTERFEIT,
    r"(?:selling|sold|sells|sell|bought|buying) (?:\w+ )?(?:fakes|knock-?offs|counterfeits|fake "
    r"(?:ones|versions?|copies))|(?:these|they|this|it) (?:aren't|are not|isn't|is not) "
    r"(?:your|genuine|real|the real|the genuine) (?:\w+ )?(?:" + MED + r")",
)

# From the second writer's training batch (eval/contact_center/train_13.txt, 2026-12-05).
# A medicine given to the wrong person; a look-alike used; a label read wrongly.
_add(
    SS.MEDICATION_ERROR,
    r"(?:gave|given|administered|handed|injected)(?: \w+){0,2} \w+'s (?:\w+ ){0,2}(?:" + MED + r"|"
    r"medicines?|medication|meds|dose|tablets|pills) to (?:the|another|a|an|someone|somebody) "
    r"(?:\w+ )?(?:lady|man|woman|patient|resident|person|gentleman|child|boy|girl|customer)|"
    r"wrong (?:bag|prescription|medicine|medication|tablets|box|item|basket)(?: [\w']+){0,2} "
    r"(?:was |were )?(?:handed over|handed out|given|dispensed|supplied|given out)|"
    r"(?:looks?|looked) (?:exactly |just |almost )?(?:like|the same as) (?:my|his|her|our|their) "
    r"(?:husband|wife|partner|mum|mom|dad|son|daughter|brother|sister|nan|gran|dog|cat)'s|"
    r"read [\"']?(?:[\w]+ ){0,3}[\w]+[\"']?(?: on the (?:label|box|leaflet))? as",
)
# Sweets: a child eating tablets thinking they are sweets.
_add(
    SS.ACCIDENTAL_EXPOSURE,
    r"(?:thinking|thought|mistook|mistaking|mistaken)(?: (?:they|it|them) (?:were|was|for))? "
    r"(?:for )?(?:sweets|candy|candies|a sweet|sweeties|lollies|smarties|mints|chocolates?|gummy "
    r"bears|jelly beans|caramelos|golosinas|chuches)",
)
# "I'm 22 weeks" (pregnant, said without the word).
_add(
    SS.PREGNANCY,
    r"(?:i'm|i am|she's|she is|i was|she was|my wife is|my partner is) (?:\d{1,2}|twenty[- ]\w+)"
    r" ?(?:weeks?|wks?)(?: pregnant| gone| along)?(?=,|\.| and | now| today| with|$)",
)
# Many tablets at once, a second dose the same day, Spanish doses within hours or taken twice.
_add(
    SS.OVERDOSE,
    r"(?:took|taken|swallowed|had|gave|given) (?:him |her |them )?(?:[5-9]|\d\d|five|six|seven|"
    r"eight|nine|ten|twelve|twenty) (?:\w+ )?(?:" + MED + r"|antihistamines|painkillers|"
    r"paracetamol|ibuprofen|sleeping (?:pills|tablets)|sleep aids)(?! (?:a|per|each|every) "
    r"(?:day|week)| daily| over| a day| twice)|"
    r"(?:a )?second (?:dose|capsule|tablet|pill|injection|patch|sachet)(?: [\w',]+){0,8} (?:on |"
    r"in )?(?:the same|one) (?:day|morning|evening|night)|"
    r"(?:dos|tres|cuatro|cinco|seis|\d+) (?:sobres|pastillas|comprimidos|capsulas|dosis)"
    r"(?: de [\w,]+){0,3}(?: de \d+ ?(?:g|mg))? en (?:una|dos|tres|cuatro|\d+|menos de \w+) "
    r"horas?|(?:se ha tomado|se tomo|me he tomado|me tome|ha tomado|tomo|le di|le dio|le he dado|"
    r"le ha dado) dos veces (?:la|el|su|mi|sus|mis) (?:\w+ )?(?:pastilla|dosis|capsula|"
    r"comprimido|medicina|medicamento|jarabe)",
)
# Months of a nasal decongestant; daily use for months despite the label's limit.
_add(
    SS.MISUSE,
    r"(?:nasal|decongestant) (?:spray|drops)(?: [\w']+){0,8} (?:for|after) (?:\d+|several|a few|"
    r"many|two|three|four|six) (?:months|years)|(?:months|years) of (?:daily |constant |"
    r"regular )?(?:use|using)(?: [\w']+){0,3} (?:nasal|decongestant)|(?:every (?:day|night)|"
    r"daily|nightly) for (?:\d+|several|a few|many|two|three|four|six) (?:months|years)"
    r"(?: [\w'\"]+){0,6} (?:despite|though|even though|although|but the (?:box|pack|label|"
    r"leaflet) says)",
)
# Stopping a nasal decongestant and the nose blocked worse (rebound).
_add(
    SS.WITHDRAWAL,
    r"(?:quit|stopped|came off|coming off|gave up)(?: the| my)? (?:nasal |decongestant )+(?:spray|"
    r"drops)(?: [\w']+){0,12} (?:blocked|stuffed|congested|bunged)",
)
_add(
    SS.LACK_OF_EFFICACY,
    r"no (?:me |le |les |nos )?(?:ha hecho|hace|han hecho|hacen) nada|sigue con (?:\w+ )?"
    r"(?:pulgas|garrapatas|sarna|picores|hongos|lombrices|piojos)",
)
_add(
    SS.COUNTERFEIT,
    r"claiming to be (?:your|the) (?:brand|product|company)|(?:you|they) (?:don't|do not|never) "
    r"(?:make|sell|produce|manufacture) (?:tablets|capsules|that|this|these|them|it|gummies|"
    r"injections|pens)",
)
_add(
    SS.INFECTIOUS_AGENT,
    r"(?:cultured|grew|isolated|tested positive for|swab (?:showed|grew)|found) (?:\w+ ){0,2}"
    r"(?:salmonella|e\.? ?coli|listeria|pseudomonas|staph\w*|strep\w*|klebsiella|bacillus|"
    r"candida|aspergillus|serratia|burkholderia)",
)
# A product named for one condition put on another ("the acne gel on my rosacea").
_COND = (
    r"acne|eczema|psoriasis|rosacea|thrush|fungal|cold sores?|warts?|verrucas?|dandruff|nappy "
    r"rash|haemorrhoids?|hemorrhoids?|piles|athlete's foot|ringworm|scabies|lice|arthritis|"
    r"migraines?|hay fever|allergy|asthma|psoriasis"
)
_add(
    SS.OFF_LABEL_USE,
    r"(?P<cond>" + _COND + r") (?:cream|gel|ointment|lotion|spray|drops|shampoo|tablets|pills|"
    r"medicine|inhaler|wash) (?:on|for|to treat|to help with|under) (?:my|his|her|their|our|the|"
    r"a) (?:\w+ )?(?!(?P=cond))(?:" + _COND + r"|puffiness|wrinkles|eye bags|dark circles|scars?|"
    r"stretch marks|tattoos?|sunburn|insect bites|stings)(?![\w'])",
)

# Round 3 of the lead's probes (2026-12-05, second session).
_RELATIVE = (
    r"(?:husband|wife|partner|mum|mom|mother|dad|father|son|daughter|brother|sister|nan|gran|"
    r"grandma|grandad|friend|flatmate|roommate|neighbou?r|boyfriend|girlfriend)"
)
_SPECIES = r"dog|cat|horse|pony|rabbit|ferret|sheep|cow|pig|goat|puppy|kitten|bird|chicken"
_add(
    SS.BREASTFEEDING,
    r"(?:giving|give|gives|gave) (?:him|her|them|the baby|my baby) (?:the )?(?:boob|breast|tit)|"
    r"feeds? (?:our|the|her|my|his) (?:\d+ (?:week|month)[- ]old|baby|son|daughter|twins?|"
    r"newborn|little one)(?: \w+)? (?:herself|myself|naturally|on the breast)|"
    r"(?:dando|doy|da|dar) (?:de mamar|el pecho|la teta)",
)
_add(
    SS.OVERDOSE,
    r"(?:week's|month's|fortnight's|two weeks'|days') (?:worth of )?(?:\w+ )?(?:tablets|pills|"
    r"doses|meds|supply|medication|capsules) (?:in one go|all at once|at once|at the same time|"
    r"together)|(?:then|and then|later) (?:my \w+|his \w+|her \w+|someone|somebody|the \w+|he|"
    r"she|they) (?:also )?(?:gave|gives|had given|has given) (?:him|her|them|it) another (?:one|"
    r"dose|tablet|pill|injection|spot-on)",
)
_add(
    SS.MEDICATION_ERROR,
    r"(?:used|took|gave|injected|applied) (?:the |my |his |her )?(?:\w+ )?(?:insulin|pen|"
    r"vaccine|vial|drops|injection|medicine|suspension)(?: [\w']+){0,4} (?:left|kept|stored) "
    r"(?:out of the fridge|in the (?:car|sun|heat)|frozen|unrefrigerated)|"
    r"(?:swapped|mixed up|confused|muddled up|muddled) (?:the )?(?:\w+ )?(?:drops|tablets|pills|"
    r"inhalers?|pens?|creams?|medicines?|syringes?) (?:with|and|for) (?:the )?(?:\w+ )?(?:drops|"
    r"tablets|pills|inhalers?|pens?|creams?|medicines?|syringes?)|"
    r"(?:took|taken|take|gave|given|used) (?:my|his|her|our|their) "
    + _RELATIVE
    + r"'s (?:\w+ ){0,3}(?:pills?|tablets?|meds|medicine|medication|inhaler|insulin|pen|drops|"
    r"patch|cream|capsules?) (?:instead of|by mistake|thinking|by accident)",
)
_add(
    SS.LACK_OF_EFFICACY,
    r"(?:\d+|two|three|four|five|six|a few|several) (?:nights|days|weeks|months) (?:on|of|using|"
    r"taking|with) (?:the|my|his|her|your|these|this|them|it)(?: [\w'-]+){0,3} (?:and|but) "
    r"(?:i'm |i am |he's |she's |he is |she is |it's |we're |they're |i |he |she )?still|"
    r"no (?:me |le |les |nos )?(?:ha|han|hizo|hicieron)? ?servido de nada|no (?:me |le )?"
    r"(?:sirve|sirven|sirvio|sirvieron) de nada",
)
_add(
    SS.ABUSE,
    r"stash of (?:\w+ ){0,2}(?:pills|tablets|capsules|painkillers|sleeping pills|codeine|syrup|"
    r"meds)|rolled[- ]up (?:note|banknote|bill|tenner|fiver|dollar)",
)
_add(
    SS.OFF_LABEL_USE,
    r"(?:give|gave|giving|given) (?:the |my |our |his |her )?(?P<ta>" + _SPECIES + r") (?:a |half "
    r"|a quarter of |some of |part of )?(?:the |a |an )?(?!(?P=ta)\b)(?:" + _SPECIES + r")(?:'s)? "
    r"(?:tablets?|pills?|wormer|drops|spot-on|medicine|paste|chews?|dose)",
)
_add(
    SS.ACCIDENTAL_EXPOSURE,
    r"(?:got|swallowed|inhaled|breathed in|took) (?:a )?(?:mouthful|faceful|lungful|splash|"
    r"spray|gulp|drop|lot) (?:of )?(?:the )?(?:\w+ )?(?:drench|dip|spray|wormer|pour-on|"
    r"insecticide|vaccine|chemo|disinfectant|solution|gel|medicine|injection)",
)

# Special situations said indirectly (concepts_families_indirect.py, the third writer's batch).
# and those mentioned in passing (concepts_families_in_passing.py, the fourth writer's batch),
# those in new registers (concepts_families_registers.py, the seventh and eighth writers) and
# those told by their circumstances (concepts_families_circumstances.py, the ninth writer) and
# as clinicians and carers report them (concepts_families_clinical.py, the twelfth writer),
# in Spanish (concepts_families_spanish.py, an all-Spanish batch) and told by what followed
# (concepts_families_results.py, the fifteenth and sixteenth writers; concepts_families_doses.py
# and concepts_families_uses.py, the seventeenth to nineteenth; concepts_families_spanish_events.py,
# the twenty-third; concepts_families_animals.py and concepts_families_carers.py, the
# twenty-fifth and twenty-sixth).
_TABLES = (SPECIAL_INDIRECT, SPECIAL_IN_PASSING, SPECIAL_REGISTERS, SPECIAL_CIRCUMSTANCES)
_LATER = (SPECIAL_CLINICAL, SPECIAL_SPANISH, SPECIAL_RESULTS, SPECIAL_DOSES, SPECIAL_USES)
_LATER_STILL = (SPECIAL_SPANISH_EVENTS, SPECIAL_ANIMALS, SPECIAL_CARERS)
for _table in (*_TABLES, *_LATER, *_LATER_STILL):
    for _code, _patterns in _table.items():
        for _pattern in _patterns:
            _add(_code, _pattern)
