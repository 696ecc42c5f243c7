"""Lay and Spanish wording of special situations that the earlier families miss, read off the
lead's own probe sentences (written before they were run, 2026-12-05, second session). Same
rules as concepts_families.py: plain pattern strings on normalised text, families not phrases,
narrow enough for ordinary messages.
"""

from __future__ import annotations

from caredesk.safety.screening.codes import SpecialSituation as SS
from caredesk.safety.screening.concepts_families import GULP, KID, MED

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
